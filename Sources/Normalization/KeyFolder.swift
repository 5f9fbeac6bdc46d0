import CICU

/// Computes the three match keys of a word form with ICU.
///
/// - `exact`: NFC. "Peru\u{301}" → "Perú".
/// - `folded`: NFKC_Casefold of the NFC text (ICU full case folding of NFKC).
///   "ＣＧＴＰ" → "cgtp", "Straße" → "strasse", "PERÚ" → "perú".
/// - `loose`: `folded`, transliterated to Latin (except Han ideographs, whose toneless pinyin
///   would make unrelated words collide), diacritics removed, then ASCII-fied; dots inside
///   abbreviations dropped. "Perú" → "peru", "Москва" → "moskva", "U.S." → "us",
///   "EE.UU." → "eeuu", "ペルー" → "peru".
///
/// Transliteration is slow, so callers cache keys per distinct form (see ``Normalizer``).
/// Not thread-safe (it owns an ICU transliterator).
final class KeyFolder {
  /// The ICU transform behind `loose`, after case folding.
  static let looseTransform =
    "[:^Han:] Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Any-Lower"

  private let transliterator: Transliterator
  /// Per UTF-16 unit below ``spelledLimit``, what ``looseTransform`` makes of it alone
  /// (filled on first use). For folded Latin or Cyrillic words the transform works character
  /// by character (marks go, letters map to ASCII, and case, the only context its rules
  /// look at, was folded away), so their loose key is their characters' spellings end to end:
  /// a table lookup per character instead of a run of ICU's five-step transform, which costs
  /// tens of microseconds a word. `KeyFolderTests` checks this against the transform for
  /// every character of those ranges and for random words.
  private var spellings: [[UInt16]?] = Array(repeating: nil, count: Int(spelledLimit))
  static let spelledLimit: UInt16 = 0x1F00

  init() throws(ICUError) {
    transliterator = try Transliterator(Self.looseTransform)
  }

  /// Which transform a folded form needs for its loose key.
  enum LooseRoute: Equatable {
    /// ASCII, or Han ideographs only: the loose key is the folded one.
    case unchanged
    /// Latin letters, printable ASCII and Latin-1, and combining diacritics (U+0020–U+007E,
    /// U+00A0–U+024F, U+0300–U+036F, U+1E00–U+1EFF): character by character.
    case latin
    /// Cyrillic letters of modern languages (U+0400–U+045F) only: character by character.
    case cyrillic
    /// Anything else: ``looseTransform``.
    case any
  }

  static func looseRoute(_ folded: [UInt16]) -> LooseRoute {
    var ascii = true, latin = true, cyrillic = true, han = true
    for u in folded {
      if u >= 0x80 { ascii = false }
      if !((0x20...0x7E).contains(u) || (0xA0...0x24F).contains(u) || (0x300...0x36F).contains(u)
        || (0x1E00...0x1EFF).contains(u))
      {
        latin = false
      }
      if !(0x400...0x45F).contains(u) { cyrillic = false }
      if !((0x3400...0x4DBF).contains(u) || (0x4E00...0x9FFF).contains(u)) { han = false }
    }
    if ascii || han { return .unchanged }
    if latin { return .latin }
    return cyrillic ? .cyrillic : .any
  }

  /// The loose key of a folded form, before abbreviation dots are dropped.
  func looseUnits(_ folded: [UInt16]) -> [UInt16] {
    switch Self.looseRoute(folded) {
    case .unchanged: return folded
    case .any: return transliterator.apply(folded)
    case .latin, .cyrillic:
      var out: [UInt16] = []
      out.reserveCapacity(folded.count)
      for unit in folded {
        if let known = spellings[Int(unit)] {
          out.append(contentsOf: known)
        } else {
          let spelled = transliterator.apply([unit])
          spellings[Int(unit)] = spelled
          out.append(contentsOf: spelled)
        }
      }
      return out
    }
  }

  /// ``looseUnits(_:)`` through ``looseTransform`` whatever the text (for tests).
  func looseUnitsByFullTransform(_ folded: [UInt16]) -> [UInt16] {
    folded.allSatisfy({ $0 < 0x80 }) ? folded : transliterator.apply(folded)
  }

  struct Keys {
    var exact: String
    var folded: String
    var loose: String
    var shape: TokenShape
    var script: UInt8
  }

  func keys(of form: UnsafeBufferPointer<UInt16>) -> Keys {
    let nfc = NormalizationForm.nfc.apply(form)
    let folded = nfc.withUnsafeBufferPointer { NormalizationForm.nfkcCasefold.apply($0) }
    let loose = Self.droppingAbbreviationDots(looseUnits(folded))
    let exact = String(utf16: nfc)
    return Keys(
      exact: exact,
      folded: String(utf16: folded),
      loose: String(utf16: loose),
      shape: Self.shape(of: exact), script: Self.script(of: exact))
  }

  /// The script of the first letter (ICU UScriptCode), 0 when there is none.
  static func script(of text: String) -> UInt8 {
    for scalar in text.unicodeScalars {
      // ASCII letters are Latin (USCRIPT_LATIN); the rest of ASCII is not alphabetic.
      if scalar.value < 0x80 {
        if Self.asciiLetter(scalar.value) { return 25 }
        continue
      }
      guard scalar.properties.isAlphabetic else { continue }
      let code = quipu_script_of(scalar.value)
      if code > 1 { return UInt8(clamping: code) }  // skip Common (0) and Inherited (1)
    }
    return 0
  }

  /// "u.s." → "us", "ee.uu" → "eeuu"; "3.5", "..." and "." are left alone.
  static func droppingAbbreviationDots(_ units: [UInt16]) -> [UInt16] {
    let dot: UInt16 = 0x2E
    guard units.contains(dot) else { return units }
    var letters = 0
    for u in units where u != dot {
      // After Latin-ASCII, letters of the loose key are ASCII a-z; anything else disqualifies.
      guard (0x61...0x7A).contains(u) else { return units }
      letters += 1
    }
    return letters == 0 ? units : units.filter { $0 != dot }
  }

  @inline(__always) static func asciiLetter(_ value: UInt32) -> Bool {
    (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
  }

  static func shape(of text: String) -> TokenShape {
    var shape: TokenShape = []
    var sawLetter = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        // ASCII without property lookups: letters are A-Z and a-z, decimal digits 0-9.
        if (0x41...0x5A).contains(v) {
          shape.formUnion(sawLetter ? [.hasLetter, .hasUpper] : [.hasLetter, .hasUpper, .initialUpper])
          sawLetter = true
        } else if (0x61...0x7A).contains(v) {
          shape.formUnion([.hasLetter, .hasLower])
          sawLetter = true
        } else if (0x30...0x39).contains(v) {
          shape.insert(.hasDigit)
        }
        continue
      }
      let p = scalar.properties
      if p.isAlphabetic {
        shape.insert(.hasLetter)
        let upper = p.isUppercase || p.generalCategory == .titlecaseLetter
        if upper { shape.insert(.hasUpper) }
        if p.isLowercase { shape.insert(.hasLower) }
        if !sawLetter && upper { shape.insert(.initialUpper) }
        sawLetter = true
      } else if p.numericType == .decimal {
        shape.insert(.hasDigit)
      }
    }
    return shape
  }
}
