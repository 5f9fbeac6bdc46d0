import Foundation
import Testing
import TestSupport

/// A shard run stopped by Ctrl-C exits 130 and writes no manifest, so `quipu merge` refuses
/// it as unfinished instead of merging a shard that lacks documents.
@Suite struct InterruptedShardTests {
  @Test func anInterruptedShardHasNoManifest() throws {
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try Fixture.write(["rules/test.yaml": Array(Corpus.rules.utf8)], under: root)
    try Fixture.write(Corpus.generate(documents: 3000), under: root.appendingPathComponent("corpus"))
    let process = Process()
    process.executableURL = QuipuBinary.url
    process.arguments = ["run", "corpus", "--shard", "1/1", "--out", "shard", "--jobs", "1", "--no-rules-cache"]
    process.currentDirectoryURL = root
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Interrupt once documents are being written.
    let docs = root.appendingPathComponent("shard/docs").path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: docs), Date() < deadline, process.isRunning { usleep(5_000) }
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    let manifest = FileManager.default.fileExists(atPath: root.appendingPathComponent("shard/manifest.json").path)
    if process.terminationStatus == 130 {
      #expect(!manifest, "an interrupted shard must not look finished")
    } else {
      #expect([0, 1].contains(process.terminationStatus))  // it finished before the signal
      #expect(manifest)
    }
  }
}
