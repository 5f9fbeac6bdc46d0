import Testing
import TestSupport
@testable import Pipeline

@Suite struct ExplanationTests {
  static let yaml = """
    lists:
      title: [President]
    patterns:
      - {type: PERSON, pattern: '@title <Cap+>'}
    entities:
      - {id: person/dina-boluarte, type: PERSON, name: Dina Boluarte, aliases: [Boluarte]}
      - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú]}
    """

  @Test func explainsRuleKeysEntityAndLosers() throws {
    let extractor = try Extractor(rules: Fixture.rules(Self.yaml))
    let text = Array("President Dina Boluarte visitó el Perú.".utf16)
    let explanation = Explanation.explain(path: "t", text: text, range: nil, extractor: extractor)
    #expect(
      explanation == """
        "Dina Boluarte" [10, 23) PERSON → person/dina-boluarte (Dina Boluarte)
          rule: rules/test.yaml:6 (#person/dina-boluarte) (how: alias)
          keys: Dina: exact "Dina", folded "dina", loose "dina"; Boluarte: exact "Boluarte", folded "boluarte", loose "boluarte"
          entity: alias 'Dina Boluarte' of person/dina-boluarte
          lost: "Boluarte" [15, 23) PERSON by rules/test.yaml:6 (#person/dina-boluarte) (alias, priority 10): the kept match starts further left
          lost: "Dina Boluarte" [10, 23) PERSON by rules/test.yaml:4 (pattern, priority 0): the kept match has priority 10 (aliases 10, patterns 0 unless set)
        "Perú" [34, 38) PLACE → country/pe (Peru)
          rule: rules/test.yaml:7 (#country/pe) (how: alias)
          keys: Perú: exact "Perú", folded "perú", loose "peru"
          entity: alias 'Perú' of country/pe
        """)
  }

  /// A pattern's mention that a listed entity names: the entity line names the pattern, not
  /// some other entity's alias.
  @Test func aPatternMentionOfAListedEntityNamesThePattern() throws {
    let extractor = try Extractor(
      rules: Fixture.rules(
        """
        entities:
          - {id: org/first, type: ORG, name: First Org}
          - {id: place/lima, type: PLACE, name: Lima}
        patterns:
          - {id: in-place, type: PLACE, priority: 20, pattern: '"in" <Cap>'}
        """))
    let explanation = Explanation.explain(path: "t", text: Array("We met in Lima.".utf16), range: nil, extractor: extractor)
    #expect(explanation.contains("entity: pattern at rules/test.yaml:5 (#in-place), the text of place/lima"))
    #expect(!explanation.contains("First Org"))
  }

  @Test func aRangeSelectsMentions() throws {
    let extractor = try Extractor(rules: Fixture.rules(Self.yaml))
    let text = Array("President Dina Boluarte visitó el Perú.".utf16)
    #expect(Explanation.explain(path: "t", text: text, range: 34..<35, extractor: extractor).hasPrefix("\"Perú\" [34, 38)"))
    #expect(Explanation.explain(path: "t", text: text, range: 0..<5, extractor: extractor) == "no mentions in [0, 5)")
  }
}
