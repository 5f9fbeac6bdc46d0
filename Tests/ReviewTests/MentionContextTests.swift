import Foundation
import Testing
import TestSupport

@testable import Review

/// Context lines read from input documents.
@Suite struct MentionContextTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var document: [UInt8]
    var mention: (start: Int, end: Int, text: String)
    var expected: ContextLine
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "short document: all of it, line breaks as spaces", document: Array("President\nDina Boluarte  said.".utf8),
      mention: (10, 23, "Dina Boluarte"), expected: ContextLine(before: "President ", text: "Dina Boluarte", after: " said.")),
    Case(
      name: "code point offsets past non-ASCII text", document: Array("Él visitó Perú ayer".utf8), mention: (10, 14, "Perú"),
      expected: ContextLine(before: "Él visitó ", text: "Perú", after: " ayer")),
    Case(
      name: "a byte-order mark is not counted", document: [0xEF, 0xBB, 0xBF] + Array("in Lima".utf8), mention: (3, 7, "Lima"),
      expected: ContextLine(before: "in ", text: "Lima")),
    Case(
      name: "long text is cut at whole words",
      document: Array("one two three four five six seven eight nine ten Lima eleven twelve thirteen fourteen fifteen sixteen".utf8),
      mention: (49, 53, "Lima"),
      expected: ContextLine(before: "… four five six seven eight nine ten ", text: "Lima", after: " eleven twelve thirteen fourteen fifteen …")),
    Case(
      name: "an edited document falls back to the mention text", document: Array("in Lyon".utf8), mention: (3, 7, "Lima"),
      expected: ContextLine(text: "Lima")),
    Case(
      name: "offsets past the end fall back too", document: Array("in".utf8), mention: (3, 7, "Lima"),
      expected: ContextLine(text: "Lima")),
  ]

  @Test(arguments: cases)
  func context(_ c: Case) throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(["sub/d.txt": c.document], under: folder)
    let mention = OutputMention(
      doc: "sub/d.txt", start: c.mention.start, end: c.mention.end, text: c.mention.text, type: "PLACE", entity: "e", rule: "r")
    #expect(MentionContext(inputFolder: folder.path).line(for: mention) == c.expected)
  }

  @Test func withoutInputTheMentionTextAlone() {
    let mention = OutputMention(doc: "d.txt", start: 0, end: 9, text: "Dina\nBoluarte", type: "PERSON", entity: "e", rule: "r")
    #expect(MentionContext(inputFolder: nil).line(for: mention) == ContextLine(text: "Dina Boluarte"))
  }
}
