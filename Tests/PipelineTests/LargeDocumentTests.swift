import Foundation
import Testing
import TestSupport
@testable import Pipeline

/// Documents read in pieces give the same mention lines, with global offsets, as read whole.
@Suite struct LargeDocumentTests {
  static let yaml = "entities:\n  - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú, Перу, 秘鲁]}\n"

  func run(_ files: [String: [UInt8]], pieces: Bool, replace: Bool = false) throws -> (BatchSummary, URL) {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(files, under: tmp.appendingPathComponent("in"))
    var options = BatchOptions()
    options.replaceInvalid = replace
    if pieces {
      options.largeDocumentBytes = 1000
      options.largeDocumentBlock = (bytes: 257, units: 300)  // blocks split multi-byte characters
    }
    let out = tmp.appendingPathComponent("out")
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(
      input: tmp.appendingPathComponent("in").path, output: out.path, options: options)
    return (summary, out)
  }

  @Test func piecesGiveTheSameLinesAsAWholeRead() throws {
    var text = ""
    for i in 0..<400 { text += "Línea \(i): el Perú 🇵🇪 y Перу, 秘鲁\(i % 7 == 0 ? "\r\n" : i % 5 == 0 ? " " : "\n")" }
    let files = ["big.txt": [0xEF, 0xBB, 0xBF] + Array(text.utf8)]
    let (wholeSummary, whole) = try run(files, pieces: false)
    let (piecesSummary, pieces) = try run(files, pieces: true)
    #expect(wholeSummary.failures.isEmpty && piecesSummary.failures.isEmpty)
    let a = try String(contentsOf: whole.appendingPathComponent("docs/big.txt.jsonl"), encoding: .utf8)
    let b = try String(contentsOf: pieces.appendingPathComponent("docs/big.txt.jsonl"), encoding: .utf8)
    #expect(a.split(separator: "\n").count == 1200)
    #expect(a == b)
    #expect(
      try Data(contentsOf: whole.appendingPathComponent("entities.jsonl"))
        == Data(contentsOf: pieces.appendingPathComponent("entities.jsonl")))
  }

  @Test func invalidUTF8IsReportedAtItsGlobalByteOffset() throws {
    let bytes = Array(String(repeating: "Perú y Peru\n", count: 200).utf8) + [0xC3, 0x28] + Array("Peru".utf8)
    let (summary, _) = try run(["bad.txt": bytes], pieces: true)
    #expect(summary.failures.map(\.message) == ["invalid UTF-8 at byte offset \(bytes.count - 6)"])
    let (replaced, out) = try run(["bad.txt": bytes], pieces: true, replace: true)
    #expect(replaced.failures.isEmpty)
    let lines = try String(contentsOf: out.appendingPathComponent("docs/bad.txt.jsonl"), encoding: .utf8).split(separator: "\n")
    #expect(lines.last?.contains(#""start":2402,"end":2406,"text":"Peru""#) == true)
  }
}
