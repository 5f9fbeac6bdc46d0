import Testing

@testable import Normalization

/// ``WordSegmenter`` must find ICU's word boundaries: every character of its table is checked
/// against ICU, and its segments against ICU's over random and hand-picked text.
@Suite struct WordSegmenterTests {
  /// A segment that can hold a token: its range and its rule status's hundred (0 none,
  /// 1 number, 2 letter, 3 kana, 4 ideograph). White space alone never holds one, and the
  /// segmenter reports a run of it as one segment where ICU may report several.
  struct Segment: Equatable, CustomStringConvertible {
    var start: Int
    var end: Int
    var kind: Int32
    var description: String { "\(start)..<\(end):\(kind)" }
  }

  static func segments(_ text: String, iterate: (UnsafeBufferPointer<UInt16>, (Int, Int32) -> Void) -> Void) -> [Segment] {
    let units = Array(text.utf16)
    var out: [Segment] = []
    var previous = 0
    units.withUnsafeBufferPointer { buffer in
      iterate(buffer) { boundary, status in
        let blank = buffer[previous..<boundary].allSatisfy { WordSegmenter.classes[Int($0)] == .space }
        if !blank { out.append(Segment(start: previous, end: boundary, kind: status / 100)) }
        previous = boundary
      }
    }
    return out
  }

  static func icuSegments(_ text: String) throws -> [Segment] {
    let icu = try BreakIterator(.word)
    return segments(text) { icu.forEachBoundary(in: $0, $1) }
  }

  static func ownSegments(_ text: String) throws -> [Segment] {
    let segmenter = try WordSegmenter()
    return segments(text) { segmenter.forEachBoundary(in: $0, $1) }
  }

  @Test(arguments: [
    "", " ", "Peru", "Dina Boluarte dijo: «No renunciaré».", "U.S. and EE.UU. in 2024, 3.5% more",
    "don't stop l'Intérieur dell'Italia", "Boluarte's 3rd term — A4 paper, item_1", "1,000,000 dollars; 12:30",
    "Москва, 12 марта. Путин сказал…", "Η Αθήνα· η Ελλάδα", "e\u{301}te \u{301}x", "👩‍💻 #hashtag @handle 🇵🇪",
    "秘鲁总统博卢阿尔特 said", "ペルーの首都リマ", "ภาษาไทย ok", "القاهرة، مصر", "a..b ...", "\r\n\r\n  \t x",
    "Ο Γιώργος είπε «ναι»", "¿Qué pasó? ¡Nada!", "“quoted” ‘single’ it’s", "naïve Zoë Ærø Łódź Ǆemal",
    "a\u{A0}b 25\u{A0}%", "x\u{200B}y", "price: $5", "mid·dot", "O'Neil O’Neil",
    "pic.twitter.com/QHJlAJ09G2\n— Drüen Toulostovic (@handle) May 21",
  ])
  func segmentsAsICUDoes(text: String) throws {
    #expect(try Self.ownSegments(text) == Self.icuSegments(text), "\(text.debugDescription)")
  }

  /// Scalars from every class of the table and around it.
  static let pool: [[Unicode.Scalar]] = [
    Array("abcxyzLPSU".unicodeScalars), Array("0123456789".unicodeScalars),
    Array("éüñçÉÑøßİǅæŁǄ".unicodeScalars), Array("МоскваЁёЇ".unicodeScalars), Array("ΑθήναΆΐ".unicodeScalars),
    Array(".:',;’‘".unicodeScalars), Array("!?\"#$%&()*+-/<=>@[]^`{|}~¡¿«»–—“”„".unicodeScalars),
    ["_", "·", "\u{387}", "\u{301}", "\u{200D}", "\u{200B}", "\u{AD}", "\u{A0}", "\u{202F}", "\u{3000}", "\u{2028}"],
    ["😀", "👍", "🏽", "💻", "👩", "🇵", "🇪", "\u{FE0F}", "𝐀"], Array("秘鲁北京ペルーひらがなｶﾀกรุงเทพالقاهرة".unicodeScalars),
    [" ", " ", " ", "\t", "\r", "\n", "\u{B}", "\u{C}"],
  ]

  @Test(arguments: [1 as UInt64, 2, 3, 0x5155_4950_5531])
  func randomTextSegmentsAsICUDoes(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<2_000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...24, using: &rng) {
        text.append(Self.pool.randomElement(using: &rng)!.randomElement(using: &rng)!)
      }
      let string = String(text)
      let own = try Self.ownSegments(string)
      let icu = try Self.icuSegments(string)
      #expect(own == icu, "\(string.debugDescription)")
      if own != icu { return }
    }
  }

  /// Every character the table calls a letter, digit, mid character or punctuation mark is one
  /// to ICU too, in the contexts where the segmenter relies on it.
  @Test func tableAgreesWithICUCharacterByCharacter() throws {
    let icu = try BreakIterator(.word)
    func segments(_ units: [UInt16]) -> [(Int, Int32)] {
      var out: [(Int, Int32)] = []
      units.withUnsafeBufferPointer { buffer in icu.forEachBoundary(in: buffer) { out.append(($0, $1)) } }
      return out
    }
    for u in 0..<0x10000 {
      let unit = UInt16(u)
      let a: UInt16 = 0x61, one: UInt16 = 0x31, bang: UInt16 = 0x21
      switch WordSegmenter.classes[u] {
      case .letter:
        let word = segments([a, unit, a])
        #expect(word.count == 1 && (200..<300).contains(word[0].1), "U+\(String(u, radix: 16)) is not a letter to ICU")
        #expect(segments([bang, unit, bang]).count == 3, "U+\(String(u, radix: 16)) joins punctuation")
      case .digit:
        let number = segments([one, unit, one])
        #expect(number.count == 1 && (100..<200).contains(number[0].1), "U+\(String(u, radix: 16)) is not a digit to ICU")
      case .mid:
        #expect(segments([a, unit, a]).count == 1 || segments([one, unit, one]).count == 1, "U+\(String(u, radix: 16)) joins nothing")
        #expect(segments([a, unit, bang]).count == 3 && segments([unit, unit]).count == 2, "U+\(String(u, radix: 16))")
      case .punctuation:
        #expect(segments([a, unit, a]).count == 3 && segments([one, unit, one]).count == 3, "U+\(String(u, radix: 16)) joins words")
        #expect(segments([unit, unit]).count == 2 && segments([bang, unit]).count == 2, "U+\(String(u, radix: 16)) joins itself")
      case .space, .other:
        break
      }
    }
  }
}
