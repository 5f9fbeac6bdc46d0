import Normalization
import TestSupport
import Testing

@testable import Rules

/// One entity `e` of type PLACE named `name`, with `aliases` as YAML flow items.
private func place(name: String = "Zzyzx", _ aliases: String...) -> String {
  "entities:\n  - id: e\n    type: PLACE\n    name: \(name)\n    aliases:\n"
    + aliases.map { "      - \($0)\n" }.joined()
}

struct ModeCase: Sendable, CustomTestStringConvertible {
  /// One YAML alias item: a plain string or a flow map.
  var alias: String
  var text: String
  var mode: MatchMode
  var requiresCapital: Bool
  var testDescription: String { alias }
}

@Suite struct RuleSetCompileTests {
  // MARK: Entities and types

  @Test func duplicateIdIsAnErrorNamingTheFirstLocation() {
    let yaml = """
      entities:
        - id: a
          type: PLACE
          name: A
        - id: a
          type: ORG
          name: B
      """
    #expect(
      Fixture.diagnostics(yaml).map(\.description) == [
        "rules/test.yaml:5:5: error: duplicate id 'a' (first defined at rules/test.yaml:2:5)"
      ])
  }

  @Test func unknownTypeIsAnError() {
    let yaml = "types: [PARTY]\nentities:\n  - id: a\n    type: CITY\n    name: A\n"
    #expect(
      Fixture.diagnostics(yaml).map(\.description) == [
        "rules/test.yaml:4:11: error: unknown type 'CITY' (known: PERSON, ORG, PLACE, PARTY; declare new ones under 'types')"
      ])
  }

  @Test func typesAreCaseSensitive() {
    let yaml = "entities:\n  - id: a\n    type: place\n    name: A\n"
    #expect(Fixture.diagnostics(yaml).map(\.location.description) == ["rules/test.yaml:3:11"])
  }

  @Test func declaredTypesAreAccepted() throws {
    let yaml = """
      types: [PARTY, EVENT, PLACE, PARTY]
      entities:
        - id: a
          type: EVENT
          name: Inti Raymi
        - id: b
          type: PARTY
          name: Fuerza Popular
        - id: c
          type: PERSON
          name: Dina Boluarte
      """
    let rules = try Fixture.rules(yaml)
    // Built-ins first; a built-in or repeated declaration adds nothing.
    #expect(rules.types == ["PERSON", "ORG", "PLACE", "PARTY", "EVENT"])
    #expect(rules.entities.map(\.type) == ["EVENT", "PARTY", "PERSON"])
    #expect(rules.warnings.isEmpty)
  }

  @Test func typesDeclaredInAnotherFileCount() throws {
    var source = RuleLoader.parse(yaml: "types: [EVENT]\n", path: "rules/a.yaml")
    source = RuleLoader.parse(
      yaml: "entities:\n  - id: x\n    type: EVENT\n    name: Inti Raymi\n", path: "rules/b.yaml", into: source)
    let rules = try RuleSet.compile(source)
    #expect(rules.entities.map(\.id) == ["x"])
  }

  @Test func entitiesKeepTheirFields() throws {
    let yaml = """
      entities:
        - id: country/pe
          type: PLACE
          name: Peru
          attributes:
            wikidata: Q419
            iso3166: PE
      """
    let rules = try Fixture.rules(yaml, path: "rules/places.yaml")
    let pe = try #require(rules.entities.first)
    #expect(pe.id == "country/pe")
    #expect(pe.type == "PLACE")
    #expect(pe.name == "Peru")
    #expect(pe.attributes == [.init(key: "iso3166", value: "PE"), .init(key: "wikidata", value: "Q419")])
    #expect(pe.rule == RuleReference(file: "rules/places.yaml", line: 2, anchor: pe.id))
  }

  // MARK: Aliases

  @Test func nameIsMatchedAsAnAlias() throws {
    let rules = try Fixture.rules(place(name: "Peru", "Republic of Peru"))
    #expect(rules.aliases.map(\.text) == ["Peru", "Republic of Peru"])
    #expect(rules.aliases.map(\.entity) == [0, 0])
    #expect(rules.aliases.map(\.rule.located) == ["rules/test.yaml:4 (#e)", "rules/test.yaml:6 (#e)"])
    #expect(rules.aliases.map(\.rule.description) == ["rules/test.yaml#e", "rules/test.yaml#e"])
  }

  @Test func sameAliasOnTwoEntitiesWarnsNamingBothPlaces() throws {
    let yaml = """
      entities:
        - id: region/pe-lim
          type: PLACE
          name: Lima Region
          aliases: [Lima]
        - id: place/lima
          type: PLACE
          name: Lima
        - id: place/lima-ohio
          type: PLACE
          name: Lima, Ohio
          aliases: [LIMA]
      """
    let rules = try Fixture.rules(yaml)
    #expect(
      rules.warnings.map(\.description) == [
        "rules/test.yaml:8:11: warning: alias 'Lima' of 'place/lima' is also an alias of 'region/pe-lim' at rules/test.yaml:5:15; the closest spelling, then the first defined, wins",
        "rules/test.yaml:12:15: warning: alias 'LIMA' of 'place/lima-ohio' is also an alias of 'region/pe-lim' at rules/test.yaml:5:15; the closest spelling, then the first defined, wins",
      ])
    // Both are kept, in definition order.
    #expect(rules.aliases.map(\.text) == ["Lima Region", "Lima", "Lima", "Lima, Ohio", "LIMA"])
    #expect(rules.aliases.map(\.entity) == [0, 0, 1, 2, 2])
  }

  @Test func aliasesSharingOnlyTheLooseKeyStillWarn() throws {
    // Different modes, same loose key "peru": still a likely mistake.
    let yaml = """
      entities:
        - id: a
          type: PLACE
          name: Perú
        - id: b
          type: ORG
          name: PERU
          aliases: [{ text: Peru, match: exact }]
      """
    let diagnostics = Fixture.diagnostics(yaml)
    #expect(diagnostics.map(\.location.description) == ["rules/test.yaml:7:11", "rules/test.yaml:8:23"])
    #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("is also an alias of 'a'") })
  }

  @Test func repeatedAliasWithinOneEntityIsDroppedSilently() throws {
    // An alias is dropped when its text, mode and capital guard repeat an earlier one of the
    // same entity (`lang` does not count). Variants in accents or case stay, so that output
    // can credit the one closest to the occurrence.
    let rules = try Fixture.rules(
      place(
        name: "Peru",
        "Peru",  // 6: the name again
        "Perú",  // 7: kept
        "{ text: PERU, match: loose }",  // 8: kept
        "peru",  // 9: kept (no capital required)
        "PERU",  // 10: kept (exact by default)
        "{ text: PERU, match: exact }",  // 11: same as line 10
        "{ text: Peru, lang: es }",  // 12: the name again
        "Perú"))  // 13: same as line 7
    #expect(rules.warnings.isEmpty)
    #expect(rules.aliases.map(\.text) == ["Peru", "Perú", "PERU", "peru", "PERU"])
    #expect(rules.aliases.map(\.mode) == [.loose, .loose, .loose, .loose, .exact])
    #expect(rules.aliases.map(\.rule.line) == [4, 7, 8, 9, 10])
  }

  static let modeCases: [ModeCase] = [
    // Short all-caps single tokens default to exact.
    ModeCase(alias: "US", text: "US", mode: .exact, requiresCapital: true),
    ModeCase(alias: "U.S.", text: "U.S.", mode: .exact, requiresCapital: true),
    ModeCase(alias: "FOE", text: "FOE", mode: .exact, requiresCapital: true),
    ModeCase(alias: "EE.UU.", text: "EE.UU.", mode: .exact, requiresCapital: true),
    ModeCase(alias: "CGTP", text: "CGTP", mode: .exact, requiresCapital: true),
    ModeCase(alias: "NO", text: "NO", mode: .exact, requiresCapital: true),
    ModeCase(alias: "ABCDEFGH", text: "ABCDEFGH", mode: .exact, requiresCapital: true),
    ModeCase(alias: "США", text: "США", mode: .exact, requiresCapital: true),
    // Everything else defaults to loose.
    ModeCase(alias: "ABCDEFGHI", text: "ABCDEFGHI", mode: .loose, requiresCapital: true),
    ModeCase(alias: "EE. UU.", text: "EE. UU.", mode: .loose, requiresCapital: true),
    ModeCase(alias: "Peru", text: "Peru", mode: .loose, requiresCapital: true),
    ModeCase(alias: "Dina Boluarte", text: "Dina Boluarte", mode: .loose, requiresCapital: true),
    ModeCase(alias: "Lima", text: "Lima", mode: .loose, requiresCapital: true),
    ModeCase(alias: "eBay", text: "eBay", mode: .loose, requiresCapital: true),
    ModeCase(alias: "Перу", text: "Перу", mode: .loose, requiresCapital: true),
    ModeCase(alias: "lima", text: "lima", mode: .loose, requiresCapital: false),
    ModeCase(alias: "\"@evoespueblo\"", text: "@evoespueblo", mode: .loose, requiresCapital: false),
    // Caseless scripts never require a capital.
    ModeCase(alias: "秘鲁", text: "秘鲁", mode: .loose, requiresCapital: false),
    ModeCase(alias: "بيرو", text: "بيرو", mode: .loose, requiresCapital: false),
    ModeCase(alias: "ペルー", text: "ペルー", mode: .loose, requiresCapital: false),
    // Explicit options win.
    ModeCase(alias: "{ text: US, match: loose }", text: "US", mode: .loose, requiresCapital: true),
    ModeCase(alias: "{ text: Peru, match: exact }", text: "Peru", mode: .exact, requiresCapital: true),
    ModeCase(alias: "{ text: Perú, match: folded }", text: "Perú", mode: .folded, requiresCapital: true),
    ModeCase(alias: "{ text: Police, lowercase: true }", text: "Police", mode: .loose, requiresCapital: false),
    ModeCase(alias: "{ text: CGTP, lowercase: true }", text: "CGTP", mode: .exact, requiresCapital: false),
    ModeCase(alias: "{ text: Lima, lowercase: false }", text: "Lima", mode: .loose, requiresCapital: true),
  ]

  @Test(arguments: modeCases)
  func defaultMatchModeAndCapitalGuard(_ c: ModeCase) throws {
    let rules = try Fixture.rules(place(c.alias))
    #expect(rules.aliases.count == 2)
    let alias = try #require(rules.aliases.last)
    #expect(alias.text == c.text)
    #expect(alias.mode == c.mode)
    #expect(alias.requiresCapital == c.requiresCapital)
  }

  @Test func compiledKeysFollowTheNormalizer() throws {
    let rules = try Fixture.rules(place("Perú", "EE.UU.", "Washington, D.C."))
    let v = rules.vocabulary
    let peru = rules.aliases[1]
    #expect(peru.exact == [v.id(of: "Perú")])
    #expect(peru.folded == [v.id(of: "perú")])
    #expect(peru.loose == [v.id(of: "peru")])
    #expect(Array(rules.aliases[2].loose) == [v.id(of: "eeuu")])
    let dc = rules.aliases[3]
    #expect(dc.loose == [v.id(of: "washington"), v.id(of: ","), v.id(of: "dc")])
    #expect(dc.keys(for: .loose) == dc.loose)
    #expect(dc.keys(for: .folded) == dc.folded)
    #expect(Array(dc.keys(for: .exact)) == [v.id(of: "Washington"), v.id(of: ","), v.id(of: "D.C.")])
    #expect(!dc.loose.contains(KeyVocabulary.absent))
    #expect(v.id(of: "never-an-alias") == KeyVocabulary.absent)
  }

  @Test func aliasWithOnlyPunctuationIsAnError() {
    let diagnostics = Fixture.diagnostics(place(name: "---", "\"...\"", "\"-\"", "\"¡¿?!\"", "A.B."))
    #expect(
      diagnostics.map(\.description) == [
        "rules/test.yaml:4:11: error: alias '---' has no word to match",
        "rules/test.yaml:6:9: error: alias '...' has no word to match",
        "rules/test.yaml:7:9: error: alias '-' has no word to match",
        "rules/test.yaml:8:9: error: alias '¡¿?!' has no word to match",
      ])
  }

  @Test func ruleReferencesPointAtTheAliasLine() throws {
    let yaml = """
      # places
      entities:
        - id: country/pe
          type: PLACE
          name: Peru
          aliases:
            - Perú
            - lang: es
              text: República del Perú
            - { text: Перу, lang: ru }
      """
    let rules = try Fixture.rules(yaml, path: "rules/seeds/places.yaml")
    #expect(
      rules.aliases.map(\.rule.located) == [
        "rules/seeds/places.yaml:5 (#country/pe)", "rules/seeds/places.yaml:7 (#country/pe)",
        "rules/seeds/places.yaml:9 (#country/pe)", "rules/seeds/places.yaml:10 (#country/pe)",
      ])
    #expect(rules.aliases.map(\.text) == ["Peru", "Perú", "República del Perú", "Перу"])
    #expect(rules.entities.map(\.rule.located) == ["rules/seeds/places.yaml:3 (#country/pe)"])
  }

  @Test func aliasesAreInDefinitionOrderAcrossFiles() throws {
    var source = RuleLoader.parse(yaml: "entities:\n  - id: b\n    type: ORG\n    name: Bee\n", path: "rules/a.yaml")
    source = RuleLoader.parse(
      yaml: "entities:\n  - id: a\n    type: ORG\n    name: Ay\n    aliases: [Aye]\n", path: "rules/b.yaml",
      into: source)
    let rules = try RuleSet.compile(source)
    #expect(rules.entities.map(\.id) == ["b", "a"])
    #expect(rules.aliases.map(\.text) == ["Bee", "Ay", "Aye"])
    #expect(rules.aliases.map(\.entity) == [0, 1, 1])
  }

  @Test func parseErrorsStopCompilation() {
    let source = RuleLoader.parse(yaml: place("{ text: B, match: fuzzy }"), path: "rules/test.yaml")
    #expect(throws: RuleErrors.self) { try RuleSet.compile(source) }
  }

  @Test func warningsAloneDoNotStopCompilation() throws {
    let source = RuleLoader.parse(
      yaml: "entities:\n  - id: a\n    type: ORG\n    name: Apple\n  - id: b\n    type: ORG\n    name: Apple\n",
      path: "rules/test.yaml")
    let rules = try RuleSet.compile(source)
    #expect(rules.warnings.count == 1)
    #expect(rules.entities.count == 2)
  }

  // MARK: RuleErrors

  @Test func ruleErrorsDescriptionHasOneLinePerProblem() {
    let yaml = """
      entities:
        - id: a
          type: PLACE
          name: Lima
        - id: b
          type: PLACE
          name: Lima
        - id: a
          type: THING
          name: "?"
        - id: c
          type: THING
          name: "?"
        - id: d
          type: ORG
          name: "?"
      """
    let error = #expect(throws: RuleErrors.self) { try Fixture.rules(yaml) }
    // A duplicate or mistyped entity is not looked into further.
    #expect(error?.errorCount == 3)
    #expect(
      error?.description == """
        rules/test.yaml:7:11: warning: alias 'Lima' of 'b' is also an alias of 'a' at rules/test.yaml:4:11; the closest spelling, then the first defined, wins
        rules/test.yaml:8:5: error: duplicate id 'a' (first defined at rules/test.yaml:2:5)
        rules/test.yaml:12:11: error: unknown type 'THING' (known: PERSON, ORG, PLACE; declare new ones under 'types')
        rules/test.yaml:16:11: error: alias '?' has no word to match
        """)
  }

  @Test func ruleErrorsSortByPathLineColumnThenErrorsFirst() {
    func at(_ path: String, _ line: Int, _ column: Int) -> FileLocation {
      FileLocation(path: path, line: line, column: column)
    }
    let errors = RuleErrors([
      .warning(at: at("rules/b.yaml", 1, 1), "w"),
      .error(at: at("rules/a.yaml", 10, 1), "late line"),
      .error(at: at("rules/a.yaml", 2, 7), "z"),
      .warning(at: at("rules/a.yaml", 2, 7), "a warning"),
      .error(at: at("rules/a.yaml", 2, 3), "early column"),
    ])
    #expect(errors.errorCount == 3)
    #expect(
      errors.description.split(separator: "\n") == [
        "rules/a.yaml:2:3: error: early column",
        "rules/a.yaml:2:7: error: z",
        "rules/a.yaml:2:7: warning: a warning",
        "rules/a.yaml:10:1: error: late line",
        "rules/b.yaml:1:1: warning: w",
      ])
  }
}
