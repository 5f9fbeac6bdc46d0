import CICU

/// Facts about a generated name that decide how (or whether) it becomes an alias.
enum NameForms {
  /// Letters of a cased script, none of them uppercase ("katá", "andorra"): some locales
  /// write names so, but as aliases they would match ordinary lowercase words.
  ///
  /// Only the scripts that capitalize names count (Latin, Greek, Cyrillic, Armenian): Georgian
  /// and Cherokee have uppercase letters that names do not use.
  static func isLowercaseOnly(_ text: String) -> Bool {
    var cased = false
    for scalar in text.unicodeScalars {
      let p = scalar.properties
      if p.isUppercase || p.generalCategory == .titlecaseLetter { return false }
      let v = scalar.value
      if p.changesWhenCaseMapped && (v < 0x0590 || (0x1E00...0x1FFF).contains(v)) { cased = true }
    }
    return cased
  }

  /// One Latin word of at most 3 letters ("Ig", "Ica"): matched `exact`, so that it never
  /// matches the same letters in capitals ("IG Metall") or another spelling.
  static func isShortWord(_ text: String) -> Bool {
    text.count <= 3 && YAMLText.isLatin(text) && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
  }

  static func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
  }
}

/// ICU's Simplified-Traditional and Traditional-Simplified transforms: CLDR and iso-codes
/// name a place in one form of Chinese, newspapers in Taiwan and Hong Kong write the other
/// ("花莲县" / "花蓮縣"), and `loose` keys leave Han characters alone.
final class HanVariants {
  private let toTraditional: ASCIITransliterator
  private let toSimplified: ASCIITransliterator

  init() throws {
    toTraditional = try ASCIITransliterator(id: "Simplified-Traditional")
    toSimplified = try ASCIITransliterator(id: "Traditional-Simplified")
  }

  /// The other forms of `text` (none when it has no Han character or no other form).
  func variants(of text: String) -> [String] {
    guard NameForms.hasHan(text) else { return [] }
    return Set([toTraditional.apply(text), toSimplified.apply(text)]).subtracting([text]).sorted(by: bytewise)
  }
}
