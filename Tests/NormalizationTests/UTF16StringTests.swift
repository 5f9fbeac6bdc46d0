import Testing

@testable import Normalization

/// `String(utf16:)` is the standard library's `String(decoding:as: UTF16.self)`, faster.
@Suite struct UTF16StringTests {
  @Test(arguments: [
    "", "Perú", "Перу", "秘鲁", "👩‍👩‍👧 🇵🇪", "a\u{0301}", "\u{FFFF}\u{10FFFF}", "ASCII only, 123.",
  ])
  func sameAsTheStandardLibrary(_ text: String) {
    let units = Array(text.utf16)
    #expect(String(utf16: units) == String(decoding: units, as: UTF16.self))
    #expect(String(utf16: units).utf8.elementsEqual(text.utf8))
  }

  /// Random units, unpaired surrogates included: each one becomes U+FFFD, as in the standard
  /// library.
  @Test func randomUnitsWithUnpairedSurrogates() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let pool: [UInt16] = [0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF]
    for _ in 0..<2_000 {
      var units: [UInt16] = []
      for _ in 0..<Int(state % 12) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        units.append(state >> 60 < 8 ? pool[Int(state >> 33) % pool.count] : UInt16(truncatingIfNeeded: state >> 40))
      }
      state = state &* 6_364_136_223_846_793_005 &+ 1
      #expect(String(utf16: units).utf8.elementsEqual(String(decoding: units, as: UTF16.self).utf8), "\(units)")
    }
  }
}
