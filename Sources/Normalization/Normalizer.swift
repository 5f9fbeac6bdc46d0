/// Turns text into tokens with offsets and match keys: the Normalization stage.
///
/// Pipeline per document: decode (``TextDecoder``) → UAX #29 sentence and word boundaries
/// (ICU, root locale; ICU's dictionaries segment Chinese, Japanese, Thai, Khmer, Lao and
/// Burmese; ``WordSegmenter`` finds ICU's word boundaries itself in plain stretches of
/// letters, digits and punctuation) → tokens → per-form keys (``KeyFolder``: NFC,
/// NFKC_Casefold, loose).
///
/// Boundaries are found on the original text, not on an NFC copy: UAX #29 keeps combining
/// marks with their base, so both give the same boundaries, and offsets need no correction
/// map. Each distinct form is normalized once; later tokens of that form cost one hash lookup.
///
/// Four adjustments to UAX #29 serve matching:
/// - an English possessive is its own token: "Boluarte's" → "Boluarte" + "'s";
/// - a French or Italian elision is its own token: "l'Intérieur" → "l'" + "Intérieur",
///   "dell'Italia" → "dell'" + "Italia";
/// - an abbreviation keeps its final dot: "U.S." and "EE.UU." are one token each
///   (ICU would split off the last dot), so their loose key is "us" / "eeuu";
/// - white space is never part of a token: U+202F separates words like a space (UAX #29 makes it
///   ExtendNumLet, so "14\u{202F}juillet" would be one word), and a space that a combining mark
///   or emoji modifier attached itself to (" \u{301}") is left out of the mark's token.
///
/// Not thread-safe: each worker owns one normalizer (and its ``Lexicon``).
public final class Normalizer {
  /// Interned key strings; ``TokenKeys`` ids index it.
  public let lexicon = Lexicon()
  private let words: WordSegmenter
  private let sentences: BreakIterator
  private let folder: KeyFolder
  private var forms = FormTable()
  private var formKeys: [TokenKeys] = []
  private var formShapes: [TokenShape] = []
  private var formScripts: [UInt8] = []
  /// ``classifyNonWord(_:classes:)``'s cache: the BMP and the emoji planes' first block.
  private var nonWordClasses = [UInt8](repeating: 0, count: 0x20000)

  public init() throws(ICUError) {
    words = try WordSegmenter()
    sentences = try BreakIterator(.sentence)
    folder = try KeyFolder()
  }

  /// Decodes and tokenizes a document's bytes.
  public func document(path: String, bytes: [UInt8], replacingInvalid: Bool = false) throws(DecodingError) -> Document {
    let decoded = try TextDecoder.decode(bytes, replacingInvalid: replacingInvalid)
    return document(path: path, utf16: decoded.utf16)
  }

  /// Tokenizes text that is already a Swift string (tests, rule aliases).
  public func document(path: String = "", text: String) -> Document {
    document(path: path, utf16: Array(text.utf16))
  }

  public func document(path: String, utf16: [UInt16]) -> Document {
    let (tokens, sentenceCount) = tokenize(utf16)
    return Document(path: path, text: utf16, tokens: tokens, sentenceCount: sentenceCount)
  }

  /// The number of distinct forms whose keys are cached.
  public var cachedFormCount: Int { forms.count }

  // MARK: Tokenization

  private func tokenize(_ text: [UInt16]) -> ([Token], Int) {
    text.withUnsafeBufferPointer { buf -> ([Token], Int) in
      var sentenceEnds: [Int] = []
      sentences.forEachBoundary(in: buf) { boundary, _ in sentenceEnds.append(boundary) }

      var tokens: [Token] = []
      tokens.reserveCapacity(buf.count / 5)
      var sentence = 0
      // Code point offsets grow with UTF-16 offsets; one cursor converts them all in O(n).
      var cursorUnits = 0
      var cursorPoints = 0
      func codePoint(at offset: Int) -> Int32 {
        while cursorUnits < offset {
          if !UTF16.isTrailSurrogate(buf[cursorUnits]) { cursorPoints += 1 }
          cursorUnits += 1
        }
        return Int32(cursorPoints)
      }
      func emit(_ start: Int, _ end: Int, _ kind: TokenKind) {
        while sentence < sentenceEnds.count - 1 && start >= sentenceEnds[sentence] { sentence += 1 }
        let form = formIndex(UnsafeBufferPointer(rebasing: buf[start..<end]))
        let gapStart = tokens.last.map { Int($0.utf16End) } ?? 0
        let flags: TokenFlags =
          !tokens.isEmpty && Self.hasBlankLine(UnsafeBufferPointer(rebasing: buf[min(gapStart, start)..<start]))
          ? .startsParagraph : []
        let s = codePoint(at: start)
        let e = codePoint(at: end)
        tokens.append(
          Token(
            start: s, end: e, utf16Start: Int32(start), utf16End: Int32(end), sentence: Int32(sentence),
            kind: kind, shape: formShapes[form], flags: flags, script: formScripts[form], keys: formKeys[form]))
      }

      // UAX #29 makes U+202F NARROW NO-BREAK SPACE ExtendNumLet, which glues it to the words
      // around it ("14\u{202F}juillet", "Bonjour\u{202F}»"); French sets it before ; : ! ? ».
      // Word boundaries come from a copy where it is a plain space: same length, same offsets.
      var breakable = text
      if text.contains(0x202F) {
        for i in breakable.indices where breakable[i] == 0x202F { breakable[i] = 0x20 }
      }
      var previous = 0
      breakable.withUnsafeBufferPointer { breakBuf in
        words.forEachBoundary(in: breakBuf) { boundary, status in
          let start = previous
          previous = boundary
          let segment = UnsafeBufferPointer(rebasing: buf[start..<boundary])
          switch status {
          case 100..<200: emit(start, boundary, .number)
          case 200..<300:
            var wordStart = start
            if let elided = Self.elisionSplit(segment) {
              emit(start, start + elided, .word)
              wordStart = start + elided
            }
            let rest = UnsafeBufferPointer(rebasing: buf[wordStart..<boundary])
            if let split = Self.possessiveSplit(rest) {
              emit(wordStart, wordStart + split, .word)
              emit(wordStart + split, boundary, .punctuation)
            } else {
              emit(wordStart, boundary, .word)
            }
          case 300..<400: emit(start, boundary, .kana)
          case 400..<500: emit(start, boundary, .ideographic)
          default:
            guard let kind = Self.classifyNonWord(segment, classes: &nonWordClasses) else { return }
            // UAX #29 attaches a combining mark or emoji modifier to a preceding space (" \u{301}");
            // the token starts after the space.
            var start = start
            while Self.isWhitespace(buf[start]) { start += 1 }
            if kind == .punctuation, segment.count == 1, segment[0] == 0x2E, let last = tokens.last,
              Int(last.utf16End) == start, last.kind == .word,
              Self.isAbbreviation(UnsafeBufferPointer(rebasing: buf[Int(last.utf16Start)..<start]))
            {
              // "U.S" + "." → "U.S.": re-key the longer form.
              tokens.removeLast()
              cursorUnits = Int(last.utf16Start)
              cursorPoints = Int(last.start)
              emit(Int(last.utf16Start), boundary, .word)
            } else {
              emit(start, boundary, kind)
            }
          }
        }
      }
      return (Self.fitted(tokens), max(sentenceEnds.count, text.isEmpty ? 0 : 1))
    }
  }

  /// `tokens` in storage of their count: they are reserved from a guess and grow by doubling,
  /// so up to half the storage can be spare, and a long document keeps them to its end.
  static func fitted(_ tokens: [Token]) -> [Token] {
    guard tokens.capacity - tokens.count > max(4_096, tokens.count / 8) else { return tokens }
    return [Token](unsafeUninitializedCapacity: tokens.count) { buffer, count in
      _ = buffer.initialize(fromContentsOf: tokens)
      count = tokens.count
    }
  }

  /// The form index of `units`, computing and caching its keys the first time.
  private func formIndex(_ units: UnsafeBufferPointer<UInt16>) -> Int {
    let hash = FormTable.hash(units)
    if let index = forms.find(units, hash: hash) { return Int(index) }
    let keys = folder.keys(of: units)
    _ = forms.insert(units, hash: hash)
    formKeys.append(
      TokenKeys(
        exact: lexicon.intern(keys.exact), folded: lexicon.intern(keys.folded),
        loose: lexicon.intern(keys.loose)))
    formShapes.append(keys.shape)
    formScripts.append(keys.script)
    return formKeys.count - 1
  }

  // MARK: Segment rules

  /// The offset at which an English possessive starts ("Boluarte's" → 8), if any.
  static func possessiveSplit(_ segment: UnsafeBufferPointer<UInt16>) -> Int? {
    let n = segment.count
    guard n > 2 else { return nil }
    let apostrophe = segment[n - 2]
    let s = segment[n - 1]
    guard apostrophe == 0x27 || apostrophe == 0x2019, s == 0x73 || s == 0x53 else { return nil }
    return n - 2
  }

  /// French and Italian elided articles and prepositions, before the apostrophe.
  static let elisions: Set<String> = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
    "dell", "dall", "nell", "sull", "all", "coll", "quell",
  ]

  /// The offset just after an elided word ("l'Intérieur" → 2, "dell'Italia" → 5), if any:
  /// French and Italian glue it to the next word, and names start after it.
  static func elisionSplit(_ segment: UnsafeBufferPointer<UInt16>) -> Int? {
    // Cheap test first: an apostrophe within the first seven units.
    guard segment.prefix(7).contains(where: { $0 == 0x27 || $0 == 0x2019 }) else { return nil }
    var prefix = ""
    for (i, unit) in segment.enumerated() {
      if unit == 0x27 || unit == 0x2019 {
        guard i > 0, i + 1 < segment.count, Self.elisions.contains(prefix),
          let next = Unicode.Scalar(segment[i + 1]), next.properties.isAlphabetic
        else { return nil }
        return i + 1
      }
      guard i < 6, unit < 0x80, let scalar = Unicode.Scalar(unit), scalar.properties.isAlphabetic else { return nil }
      prefix.unicodeScalars.append(Unicode.Scalar(UInt8(unit)).properties.lowercaseMapping.unicodeScalars.first!)
    }
    return nil
  }

  /// Letters in groups of at most three, separated by single dots: "U.S", "EE.UU", "Ph.D".
  static func isAbbreviation(_ segment: UnsafeBufferPointer<UInt16>) -> Bool {
    var group = 0
    var dots = 0
    for unit in segment {
      if unit == 0x2E {
        if group == 0 { return false }
        dots += 1
        group = 0
      } else if unit < 0x80 {
        // ASCII without property lookups: its letters are A-Z and a-z, and it has no marks.
        guard (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) else { return false }
        group += 1
        if group > 3 { return false }
      } else {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        if scalar.properties.isAlphabetic {
          group += 1
          if group > 3 { return false }
        } else if group == 0 || !Self.isCombiningMark(scalar) {
          // A combining mark belongs to the letter before it, so NFD "E\u{301}.U" counts as "É.U".
          return false
        }
      }
    }
    return dots > 0 && group > 0
  }

  /// Whether white space holds two or more line breaks (CRLF counts once; U+2029 counts two).
  /// ASCII characters of general category P (punctuation): the rest of ASCII outside words is
  /// a symbol or a control character, which ``classifyNonWord(_:)`` calls symbols.
  static let asciiPunctuation: [Bool] = (0..<128).map { isPunctuation(Unicode.Scalar(UInt8($0))) }

  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      true
    default: false
    }
  }

  /// White_Space, with ASCII answered without a property lookup.
  @inline(__always) static func isWhitespace(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return unit == 0x20 || (0x09...0x0D).contains(unit) }
    return Unicode.Scalar(unit)?.properties.isWhitespace ?? false
  }

  static func hasBlankLine(_ gap: UnsafeBufferPointer<UInt16>) -> Bool {
    var breaks = 0
    var previous: UInt16 = 0
    for unit in gap {
      switch unit {
      case 0x0A where previous == 0x0D: break
      case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028: breaks += 1
      case 0x2029: breaks += 2
      default: break
      }
      if breaks >= 2 { return true }
      previous = unit
    }
    return false
  }

  /// True for general category M (nonspacing, spacing and enclosing marks).
  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }

  /// Punctuation, symbol, or nil for white space and invisible format characters.
  /// `classes` caches what each code point below its count is (0 unknown yet, 1 punctuation,
  /// 2 symbol, 3 white space or invisible): each property lookup costs about as much as
  /// ICU's whole segmentation of a word.
  static func classifyNonWord(_ segment: UnsafeBufferPointer<UInt16>, classes: inout [UInt8]) -> TokenKind? {
    // Decoded by hand: building a String for every space and comma was a sixth of the time.
    var i = 0
    while i < segment.count {
      let unit = segment[i]
      if unit < 0x80 {
        // ASCII, by far the most common: no Unicode property lookups.
        if unit == 0x20 || (0x09...0x0D).contains(unit) {
          i += 1
          continue
        }
        return asciiPunctuation[Int(unit)] ? .punctuation : .symbol
      }
      let scalar: Unicode.Scalar?
      if UTF16.isLeadSurrogate(unit), i + 1 < segment.count, UTF16.isTrailSurrogate(segment[i + 1]) {
        scalar = Unicode.Scalar((UInt32(unit - 0xD800) << 10 | UInt32(segment[i + 1] - 0xDC00)) + 0x10000)
        i += 2
      } else {
        scalar = Unicode.Scalar(unit)
        i += 1
      }
      guard let scalar else { continue }
      let v = Int(scalar.value)
      var known = v < classes.count ? classes[v] : 0
      if known == 0 {
        let p = scalar.properties
        known = p.isWhitespace || p.isDefaultIgnorableCodePoint ? 3 : isPunctuation(scalar) ? 1 : 2
        if v < classes.count { classes[v] = known }
      }
      if known == 3 { continue }
      return known == 1 ? .punctuation : .symbol
    }
    return nil
  }
}
