import Foundation
import Pipeline
import Rules
import Testing
import TestSupport

/// Sentences through the pipeline with the shipped `rules/`: what must and must not match.
@Suite struct ShippedRulesTests {
  static let rules = Fixture.shippedRules

  static let cases: [Case] = [
    Case(name: "accents fold: Perú and Peru", text: "Perú y Peru; PERU.", expected: ["Perú → country/pe", "Peru → country/pe", "PERU → country/pe"]),
    Case(name: "Russian and Chinese names of Peru", text: "Перу и 秘鲁", expected: ["Перу → country/pe", "秘鲁 → country/pe"]),
    Case(
      // Without the regional word, GeoNames' San Martin (a city of Peru) would win: a city
      // over the region of its name.
      name: "San Martín / San Martin", text: "the regions of San Martín and San Martin",
      expected: ["San Martín → region/pe-sam", "San Martin → region/pe-sam"]),
    Case(name: "Junín / Junin", text: "Junín, Junin", expected: ["Junín → region/pe-jun", "Junin → region/pe-jun"]),
    Case(
      name: "US, U.S. and EEUU", text: "US troops, U.S. troops and tropas de EEUU o EE.UU.",
      expected: ["US → country/us", "U.S. → country/us", "EEUU → country/us", "EE.UU. → country/us"]),
    Case(name: "possessive is outside the name", text: "Boluarte's decision", expected: ["Boluarte → person/dina-boluarte"]),
    Case(name: "'us' is not the United States", text: "Let us go with them, they told us.", expected: []),
    Case(name: "'foe' is not the FOE", text: "a foe of the people", expected: []),
    Case(name: "'police' as a plain noun", text: "the police said that a man of the people was there", expected: []),
    Case(name: "not inside other words", text: "Limache, Peruvian, Boluartes, USA-style", expected: ["USA → country/us"]),
    Case(name: "acronym with its expansion", text: "Peruvian Workers Confederation (CGTP)", expected: [
      "Peruvian Workers Confederation → org/cgtp", "CGTP → org/cgtp",
    ]),
  ]

  @Test(arguments: cases)
  func shippedRules(_ c: Case) throws {
    let extracted = try Extractor(rules: Self.rules).extract(text: c.text)
    #expect(extracted.mentions.map { "\(extracted.text(of: $0)) → \($0.entityID)" } == c.expected)
  }

  @Test func shippedRulesHaveNoErrorsOrWarnings() throws {
    let rules = Fixture.shippedRules
    #expect(rules.warnings.isEmpty, "\(rules.warnings)")
    #expect(rules.entities.count >= 40)
  }
}
