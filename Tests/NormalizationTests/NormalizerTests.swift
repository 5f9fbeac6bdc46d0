import TestSupport
import Testing

@testable import Normalization

/// A sentence in one language and the tokens it must give.
struct LanguageCase: Sendable, CustomTestStringConvertible {
  var language: String
  var text: String
  /// Every token's text, in order; nil where segmentation comes from ICU's dictionaries
  /// (Chinese, Japanese, Thai), whose word lists change between ICU releases.
  var tokens: [String]?
  /// Tokens that must appear whatever the dictionary version.
  var contains: [String] = []
  var testDescription: String { language }
}

@Suite struct NormalizerTests {
  static let languages: [LanguageCase] = [
    LanguageCase(
      language: "Spanish", text: "La presidenta Dina Boluarte viajó a Junín el 3 de marzo.",
      tokens: ["La", "presidenta", "Dina", "Boluarte", "viajó", "a", "Junín", "el", "3", "de", "marzo", "."]),
    LanguageCase(
      language: "English", text: "Prime Minister Keir Starmer met reporters in Manchester on Friday.",
      tokens: ["Prime", "Minister", "Keir", "Starmer", "met", "reporters", "in", "Manchester", "on", "Friday", "."]),
    LanguageCase(
      language: "Portuguese", text: "O presidente Lula visitou São Paulo na terça-feira.",
      tokens: ["O", "presidente", "Lula", "visitou", "São", "Paulo", "na", "terça", "-", "feira", "."]),
    LanguageCase(
      // UAX #29 keeps an elided article with its word; Quipu splits it off: "l'" + "exposition".
      language: "French", text: "Le maire de Lyon a inauguré l'exposition, dit-il.",
      tokens: ["Le", "maire", "de", "Lyon", "a", "inauguré", "l'", "exposition", ",", "dit", "-", "il", "."]),
    LanguageCase(
      language: "German", text: "Der Bundeskanzler sprach am Montag in München über die Straße.",
      tokens: ["Der", "Bundeskanzler", "sprach", "am", "Montag", "in", "München", "über", "die", "Straße", "."]),
    LanguageCase(
      language: "Russian", text: "Президент России посетил Москву 12 мая.",
      tokens: ["Президент", "России", "посетил", "Москву", "12", "мая", "."]),
    LanguageCase(
      language: "Greek", text: "Ο πρωθυπουργός επισκέφθηκε την Αθήνα.",
      tokens: ["Ο", "πρωθυπουργός", "επισκέφθηκε", "την", "Αθήνα", "."]),
    LanguageCase(
      language: "Arabic", text: "زار الرئيس القاهرة يوم الأحد.",
      tokens: ["زار", "الرئيس", "القاهرة", "يوم", "الأحد", "."]),
    LanguageCase(
      language: "Chinese", text: "秘鲁总统访问北京。他会见了中国领导人。", tokens: nil,
      contains: ["秘鲁", "北京", "中国", "。"]),
    LanguageCase(
      language: "Japanese", text: "東京で首相が記者会見を開いた。", tokens: nil, contains: ["東京", "首相", "。"]),
    LanguageCase(
      language: "Thai", text: "นายกรัฐมนตรีเดินทางไปกรุงเทพฯ", tokens: nil, contains: ["กรุงเทพฯ"]),
  ]

  @Test(arguments: languages)
  func tokenizesEveryScript(_ c: LanguageCase) throws {
    let normalizer = try Normalizer()
    let doc = normalizer.document(text: c.text)
    expectTokenInvariants(doc, of: c.text)
    if let tokens = c.tokens {
      #expect(doc.tokenTexts == tokens)
    } else {
      // Scripts without spaces: the tokens tile the text exactly.
      #expect(doc.tokenTexts.joined() == c.text)
      #expect(doc.tokens.count >= 4, "a dictionary segmenter should split the text into words")
    }
    for word in c.contains {
      #expect(doc.tokenTexts.contains(word), "\(word) should be a token")
    }
  }

  @Test func offsetsOfAnAccentedSentence() throws {
    let doc = try Normalizer().document(text: "Junín y Perú")
    #expect(doc.tokens.map { [$0.start, $0.end] } == [[0, 5], [6, 7], [8, 12]])
    #expect(doc.tokens.map { [$0.utf16Start, $0.utf16End] } == [[0, 5], [6, 7], [8, 12]])
  }

  // MARK: Canonical equivalence

  @Test func decomposedAccentStaysInItsWord() throws {
    let normalizer = try Normalizer()
    let text = "en el Peru\u{301}."
    let doc = normalizer.document(text: text)
    expectTokenInvariants(doc, of: text)
    try #require(doc.tokens.count == 4)
    let peru = doc.tokens[2]
    #expect([peru.start, peru.end] == [6, 11], "5 code points: P e r u U+0301")
    #expect(units(doc.string(of: peru)) == units("Peru\u{301}"), "the token quotes the original, undecomposed text")
    #expect(units(normalizer.keyStrings(peru).exact) == units("Per\u{FA}"), "the exact key is NFC")
    #expect(normalizer.keyStrings(peru).loose == "peru")
    #expect([doc.tokens[3].start, doc.tokens[3].end] == [11, 12])
  }

  struct EquivalenceCase: Sendable, CustomTestStringConvertible {
    var nfc: String
    var nfd: String
    var testDescription: String { nfc }
  }

  @Test(arguments: [
    EquivalenceCase(nfc: "Perú", nfd: "Peru\u{301}"),
    EquivalenceCase(nfc: "São Paulo", nfd: "Sa\u{303}o Paulo"),
    EquivalenceCase(nfc: "Hà Nội", nfd: "Ha\u{300} No\u{323}\u{302}i"),
    EquivalenceCase(nfc: "Ñuñoa, Chile.", nfd: "N\u{303}un\u{303}oa, Chile."),
    EquivalenceCase(nfc: "los É.U. y México", nfd: "los E\u{301}.U. y Me\u{301}xico"),
    EquivalenceCase(nfc: "Ἀθῆναι", nfd: "Α\u{313}θη\u{342}ναι"),
    EquivalenceCase(nfc: "Йошкар-Ола", nfd: "И\u{306}ошкар-Ола"),
    EquivalenceCase(nfc: "ドイツの首相がパリを訪問した。", nfd: "ト\u{3099}イツの首相がハ\u{309A}リを訪問した。"),
  ])
  func nfdAndNFCGiveTheSameTokensAndKeys(_ c: EquivalenceCase) throws {
    let normalizer = try Normalizer()
    let composed = normalizer.document(text: c.nfc)
    let decomposed = normalizer.document(text: c.nfd)
    expectTokenInvariants(decomposed, of: c.nfd)
    #expect(decomposed.tokens.map(\.keys) == composed.tokens.map(\.keys))
    #expect(decomposed.tokens.map(\.kind) == composed.tokens.map(\.kind))
    #expect(decomposed.tokens.map(\.shape) == composed.tokens.map(\.shape))
  }

  // MARK: Emoji and astral scalars

  @Test func emojiKeepCodePointOffsets() throws {
    let text = "Hello 👩‍💻 and 🇵🇪 flag 👍🏽 end"
    let doc = try Normalizer().document(text: text)
    expectTokenInvariants(doc, of: text)
    #expect(doc.tokenTexts == ["Hello", "👩‍💻", "and", "🇵🇪", "flag", "👍🏽", "end"])
    #expect(doc.tokens.map(\.kind) == [.word, .symbol, .word, .symbol, .word, .symbol, .word])
    // 👩‍💻 is 3 code points (👩 ZWJ 💻) but 5 UTF-16 units; flags and skin tones are 2 and 4.
    #expect(
      doc.tokens.map { [$0.start, $0.end] } == [
        [0, 5], [6, 9], [10, 13], [14, 16], [17, 21], [22, 24], [25, 28],
      ])
    #expect(
      doc.tokens.map { [$0.utf16Start, $0.utf16End] } == [
        [0, 5], [6, 11], [12, 15], [16, 20], [21, 25], [26, 30], [31, 34],
      ])
  }

  @Test func astralLettersAfterEmojiKeepOffsets() throws {
    // 𝐀 (U+1D400) is an astral letter; 𠀀 (U+20000) an astral ideograph.
    let text = "😀😀 𝐀b 𠀀 Perú"
    let doc = try Normalizer().document(text: text)
    expectTokenInvariants(doc, of: text)
    #expect(doc.tokens.last.map { [$0.start, $0.end] } == [8, 12])
    #expect(doc.tokenTexts.last == "Perú")
  }

  // MARK: White space

  struct SpaceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var tokens: [String]
    var offsets: [[Int32]]
    var testDescription: String { name }
  }

  @Test(arguments: [
    SpaceCase(
      name: "tabs", text: "Lima\tPerú\t\t2023", tokens: ["Lima", "Perú", "2023"],
      offsets: [[0, 4], [5, 9], [11, 15]]),
    SpaceCase(
      name: "CRLF line ends", text: "Lima\r\nCusco\r\n", tokens: ["Lima", "Cusco"], offsets: [[0, 4], [6, 11]]),
    SpaceCase(
      name: "no-break space U+00A0", text: "Lima\u{A0}Perú", tokens: ["Lima", "Perú"], offsets: [[0, 4], [5, 9]]),
    SpaceCase(
      name: "two no-break spaces", text: "Lima\u{A0}\u{A0}Perú", tokens: ["Lima", "Perú"], offsets: [[0, 4], [6, 10]]),
    SpaceCase(
      // U+202F is ExtendNumLet in UAX #29, so ICU alone would glue it to the words around it.
      name: "narrow no-break space U+202F between words", text: "Dina\u{202F}Boluarte",
      tokens: ["Dina", "Boluarte"], offsets: [[0, 4], [5, 13]]),
    SpaceCase(
      name: "French guillemets with U+202F", text: "«\u{202F}Bonjour\u{202F}»",
      tokens: ["«", "Bonjour", "»"], offsets: [[0, 1], [2, 9], [10, 11]]),
    SpaceCase(
      name: "French U+202F before a semicolon", text: "dit-il\u{202F}; oui",
      tokens: ["dit", "-", "il", ";", "oui"], offsets: [[0, 3], [3, 4], [4, 6], [7, 8], [9, 12]]),
    SpaceCase(
      name: "U+202F between a number and a word", text: "le 14\u{202F}juillet",
      tokens: ["le", "14", "juillet"], offsets: [[0, 2], [3, 5], [6, 13]]),
    SpaceCase(
      name: "U+202F as a thousands separator", text: "10\u{202F}000 personnes",
      tokens: ["10", "000", "personnes"], offsets: [[0, 2], [3, 6], [7, 16]]),
    SpaceCase(
      name: "ideographic space", text: "東京\u{3000}大阪", tokens: ["東京", "大阪"], offsets: [[0, 2], [3, 5]]),
    SpaceCase(
      name: "a combining mark on a space is a token without the space", text: "x \u{301}y",
      tokens: ["x", "\u{301}", "y"], offsets: [[0, 1], [2, 3], [3, 4]]),
    SpaceCase(
      name: "a combining mark on a no-break space", text: "acento\u{A0}\u{301}",
      tokens: ["acento", "\u{301}"], offsets: [[0, 6], [7, 8]]),
    SpaceCase(
      name: "zero-width joiner between spaces", text: "a \u{200D} b", tokens: ["a", "b"], offsets: [[0, 1], [4, 5]]),
  ])
  func whiteSpaceIsNeverInATokenNorAToken(_ c: SpaceCase) throws {
    let doc = try Normalizer().document(text: c.text)
    expectTokenInvariants(doc, of: c.text)
    #expect(doc.tokens.map { units(doc.string(of: $0)) } == c.tokens.map(units))
    #expect(doc.tokens.map { [$0.start, $0.end] } == c.offsets)
  }

  @Test(arguments: ["", " ", "\t\r\n", "\u{A0}", "\u{202F}", "\u{3000}", "\u{200D}", " \u{A0} \u{202F}\r\n\t\u{2028}"])
  func blankTextHasNoTokens(_ text: String) throws {
    let doc = try Normalizer().document(text: text)
    #expect(doc.tokens.isEmpty)
    if text.isEmpty { #expect(doc.sentenceCount == 0) }
  }

  // MARK: Bytes in

  @Test func leadingBOMIsNotText() throws {
    let normalizer = try Normalizer()
    let doc = try normalizer.document(path: "a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Perú y Lima".utf8))
    #expect(doc.path == "a.txt")
    #expect(doc.text == Array("Perú y Lima".utf16))
    #expect(doc.tokenTexts == ["Perú", "y", "Lima"])
    #expect(doc.tokens.map { [$0.start, $0.end] } == [[0, 4], [5, 6], [7, 11]])
  }

  @Test func utf16BytesGiveTheSameTokens() throws {
    let normalizer = try Normalizer()
    let text = "Perú 🇵🇪 Lima"
    let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let fromUTF16 = try normalizer.document(path: "b.txt", bytes: le)
    let fromString = normalizer.document(text: text)
    #expect(fromUTF16.tokens == fromString.tokens)
  }

  @Test func undecodableBytesThrow() throws {
    let normalizer = try Normalizer()
    #expect(throws: DecodingError(byteOffset: 3, reason: .invalidUTF8)) {
      try normalizer.document(path: "bad.txt", bytes: Array("Per".utf8) + [0xC3])
    }
  }

  // MARK: Kinds

  struct KindCase: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: TokenKind
    var testDescription: String { text }
  }

  @Test(arguments: [
    KindCase(text: "Perú", kind: .word),
    KindCase(text: "3M", kind: .word),
    KindCase(text: "Москва", kind: .word),
    KindCase(text: "القاهرة", kind: .word),
    KindCase(text: "2023", kind: .number),
    KindCase(text: "3.5", kind: .number),
    KindCase(text: "1,000", kind: .number),
    KindCase(text: "秘鲁", kind: .ideographic),
    // ICU segments kana with its CJ dictionary and reports the dictionary run's status,
    // UBRK_WORD_IDEO, so kana never comes out as `.kana` (status 300) on ICU 72.
    KindCase(text: "ペルー", kind: .ideographic),
    KindCase(text: ",", kind: .punctuation),
    KindCase(text: "¿", kind: .punctuation),
    KindCase(text: "«", kind: .punctuation),
    KindCase(text: "-", kind: .punctuation),
    KindCase(text: "%", kind: .punctuation),
    KindCase(text: "$", kind: .symbol),
    KindCase(text: "+", kind: .symbol),
    KindCase(text: "👍", kind: .symbol),
    KindCase(text: "🇵🇪", kind: .symbol),
  ])
  func kindOfALoneToken(_ c: KindCase) throws {
    let doc = try Normalizer().document(text: c.text)
    try #require(doc.tokens.count == 1)
    #expect(doc.tokens[0].kind == c.kind)
    #expect(doc.tokens[0].isWordLike == [.word, .number, .kana, .ideographic].contains(c.kind))
  }

  @Test func kindsInASentence() throws {
    let doc = try Normalizer().document(text: "Perú 2023, 秘鲁 $5 👍")
    #expect(doc.tokenTexts == ["Perú", "2023", ",", "秘鲁", "$", "5", "👍"])
    #expect(doc.tokens.map(\.kind) == [.word, .number, .punctuation, .ideographic, .symbol, .number, .symbol])
  }

  // MARK: Sentences

  struct SentenceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var sentences: [Int32]  // per token
    var count: Int
    var testDescription: String { name }
  }

  @Test(arguments: [
    SentenceCase(name: "one sentence", text: "Boluarte habló.", sentences: [0, 0, 0], count: 1),
    SentenceCase(
      name: "two sentences", text: "Boluarte habló. Luego viajó.", sentences: [0, 0, 0, 1, 1, 1], count: 2),
    SentenceCase(
      name: "Spanish ¿…?", text: "¿Dónde está Lima? Está en el Perú.",
      sentences: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], count: 2),
    SentenceCase(
      name: "Spanish ¡…!", text: "¡Viva el Perú! Dijo.", sentences: [0, 0, 0, 0, 0, 1, 1], count: 2),
    SentenceCase(
      name: "Chinese 。", text: "秘鲁。中国。", sentences: [0, 0, 1, 1], count: 2),
    SentenceCase(name: "line ends", text: "Lima\r\nCusco\nPuno", sentences: [0, 1, 2], count: 3),
    SentenceCase(
      name: "a lowercase word after U.S. continues the sentence", text: "The U.S. economy grew.",
      sentences: [0, 0, 0, 0, 0], count: 1),
    SentenceCase(
      // ICU's root locale has no abbreviation list: "Mr." ends a sentence.
      name: "Mr. ends a sentence in the root locale", text: "Mr. Smith spoke.",
      sentences: [0, 0, 1, 1, 1], count: 2),
  ])
  func sentenceIndexes(_ c: SentenceCase) throws {
    let doc = try Normalizer().document(text: c.text)
    expectTokenInvariants(doc, of: c.text)
    #expect(doc.tokens.map(\.sentence) == c.sentences)
    #expect(doc.sentenceCount == c.count)
  }

  @Test func emptyDocument() throws {
    let doc = try Normalizer().document(path: "empty.txt", bytes: [])
    #expect(doc.tokens.isEmpty)
    #expect(doc.sentenceCount == 0)
    #expect(doc.text.isEmpty)
  }

  // MARK: Form cache

  @Test func equalFormsShareKeysAndAreNormalizedOnce() throws {
    let normalizer = try Normalizer()
    let doc = normalizer.document(text: "Perú Perú PERÚ Peru\u{301}")
    try #require(doc.tokens.count == 4)
    let keys = doc.tokens.map(\.keys)
    #expect(keys[0] == keys[1])
    #expect(keys[2].exact != keys[0].exact)
    #expect(keys[2].folded == keys[0].folded)
    #expect(keys[3] == keys[0], "NFD and NFC forms have the same keys")
    #expect(normalizer.cachedFormCount == 3, "Perú, PERÚ and the NFD form")
    _ = normalizer.document(text: "Perú PERÚ")
    #expect(normalizer.cachedFormCount == 3, "a second document reuses the cache")
    #expect(normalizer.lexicon.id(of: "perú") == keys[0].folded)
    #expect(normalizer.lexicon.id(of: "peru") == keys[0].loose)
  }

  @Test func anotherNormalizerGivesTheSameKeyStrings() throws {
    let text = "Dina Boluarte visitó Cusco y Junín."
    let first = try Normalizer()
    _ = first.document(text: "texto previo que cambia los ids")
    let second = try Normalizer()
    let a = first.document(text: text)
    let b = second.document(text: text)
    #expect(a.tokens.map(\.start) == b.tokens.map(\.start))
    #expect(a.tokens.map { first.keyStrings($0).loose } == b.tokens.map { second.keyStrings($0).loose })
    #expect(a.tokens.map { first.keyStrings($0).exact } == a.tokenTexts)
  }
}
