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

  init() throws(ICUError) {
    transliterator = try Transliterator(Self.looseTransform)
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
    var loose: [UInt16]
    if folded.allSatisfy({ $0 < 0x80 }) {
      loose = folded
    } else {
      loose = transliterator.apply(folded)
    }
    loose = Self.droppingAbbreviationDots(loose)
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
