import Testing
import TestSupport
@testable import Rules

@Suite struct PatternCompilerTests {
  static func yaml(_ pattern: String, type: String = "PERSON", extra: String = "") -> String {
    """
    lists:
      title: [President, Prime Minister]
    \(extra)patterns:
      - type: \(type)
        pattern: '\(pattern)'
    """
  }

  static let cases: [Case] = [
    Case(
      name: "syntax error points into the pattern", yaml: yaml("@title <Cap"),
      expected: ["rules/test.yaml:5:22: error: pattern: '<' is never closed"]),
    Case(
      name: "unknown list", yaml: yaml("@titles <Cap>"),
      expected: ["rules/test.yaml:5:15: error: pattern: unknown list '@titles'"]),
    Case(
      name: "unknown type in pattern", yaml: yaml("CITY <Cap>"),
      expected: ["rules/test.yaml:5:15: error: pattern: unknown type 'CITY' (known: PERSON, ORG, PLACE)"]),
    Case(
      name: "unknown pattern type", yaml: yaml("<Cap>", type: "THING"),
      expected: ["rules/test.yaml:4:11: error: unknown type 'THING' (known: PERSON, ORG, PLACE)"]),
    Case(
      name: "bad regex", yaml: yaml("/a(/"),
      expected: ["rules/test.yaml:5:18: error: pattern: regular expression /a(/: U_REGEX_MISMATCHED_PAREN"]),
    Case(
      name: "unknown script", yaml: yaml("script=Klingon"),
      expected: ["rules/test.yaml:5:15: error: pattern: unknown script 'Klingon' (use ISO 15924 codes such as Latn, Cyrl, Grek, Arab, Hani)"]),
    Case(
      name: "a pattern that can match nothing", yaml: yaml("Cap*"),
      expected: ["rules/test.yaml:5:15: error: pattern: it can match no tokens at all"]),
    Case(
      name: "nested captures", yaml: yaml("<Cap <Cap>>"),
      expected: ["rules/test.yaml:5:20: error: pattern: captures cannot be nested"]),
    Case(
      name: "multi-token literal inside brackets", yaml: yaml(#"["Prime Minister"]"#),
      expected: [#"rules/test.yaml:5:16: error: pattern: inside [ ], a literal must be one token ("Prime Minister" is 2)"#]),
    Case(
      name: "too many instructions", yaml: yaml("(Cap{50}){50} (Cap{50}){50}"),
      expected: ["rules/test.yaml:5:15: error: pattern: compiles to"]),
    Case(
      name: "missing fields and unknown keys",
      yaml: "patterns:\n  - type: PERSON\n  - pattern: Cap\n    colour: red\n",
      expected: [
        "rules/test.yaml:2:5: error: pattern is missing 'pattern'",
        "rules/test.yaml:3:5: error: pattern is missing 'type'",
        "rules/test.yaml:4:5: error: unknown key 'colour' (expected 'id', 'type', 'pattern', 'priority', 'lang')",
      ]),
    Case(
      name: "list problems",
      yaml: "lists:\n  bad name: [x]\n  empty: {lang: en}\n  ok: [\"\"]\n",
      expected: [
        "rules/test.yaml:2:3: error: a list name is letters, digits, '.', '_' or '-' (like en.titles)",
        "rules/test.yaml:3:10: error: list 'empty' needs 'words': a list of words or phrases",
        "rules/test.yaml:4:8: error: a list entry must be a non-empty string",
      ]),
  ]

  @Test(arguments: cases)
  func diagnostics(_ c: Case) {
    let found = Fixture.diagnostics(c.yaml).map(\.description)
    #expect(found.count == c.expected.count, "\(found)")
    for (f, e) in zip(found, c.expected) { #expect(f.hasPrefix(e), "\(f)") }
  }

  @Test(.bug(id: 7, "fuzz-patterns: an error in a repeated body was reported once per copy, exponentially"))
  func anErrorInsideRepetitionsIsReportedOnce() {
    // Before the fix: 50 × 50 copies of the first error, 49 of the second, 3 of the third;
    // five nested {50} ran out of memory.
    let found = Fixture.diagnostics(Self.yaml("((@nolist{50}){50}) [Cap & !@nolist]{2,50} (CITY | Cap){3}")).map(\.description)
    #expect(
      found == [
        "rules/test.yaml:5:17: error: pattern: unknown list '@nolist'",
        "rules/test.yaml:5:43: error: pattern: unknown list '@nolist'",
        "rules/test.yaml:5:59: error: pattern: unknown type 'CITY' (known: PERSON, ORG, PLACE)",
      ])
  }

  @Test func validPatternsCompileWithTheirRuleLine() throws {
    let rules = try Fixture.rules(Self.yaml(#"@title+ <[Cap & !@title]{1,3}> ("," | "said")?"#))
    #expect(rules.patterns.count == 1)
    #expect(rules.patterns[0].rule.description == "rules/test.yaml:4")
    #expect(rules.patterns[0].program.hasMentionCapture)
    #expect(rules.lists.map(\.name) == ["title"])
    #expect(rules.lists[0].singles.count == 1)
    #expect(rules.lists[0].phrases.count == 1)
  }

  @Test func packsCanBeSwitchedOff() throws {
    let yaml = "pack: en-people\nenabled: false\n" + Self.yaml("<Cap>")
    let source = RuleLoader.parse(yaml: yaml, path: "rules/test.yaml")
    #expect(source.patterns.isEmpty)
    #expect(source.skippedPacks == ["en-people"])
    let skipped = RuleLoader.parse(yaml: Self.yaml("<Cap>"), path: "rules/p.yaml", pack: "p", skippingPacks: ["p"])
    #expect(skipped.patterns.isEmpty && skipped.lists.isEmpty)
    let kept = RuleLoader.parse(yaml: Self.yaml("<Cap>"), path: "rules/p.yaml", pack: "p", skippingPacks: ["q"])
    #expect(kept.patterns.count == 1)
  }
}
