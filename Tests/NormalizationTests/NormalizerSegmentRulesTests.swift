import TestSupport
import Testing

@testable import Normalization

/// A text, its tokens, and optionally the loose key of one of them.
struct SegmentCase: Sendable, CustomTestStringConvertible {
  var name: String
  var text: String
  var tokens: [String]
  var kinds: [TokenKind]? = nil
  /// (token index, expected loose key)
  var loose: (Int, String)? = nil
  var testDescription: String { name }
}

/// The two adjustments the normalizer makes to UAX #29: possessives and abbreviations.
@Suite struct NormalizerSegmentRulesTests {
  static let possessives: [SegmentCase] = [
    SegmentCase(
      name: "ASCII apostrophe", text: "Boluarte's visit", tokens: ["Boluarte", "'s", "visit"],
      kinds: [.word, .punctuation, .word], loose: (1, "'s")),
    SegmentCase(
      name: "typographic apostrophe", text: "Boluarte’s visit", tokens: ["Boluarte", "’s", "visit"],
      kinds: [.word, .punctuation, .word], loose: (1, "'s")),
    SegmentCase(
      name: "capital S", text: "Boluarte'S", tokens: ["Boluarte", "'S"], kinds: [.word, .punctuation], loose: (1, "'s")),
    SegmentCase(name: "all capitals", text: "PERU'S", tokens: ["PERU", "'S"], kinds: [.word, .punctuation]),
    SegmentCase(name: "accented word", text: "Perú's", tokens: ["Perú", "'s"], loose: (0, "peru")),
    SegmentCase(name: "one-letter word", text: "X's", tokens: ["X", "'s"]),
    SegmentCase(name: "followed by punctuation", text: "Lima's.", tokens: ["Lima", "'s", "."]),
    SegmentCase(name: "its", text: "its", tokens: ["its"], kinds: [.word]),
    SegmentCase(name: "s", text: "s", tokens: ["s"], kinds: [.word]),
    SegmentCase(name: "'s alone", text: "'s", tokens: ["'", "s"], kinds: [.punctuation, .word]),
    SegmentCase(name: "’s alone", text: "’s", tokens: ["’", "s"], kinds: [.punctuation, .word]),
    SegmentCase(name: "apostrophe inside a name", text: "O'Higgins", tokens: ["O'Higgins"]),
    SegmentCase(name: "plural possessive", text: "the Andes' peaks", tokens: ["the", "Andes", "'", "peaks"]),
    SegmentCase(name: "apostrophe then another letter", text: "Boluarte'd", tokens: ["Boluarte'd"]),
    // The rule is orthographic: a contraction ending in 's splits too.
    SegmentCase(name: "contraction it's", text: "it's", tokens: ["it", "'s"]),
  ]

  static let abbreviations: [SegmentCase] = [
    SegmentCase(
      name: "U.S. mid-sentence", text: "The U.S. economy", tokens: ["The", "U.S.", "economy"],
      kinds: [.word, .word, .word],
      loose: (1, "us")),
    SegmentCase(
      name: "U.S. at the end of a sentence", text: "He lives in the U.S.",
      tokens: ["He", "lives", "in", "the", "U.S."],
      loose: (4, "us")),
    SegmentCase(
      name: "U.S. before another sentence", text: "in the U.S. Then",
      tokens: ["in", "the", "U.S.", "Then"], loose: (2, "us")),
    SegmentCase(name: "EE.UU.", text: "en EE.UU. hoy", tokens: ["en", "EE.UU.", "hoy"], loose: (1, "eeuu")),
    SegmentCase(
      name: "EE.UU. at the end", text: "viajó a EE.UU.", tokens: ["viajó", "a", "EE.UU."], loose: (2, "eeuu")),
    SegmentCase(name: "e.g.", text: "e.g. Lima", tokens: ["e.g.", "Lima"], loose: (0, "eg")),
    SegmentCase(name: "i.e.,", text: "i.e., Cusco", tokens: ["i.e.", ",", "Cusco"], loose: (0, "ie")),
    SegmentCase(name: "Ph.D.", text: "a Ph.D. student", tokens: ["a", "Ph.D.", "student"], loose: (1, "phd")),
    SegmentCase(name: "U.S.A.", text: "U.S.A.", tokens: ["U.S.A."], loose: (0, "usa")),
    SegmentCase(name: "Cyrillic С.Ш.А.", text: "в С.Ш.А.", tokens: ["в", "С.Ш.А."], loose: (1, "ssa")),
    SegmentCase(
      name: "a plain word keeps its period", text: "Lima.", tokens: ["Lima", "."], kinds: [.word, .punctuation]),
    SegmentCase(name: "a title without inner dot", text: "Mr. Smith", tokens: ["Mr", ".", "Smith"]),
    SegmentCase(
      name: "a decimal number stays a number", text: "creció 3.5.", tokens: ["creció", "3.5", "."],
      kinds: [.word, .number, .punctuation], loose: (1, "3.5")),
    SegmentCase(
      name: "a domain name is not merged with a final dot", text: "Visit example.com.",
      tokens: ["Visit", "example.com", "."],
      kinds: [.word, .word, .punctuation]),
    SegmentCase(
      name: "groups longer than three letters", text: "ABCD.EF.", tokens: ["ABCD.EF", "."]),
    SegmentCase(name: "space before the dot", text: "U.S .", tokens: ["U.S", "."]),
    SegmentCase(name: "ellipsis after an abbreviation", text: "U.S...", tokens: ["U.S.", ".", "."]),
    SegmentCase(name: "a possessive is not an abbreviation", text: "Lima's.", tokens: ["Lima", "'s", "."]),
  ]

  @Test(arguments: possessives)
  func possessiveIsItsOwnToken(_ c: SegmentCase) throws {
    try check(c)
  }

  @Test(arguments: abbreviations)
  func abbreviationKeepsItsFinalDot(_ c: SegmentCase) throws {
    try check(c)
  }

  private func check(_ c: SegmentCase) throws {
    let normalizer = try Normalizer()
    let doc = normalizer.document(text: c.text)
    expectTokenInvariants(doc, of: c.text)
    #expect(doc.tokenTexts == c.tokens)
    if let kinds = c.kinds { #expect(doc.tokens.map(\.kind) == kinds) }
    if let (index, loose) = c.loose {
      try #require(index < doc.tokens.count)
      #expect(normalizer.keyStrings(doc.tokens[index]).loose == loose)
    }
  }

  @Test func mergedAbbreviationKeepsOffsetsAndSentence() throws {
    let text = "Visitó 🇵🇪 y EE.UU. Luego volvió."
    let doc = try Normalizer().document(text: text)
    expectTokenInvariants(doc, of: text)
    let index = try #require(doc.tokenTexts.firstIndex(of: "EE.UU."))
    // 🇵🇪 is two code points and four UTF-16 units, so the two offsets differ by 2.
    #expect([doc.tokens[index].start, doc.tokens[index].end] == [12, 18])
    #expect([doc.tokens[index].utf16Start, doc.tokens[index].utf16End] == [14, 20])
    #expect(doc.tokens[index].sentence == 0)
    #expect(doc.tokens[index + 1].sentence == 1)
    #expect(doc.tokens[index + 1].start == 19)
  }

  struct SplitCase: Sendable, CustomTestStringConvertible {
    var segment: String
    var split: Int?
    var testDescription: String { segment }
  }

  @Test(arguments: [
    SplitCase(segment: "Boluarte's", split: 8),
    SplitCase(segment: "Boluarte’s", split: 8),
    SplitCase(segment: "Boluarte'S", split: 8),
    SplitCase(segment: "X's", split: 1),
    SplitCase(segment: "'s", split: nil),
    SplitCase(segment: "its", split: nil),
    SplitCase(segment: "Boluarte", split: nil),
    SplitCase(segment: "Boluarte`s", split: nil),
  ])
  func possessiveSplit(_ c: SplitCase) {
    let found = Array(c.segment.utf16).withUnsafeBufferPointer { Normalizer.possessiveSplit($0) }
    #expect(found == c.split)
  }

  struct AbbreviationCase: Sendable, CustomTestStringConvertible {
    var segment: String
    var isAbbreviation: Bool
    var testDescription: String { "\(segment) → \(isAbbreviation)" }
  }

  @Test(arguments: [
    AbbreviationCase(segment: "U.S", isAbbreviation: true),
    AbbreviationCase(segment: "EE.UU", isAbbreviation: true),
    AbbreviationCase(segment: "Ph.D", isAbbreviation: true),
    AbbreviationCase(segment: "e.g", isAbbreviation: true),
    AbbreviationCase(segment: "É.U", isAbbreviation: true),
    AbbreviationCase(segment: "E\u{301}.U", isAbbreviation: true),
    AbbreviationCase(segment: "ABC.DEF", isAbbreviation: true),
    AbbreviationCase(segment: "ABCD.E", isAbbreviation: false),
    AbbreviationCase(segment: "example.com", isAbbreviation: false),
    AbbreviationCase(segment: "US", isAbbreviation: false),
    AbbreviationCase(segment: "3.5", isAbbreviation: false),
    AbbreviationCase(segment: "U..S", isAbbreviation: false),
    AbbreviationCase(segment: ".U", isAbbreviation: false),
    AbbreviationCase(segment: "U.", isAbbreviation: false),
    AbbreviationCase(segment: "\u{301}.U", isAbbreviation: false),
    AbbreviationCase(segment: "", isAbbreviation: false),
  ])
  func abbreviationShape(_ c: AbbreviationCase) {
    let found = Array(c.segment.utf16).withUnsafeBufferPointer { Normalizer.isAbbreviation($0) }
    #expect(found == c.isAbbreviation)
  }
}

@Suite struct ElisionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var tokens: [String]
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    Case(text: "l'Intérieur", tokens: ["l'", "Intérieur"]),
    Case(text: "L’exposition d’art", tokens: ["L’", "exposition", "d’", "art"]),
    Case(text: "dell'Italia", tokens: ["dell'", "Italia"]),
    Case(text: "jusqu'à", tokens: ["jusqu'", "à"]),
    Case(text: "O'Brien don't", tokens: ["O'Brien", "don't"]),
    Case(text: "l'Italia's", tokens: ["l'", "Italia", "'s"]),
  ]

  @Test(arguments: cases)
  func elisionsAreTokensOfTheirOwn(_ c: Case) throws {
    let n = try Normalizer()
    let doc = n.document(text: c.text)
    #expect(doc.tokens.map(doc.string(of:)) == c.tokens)
    expectTokenInvariants(doc, of: c.text)
  }
}
