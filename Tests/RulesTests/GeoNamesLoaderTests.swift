import Foundation
import TestSupport
import Testing

@testable import Rules

/// A GeoNames table in a temporary folder, and rule files that name it.
private enum Table {
  /// One row of GeoNames' 19 columns.
  static func row(
    _ id: Int, _ name: String, ascii: String? = nil, alternates: [String] = [], featureClass: String = "P",
    code: String = "PPL", country: String, population: Int
  ) -> String {
    [
      String(id), name, ascii ?? name, alternates.joined(separator: ","), "0.0", "0.0", featureClass, code, country,
      "", "", "", "", "", String(population), "", "", "", "",
    ].joined(separator: "\t")
  }

  static let rows = [
    row(3932145, "Pisco", alternates: ["Piska"], country: "PE", population: 58_000),
    row(3698350, "Chiclayo", alternates: ["Chiklajo", "奇克拉约", "CIX"], country: "PE", population: 577_375),
    row(3936456, "Lima", alternates: ["Lima", "Lime", "LIM", "利马", "lima-shi"], code: "PPLC", country: "PE", population: 7_737_002),
    row(3088848, "Police", country: "PL", population: 31_000),
    row(2286304, "Man", country: "CI", population: 188_704),
    row(740264, "Of", country: "TR", population: 20_000),
    row(2990440, "Nice", alternates: ["Nizza", "Nico"], country: "FR", population: 342_522),
    row(3853354, "Junín", ascii: "Junin", country: "AR", population: 90_000),
    row(3937513, "Juliaca", alternates: ["JUL", "furiaka", "Hullaqa"], country: "PE", population: 245_675),
    row(3691175, "Tumbes Region", featureClass: "A", code: "ADM1", country: "PE", population: 200_000),
    row(9999001, "Villa Tiny", alternates: ["Tiny Town"], country: "PE", population: 700),
    row(9999002, "Capital City", code: "PPLC", country: "XX", population: 900),
  ]

  static func folder(rows: [String] = rows, alternateNames: [String]? = nil) throws -> URL {
    let folder = try Fixture.temporaryFolder()
    try (rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("cities.txt"), atomically: true, encoding: .utf8)
    try "# test words\npolice\nman\nof\nnice\n".write(
      to: folder.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
    if let alternateNames {
      try (alternateNames.joined(separator: "\n") + "\n").write(
        to: folder.appendingPathComponent("alternateNames.txt"), atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// The rule set of `rules.yaml` in `folder` with the given `geonames` body.
  static func rules(_ body: String, in folder: URL) throws -> RuleSet {
    let url = folder.appendingPathComponent("rules.yaml")
    try ("geonames:\n" + body).write(to: url, atomically: true, encoding: .utf8)
    let yaml = try String(contentsOf: url, encoding: .utf8)
    return try RuleSet.compile(RuleLoader.parse(yaml: yaml, path: "rules/rules.yaml", fileURL: url))
  }

  static func diagnostics(_ body: String, in folder: URL) throws -> [String] {
    let url = folder.appendingPathComponent("rules.yaml")
    try ("geonames:\n" + body).write(to: url, atomically: true, encoding: .utf8)
    let yaml = try String(contentsOf: url, encoding: .utf8)
    return RuleLoader.parse(yaml: yaml, path: "rules/rules.yaml", fileURL: url).diagnostics.map(\.description)
  }
}

extension RuleSet {
  /// Entity id → the texts of its aliases (name first), for comparing in tests.
  fileprivate var aliasTexts: [String: [String]] {
    var out: [String: [String]] = [:]
    for alias in aliases { out[entities[Int(alias.entity)].id, default: []].append(alias.text) }
    return out
  }
}

struct FilterCase: Sendable, CustomTestStringConvertible {
  var name: String
  var filters: String
  /// Entity ids expected, sorted.
  var ids: [String]
  /// Some entities' expected aliases (name first), when the case is about names.
  var aliases: [String: [String]] = [:]
  var testDescription: String { name }
}

@Suite struct GeoNamesLoaderTests {
  static let cases: [FilterCase] = [
    FilterCase(
      name: "no filters: every row, lowercase romanizations left out",
      filters: "",
      ids: [
        "geonames/2286304", "geonames/2990440", "geonames/3088848", "geonames/3691175", "geonames/3698350",
        "geonames/3853354", "geonames/3932145", "geonames/3936456", "geonames/3937513", "geonames/740264",
        "geonames/9999001", "geonames/9999002",
      ],
      aliases: [
        "geonames/3937513": ["Juliaca", "JUL", "Hullaqa"], "geonames/3853354": ["Junín", "Junin"],
        "geonames/3936456": ["Lima", "Lime", "LIM", "利马"],
      ]),
    FilterCase(
      name: "feature classes", filters: "feature_classes: [A]", ids: ["geonames/3691175"]),
    FilterCase(
      name: "feature codes", filters: "feature_codes: [PPLC]", ids: ["geonames/3936456", "geonames/9999002"]),
    FilterCase(
      name: "countries", filters: "countries: [pe]",
      ids: [
        "geonames/3691175", "geonames/3698350", "geonames/3932145", "geonames/3936456", "geonames/3937513",
        "geonames/9999001",
      ]),
    FilterCase(
      name: "minimum population keeps capitals", filters: "min_population: 200000\n    countries: [PE, XX]",
      ids: ["geonames/3691175", "geonames/3698350", "geonames/3936456", "geonames/3937513", "geonames/9999002"]),
    FilterCase(
      name: "minimum population without capitals",
      filters: "min_population: 200000\n    keep_capitals: false\n    countries: [PE, XX]",
      ids: ["geonames/3691175", "geonames/3698350", "geonames/3936456", "geonames/3937513"]),
    FilterCase(
      name: "short alternate names only for big places",
      filters: "countries: [PE]\n    feature_classes: [P]\n    min_alternate_length: 6\n    short_alternates_min_population: 1000000",
      ids: ["geonames/3698350", "geonames/3932145", "geonames/3936456", "geonames/3937513", "geonames/9999001"],
      aliases: [
        "geonames/3937513": ["Juliaca", "Hullaqa"], "geonames/3932145": ["Pisco"],
        "geonames/3698350": ["Chiclayo", "Chiklajo", "奇克拉约"], "geonames/3936456": ["Lima", "Lime", "LIM", "利马"],
      ]),
    FilterCase(
      name: "alternate names only for places of a size",
      filters: "countries: [PE]\n    feature_classes: [P]\n    alternates_min_population: 100000",
      ids: ["geonames/3698350", "geonames/3932145", "geonames/3936456", "geonames/3937513", "geonames/9999001"],
      aliases: ["geonames/3932145": ["Pisco"], "geonames/9999001": ["Villa Tiny"], "geonames/3937513": ["Juliaca", "JUL", "Hullaqa"]]),
    FilterCase(
      name: "one-word names only for places of a size",
      filters: "countries: [PE]\n    feature_classes: [P]\n    single_word_min_population: 100000",
      ids: ["geonames/3698350", "geonames/3932145", "geonames/3936456", "geonames/3937513", "geonames/9999001"],
      aliases: ["geonames/3932145": ["Pisco (PE)"], "geonames/9999001": ["Villa Tiny", "Tiny Town"]]),
    FilterCase(
      name: "common words: Police, Man, Of lose their bare name; Nice keeps it at a million-less threshold",
      filters: "countries: [PL, CI, TR, FR]\n    common_words: [words.txt]\n    common_word_min_population: 300000",
      ids: ["geonames/2286304", "geonames/2990440", "geonames/3088848", "geonames/740264"],
      aliases: [
        "geonames/3088848": ["Police (PL)"], "geonames/2286304": ["Man (CI)"], "geonames/740264": ["Of (TR)"],
        "geonames/2990440": ["Nice", "Nizza", "Nico"],
      ]),
    FilterCase(
      name: "lowercase alternates on request",
      filters: "countries: [PE]\n    feature_codes: [PPL]\n    lowercase_alternates: true\n    min_population: 200000",
      ids: ["geonames/3698350", "geonames/3937513"],
      aliases: ["geonames/3937513": ["Juliaca", "JUL", "furiaka", "Hullaqa"]]),
  ]

  @Test(arguments: cases)
  func filters(_ c: FilterCase) throws {
    let folder = try Table.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let body = "  file: cities.txt\n" + (c.filters.isEmpty ? "" : "  filters:\n    \(c.filters)\n")
    let rules = try Table.rules(body, in: folder)
    #expect(rules.entities.map(\.id).sorted() == c.ids)
    let texts = rules.aliasTexts
    for (id, expected) in c.aliases { #expect(texts[id] == expected, "\(id)") }
  }

  @Test func biggestPlaceIsDefinedFirstAndRowsAreCitedByLine() throws {
    let folder = try Table.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rules = try Table.rules("  file: cities.txt\n", in: folder)
    #expect(rules.entities.first?.id == "geonames/3936456")
    let lima = try #require(rules.aliases.first { $0.text == "Lima" })
    #expect(lima.rule.located == "rules/cities.txt:3 (#geonames/3936456)")
    #expect(lima.rule.description == "rules/cities.txt#geonames/3936456")
    #expect(rules.entities[0].attributes.map { "\($0.key)=\($0.value)" } == ["country=PE", "feature=PPLC", "population=7737002"])
  }

  @Test func namesInOtherScriptsMatchFolded() throws {
    let folder = try Table.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rules = try Table.rules("  file: cities.txt\n", in: folder)
    #expect(rules.aliases.first { $0.text == "利马" }?.mode == .folded)
    #expect(rules.aliases.first { $0.text == "Lime" }?.mode == .loose)
  }

  @Test func alternateNamesTableByLanguage() throws {
    let folder = try Table.folder(alternateNames: [
      "1\t3936456\ten\tLima City\t\t\t\t\t\t",
      "2\t3936456\tru\tЛима\t1\t\t\t\t\t",
      "3\t3936456\tde\tLimastadt\t\t\t\t\t\t",
      "4\t3936456\tiata\tLIM\t\t\t\t\t\t",
      "5\t3936456\ten\tCiudad de los Reyes\t\t\t\t1\t\t",
      "6\t3936456\t\tLimaq\t\t\t\t\t\t",
      "7\t3932145\ten\tPisco Town\t\t\t\t\t\t",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let rules = try Table.rules(
      "  file: cities.txt\n  alternate_names: alternateNames.txt\n  filters:\n    feature_codes: [PPLC]\n    countries: [PE]\n    languages: [en, ru]\n",
      in: folder)
    #expect(rules.entities.map(\.id) == ["geonames/3936456"])
    // The table replaces the alternatenames column; codes, historic names and other languages are left out.
    #expect(rules.aliasTexts["geonames/3936456"] == ["Lima", "Lima City", "Лима", "Limaq"])
  }

  @Test func problemsAreReportedWhereToEdit() throws {
    let folder = try Table.folder(rows: Table.rows + ["123\tBroken row"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try Table.diagnostics("  file: missing.txt\n", in: folder) == [
        "rules/rules.yaml:2:3: error: cannot read the GeoNames file 'rules/missing.txt'"
      ])
    #expect(
      try Table.diagnostics("  file: cities.txt\n  filters:\n    min_pop: 3\n    languages: [en]\n", in: folder) == [
        "rules/rules.yaml:4:5: error: unknown filter 'min_pop' (expected 'feature_classes', 'feature_codes', 'countries', 'min_population', 'keep_capitals', 'languages', 'min_alternate_length', 'alternates_min_population', 'short_alternates_min_population', 'single_word_min_population', 'common_words', 'common_word_min_population', 'lowercase_alternates')",
        "rules/rules.yaml:2:3: error: 'languages' needs 'alternate_names' (GeoNames' alternateNames table): the alternatenames column of a cities or country file has no languages",
        "rules/cities.txt:13:1: error: expected the 19 tab-separated columns of a GeoNames table, found 2",
      ])
    #expect(
      try Table.diagnostics("  filters:\n    min_population: many\n", in: folder) == [
        "rules/rules.yaml:3:21: error: 'min_population' must be a whole number, at least 0",
        "rules/rules.yaml:2:3: error: 'geonames' is missing 'file'",
      ])
  }
}
