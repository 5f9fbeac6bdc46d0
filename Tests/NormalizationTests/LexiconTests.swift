import Testing

@testable import Normalization

@Suite struct LexiconTests {
  @Test func internsDenseStableIds() {
    let lexicon = Lexicon()
    #expect(lexicon.count == 0)
    #expect(lexicon.id(of: "peru") == nil)
    #expect(lexicon.intern("peru") == 0)
    #expect(lexicon.intern("lima") == 1)
    #expect(lexicon.intern("peru") == 0, "a second intern returns the first id")
    #expect(lexicon.intern("") == 2)
    #expect(lexicon.count == 3)
    #expect(lexicon.id(of: "lima") == 1)
    #expect(lexicon.string(0) == "peru")
    #expect(lexicon.string(2) == "")
  }

  @Test func canonicallyEquivalentStringsShareAnId() {
    // Swift's String hashing and == follow canonical equivalence, so NFC and NFD spellings are
    // one key. Harmless: the KeyFolder hands the lexicon normalized keys only.
    let lexicon = Lexicon()
    let nfc = lexicon.intern("per\u{FA}")
    let nfd = lexicon.intern("peru\u{301}")
    #expect(nfc == nfd)
    #expect(lexicon.count == 1)
    #expect(units(lexicon.string(nfc)) == units("per\u{FA}"), "the first spelling is kept")
  }
}
