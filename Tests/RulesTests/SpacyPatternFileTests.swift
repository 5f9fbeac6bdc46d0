import Foundation
import Testing
import TestSupport
@testable import Rules

@Suite struct SpacyPatternFileTests {
  func load(_ jsonl: String, yaml: String = "") throws -> (RuleSource, URL) {
    let folder = try Fixture.temporaryFolder()
    try Fixture.write(["ruler.jsonl": Array(jsonl.utf8)], under: folder)
    if !yaml.isEmpty { try Fixture.write(["types.yaml": Array(yaml.utf8)], under: folder) }
    return (RuleLoader.load(directory: folder.path), folder)
  }

  @Test func phrasePatternsBecomeEntitiesGroupedById() throws {
    let (source, _) = try load(
      """
      {"label": "ORG", "pattern": "Apple", "id": "apple"}
      {"label": "ORG", "pattern": "Apple Inc.", "id": "apple"}
      {"label": "GPE", "pattern": "San Francisco"}
      """)
    #expect(source.diagnostics.isEmpty)
    #expect(source.entities.map(\.id) == ["apple", "gpe/san-francisco"])
    #expect(source.entities.map(\.type) == ["ORG", "PLACE"])
    #expect(source.entities[0].aliases.map(\.text) == ["Apple Inc."])
    #expect(source.entities[0].location.line == 1)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var tokens: String
    var pattern: String
    var testDescription: String { tokens }
  }

  static let cases: [Case] = [
    Case(tokens: #"[{"LOWER": "president"}, {"IS_TITLE": true, "OP": "+"}]"#, pattern: #""president":folded Title+"#),
    Case(tokens: #"[{"ORTH": "Dr"}, {"TEXT": "."}, {"IS_UPPER": false, "IS_ALPHA": true}]"#, pattern: #""Dr":exact ".":exact [Alpha & !Upper]"#),
    Case(tokens: #"[{"LOWER": {"IN": ["mr", "mrs"]}}, {"SHAPE": "Xxxxx"}]"#, pattern: #"("mr":folded | "mrs":folded) /\p{Lu}\p{Ll}{4,}/"#),
    Case(tokens: #"[{"IS_DIGIT": true, "OP": "?"}, {"IS_PUNCT": true, "OP": "*"}, {}]"#, pattern: "Num? Punct* ."),
  ]

  @Test(arguments: cases)
  func tokenPatternsTranslate(_ c: Case) throws {
    let tokens = try JSONSerialization.jsonObject(with: Data(c.tokens.utf8)) as! [Any]
    #expect(try SpacyPatternFile.translate(tokens) == c.pattern)
  }

  @Test func unsupportedKeysAreErrorsWithTheLineNumber() throws {
    let (source, folder) = try load(
      """
      {"label": "PERSON", "pattern": [{"POS": "PROPN"}]}

      {"label": "PERSON", "pattern": [{"LOWER": "x", "OP": "!"}]}
      not json
      {"label": "ORG", "pattern": "A", "kb": 1}
      """)
    let name = folder.lastPathComponent
    #expect(
      source.diagnostics.map(\.description) == [
        "\(name)/ruler.jsonl:1:1: error: token 1: unsupported key 'POS' (supported: IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_TITLE, IS_UPPER, LOWER, OP, ORTH, SHAPE, TEXT)",
        "\(name)/ruler.jsonl:3:1: error: token 1: OP ! is not supported (use ?, *, + or 1; for '!' write a negated test such as {\"IS_PUNCT\": false})",
        "\(name)/ruler.jsonl:4:1: error: not a JSON object: expected {\"label\": …, \"pattern\": …}",
        "\(name)/ruler.jsonl:5:1: error: unknown key 'kb' (expected 'label', 'pattern', 'id')",
      ])
  }

  @Test func spacyRulesRunBesideYAMLRules() throws {
    let (_, folder) = try load(
      """
      {"label": "PERSON", "pattern": [{"LOWER": "president"}, {"IS_TITLE": true, "OP": "+"}]}
      {"label": "GPE", "pattern": "Peru", "id": "country/pe"}
      """)
    let rules = try RuleSet.load(directory: folder.path)
    #expect(rules.patterns.count == 1)
    #expect(rules.entities.map(\.id) == ["country/pe"])
  }
}
