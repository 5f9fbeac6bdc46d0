import Foundation
import Testing
import TestSupport

/// A run stopped by Ctrl-C says how many documents it did, of how many, not the whole count
/// (issue 15: the interrupted summary counted documents not done).
@Suite struct InterruptedRunTests {
  @Test func theSummaryCountsOnlyTheDocumentsDone() throws {
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try Fixture.write(["rules/test.yaml": Array(Corpus.rules.utf8)], under: root)
    try Fixture.write(Corpus.generate(documents: 3000), under: root.appendingPathComponent("corpus"))
    let process = Process()
    process.executableURL = QuipuBinary.url
    process.arguments = ["run", "corpus", "--out", "out", "--jobs", "1", "--no-rules-cache"]
    process.currentDirectoryURL = root
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let docs = root.appendingPathComponent("out/docs").path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: docs), Date() < deadline, process.isRunning { usleep(5_000) }
    kill(process.processIdentifier, SIGINT)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let summary = stderr.split(separator: "\n").last { $0.hasPrefix("quipu: ") && $0.contains(" documents (") } ?? ""
    if process.terminationStatus == 130 {
      // "quipu: DONE of LISTED documents (…); interrupted"
      let words = summary.split(separator: " ")
      let done = words.count > 3 ? Int(words[1]) ?? -1 : -1
      let listed = words.count > 3 && words[2] == "of" ? Int(words[3]) ?? -1 : -1
      #expect(summary.hasSuffix("; interrupted"), "\(summary)")
      #expect(done >= 0 && listed >= 3000 && done < listed, "\(summary)")
    } else {
      #expect(!summary.contains(" of "), "finished before the signal: \(summary)")
    }
  }
}
