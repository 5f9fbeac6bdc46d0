import Foundation
import Pipeline
import Rules
import Testing
import TestSupport

/// The shipped reference packs (rules/reference/) on sentences: what must and must not match.
@Suite struct ReferencePacksTests {
  static let cases: [Case] = [
    Case(
      name: "Peru in five languages and three scripts", text: "Perú, Peru, Pérou, Перу, 秘鲁",
      expected: ["Perú → country/pe", "Peru → country/pe", "Pérou → country/pe", "Перу → country/pe", "秘鲁 → country/pe"]),
    Case(
      name: "Peru's regions with and without accents", text: "Junín, Junin, Apurímac y Apurimac",
      expected: [
        "Junín → region/pe-jun", "Junin → region/pe-jun", "Apurímac → region/pe-apu", "Apurimac → region/pe-apu",
      ]),
    Case(
      name: "Peruvian cities", text: "De Pisco a Chiclayo.",
      expected: ["Pisco → geonames/3932145", "Chiclayo → geonames/3698350"]),
    Case(
      name: "Police, Man, Of in ordinary English",
      text: "Police said a Man of the people was arrested. Of the ten, two fled. Man, what a day.",
      expected: []),
    Case(
      name: "Nice, Split, Van, Mission at the start of sentences",
      text: "Nice work. Split the bill. Van drivers protested. Mission accomplished.", expected: []),
    Case(
      name: "Headline case", text: "Police Arrest Man In Of Split Van Mission",
      expected: []),
    Case(
      name: "lowercase country names of some locales are not aliases", text: "κατά πάντων, the part we warn",
      expected: []),
    Case(
      name: "CLDR short forms and reviewed extras", text: "EE.UU., USA, UK and the Czech Republic",
      expected: ["EE.UU. → country/us", "USA → country/us", "UK → country/gb", "Czech Republic → country/cz"]),
    Case(
      // Лима is also Lima Region's Russian name, and regions come before cities.
      name: "continents and big cities in other scripts", text: "南美 y 亚洲; 利馬, Новосибирск и Лима",
      expected: [
        "南美 → continent/sa", "亚洲 → continent/as", "利馬 → geonames/3936456", "Новосибирск → geonames/1496747",
        "Лима → geonames/3936456",  // the capital, not the region of its name
      ]),
    Case(
      name: "Chinese names in both forms", text: "花蓮縣 y 花莲县",
      expected: ["花蓮縣 → region/tw-hua", "花莲县 → region/tw-hua"]),
  ]

  /// Places only: "Police" is also an alias of the seeds' National Police of Peru (ORG).
  @Test(arguments: cases)
  func packs(_ c: Case) throws {
    let extracted = try Extractor(rules: Fixture.shippedRules).extract(text: c.text)
    #expect(
      extracted.mentions.filter { $0.type == "PLACE" }.map { "\(extracted.text(of: $0)) → \($0.entityID)" } == c.expected)
  }

  @Test func citiesArePeruvian() throws {
    let rules = Fixture.shippedRules
    for id in ["geonames/3932145", "geonames/3698350"] {
      let entity = try #require(rules.entities.first { $0.id == id })
      #expect(entity.attributes.contains(.init(key: "country", value: "PE")), "\(id)")
    }
  }

  @Test func everyPackFileSaysWhereItComesFrom() throws {
    let folder = Fixture.repositoryRoot.appendingPathComponent("rules/reference")
    for (file, source) in [
      ("countries.yaml", "CLDR"), ("regions.yaml", "iso-codes"), ("continents.yaml", "GeoNames"),
      ("cities.yaml", "GeoNames"),
    ] {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(text.prefix(400).contains(source), "\(file)")
    }
  }
}
