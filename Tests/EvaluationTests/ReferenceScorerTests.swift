import Foundation
import Normalization
import Testing
import TestSupport
@testable import Evaluation

/// Runs the reference scorer (`../shared/gold/score.py`, beside the repository) on the
/// hand-computed case and checks it prints what eval prints. Skipped where the shared
/// tools or `python3` are not installed, except in CI, where that fails (``ExternalTools``).
@Suite struct ReferenceScorerTests {
  static let script = Fixture.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/gold/score.py")
  static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static let available = FileManager.default.fileExists(atPath: script.path) && python != nil

  func requireTools() throws {
    try ExternalTools.require(Self.available, "python3 and \(Self.script.standardizedFileURL.path)")
  }

  func referenceOutput(gold: String, out: String, arguments: [String] = []) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python!)
    process.arguments = [Self.script.path, "--gold", gold, "--out", out] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readAllRetryingInterrupts()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  func handCaseFolder() throws -> (gold: String, out: String) {
    let folder = try Fixture.temporaryFolder()
    var files = ["gold.jsonl": Array(HandComputedCase.goldLines.utf8)]
    for (path, text) in HandComputedCase.predictionFiles { files["out/" + path] = Array(text.utf8) }
    try Fixture.write(files, under: folder)
    return (folder.appendingPathComponent("gold.jsonl").path, folder.appendingPathComponent("out").path)
  }

  /// Without its tools a test is skipped on a developer machine and fails in CI.
  @Test func aMissingToolSkipsOnlyOutsideCI() {
    #expect(ExternalTools.runs(true))
    #expect(ExternalTools.runs(false) == ExternalTools.inCI)
    #expect(throws: ExternalTools.Missing.self) { try ExternalTools.require(false, "a tool") }
    #expect(throws: Never.self) { try ExternalTools.require(true, "a tool") }
  }

  @Test(.enabled(if: ExternalTools.runs(available))) func scorePyPrintsTheSameTable() throws {
    try requireTools()
    let (gold, out) = try handCaseFolder()
    #expect(try referenceOutput(gold: gold, out: out) == HandComputedCase.table)
    #expect(ScoreReport.table(try Evaluation.run(gold: gold, predictions: out)) == HandComputedCase.table)
  }

  @Test(.enabled(if: ExternalTools.runs(available))) func scorePyAgreesWithFilteredDocumentsAndTypes() throws {
    try requireTools()
    let (gold, out) = try handCaseFolder()
    let scores = try Evaluation.run(gold: gold, predictions: out, documentPattern: Regex("^[ab]"), types: ["PLACE", "ORG"])
    #expect(try referenceOutput(gold: gold, out: out, arguments: ["--docs", "^[ab]", "--types", "PLACE,ORG"]) == ScoreReport.table(scores))
  }
}
