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

  /// Reference-pack places: a country, first-level regions and GeoNames cities, told apart
  /// by their attributes (`iso3166`, `iso3166-2`, `feature`).
  static let places = """
    precedence: -20
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
        attributes: {iso3166: PE}
      - id: country/us
        type: PLACE
        name: United States
        aliases: [米国, US]
        attributes: {iso3166: US}
      - id: country/co
        type: PLACE
        name: Colombia
        aliases: [{text: コロンビア, match: folded}, {text: Колумбия, match: folded}]
        attributes: {iso3166: CO}
      - id: region/pe-lim
        type: PLACE
        name: Lima Region
        aliases: [Lima]
        attributes: {country: PE, iso3166-2: PE-LIM}
      - id: region/pe-cus
        type: PLACE
        name: Cusco Region
        aliases: [Cusco]
        attributes: {country: PE, iso3166-2: PE-CUS}
      - id: region/pe-lor
        type: PLACE
        name: Loreto Region
        aliases: [Loreto]
        attributes: {country: PE, iso3166-2: PE-LOR}
      - id: region/pe-anc
        type: PLACE
        name: Áncash Region
        aliases: [Áncash]
        attributes: {country: PE, iso3166-2: PE-ANC}
      - id: region/us-wa
        type: PLACE
        name: Washington
        attributes: {country: US, iso3166-2: US-WA}
      - id: geonames/3936456
        type: PLACE
        name: Lima
        attributes: {country: PE, feature: PPLC}
      - id: geonames/3941584
        type: PLACE
        name: Cusco
        attributes: {country: PE, feature: PPL}
      - id: geonames/4575352
        type: PLACE
        name: Columbia
        aliases: [{text: コロンビア, match: folded}, {text: Колумбия, match: folded}]
        attributes: {country: US, feature: PPL}
      - id: geonames/4140963
        type: PLACE
        name: Washington, D.C.
        aliases: [Washington]
        attributes: {country: US, feature: PPLC}
      - id: geonames/4915545
        type: PLACE
        name: Washington, Illinois
        aliases: [Washington]
        attributes: {country: US, feature: PPL}
      - id: org/oas
        type: ORG
        name: Organization of American States
        aliases: [OEA]
      - id: geonames/2210247
        type: PLACE
        name: Tripoli
        aliases: [OEA]
        attributes: {country: LY, feature: PPLC}
    """

  static let placeCases: [Case] = [
    Case(name: "a capital wins over its namesake region", text: "Protests grew in Lima.", expected: "Lima → geonames/3936456"),
    Case(name: "so does a region's namesake city", text: "Peru: a strike in Cusco.", expected: "Cusco → geonames/3941584"),
    Case(
      name: "a regional word before the name", text: "Peru: the department of Cusco.",
      expected: "Cusco → region/pe-cus"),
    Case(name: "a regional word after it", text: "In Cusco province, rain.", expected: "Cusco → region/pe-cus"),
    Case(name: "a suffix in another script", text: "Cusco州。", expected: "Cusco → region/pe-cus"),
    Case(
      name: "a regional word after a comma", text: "Rivers of Cusco, the southern state, run dry.",
      expected: "Cusco → region/pe-cus"),
    Case(
      name: "a document that lists a country's regions leans to regions there",
      text: "Troops will train in Loreto and Áncash. A strike began in Cusco.", expected: "Cusco → region/pe-cus"),
    Case(
      name: "but not over a national capital",
      text: "Troops will train in Loreto and Áncash. A strike began in Lima.", expected: "Lima → geonames/3936456"),
    Case(name: "Italian 'Stato di'", text: "Il governatore dello Stato di Cusco.", expected: "Cusco → region/pe-cus"),
    Case(name: "Greek 'πολιτεία της'", text: "Ο κυβερνήτης της πολιτείας της Cusco.", expected: "Cusco → region/pe-cus"),
    Case(name: "a city word", text: "Troops reached the city of Cusco.", expected: "Cusco → geonames/3941584"),
    Case(
      name: "a list of regions", text: "Troops will train in Loreto, Áncash and Lima.", expected: "Lima → region/pe-lim"),
    Case(
      name: "a list with parentheticals", text: "New cases: Áncash (a mine), Loreto (a river, Nanay) y Cusco (teachers).",
      expected: "Cusco → region/pe-cus"),
    Case(
      name: "a regional word before a list counts for all of it", text: "The regions of Lima, Cusco and Loreto.",
      expected: "Cusco → region/pe-cus"),
    Case(
      name: "a list that is not of regions", text: "Flights to Cusco, Washington and Lima.",
      expected: "Lima → geonames/3936456"),
    Case(
      name: "a country's name is the country, not a US city, in a US document",
      text: "米国、米国、米国。コロンビア。", expected: "コロンビア → country/co"),
    Case(name: "in Russian too", text: "US, US, US: Колумбия", expected: "Колумбия → country/co"),
    Case(
      name: "a national capital wins among same-named cities", text: "US officials in Washington.",
      expected: "Washington → geonames/4140963"),
    Case(
      name: "a capital does not outrank an organization of the same name", text: "La OEA dijo que no.",
      expected: "OEA → org/oas [org/oas, geonames/2210247]"),
  ]

  @Test(arguments: placeCases)
  func decidesPlaces(_ c: Case) throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.places, path: "rules/reference/places.yaml")).extract(text: c.text)
    // The mention under test is the last one with the expected text.
    let text = String(c.expected.prefix { $0 != " " })
    let m = try #require(extracted.mentions.last { extracted.text(of: $0) == text })
    let candidates = m.candidates.isEmpty ? "" : " [\(m.candidates.joined(separator: ", "))]"
    #expect("\(extracted.text(of: m)) → \(m.entityID)\(candidates)" == c.expected)
  }

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
