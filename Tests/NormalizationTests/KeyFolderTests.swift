import Testing

@testable import Normalization

/// A word form and its three keys.
struct KeyCase: Sendable, CustomTestStringConvertible {
  var form: String
  var exact: String
  var folded: String
  var loose: String
  // Spell out invisible scalars, so the NFD case does not look like the NFC one.
  var testDescription: String {
    form.isEmpty
      ? "(empty)"
      : form.unicodeScalars.map {
        switch $0.properties.generalCategory {
        case .nonspacingMark, .format: "\\u{\(String($0.value, radix: 16))}"
        default: String($0)
        }
      }.joined()
  }
}

/// A word form and its shape.
struct ShapeCase: Sendable, CustomTestStringConvertible {
  var form: String
  var shape: TokenShape
  var testDescription: String { form }
}

@Suite struct KeyFolderTests {
  static let keys: [KeyCase] = [
    KeyCase(form: "Perú", exact: "Perú", folded: "perú", loose: "peru"),
    KeyCase(form: "Peru\u{301}", exact: "Per\u{FA}", folded: "per\u{FA}", loose: "peru"),
    KeyCase(form: "PERÚ", exact: "PERÚ", folded: "perú", loose: "peru"),
    KeyCase(form: "Junín", exact: "Junín", folded: "junín", loose: "junin"),
    KeyCase(form: "ＣＧＴＰ", exact: "ＣＧＴＰ", folded: "cgtp", loose: "cgtp"),
    KeyCase(form: "Straße", exact: "Straße", folded: "strasse", loose: "strasse"),
    KeyCase(form: "München", exact: "München", folded: "münchen", loose: "munchen"),
    KeyCase(form: "São", exact: "São", folded: "são", loose: "sao"),
    KeyCase(form: "ﬁnal", exact: "ﬁnal", folded: "final", loose: "final"),
    KeyCase(form: "Pe\u{AD}rú", exact: "Pe\u{AD}rú", folded: "perú", loose: "peru"),
    KeyCase(form: "U.S.", exact: "U.S.", folded: "u.s.", loose: "us"),
    KeyCase(form: "EE.UU.", exact: "EE.UU.", folded: "ee.uu.", loose: "eeuu"),
    KeyCase(form: "Ph.D.", exact: "Ph.D.", folded: "ph.d.", loose: "phd"),
    KeyCase(form: "3.5", exact: "3.5", folded: "3.5", loose: "3.5"),
    KeyCase(form: "...", exact: "...", folded: "...", loose: "..."),
    KeyCase(form: ".", exact: ".", folded: ".", loose: "."),
    KeyCase(form: "Москва", exact: "Москва", folded: "москва", loose: "moskva"),
    KeyCase(form: "Перу", exact: "Перу", folded: "перу", loose: "peru"),
    KeyCase(form: "Αθήνα", exact: "Αθήνα", folded: "αθήνα", loose: "athena"),
    // Full case folding maps final sigma to medial sigma.
    KeyCase(form: "Σωκράτης", exact: "Σωκράτης", folded: "σωκράτησ", loose: "sokrates"),
    KeyCase(form: "ペルー", exact: "ペルー", folded: "ペルー", loose: "peru"),
    KeyCase(form: "ﾍﾟﾙｰ", exact: "ﾍﾟﾙｰ", folded: "ペルー", loose: "peru"),
    KeyCase(form: "秘鲁", exact: "秘鲁", folded: "秘鲁", loose: "秘鲁"),
    KeyCase(form: "İstanbul", exact: "İstanbul", folded: "i\u{307}stanbul", loose: "istanbul"),
    KeyCase(form: "ǅ", exact: "\u{1C5}", folded: "d\u{17E}", loose: "dz"),
    KeyCase(form: "ǅemal", exact: "\u{1C5}emal", folded: "d\u{17E}emal", loose: "dzemal"),
    KeyCase(form: "القاهرة", exact: "القاهرة", folded: "القاهرة", loose: "alqahrt"),
    KeyCase(form: "’s", exact: "’s", folded: "’s", loose: "'s"),
    KeyCase(form: "«", exact: "«", folded: "«", loose: "<<"),
    KeyCase(form: "2023", exact: "2023", folded: "2023", loose: "2023"),
    KeyCase(form: "", exact: "", folded: "", loose: ""),
  ]

  @Test(arguments: keys)
  func threeKeys(_ c: KeyCase) throws {
    let keys = try KeyFolder().keys(of: c.form)
    // Compare code units: String == would call NFC and NFD equal.
    #expect(units(keys.exact) == units(c.exact), "exact \(keys.exact.debugDescription)")
    #expect(units(keys.folded) == units(c.folded), "folded \(keys.folded.debugDescription)")
    #expect(units(keys.loose) == units(c.loose), "loose \(keys.loose.debugDescription)")
  }

  @Test(arguments: [
    "Αθήνα", "Москва", "Ελλάδα", "Київ", "Tbilisi", "თბილისი", "Ереван", "Երևան", "서울", "ペルー", "Hà Nội",
  ])
  func looseKeyOfANonHanScriptIsASCII(_ form: String) throws {
    let loose = try KeyFolder().keys(of: form).loose
    #expect(!loose.isEmpty)
    #expect(loose.unicodeScalars.allSatisfy { $0.isASCII && !("A"..."Z").contains($0) }, "\(loose.debugDescription)")
  }

  @Test func thaiAbbreviationMarkSurvivesLatinASCII() throws {
    // Thai-Latin turns ฯ (PAIYANNOI) into "‡", for which Latin-ASCII has no mapping.
    let loose = try KeyFolder().keys(of: "กรุงเทพฯ").loose
    #expect(loose == "krungtheph‡")
  }

  @Test func hanStaysHanInTheLooseKey() throws {
    let folder = try KeyFolder()
    // Toneless pinyin would make 秘鲁 (Peru) and 米鲁 collide; Han keys stay Han.
    #expect(folder.keys(of: "秘鲁").loose != folder.keys(of: "米鲁").loose)
    #expect(folder.keys(of: "北京").loose == "北京")
  }

  static let shapes: [ShapeCase] = [
    ShapeCase(form: "Peru", shape: [.hasLetter, .hasUpper, .hasLower, .initialUpper]),
    ShapeCase(form: "PERU", shape: [.hasLetter, .hasUpper, .initialUpper]),
    ShapeCase(form: "peru", shape: [.hasLetter, .hasLower]),
    ShapeCase(form: "McDonald", shape: [.hasLetter, .hasUpper, .hasLower, .initialUpper]),
    ShapeCase(form: "iPhone", shape: [.hasLetter, .hasUpper, .hasLower]),
    ShapeCase(form: "3M", shape: [.hasDigit, .hasLetter, .hasUpper, .initialUpper]),
    ShapeCase(form: "秘鲁", shape: [.hasLetter]),
    ShapeCase(form: "ペルー", shape: [.hasLetter]),
    ShapeCase(form: "القاهرة", shape: [.hasLetter]),
    ShapeCase(form: "2023", shape: [.hasDigit]),
    ShapeCase(form: "٢٠٢٣", shape: [.hasDigit]),
    ShapeCase(form: "3.5", shape: [.hasDigit]),
    ShapeCase(form: "Москва", shape: [.hasLetter, .hasUpper, .hasLower, .initialUpper]),
    ShapeCase(form: "ǅ", shape: [.hasLetter, .hasUpper, .initialUpper]),
    ShapeCase(form: "ǅemal", shape: [.hasLetter, .hasUpper, .hasLower, .initialUpper]),
    ShapeCase(form: "Peru\u{301}", shape: [.hasLetter, .hasUpper, .hasLower, .initialUpper]),
    ShapeCase(form: "U.S.", shape: [.hasLetter, .hasUpper, .initialUpper]),
    ShapeCase(form: "'s", shape: [.hasLetter, .hasLower]),
    ShapeCase(form: ",", shape: []),
    ShapeCase(form: "👍", shape: []),
  ]

  @Test(arguments: shapes)
  func shape(_ c: ShapeCase) throws {
    #expect(try KeyFolder().keys(of: c.form).shape == c.shape)
  }

  struct DotsCase: Sendable, CustomTestStringConvertible {
    var loose: String
    var expected: String
    var testDescription: String { loose }
  }

  @Test(arguments: [
    DotsCase(loose: "u.s.", expected: "us"),
    DotsCase(loose: "ee.uu", expected: "eeuu"),
    DotsCase(loose: "u.s.a.", expected: "usa"),
    // Any all-letter dotted form loses its dots, not only what the normalizer merges as an abbreviation.
    DotsCase(loose: "example.com", expected: "examplecom"),
    DotsCase(loose: "3.5", expected: "3.5"),
    DotsCase(loose: "a.1", expected: "a.1"),
    DotsCase(loose: "...", expected: "..."),
    DotsCase(loose: ".", expected: "."),
    DotsCase(loose: "u-s.", expected: "u-s."),
    DotsCase(loose: "U.S.", expected: "U.S."),
    DotsCase(loose: "lima", expected: "lima"),
  ])
  func droppingAbbreviationDots(_ c: DotsCase) {
    #expect(KeyFolder.droppingAbbreviationDots(Array(c.loose.utf16)) == Array(c.expected.utf16))
  }

  /// The shortcuts of ``KeyFolder/looseUnits(_:)`` (no transform for Han, Latin and Cyrillic
  /// without `Any-Latin`) give the full transform's key: for every character of their ranges
  /// (folded, as keys are made from folded text) and for random words of them.
  @Test(arguments: [KeyFolder.LooseRoute.unchanged, .latin, .cyrillic])
  func looseShortcutsAgreeWithTheFullTransform(route: KeyFolder.LooseRoute) throws {
    let folder = try KeyFolder()
    let ranges: [ClosedRange<UInt16>] =
      switch route {
      case .unchanged: [0x3400...0x4DBF, 0x4E00...0x9FFF]
      case .latin: [0x20...0x7E, 0xA0...0x24F, 0x1E00...0x1EFF]
      case .cyrillic: [0x400...0x45F]
      case .any: []
      }
    let marks: [UInt16] = route == .latin ? Array(0x300...0x36F) : []
    var checked = 0
    func fold(_ units: [UInt16]) -> [UInt16] { units.withUnsafeBufferPointer { NormalizationForm.nfkcCasefold.apply($0) } }
    func check(_ folded: [UInt16]) {
      guard KeyFolder.looseRoute(folded) == route else { return }
      checked += 1
      let fast = folder.looseUnits(folded)
      let full = folder.looseUnitsByFullTransform(folded)
      #expect(fast == full, "\(String(decoding: folded, as: UTF16.self).debugDescription)")
    }
    // Han: every 5th ideograph (the full transform costs tens of microseconds each).
    let step = route == .unchanged ? 5 : 1
    for range in ranges {
      for u in stride(from: Int(range.lowerBound), through: Int(range.upperBound), by: step) {
        check(fold([UInt16(u)]))
        check(fold([UInt16(u), route == .cyrillic ? 0x430 : 0x61]))
      }
    }
    let units = ranges.flatMap { Array($0) } + marks
    var rng = SplitMix64(seed: 7)
    for _ in 0..<3_000 {
      let word = (0..<Int.random(in: 1...9, using: &rng)).map { _ in units.randomElement(using: &rng)! }
      check(fold(word))
    }
    #expect(checked > 3_000)
  }
}

extension KeyFolder {
  func keys(of form: String) -> Keys {
    Array(form.utf16).withUnsafeBufferPointer { keys(of: $0) }
  }
}
