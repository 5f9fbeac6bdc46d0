import Pipeline
import Testing
import TestSupport

@testable import Resolution

/// Names that several places share, settled by the countries a document names.
@Suite struct PlaceContextTests {
  static let yaml = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
      - id: country/ar
        type: PLACE
        name: Argentina
      - id: city/junin-ar
        type: PLACE
        name: Junín
        attributes: { country: AR }
      - id: region/pe-jun
        type: PLACE
        name: Junín Region
        aliases: [Junín]
      - id: place/washington-dc
        type: PLACE
        name: Washington, D.C.
        aliases: [Washington]
      - id: city/washington-pe
        type: PLACE
        name: Washington Town
        aliases: [Washington]
        attributes: { country: PE }
      - id: org/junin
        type: ORG
        name: Club Junín
        aliases: [Junín FC]
    """

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "no context: the first defined", text: "Junín.", expected: ["city/junin-ar"]),
    Case(
      name: "a document about Peru means Peru's Junín", text: "Perú: en Junín y Perú.",
      expected: ["country/pe", "region/pe-jun", "country/pe"]),
    Case(
      name: "a document about Argentina keeps the city", text: "Argentina: Junín, Perú.",
      expected: ["country/ar", "city/junin-ar", "country/pe"]),
    Case(
      name: "a tie keeps the first defined", text: "Perú, Argentina, Junín.",
      expected: ["country/pe", "country/ar", "city/junin-ar"]),
    Case(
      name: "an entity without a country is never moved", text: "Perú, Perú: Washington.",
      expected: ["country/pe", "country/pe", "place/washington-dc"]),
  ]

  @Test(arguments: cases)
  func context(_ c: Case) throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.yaml)).extract(text: c.text)
    #expect(extracted.mentions.map(\.entityID) == c.expected)
  }

  @Test func theMovedMentionCitesTheAliasOfItsNewEntity() throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.yaml)).extract(text: "Perú: Junín.")
    #expect(extracted.mentions.map(\.rule.description) == ["rules/test.yaml:4", "rules/test.yaml:15"])
    #expect(extracted.mentions.map(\.name) == ["Peru", "Junín Region"])
  }
}
