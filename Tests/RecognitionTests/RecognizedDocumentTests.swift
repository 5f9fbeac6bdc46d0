import Normalization
import Rules
import Testing
import TestSupport
@testable import Recognition

/// Recognition returns everything later stages read: mentions, the tokens' loose keys, and
/// the candidates only when asked.
@Suite struct RecognizedDocumentTests {
  static let yaml = """
    lists:
      title: [President]
    patterns:
      - {type: PERSON, pattern: '@title <Cap+>'}
    entities:
      - {id: person/dina-boluarte, type: PERSON, name: Dina Boluarte, aliases: [Boluarte]}
    """

  @Test func candidatesOnlyWhenAsked() throws {
    let rules = try Fixture.rules(Self.yaml)
    let normalizer = try Normalizer()
    let document = normalizer.document(text: "President Dina Boluarte")
    let recognizer = Recognizer(rules: rules)
    let plain = recognizer.mentions(in: document, lexicon: normalizer.lexicon)
    #expect(plain.candidates == nil)
    let asked = recognizer.mentions(in: document, lexicon: normalizer.lexicon, keepingCandidates: true)
    #expect(asked.mentions == plain.mentions)
    // The longest alias match at each start ("Dina Boluarte", "Boluarte"), then the pattern's.
    #expect(asked.candidates?.map { "\($0.firstToken)-\($0.endToken) \($0.how)" } == ["1-3 alias", "2-3 alias", "1-3 pattern"])
    // Asking once changes nothing for the next call.
    #expect(recognizer.mentions(in: document, lexicon: normalizer.lexicon).candidates == nil)
  }

  @Test func looseKeysAreOnePerTokenAndOutliveTheNextDocument() throws {
    let rules = try Fixture.rules(Self.yaml)
    let normalizer = try Normalizer()
    let recognizer = Recognizer(rules: rules)
    let first = normalizer.document(text: "Boluarte y Boluarte")
    let kept = recognizer.mentions(in: first, lexicon: normalizer.lexicon)
    #expect(kept.looseKeys.count == first.tokens.count)
    #expect(kept.looseKeys[0] == kept.looseKeys[first.tokens.count - 1])
    let before = kept.looseKeys
    let second = normalizer.document(text: "President Dina")
    #expect(recognizer.mentions(in: second, lexicon: normalizer.lexicon).looseKeys.count == second.tokens.count)
    #expect(kept.looseKeys == before)  // copy-on-write: the next document does not overwrite it
  }
}
