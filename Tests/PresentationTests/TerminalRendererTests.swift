import Testing
import TestSupport
@testable import Presentation

@Suite struct TerminalRendererTests {
  func render(color: Bool) throws -> String {
    let renderer = TerminalRenderer(palette: TypePalette(types: try PresentationFixture.rules().types), usesColor: color)
    return try PresentationFixture.documents().map(renderer.render).joined(separator: "\n")
  }

  /// `RECORD_SNAPSHOTS=1 swift test --filter PresentationTests` re-records the golden files.
  @Test func plainMarkersGolden() throws {
    let actual = try render(color: false)
    #expect(actual == (try Snapshot.expected(actual, named: "terminal-plain.txt")))
    #expect(actual.contains("[Dina Boluarte]{PERSON person/dina-boluarte} habló con la [CGTP]{ORG org/cgtp}."))
    #expect(!actual.contains("\u{1B}"))
  }

  @Test func colourGolden() throws {
    let actual = try render(color: true)
    #expect(actual == (try Snapshot.expected(actual, named: "terminal-color.txt")))
    #expect(actual.contains("\u{1B}[1;35mDina Boluarte\u{1B}[0m habló con la \u{1B}[1;36mCGTP\u{1B}[0m."))
    // The document's own escape sequence is defused; only the renderer's remain.
    #expect(actual.contains("Perú\u{1B}[0m\u{FFFD}[31m, 'hoy'."))
  }

  struct SafeCase: Sendable, CustomTestStringConvertible {
    var text: String
    var shown: String
    var testDescription: String { shown.debugDescription }
  }

  static let safeCases: [SafeCase] = [
    SafeCase(text: "plain\ttab\n", shown: "plain\ttab\n"),
    SafeCase(text: "a\r\nb\rc\n\rd", shown: "a\nb\nc\n\nd"),
    SafeCase(text: "\u{1B}[2J\u{7}\u{0}\u{9B}x", shown: "\u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}x"),
    SafeCase(text: "مرحبا 秘鲁 👩‍👩‍👧", shown: "مرحبا 秘鲁 👩‍👩‍👧"),
  ]

  @Test(arguments: safeCases)
  func controlCharactersNeverReachTheTerminal(_ c: SafeCase) {
    #expect(TerminalRenderer(palette: TypePalette(types: []), usesColor: true).safe(c.text) == c.shown)
  }

  @Test func aDocumentWithoutMentionsHasNoLegend() {
    let doc = AnnotatedDocument(path: "x.txt", text: Array("nothing".utf16), mentions: [])
    #expect(TerminalRenderer(palette: TypePalette(types: []), usesColor: false).render(doc) == "x.txt: 0 mentions, 0 entities\n\nnothing\n")
  }
}
