import CICU

/// ICU's CLDR locale data: region display names in every available locale.
enum LocaleData {
  /// ICU's version and the CLDR version of its data, e.g. ("72.1", "42.0").
  static var versions: (icu: String, cldr: String) {
    (String(cString: quipu_icu_version()), String(cString: quipu_icu_cldr_version()))
  }

  /// Every available locale id ("af", "es_PE", ...), sorted by bytes.
  static var locales: [String] {
    (0..<quipu_locale_count()).map { String(cString: quipu_locale_at($0)) }.sorted(by: bytewise)
  }

  /// The ISO 3166-1 alpha-2 codes ICU knows ("AD", ..., "ZW"), sorted.
  static var regions: [String] {
    (0..<quipu_region_count()).map { String(cString: quipu_region_at($0)) }.sorted(by: bytewise)
  }

  /// The name of `region` in `locale`, or nil when the locale has no name of its own for it
  /// (ICU fell back to the root locale or to the code itself).
  static func displayName(of region: String, in locale: String) -> String? {
    var buffer = [UInt16](repeating: 0, count: 256)
    var fallback: Int32 = 0
    var status: Int32 = 0
    let n = buffer.withUnsafeMutableBufferPointer {
      quipu_region_display_name(region, locale, $0.baseAddress, Int32($0.count), &fallback, &status)
    }
    guard quipu_icu_failed(status) == 0, fallback == 0, n > 0, Int(n) <= buffer.count else { return nil }
    let name = String(decoding: buffer[0..<Int(n)], as: UTF16.self)
    return name == region ? nil : name
  }
}

/// Byte order of UTF-8, the order every generated file is sorted in (locale-independent).
func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
