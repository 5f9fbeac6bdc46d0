import Foundation
import Rules
import Testing
import TestSupport

@testable import Packs

/// The pieces of pack generation that need no system data: YAML text, .mo catalogues,
/// the GeoNames table format.
@Suite struct PackFormatTests {
  static let tricky = [
    "Perú", "Côte d’Ivoire", "Guinea-Bissau", "St. Lucia", "Hong Kong SAR China", "No", "yes", "null", "~",
    "- dash", "#hash", "a: b", "a #b", "[x]", "{y}", "x, y", "'quoted'", "\"double\"", "100", ".5", "@at",
    "Sjanghai, Stadsprovincie", "Wales [Cymru GB-CYM]", "tab\there", "trailing ", "ends:", "Перу", "秘鲁",
  ]

  @Test(arguments: tricky)
  func yamlScalarsReadBackAsTheSameText(_ text: String) throws {
    let yaml = "entities:\n  - id: x\n    type: PLACE\n    name: \(YAMLText.scalar(text))\n    aliases:\n      - \(YAMLText.alias(text, lang: "es"))\n"
    let source = RuleLoader.parse(yaml: yaml, path: "rules/t.yaml")
    #expect(source.diagnostics.isEmpty, "\(source.diagnostics)")
    #expect(source.entities.first?.name == text)
    #expect(source.entities.first?.aliases.first?.text == text)
  }

  @Test func aliasesInOtherScriptsAreFoldedAndShortOnesExact() {
    #expect(YAMLText.alias("Perú", lang: "es") == "{ text: Perú, lang: es }")
    #expect(YAMLText.alias("Перу", lang: nil) == "{ text: Перу, match: folded }")
    #expect(YAMLText.alias("Ica", lang: nil) == "{ text: Ica, match: exact }")
    #expect(YAMLText.alias("Peru", lang: nil) == "Peru")
  }

  @Test func nameForms() {
    #expect(NameForms.isLowercaseOnly("katá"))
    #expect(!NameForms.isLowercaseOnly("Katár"))
    #expect(!NameForms.isLowercaseOnly("秘鲁"))
    #expect(NameForms.isShortWord("Ig") && !NameForms.isShortWord("Lima") && !NameForms.isShortWord("秘鲁"))
  }

  @Test func hanVariants() throws {
    let han = try HanVariants()
    #expect(han.variants(of: "花莲县") == ["花蓮縣"])
    #expect(han.variants(of: "花蓮縣") == ["花莲县"])
    #expect(han.variants(of: "Peru") == [])
  }

  /// A little-endian .mo catalogue with a header entry and two messages.
  static func moFile(_ messages: [(String, String)], bigEndian: Bool = false) -> [UInt8] {
    let sorted = [("", "Content-Type: text/plain; charset=UTF-8\n")] + messages.sorted { $0.0 < $1.0 }
    let n = sorted.count
    var strings: [UInt8] = []
    let stringsStart = 28 + 16 * n
    var originals: [(Int, Int)] = []
    var translations: [(Int, Int)] = []
    for (o, _) in sorted {
      originals.append((o.utf8.count, stringsStart + strings.count))
      strings += Array(o.utf8) + [0]
    }
    for (_, t) in sorted {
      translations.append((t.utf8.count, stringsStart + strings.count))
      strings += Array(t.utf8) + [0]
    }
    var out: [UInt8] = []
    func u32(_ v: Int) {
      let b = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)]
      out += bigEndian ? b.reversed() : b
    }
    u32(0x9504_12de)
    u32(0)
    u32(n)
    u32(28)
    u32(28 + 8 * n)
    u32(0)
    u32(0)
    for (length, offset) in originals { u32(length); u32(offset) }
    for (length, offset) in translations { u32(length); u32(offset) }
    return out + strings
  }

  @Test(arguments: [false, true])
  func moCatalogue(bigEndian: Bool) throws {
    let mo = try MOFile(bytes: Self.moFile([("Hunin", "Junín"), ("Apurimaq", "Apurímac")], bigEndian: bigEndian))
    #expect(mo.translations == ["Hunin": "Junín", "Apurimaq": "Apurímac"])
  }

  @Test func notACatalogue() {
    #expect(throws: FormatError.self) { try MOFile(bytes: Array(repeating: 7, count: 40)) }
    #expect(throws: FormatError.self) { try MOFile(bytes: [0xde, 0x12]) }
  }

  @Test func geonamescacheCitiesBecomeGeoNamesRows() throws {
    let cities = """
      {"3932145": {"geonameid": 3932145, "name": "Pisco", "latitude": -13.71029, "longitude": -76.20538,
        "countrycode": "PE", "population": 58000, "timezone": "America/Lima", "admin1code": "12",
        "alternatenames": ["Piska", "Писко", "a,b"]},
       "3936456": {"geonameid": 3936456, "name": "Lima", "latitude": -12.04318, "longitude": -77.02824,
        "countrycode": "PE", "population": 7737002, "timezone": "America/Lima", "admin1code": "15",
        "alternatenames": []},
       "3853354": {"geonameid": 3853354, "name": "Junín", "latitude": -34.58, "longitude": -60.94,
        "countrycode": "AR", "population": 90000, "timezone": "America/Argentina/Buenos_Aires", "admin1code": "01",
        "alternatenames": ["Junin"]}}
      """
    let countries = #"{"PE": {"capital": "Lima"}, "AR": {"capital": "Buenos Aires"}}"#
    let tsv = try GeoNamesTable.tsv(citiesJSON: Data(cities.utf8), countriesJSON: Data(countries.utf8))
    let rows = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.map(\.count) == [19, 19, 19])
    #expect(rows.map { $0[0] } == ["3853354", "3932145", "3936456"])  // sorted by geonameid
    #expect(rows[0][1...3] == ["Junín", "Junin", "Junin"])
    #expect(rows[1][3] == "Piska,Писко")  // a name with a comma cannot be in the column
    #expect(rows[1][4...8] == ["-13.71029", "-76.20538", "P", "PPL", "PE"])
    #expect(rows[2][7] == "PPLC")
    #expect(rows[1][14] == "58000" && rows[1][17] == "America/Lima" && rows[1][10] == "12")
  }

  /// A country has one capital, the most populous of its cities with the capital's name.
  @Test func oneCapitalPerCountry() throws {
    let cities = """
      {"4140963": {"geonameid": 4140963, "name": "Washington", "countrycode": "US", "population": 689545},
       "4915545": {"geonameid": 4915545, "name": "Washington", "countrycode": "US", "population": 15000},
       "5549222": {"geonameid": 5549222, "name": "Washington", "countrycode": "US", "population": 27000}}
      """
    let tsv = try GeoNamesTable.tsv(citiesJSON: Data(cities.utf8), countriesJSON: Data(#"{"US": {"capital": "Washington"}}"#.utf8))
    let codes = tsv.split(separator: "\n").map { row in row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
      .map { "\($0[0]) \($0[7])" }
    #expect(codes == ["4140963 PPLC", "4915545 PPL", "5549222 PPL"])
  }
}

/// Regions are named in English, with the ISO 3166-2 name (often a local romanization) kept as
/// an alias: CLDR's subdivision names, read from its XML.
@Suite struct RegionNameTests {
  @Test func cldrSubdivisionNames() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("en.xml")
    try Data(
      """
      <ldml><localeDisplayNames><subdivisions>
      \t\t\t<subdivision type="deni">Lower Saxony</subdivision>
      \t\t\t<subdivision type="gbeng">England</subdivision>
      \t\t\t<subdivision type="gbeng" alt="short">Eng.</subdivision>
      \t\t\t<subdivision type="ilta">Tel Aviv District</subdivision>
      \t\t\t<subdivision type="usdc">Washington DC &amp; area</subdivision>
      </subdivisions></localeDisplayNames></ldml>
      """.utf8
    ).write(to: url)
    let names = try SubdivisionPack.cldrNames(contentsOf: url.path)
    #expect(names == ["deni": "Lower Saxony", "gbeng": "England", "ilta": "Tel Aviv District", "usdc": "Washington DC & area"])
  }

  /// The committed pack: id → (display name, an alias it keeps).
  static let committed: [(String, String, String)] = [
    ("region/de-ni", "Lower Saxony", "Niedersachsen"),
    ("region/de-by", "Bavaria", "Bayern"),
    ("region/de-nw", "North Rhine-Westphalia", "Nordrhein-Westfalen"),
    ("region/ru-mow", "Moscow", "Moskva"),
    ("region/es-md", "Madrid Autonomous Community", "Madrid, Comunidad de"),
    ("region/il-ta", "Tel Aviv District", "Tall Abīb"),
  ]

  @Test(arguments: committed)
  func committedRegionsAreNamedInEnglish(_ c: (String, String, String)) throws {
    let text = try String(
      contentsOf: Fixture.repositoryRoot.appendingPathComponent("rules/reference/regions.yaml"), encoding: .utf8)
    let start = try #require(text.range(of: "  - id: \(c.0)\n"))
    let rest = text[start.upperBound...]
    let block = rest[..<(rest.range(of: "\n  - id:")?.lowerBound ?? rest.endIndex)]
    #expect(block.hasPrefix("    type: PLACE\n    name: \(YAMLText.scalar(c.1))\n"))
    #expect(block.contains("      - \(YAMLText.scalar(c.2))\n") || block.contains("      - \(YAMLText.scalar(c.2))  #"))
  }
}
