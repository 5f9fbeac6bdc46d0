import Normalization
import TestSupport
import Testing

@testable import Rules

/// One diagnostic a rule file must produce: where, how bad, and a fragment of what it says.
struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
  var location: String
  var severity: Diagnostic.Severity
  var fragment: String

  init(_ location: String, _ fragment: String, _ severity: Diagnostic.Severity = .error) {
    self.location = location
    self.severity = severity
    self.fragment = fragment
  }

  var description: String { "\(location): \(severity.rawValue): …\(fragment)…" }

  func matches(_ diagnostic: Diagnostic) -> Bool {
    diagnostic.location.description == location && diagnostic.severity == severity
      && diagnostic.message.contains(fragment)
  }
}

struct DiagnosticCase: Sendable, CustomTestStringConvertible {
  var name: String
  var yaml: String
  /// In the order the user sees them (sorted by location).
  var expected: [ExpectedDiagnostic]
  var testDescription: String { name }
}

/// Checks that `actual` and `expected` pair up one to one, in order.
func expectDiagnostics(
  _ actual: [Diagnostic], _ expected: [ExpectedDiagnostic], sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    actual.count == expected.count, "got:\n\(actual.map(\.description).joined(separator: "\n"))",
    sourceLocation: sourceLocation)
  for (a, e) in zip(actual, expected) {
    #expect(e.matches(a), "expected \(e), got \(a)", sourceLocation: sourceLocation)
  }
}

/// An entity header at lines 2–4 (entity map at 2:5); the case adds lines from 5 on.
private func entity(_ rest: String) -> String {
  "entities:\n  - id: a\n    type: PLACE\n    name: A\n" + rest
}

@Suite struct RuleFileParserTests {
  static let cases: [DiagnosticCase] = [
    // YAML itself
    DiagnosticCase(
      name: "bad indentation",
      yaml: "entities:\n  - id: a\n   type: PLACE\n",
      expected: [.init("rules/test.yaml:3:4", "YAML syntax: did not find expected '-' indicator")]),
    DiagnosticCase(
      name: "unclosed quote (reported where the quote opens)",
      yaml: "entities:\n  - id: \"a\n    type: PLACE\n",
      expected: [
        .init("rules/test.yaml:2:9", "YAML syntax: found unexpected end of stream while scanning a quoted scalar")
      ]),
    DiagnosticCase(
      name: "tab indentation",
      yaml: "entities:\n\t- id: a\n",
      expected: [.init("rules/test.yaml:2:1", "a tab in indentation: YAML does not allow tabs there; indent with spaces")]),
    DiagnosticCase(
      name: "duplicate key in a map (reported at its second occurrence)",
      yaml: "entities:\n  - id: a\n    id: b\n    type: PLACE\n    name: A\n",
      expected: [.init("rules/test.yaml:3:5", "duplicate key 'id' in a map")]),

    // Top level
    DiagnosticCase(
      name: "an explicit empty document is fine",
      yaml: "---\n# nothing yet\n",
      expected: []),
    DiagnosticCase(
      name: "entities with nothing under it yet is fine",
      yaml: "entities:\n",
      expected: []),
    DiagnosticCase(
      name: "a duplicate key is reported where it is written again",
      yaml: "entities:\n  - id: a\n    type: PLACE\n    name: A\n    type: ORG\nlists:\n  l: [x]\n",
      expected: [.init("rules/test.yaml:5:5", "duplicate key 'type' in a map")]),
    DiagnosticCase(
      name: "a duplicate top-level key",
      yaml: "lists:\n  a: [x]\n  b: [y]\n  # a comment\n  a: [z]\n",
      expected: [.init("rules/test.yaml:5:3", "duplicate key 'a' in a map")]),
    DiagnosticCase(
      name: "an entity id with a space, a quote or markup",
      yaml: "entities:\n  - {id: a b, type: PLACE, name: A}\n  - {id: '<script>', type: PLACE, name: B}\n"
        + "  - {id: 'x\"y', type: PLACE, name: C}\n",
      expected: [
        .init("rules/test.yaml:2:10", "id 'a b' contains U+0020: an id is letters, digits"),
        .init("rules/test.yaml:3:10", "id '<script>' contains '<'"),
        .init("rules/test.yaml:4:10", "id 'x\"y' contains '\"'"),
      ]),
    DiagnosticCase(
      name: "a pattern id with a newline; two patterns with one id",
      yaml: "patterns:\n  - {id: \"a\\nb\", type: PLACE, pattern: Cap}\n  - {id: p, type: PLACE, pattern: Cap}\n"
        + "  - {id: p, type: PLACE, pattern: Upper}\n",
      expected: [
        .init("rules/test.yaml:2:10", "contains U+000A"),
        .init("rules/test.yaml:4:5", "duplicate pattern id 'p' (first defined at rules/test.yaml:3:5)"),
      ]),
    DiagnosticCase(
      name: "top level is a list",
      yaml: "- a\n- b\n",
      expected: [.init("rules/test.yaml:1:1", "a rule file must be a map with the keys 'entities', 'types'")]),
    DiagnosticCase(
      name: "top level is a scalar",
      yaml: "\n\nhello\n",
      expected: [.init("rules/test.yaml:3:1", "a rule file must be a map with the keys 'entities', 'types'")]),
    DiagnosticCase(
      name: "unknown top-level key",
      yaml: "entities: []\nfoo: 1\n",
      expected: [.init("rules/test.yaml:2:1", "unknown key 'foo' (expected 'entities', 'types', 'lists', 'define', 'patterns', 'pack', 'enabled', 'lang', 'languages', 'precedence', 'extend', 'geonames')")]),
    DiagnosticCase(
      name: "entities not a list",
      yaml: "entities: x\n",
      expected: [.init("rules/test.yaml:1:11", "'entities' must be a list of entities")]),
    DiagnosticCase(
      name: "types not a list",
      yaml: "types: PARTY\n",
      expected: [.init("rules/test.yaml:1:8", "'types' must be a list of type names")]),
    DiagnosticCase(
      name: "type names not in capitals",
      yaml: "types: [Party, PARTY_2, event]\n",
      expected: [
        .init("rules/test.yaml:1:9", "type 'Party' must be written in capitals, like PERSON"),
        .init("rules/test.yaml:1:25", "type 'event' must be written in capitals"),
      ]),
    DiagnosticCase(
      name: "type name not a string",
      yaml: "types:\n  - [PARTY]\n",
      expected: [.init("rules/test.yaml:2:5", "a type name must be a string")]),

    // Entities
    DiagnosticCase(
      name: "entity not a map",
      yaml: "entities:\n  - x\n",
      expected: [
        .init(
          "rules/test.yaml:2:5",
          "an entity must be a map with the keys 'id', 'type', 'name', 'aliases', 'attributes'")
      ]),
    DiagnosticCase(
      name: "unknown entity key",
      yaml: entity("    colour: red\n"),
      expected: [
        .init("rules/test.yaml:5:5", "unknown key 'colour' (expected 'id', 'type', 'name', 'aliases', 'attributes', 'context', 'prior')")
      ]),
    DiagnosticCase(
      name: "missing id",
      yaml: "entities:\n  - type: PLACE\n    name: A\n",
      expected: [.init("rules/test.yaml:2:5", "entity is missing 'id'")]),
    DiagnosticCase(
      name: "missing type",
      yaml: "entities:\n  - id: a\n    name: A\n",
      expected: [.init("rules/test.yaml:2:5", "entity is missing 'type'")]),
    DiagnosticCase(
      name: "missing name",
      yaml: "entities:\n  - id: a\n    type: PLACE\n",
      expected: [.init("rules/test.yaml:2:5", "entity is missing 'name'")]),
    DiagnosticCase(
      name: "missing all three (one diagnostic each, sorted by message)",
      yaml: "entities:\n  - aliases: [A]\n",
      expected: [
        .init("rules/test.yaml:2:5", "entity is missing 'id'"),
        .init("rules/test.yaml:2:5", "entity is missing 'name'"),
        .init("rules/test.yaml:2:5", "entity is missing 'type'"),
      ]),
    DiagnosticCase(
      name: "id not a string, name blank (not also reported missing)",
      yaml: "entities:\n  - id: [a]\n    type: PLACE\n    name: \" \"\n",
      expected: [
        .init("rules/test.yaml:2:9", "'id' must be a string"),
        .init("rules/test.yaml:4:11", "'name' is empty"),
      ]),
    DiagnosticCase(
      name: "attributes not a map",
      yaml: entity("    attributes: [x]\n"),
      expected: [.init("rules/test.yaml:5:17", "'attributes' must be a map of keys to values")]),
    DiagnosticCase(
      name: "attribute value not a scalar",
      yaml: entity("    attributes:\n      x: [1]\n      y: 2\n"),
      expected: [.init("rules/test.yaml:6:10", "attribute values must be plain strings or numbers")]),

    // Aliases
    DiagnosticCase(
      name: "aliases not a list",
      yaml: entity("    aliases: B\n"),
      expected: [.init("rules/test.yaml:5:14", "'aliases' must be a list")]),
    DiagnosticCase(
      name: "alias neither string nor map",
      yaml: entity("    aliases:\n      - [x]\n"),
      expected: [
        .init(
          "rules/test.yaml:6:9", "an alias must be a string or a map with the keys 'text', 'lang', 'match', 'lowercase'"
        )
      ]),
    DiagnosticCase(
      name: "unknown alias key",
      yaml: entity("    aliases:\n      - { text: B, language: es }\n"),
      expected: [
        .init("rules/test.yaml:6:20", "unknown key 'language' (expected 'text', 'lang', 'match', 'lowercase')")
      ]),
    DiagnosticCase(
      name: "alias map without text",
      yaml: entity("    aliases:\n      - { lang: es }\n"),
      expected: [.init("rules/test.yaml:6:9", "alias is missing 'text'")]),
    DiagnosticCase(
      name: "empty and blank aliases",
      yaml: entity("    aliases:\n      - \"\"\n      - \"   \"\n      - \"\\t\\n\"\n"),
      expected: [
        .init("rules/test.yaml:6:9", "alias is empty"),
        .init("rules/test.yaml:7:9", "alias is empty"),
        .init("rules/test.yaml:8:9", "alias is empty"),
      ]),
    DiagnosticCase(
      name: "empty text in an alias map is reported once",
      yaml: entity("    aliases:\n      - { text: \"\" }\n"),
      expected: [.init("rules/test.yaml:6:17", "'text' is empty")]),
    DiagnosticCase(
      name: "over-long alias (513 characters; 512 is fine)",
      yaml: entity(
        "    aliases:\n      - \(String(repeating: "x", count: 513))\n      - \(String(repeating: "y", count: 512))\n"),
      expected: [.init("rules/test.yaml:6:9", "alias is 513 characters long (at most 512)")]),
    DiagnosticCase(
      name: "over-long alias counts characters, not bytes",
      yaml: entity(
        "    aliases:\n      - \(String(repeating: "é", count: 512))\n      - \(String(repeating: "ñ", count: 600))\n"),
      expected: [.init("rules/test.yaml:7:9", "alias is 600 characters long (at most 512)")]),
    DiagnosticCase(
      name: "bad match value",
      yaml: entity("    aliases:\n      - { text: B, match: fuzzy }\n"),
      expected: [.init("rules/test.yaml:6:27", "unknown match mode 'fuzzy' (expected 'exact', 'folded', 'loose')")]),
    DiagnosticCase(
      name: "match values are case-sensitive",
      yaml: entity("    aliases:\n      - { text: B, match: Exact }\n"),
      expected: [.init("rules/test.yaml:6:27", "unknown match mode 'Exact'")]),
    DiagnosticCase(
      name: "bad lowercase value",
      yaml: entity("    aliases:\n      - { text: B, lowercase: yes }\n      - { text: C, lowercase: 1 }\n"),
      expected: [
        .init("rules/test.yaml:7:31", "'lowercase' must be true or false")
      ]),
  ]

  @Test(arguments: cases)
  func reportsEveryProblemWhereItIs(_ c: DiagnosticCase) {
    expectDiagnostics(Fixture.diagnostics(c.yaml), c.expected)
  }

  static let cleanFiles: [String] = [
    "",
    "\n\n   \n",
    "# only a comment\n# and another\n",
    "entities: []\ntypes: []\n",
    "types: [PARTY, EVENT_2]\nentities:\n  - id: a\n    type: PARTY\n    name: A\n",
    entity(
      "    aliases:\n      - B\n      - { text: C, lang: es, match: folded, lowercase: false }\n    attributes:\n      wikidata: Q1\n"
    ),
  ]

  @Test(arguments: cleanFiles)
  func cleanFileHasNoDiagnostics(_ yaml: String) {
    #expect(Fixture.diagnostics(yaml).map(\.description) == [])
  }

  @Test func emptyFileHasNoEntities() {
    let source = RuleLoader.parse(yaml: "# nothing yet\n", path: "rules/empty.yaml")
    #expect(source.entities.isEmpty)
    #expect(source.diagnostics.isEmpty)
  }

  @Test func severalErrorsAreAllReportedSortedByLocation() {
    // The parser meets the unknown key (3:5) before it finds the entity lacks a name (2:5),
    // and the compiler adds the duplicate id (8:5) and unknown type (11:5) later still.
    let yaml = """
      entities:
        - id: a
          colour: red
          type: PLACE
          aliases:
            - { text: B, match: fuzzy }
            - ""
        - id: b
          type: PLACE
          name: B
        - id: c
          type: CITY
          name: C
        - id: b
          type: PLACE
          name: B2
      bogus: 1
      """
    let diagnostics = Fixture.diagnostics(yaml)
    #expect(
      diagnostics.map(\.description) == [
        "rules/test.yaml:2:5: error: entity is missing 'name'",
        "rules/test.yaml:3:5: error: unknown key 'colour' (expected 'id', 'type', 'name', 'aliases', 'attributes', 'context', 'prior')",
        "rules/test.yaml:6:27: error: unknown match mode 'fuzzy' (expected 'exact', 'folded', 'loose')",
        "rules/test.yaml:7:9: error: alias is empty",
        "rules/test.yaml:12:11: error: unknown type 'CITY' (known: PERSON, ORG, PLACE; declare new ones under 'types')",
        "rules/test.yaml:14:5: error: duplicate id 'b' (first defined at rules/test.yaml:8:5)",
        "rules/test.yaml:17:1: error: unknown key 'bogus' (expected 'entities', 'types', 'lists', 'define', 'patterns', 'pack', 'enabled', 'lang', 'languages', 'precedence', 'extend', 'geonames')",
      ])
  }

  @Test func parserKeepsGoingAfterABadEntity() {
    let source = RuleLoader.parse(
      yaml: "entities:\n  - id: a\n    type: PLACE\n  - id: b\n    type: PLACE\n    name: B\n", path: "p.yaml")
    #expect(source.entities.map(\.id) == ["b"])
    #expect(source.diagnostics.map(\.description) == ["p.yaml:2:5: error: entity is missing 'name'"])
  }

  // MARK: Scalars stay literal

  @Test func yamlScalarsAreKeptAsLiteralStrings() throws {
    let yaml = """
      entities:
        - id: country/no
          type: PLACE
          name: Norway
          aliases: [NO, yes, 1.0, "007", ~, null, true, 0x1F, 1e3]
          attributes:
            population: 5.50
            member: no
            iso: NO
        - id: 123
          type: ORG
          name: 2024
      """
    let source = RuleLoader.parse(yaml: yaml, path: "rules/test.yaml")
    #expect(source.diagnostics.isEmpty)
    #expect(source.entities.map(\.id) == ["country/no", "123"])
    #expect(source.entities.map(\.name) == ["Norway", "2024"])
    #expect(
      source.entities.first?.aliases.map(\.text) == ["NO", "yes", "1.0", "007", "~", "null", "true", "0x1F", "1e3"])
    // Attributes are sorted by key and keep their text ("5.50", not 5.5).
    #expect(
      source.entities.first?.attributes == [
        .init(key: "iso", value: "NO"), .init(key: "member", value: "no"), .init(key: "population", value: "5.50"),
      ])
  }

  @Test func norwayAliasNOCompilesToAnExactAlias() throws {
    let rules = try Fixture.rules(
      "entities:\n  - id: country/no\n    type: PLACE\n    name: Norway\n    aliases: [NO]\n")
    let no = try #require(rules.aliases.first { $0.text == "NO" })
    #expect(no.mode == .exact)
    #expect(no.requiresCapital)
  }

  // MARK: What a parsed alias records

  @Test func aliasOptionsAreRecorded() throws {
    let yaml = entity(
      """
          aliases:
            - B
            - { text: C, lang: es, match: folded, lowercase: true }
            - { text: D, match: exact, lowercase: false }

      """)
    let source = RuleLoader.parse(yaml: yaml, path: "rules/test.yaml")
    #expect(source.diagnostics.isEmpty)
    let aliases = try #require(source.entities.first?.aliases)
    #expect(aliases.map(\.text) == ["B", "C", "D"])
    #expect(aliases.map(\.language) == [nil, "es", nil])
    #expect(aliases.map(\.match) == [nil, .folded, .exact])
    #expect(aliases.map(\.allowsLowercase) == [false, true, false])
    // A plain alias is located at its scalar, a map alias at its `text` value.
    #expect(
      aliases.map(\.location.description) == ["rules/test.yaml:6:9", "rules/test.yaml:7:17", "rules/test.yaml:8:17"])
  }

  @Test func entityRecordsItsAndItsNamesLocation() throws {
    let yaml = "\n# people\nentities:\n  - type: PERSON\n    id: person/x\n    name:   X Y\n"
    let source = RuleLoader.parse(yaml: yaml, path: "rules/people.yaml")
    let e = try #require(source.entities.first)
    #expect(e.location.description == "rules/people.yaml:4:5")
    #expect(e.nameLocation.description == "rules/people.yaml:6:13")
  }

  @Test func declaredTypesAreRecordedWithTheirLocations() {
    let source = RuleLoader.parse(yaml: "types:\n  - PARTY\n  - EVENT\n", path: "t.yaml")
    #expect(source.declaredTypes.map(\.name) == ["PARTY", "EVENT"])
    #expect(source.declaredTypes.map(\.location.description) == ["t.yaml:2:5", "t.yaml:3:5"])
  }

  @Test func parsingAppendsToAnExistingSource() {
    let first = RuleLoader.parse(yaml: entity(""), path: "rules/a.yaml")
    let both = RuleLoader.parse(
      yaml: "entities:\n  - id: b\n    type: ORG\n    name: B\n", path: "rules/b.yaml", into: first)
    #expect(both.entities.map(\.id) == ["a", "b"])
    #expect(both.entities.map(\.location.path) == ["rules/a.yaml", "rules/b.yaml"])
  }
}
