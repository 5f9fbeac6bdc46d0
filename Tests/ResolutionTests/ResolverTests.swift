import Pipeline
import Testing
import TestSupport
@testable import Resolution

@Suite struct ResolverTests {
  @Test func everyAliasResolvesToItsRuleEntity() throws {
    let rules = try Fixture.rules(
      """
      entities:
        - id: org/cgtp
          type: ORG
          name: General Confederation of Workers of Peru
          aliases: [CGTP, Confederación General de Trabajadores del Perú, Peruvian Workers Confederation]
      """)
    let extractor = try Extractor(rules: rules)
    let extracted = extractor.extract(
      text: "La Confederación General de Trabajadores del Perú (CGTP) — the Peruvian Workers Confederation.")
    #expect(extracted.mentions.map(\.entityID) == ["org/cgtp", "org/cgtp", "org/cgtp"])
    #expect(extracted.mentions.allSatisfy { $0.name == "General Confederation of Workers of Peru" && $0.type == "ORG" })
    #expect(extracted.mentions.map(extracted.text(of:)) == [
      "Confederación General de Trabajadores del Perú", "CGTP", "Peruvian Workers Confederation",
    ])
  }

  /// A resolved mention keeps the alias or pattern that matched (for `quipu show`); an
  /// acronym keeps its own pattern, a coreference mention neither.
  @Test func mentionsCarryTheAliasOrPatternThatMatched() throws {
    let rules = try Fixture.rules(
      """
      lists:
        title: [President]
      patterns:
        - {id: titled, type: PERSON, pattern: '@title <Cap Cap>'}
        - {id: acronym, type: ORG, pattern: '<Cap Cap Cap> "(" <alias: Upper> ")"'}
      entities:
        - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú]}
      """)
    let extracted = try Extractor(rules: rules).extract(
      text: "President Ana Quispe met Banco Andino Unido (BAU) in Perú. Quispe said BAU grew.")
    let origin = extracted.mentions.map { m -> String in
      let alias = m.alias >= 0 ? rules.aliases[Int(m.alias)].text : "-"
      let pattern = m.pattern >= 0 ? rules.patterns[Int(m.pattern)].id : "-"
      return "\(extracted.text(of: m)) \(m.how) \(alias) \(pattern)"
    }
    #expect(
      origin == [
        "Ana Quispe pattern - titled", "Banco Andino Unido pattern - acronym", "BAU pattern - acronym", "Perú alias Perú -",
        "Quispe coref - -", "BAU acronym - acronym",
      ])
  }

  @Test func ruleReferencePointsAtTheAliasLine() throws {
    let rules = try Fixture.rules(
      """
      entities:
        - id: country/us
          type: PLACE
          name: United States
          aliases:
            - US
            - EEUU
      """)
    let extracted = try Extractor(rules: rules).extract(text: "EEUU y US; United States")
    #expect(extracted.mentions.map(\.rule.line) == [7, 6, 4])
    #expect(extracted.mentions.map(\.rule.description) == Array(repeating: "rules/test.yaml#country/us", count: 3))
  }
}
