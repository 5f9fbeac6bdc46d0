import Normalization
import Testing
import TestSupport
@testable import Recognition

/// A large document's pattern matchers are let go after their pass (``Recognizer/largeDocumentTokens``)
/// and built again for the next: the mentions are those of matchers kept.
@Suite struct MatcherReleaseTests {
  @Test func releasedMatchersFindWhatKeptOnesFind() throws {
    let rules = try Fixture.rules(LanguageTests.taggedRules)
    let normalizer = try Normalizer()
    let kept = Recognizer(rules: rules)
    let released = Recognizer(rules: rules)
    released.releasingFrom = 0
    let texts = [
      "the President Ana said of the presidente Bea and the\n\nel President Cleo dijo de el presidente Dora y el",
      "President Eva, presidente Fina",
      "el President Gil dijo de el presidente Hugo y el\n\nthe President Ines said of the presidente Juan and the",
    ]
    for text in texts + texts {
      let document = normalizer.document(text: text)
      let map = LanguageIdentifier(profiles: rules.languages).identify(document, lexicon: normalizer.lexicon)
      let a = kept.mentions(in: document, lexicon: normalizer.lexicon, languages: map).mentions
      let b = released.mentions(in: document, lexicon: normalizer.lexicon, languages: map).mentions
      #expect(!a.isEmpty)
      #expect(a == b)
    }
  }
}
