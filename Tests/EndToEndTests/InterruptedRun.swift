import Foundation
import Normalization
import TestSupport

/// Runs `quipu` with `arguments` on a generated corpus of 3,000 documents (in a temporary
/// folder, `corpus/`, rules in `rules/`) and sends it Ctrl-C as soon as `watched` (relative to
/// the folder) exists: what the interruption tests share.
struct InterruptedRun {
  let root: URL
  let status: Int32
  let stderr: String

  init(_ arguments: [String], interruptWhenExists watched: String) throws {
    root = try Fixture.temporaryFolder()
    try Fixture.write(["rules/test.yaml": Array(Corpus.rules.utf8)], under: root)
    try Fixture.write(Corpus.generate(documents: 3000), under: root.appendingPathComponent("corpus"))
    let process = Process()
    process.executableURL = QuipuBinary.url
    process.arguments = arguments
    process.currentDirectoryURL = root
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let path = root.appendingPathComponent(watched).path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: path), Date() < deadline, process.isRunning { usleep(5_000) }
    kill(process.processIdentifier, SIGINT)
    stderr = String(decoding: errors.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
    process.waitUntilExit()
    status = process.terminationStatus
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}
