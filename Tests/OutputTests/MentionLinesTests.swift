import Foundation
import Pipeline
import Testing
import TestSupport
@testable import Output

@Suite struct MentionLinesTests {
  static let yaml = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
        aliases: [Perú]
      - id: person/dina-boluarte
        type: PERSON
        name: Dina Boluarte
        aliases: [Boluarte]
    """

  @Test func oneLinePerMentionWithCodePointOffsetsAndFixedKeyOrder() throws {
    let extractor = try Extractor(rules: Fixture.rules(Self.yaml))
    let text = "🌎 Boluarte visitó el Perú."
    let extracted = extractor.extract(path: "a/b.txt", text: text)
    let lines = String(decoding: MentionLines.render(extracted.mentions, of: extracted.document), as: UTF8.self)
    #expect(
      lines == """
        {"doc":"a/b.txt","start":2,"end":10,"text":"Boluarte","type":"PERSON","entity":"person/dina-boluarte","name":"Dina Boluarte","rule":"rules/test.yaml#person/dina-boluarte","how":"alias"}
        {"doc":"a/b.txt","start":21,"end":25,"text":"Perú","type":"PLACE","entity":"country/pe","name":"Peru","rule":"rules/test.yaml#country/pe","how":"alias"}

        """)
    // The offsets are Python str indices into the original text.
    #expect(text.codePoints(2, 10) == "Boluarte")
    #expect(text.codePoints(21, 25) == "Perú")
  }

  @Test func linesAreOrderedByStartThenEnd() throws {
    let extractor = try Extractor(rules: Fixture.rules(Self.yaml))
    let extracted = extractor.extract(path: "x", text: "Peru, Boluarte, Perú")
    let reversed = Array(extracted.mentions.reversed())
    #expect(MentionLines.render(reversed, of: extracted.document) == MentionLines.render(extracted.mentions, of: extracted.document))
  }

  @Test func noMentionsGivesAnEmptyFile() throws {
    let extractor = try Extractor(rules: Fixture.rules(Self.yaml))
    let extracted = extractor.extract(path: "x", text: "nothing here")
    #expect(MentionLines.render(extracted.mentions, of: extracted.document).isEmpty)
  }
}
