import Pipeline
import Testing
import TestSupport
@testable import Resolution

/// An alias shared by several entities, with and without context that decides.
@Suite struct DisambiguatorTests {
  static let rules = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
        attributes: {iso3166: PE}
      - id: country/lc
        type: PLACE
        name: Saint Lucia
        aliases: [Santa Lucía]
        attributes: {iso3166: LC}
      - id: place/santa-lucia-pe
        type: PLACE
        name: Santa Lucía, Peru
        aliases: [Santa Lucía]
        attributes: {country: PE}
      - id: place/lima
        type: PLACE
        name: Lima
        attributes: {country: PE}
      - id: region/pe-lim
        type: PLACE
        name: Lima Region
        aliases: [Lima]
        context: [region, regions, región]
        attributes: {country: PE}
      - id: org/police-poland
        type: PLACE
        name: Police
        aliases: [{text: Police, lowercase: false}]
        prior: -1
      - id: org/police
        type: ORG
        name: Police
    """

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    /// "text → entity [candidates]" for the mention under test (the last one).
    var expected: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a document about Peru prefers Peru's Santa Lucía", text: "Peru trains troops in Santa Lucía.",
      expected: "Santa Lucía → place/santa-lucia-pe"),
    Case(
      name: "without context the mention keeps every candidate", text: "Troops arrived in Santa Lucía.",
      expected: "Santa Lucía → country/lc [country/lc, place/santa-lucia-pe]"),
    Case(
      name: "context words choose the region", text: "The regions of Peru include Lima.",
      expected: "Lima → region/pe-lim"),
    Case(
      name: "without the words, Lima stays ambiguous (both in Peru)", text: "Peru: news from Lima.",
      expected: "Lima → place/lima [place/lima, region/pe-lim]"),
    Case(
      name: "a prior settles what context cannot", text: "Police said so.",
      expected: "Police → org/police"),
  ]

  @Test(arguments: cases)
  func decides(_ c: Case) throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.rules)).extract(text: c.text)
    let m = try #require(extracted.mentions.last)
    let candidates = m.candidates.isEmpty ? "" : " [\(m.candidates.joined(separator: ", "))]"
    #expect("\(extracted.text(of: m)) → \(m.entityID)\(candidates)" == c.expected)
  }

  @Test func explainSaysWhy() throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.rules)).extract(text: "Peru trains troops in Santa Lucía.")
    let why = try #require(extracted.mentions.last?.why)
    #expect(why == "chosen by context: place/santa-lucia-pe 1 (1 mention placed in PE) > country/lc 0")
  }
}
