import Testing
import TestSupport
@testable import Rules

/// `define:` sections: named pattern fragments, expanded where a pattern writes `$name`.
@Suite struct PatternDefinitionTests {
  /// A rule file with the lists the cases use, `define` (indented under `define:`) and one
  /// pattern. Line 5 is the first definition line; the pattern is on the line after the last.
  static func yaml(define: String, pattern: String) -> String {
    """
    lists:
      stop: [The]
      month: [May]
    define:
    \(define.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
    patterns:
      - type: PERSON
        pattern: '\(pattern)'
    """
  }

  static let errors: [Case] = [
    Case(
      name: "syntax error inside a quoted definition",
      yaml: yaml(define: "word: '[Cap & !@stop'", pattern: "<$word>"),
      expected: [
        "rules/test.yaml:5:10: error: define: '[' is never closed (or expected '&')",
        "rules/test.yaml:8:16: error: pattern: '$word' has errors (see its definition at rules/test.yaml:5:3)",
      ]),
    Case(
      name: "syntax error on the second line of a block definition",
      yaml: yaml(define: "name: >-\n  [Cap & !@stop]\n  ([Cap & !@stop] | \"-\" Cap]{0,3}", pattern: "<$name>"),
      expected: [
        "rules/test.yaml:7:30: error: define: unexpected ']'",
        "rules/test.yaml:10:16: error: pattern: '$name' has errors (see its definition at rules/test.yaml:5:3)",
      ]),
    Case(
      name: "unknown name at the use site",
      yaml: yaml(define: "word: '[Cap & !@stop]'", pattern: "<$word $wrod>"),
      expected: ["rules/test.yaml:8:22: error: pattern: unknown definition '$wrod'"]),
    Case(
      name: "unknown name inside a definition",
      yaml: yaml(define: "name: '$wrod+'", pattern: "<$name>"),
      expected: [
        "rules/test.yaml:5:10: error: define: unknown definition '$wrod'",
        "rules/test.yaml:8:16: error: pattern: '$name' has errors (see its definition at rules/test.yaml:5:3)",
      ]),
    Case(
      name: "a cycle is named where it closes",
      yaml: yaml(define: "a: '$b Cap'\nb: '$a'", pattern: "<Cap>"),
      expected: [
        "rules/test.yaml:5:7: error: define: '$b' has errors (see its definition at rules/test.yaml:6:3)",
        "rules/test.yaml:6:7: error: define: definitions form a cycle: $a → $b → $a",
      ]),
    Case(
      name: "a definition that uses itself",
      yaml: yaml(define: "a: 'Cap $a?'", pattern: "<Cap>"),
      expected: ["rules/test.yaml:5:11: error: define: definitions form a cycle: $a → $a"]),
    Case(
      name: "a sequence inside brackets",
      yaml: yaml(define: "two: 'Cap Cap'", pattern: "<[$two & !@month]>"),
      expected: [
        "rules/test.yaml:8:17: error: pattern: '$two' is not one token test, so it cannot be used inside [ ] or after '!' (write $two alone)"
      ]),
    Case(
      name: "a list is not one token test (its entries may be phrases)",
      yaml: yaml(define: "months: '@month'", pattern: "<!$months>"),
      expected: [
        "rules/test.yaml:8:17: error: pattern: '$months' is not one token test, so it cannot be used inside [ ] or after '!' (write $months alone)"
      ]),
    Case(
      name: "an unknown list inside a definition is reported inside it, with its user",
      yaml: yaml(define: "word: '[Cap & !@stops]'", pattern: "<$word>"),
      expected: [
        "rules/test.yaml:5:18: error: pattern: unknown list '@stops' (in '$word', used by the pattern at rules/test.yaml:7:5)"
      ]),
    Case(
      name: "a capture inside a definition used inside a capture",
      yaml: yaml(define: "name: '<Cap>'", pattern: "<$name>"),
      expected: [
        "rules/test.yaml:5:10: error: pattern: captures cannot be nested (in '$name', used by the pattern at rules/test.yaml:7:5)"
      ]),
    Case(
      name: "a bad definition name",
      yaml: yaml(define: "a b: Cap", pattern: "<Cap>"),
      expected: ["rules/test.yaml:5:3: error: a definition name is letters, digits, '.', '_' or '-' (like name.word)"]),
    Case(
      name: "an empty name after $",
      yaml: yaml(define: "a: Cap", pattern: "<$ Cap>"),
      expected: ["rules/test.yaml:8:17: error: pattern: expected a definition name after '$'"]),
    Case(
      name: "define must be a map",
      yaml: "define: [a, b]\n",
      expected: ["rules/test.yaml:1:9: error: 'define' must be a map from names to pattern fragments"]),
  ]

  @Test(arguments: errors)
  func diagnostics(_ c: Case) {
    let found = Fixture.diagnostics(c.yaml).map(\.description)
    #expect(found == c.expected)
  }

  @Test func aDuplicateDefinitionInAnotherFileIsAnError() {
    var source = RuleSource()
    RuleLoader.merge(yaml: "define:\n  word: Cap\n", path: "rules/a.yaml", pack: "a", into: &source, skippingPacks: [])
    RuleLoader.merge(yaml: "define:\n  word: Upper\n", path: "rules/b.yaml", pack: "b", into: &source, skippingPacks: [])
    #expect(throws: RuleErrors.self) { try RuleSet.compile(source) }
    do {
      _ = try RuleSet.compile(source)
    } catch {
      #expect(error.diagnostics.map(\.description) == [
        "rules/b.yaml:2:3: error: definition '$word' is already defined at rules/a.yaml:2:3"
      ])
    }
  }

  /// Compiled programs of `pattern`, with `definitions` in one file and the pattern in another.
  static func compiled(_ pattern: String, definitions: String = "") throws -> RuleSet {
    var source = RuleSource()
    RuleLoader.merge(
      yaml: "lists:\n  stop: [The]\n  month: [May]\n  particle: [de, van]\n",
      path: "rules/a.yaml", pack: "a", into: &source, skippingPacks: [])
    RuleLoader.merge(
      yaml: "patterns:\n  - type: PERSON\n    pattern: '\(pattern)'\n", path: "rules/b.yaml", pack: "b", into: &source,
      skippingPacks: [])
    if !definitions.isEmpty {
      // Defined in a later file than the pattern that uses them: names are global.
      RuleLoader.merge(yaml: "define:\n" + definitions, path: "rules/c.yaml", pack: "c", into: &source, skippingPacks: [])
    }
    return try RuleSet.compile(source)
  }

  struct Expansion: Sendable, CustomTestStringConvertible {
    var name: String
    var definitions: String
    var pattern: String
    var writtenOut: String
    var testDescription: String { name }
  }

  static let expansions: [Expansion] = [
    Expansion(
      name: "a token test combined inside brackets",
      definitions: "  word: '[Cap & Alpha & !@stop]'\n",
      pattern: "<[$word & !@month]+>", writtenOut: "<[Cap & Alpha & !@stop & !@month]+>"),
    Expansion(
      name: "a token test alone and negated",
      definitions: "  word: '[Cap & Alpha & !@stop]'\n  may: '\"May\"'\n",
      pattern: "<$word [!$may & Word]>", writtenOut: #"<[Cap & Alpha & !@stop] [!"May" & Word]>"#),
    Expansion(
      name: "definitions built on definitions",
      definitions: "  word: '[Cap & !@stop]'\n  first: '[$word & !@month]'\n  more: '$word | @particle $word'\n"
        + "  name: '$first $more{0,2}'\n",
      pattern: "<$name>", writtenOut: "<[Cap & !@stop & !@month] ([Cap & !@stop] | @particle [Cap & !@stop]){0,2}>"),
    Expansion(
      name: "a block definition over several lines",
      definitions: "  name: >-\n    [Cap & !@stop]\n     ([Cap & !@stop] | \"-\" Cap){0,3}\n",
      pattern: "<$name>", writtenOut: #"<[Cap & !@stop] ([Cap & !@stop] | "-" Cap){0,3}>"#),
  ]

  @Test(arguments: expansions)
  func expandsToThePatternWrittenOut(_ e: Expansion) throws {
    let defined = try Self.compiled(e.pattern, definitions: e.definitions)
    let written = try Self.compiled(e.writtenOut)
    #expect(defined.patterns.map(\.program) == written.patterns.map(\.program))
    #expect(defined.tests == written.tests)
    #expect(defined.regexes == written.regexes)
  }

  @Test func definitionsOfASkippedPackStayAvailable() throws {
    var source = RuleSource()
    RuleLoader.merge(yaml: "define:\n  word: '[Cap & Alpha]'\n", path: "rules/a.yaml", pack: "a", into: &source, skippingPacks: ["a"])
    RuleLoader.merge(
      yaml: "patterns:\n  - type: PERSON\n    pattern: '<$word>'\n", path: "rules/b.yaml", pack: "b", into: &source,
      skippingPacks: ["a"])
    let rules = try RuleSet.compile(source)
    #expect(rules.patterns.count == 1)
    #expect(rules.skippedPacks == ["a"])
  }

  @Test func theShippedPacksUseDefinitions() throws {
    let source = RuleLoader.load(directory: Fixture.repositoryRoot.appendingPathComponent("rules/packs").path)
    #expect(source.definitions.contains { $0.name == "name.word" })
    #expect(source.patterns.contains { $0.pattern.contains("$name") })
  }
}
