/// UAX #29 word boundaries, the same as ICU's, found without ICU where the text makes them
/// evident.
///
/// ICU's rule-based break iterator was the largest single cost of a run (a state machine step
/// per code unit, through several tables, plus a call per boundary). Most text Quipu reads is
/// words of plain letters between spaces and simple punctuation, where the UAX #29 rules give
/// the answer at sight: a run of letters is a word (status 200), a run of ASCII digits a number
/// (100), and every punctuation mark or symbol a segment of its own (0). Those stretches are
/// segmented here; everything else is handed to ICU, in regions that begin and end where UAX #29
/// always breaks, so that ICU's answer inside them is the one it gives over the whole text:
///
/// - a letter next to a digit ("3rd", "A4"), a mid-word character between two letters or
///   digits ("U.S", "don't", "3,5"), an underscore, combining marks, format characters,
///   emoji, scripts this table does not list (CJK and Thai go through ICU's dictionaries) and
///   anything else not classified below all make their stretch ICU's;
/// - stretches are the runs between ASCII white space; UAX #29 always breaks before white
///   space after a letter, digit or punctuation mark, and after white space before one. A
///   stretch that starts with a character outside this table is given to ICU together with
///   the white space before it (a combining mark attaches to a space, WB4), and one that ends
///   with such a character together with the white space after it (U+3000 and a space are
///   one segment, WB3d).
///
/// White space runs between stretches are reported as one segment (status 0), where ICU may
/// report several ("\n\n" is two): they never hold a token, and a token's offsets do not
/// depend on them. `WordSegmenterTests` checks the two against each other on random text and
/// checks every character of the table against ICU.
///
/// Not thread-safe (it owns an ICU break iterator): one per ``Normalizer``.
final class WordSegmenter {
  private let icu: BreakIterator

  init() throws(ICUError) {
    icu = try BreakIterator(.word)
  }

  /// What a UTF-16 code unit is to this segmenter.
  enum Class: UInt8 {
    /// Anything not below: its stretch goes to ICU.
    case other = 0
    /// ASCII white space: U+0020 and U+0009–U+000D.
    case space
    /// A letter of Word_Break ALetter in the Latin, Greek or Cyrillic blocks listed, and "@".
    case letter
    /// An ASCII digit (Word_Break Numeric).
    case digit
    /// A character that joins letters or digits around it (MidNum, MidNumLet, Single_Quote):
    /// . ' , ; and U+2018, U+2019.
    case mid
    /// Punctuation or a symbol of Word_Break Other: a segment by itself.
    case punctuation
  }

  /// ``Class`` of every BMP code unit (surrogates are `.other`).
  static let classes: [Class] = {
    var table = [Class](repeating: .other, count: 0x10000)
    func set(_ range: ClosedRange<Int>, _ c: Class) { for u in range { table[u] = c } }
    for u in 0x21...0x7E { table[u] = .punctuation }
    set(0x41...0x5A, .letter)
    set(0x61...0x7A, .letter)
    set(0x30...0x39, .digit)
    for u: UInt8 in [0x2E, 0x27, 0x2C, 0x3B] { table[Int(u)] = .mid }  // . ' , ;
    // ICU's root rules (CLDR's) take the colon out of MidLetter and make "@" a letter (handles).
    table[0x40] = .letter
    table[0x5F] = .other  // _ is ExtendNumLet: it joins words
    for u in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { table[u] = .space }
    // Latin-1 letters (not × ÷), Latin Extended-A and -B.
    set(0xC0...0xD6, .letter)
    set(0xD8...0xF6, .letter)
    set(0xF8...0x24F, .letter)
    // Greek and Coptic letters (not U+0387 ANO TELEIA, which is MidLetter).
    table[0x386] = .letter
    set(0x388...0x38A, .letter)
    table[0x38C] = .letter
    set(0x38E...0x3A1, .letter)
    set(0x3A3...0x3CE, .letter)
    // Cyrillic letters of modern languages.
    set(0x400...0x45F, .letter)
    // Common punctuation of European text: no-break space, ¡ « » ¿, dashes, double quotes.
    for u in [0xA0, 0xA1, 0xAB, 0xBB, 0xBF, 0x2013, 0x2014, 0x201C, 0x201D, 0x201E] { table[u] = .punctuation }
    table[0x2018] = .mid
    table[0x2019] = .mid
    return table
  }()

  /// Calls `body(boundary, ruleStatus)` for every boundary after the start of `text`, as
  /// ``BreakIterator/forEachBoundary(in:_:)`` does (status 0 for white space and
  /// punctuation, 100–199 numbers, 200–299 letters, 300–399 kana, 400–499 ideographs), but
  /// with one boundary for each run of ASCII white space outside ICU's regions.
  func forEachBoundary(in text: UnsafeBufferPointer<UInt16>, _ body: (_ boundary: Int, _ status: Int32) -> Void) {
    let n = text.count
    guard n > 0 else { return }
    Self.classes.withUnsafeBufferPointer { classes in
      // Text before `emitted` has been reported; ICU's pending region is regionStart..<regionEnd.
      var emitted = 0
      var regionStart = -1
      var regionEnd = -1
      var spaceStart = -1  // start of the white space run just before the stretch at hand
      func flushRegion() {
        guard regionStart >= 0 else { return }
        let region = UnsafeBufferPointer(rebasing: text[regionStart..<regionEnd])
        let offset = regionStart
        icu.forEachBoundary(in: region) { boundary, status in body(offset + boundary, status) }
        emitted = regionEnd
        regionStart = -1
      }
      var i = 0
      while i < n {
        if classes[Int(text[i])] == .space {
          spaceStart = i
          while i < n && classes[Int(text[i])] == .space { i += 1 }
          // After a character outside the table, a break before white space is not certain
          // (U+3000 IDEOGRAPHIC SPACE and a space stay together, WB3d): ICU sees that too.
          if regionStart >= 0 && regionEnd == spaceStart && classes[Int(text[spaceStart - 1])] == .other {
            regionEnd = i
          }
          continue
        }
        // A stretch: i..<end, with no white space.
        let start = i
        var simple = true
        var previous = Class.space
        while i < n {
          let c = classes[Int(text[i])]
          if c == .space { break }
          switch c {
          case .other: simple = false
          case .letter: if previous == .digit { simple = false }
          case .digit: if previous == .letter { simple = false }
          case .mid, .punctuation, .space: break
          }
          // A mid character between two letters or digits joins them (WB6, WB7, WB11, WB12).
          if previous == .mid, c == .letter || c == .digit, i >= start + 2 {
            let before = classes[Int(text[i - 2])]
            if before == .letter || before == .digit { simple = false }
          }
          previous = c
          i += 1
        }
        let end = i
        if simple {
          flushRegion()
          if emitted < start {
            body(start, 0)
            emitted = start
          }
          Self.segmentSimple(text, classes, from: start, to: end, body)
          emitted = end
        } else if regionStart >= 0 {
          regionEnd = end
        } else {
          // A stretch that opens with a character outside the table may attach to the white
          // space before it (WB4): ICU sees that white space too.
          let opensPlainly = classes[Int(text[start])] != .other
          let from = opensPlainly || spaceStart < 0 || spaceStart < emitted ? start : spaceStart
          if emitted < from {
            body(from, 0)
            emitted = from
          }
          regionStart = from
          regionEnd = end
        }
        spaceStart = -1
      }
      flushRegion()
      if emitted < n { body(n, 0) }
    }
  }

  /// The segments of a stretch of letters, digits and punctuation where no letter touches a
  /// digit and no mid character sits between two of them: letter runs, digit runs, and each
  /// other character alone.
  @inline(__always)
  private static func segmentSimple(
    _ text: UnsafeBufferPointer<UInt16>, _ classes: UnsafeBufferPointer<Class>, from start: Int, to end: Int,
    _ body: (_ boundary: Int, _ status: Int32) -> Void
  ) {
    var i = start
    while i < end {
      let c = classes[Int(text[i])]
      i += 1
      switch c {
      case .letter:
        while i < end && classes[Int(text[i])] == .letter { i += 1 }
        body(i, 200)
      case .digit:
        while i < end && classes[Int(text[i])] == .digit { i += 1 }
        body(i, 100)
      default:
        body(i, 0)
      }
    }
  }
}
