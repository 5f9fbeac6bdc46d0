import Testing
import TestSupport
@testable import Rules

/// The warnings `quipu check` adds (RuleLint.swift).
@Suite struct RuleLintTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var commonWords: [String: [String]] = [:]
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a generated list's many repeats: five named, the rest counted",
      yaml: "lists:\n  given:\n    words: [" + (1...8).map { "Ana\($0), ana\($0)" }.joined(separator: ", ") + "]\n",
      expected: [
        "rules/test.yaml:2:3: warning: list 'given': 3 more entries in this file repeat an earlier one under the list's match mode (8 in all)"
      ]
        + (1...5).map { i in
          "rules/test.yaml:3:\(19 + (i - 1) * 12): warning: list 'given': 'ana\(i)' is the same as 'Ana\(i)' at "
            + "rules/test.yaml:3:\(13 + (i - 1) * 12) under the list's match mode (loose)"
        }),
    Case(
      name: "entries the same under a loose list's mode",
      yaml: "lists:\n  title:\n    words:\n      - President\n      - Minister\n      - president\n      - Présidént\n",
      expected: [
        "rules/test.yaml:6:9: warning: list 'title': 'president' is the same as 'President' at rules/test.yaml:4:9 under the list's match mode (loose)",
        "rules/test.yaml:7:9: warning: list 'title': 'Présidént' is the same as 'President' at rules/test.yaml:4:9 under the list's match mode (loose)",
      ]),
    Case(
      name: "an exact list keeps case variants apart, not exact duplicates",
      yaml: "lists:\n  month:\n    match: exact\n    words:\n      - May\n      - may\n      - May\n",
      expected: ["rules/test.yaml:7:9: warning: list 'month': 'May' is listed twice (first at rules/test.yaml:5:9)"]),
    Case(
      name: "a folded list keeps accents apart",
      yaml: "lists:\n  prep:\n    match: folded\n    words: [a, à, A]\n",
      expected: ["rules/test.yaml:4:19: warning: list 'prep': 'A' is the same as 'a' at rules/test.yaml:4:13 under the list's match mode (folded)"]),
    Case(
      name: "a phrase in a list used only inside brackets never matches",
      yaml: """
        lists:
          head: [Bank, Prosecutor's Office, Corp.]
        define:
          word: '[Cap & !@head]'
        patterns:
          - type: ORG
            pattern: '<$word+ [@head & Cap]>'
        """,
      expected: [
        "rules/test.yaml:2:16: warning: list 'head': 'Prosecutor's Office' is 3 tokens, but patterns use the list only inside [ ], where it tests one token: it never matches",
        "rules/test.yaml:2:37: warning: list 'head': 'Corp.' is 2 tokens, but patterns use the list only inside [ ], where it tests one token: it never matches",
      ]),
    Case(
      name: "a phrase in a list also used as a sequence matches there",
      yaml: """
        lists:
          head: [Bank, Prosecutor's Office]
        patterns:
          - type: ORG
            pattern: '<[Cap & !@head]+ @head>'
        """,
      expected: []),
    Case(
      name: "one-word aliases that are common words",
      yaml: """
        entities:
          - id: org/police
            type: ORG
            name: National Police
            aliases:
              - Police
              - {text: Policía, lang: es}
              - {text: Bank, lang: es}
              - {text: police, lowercase: true}
              - PNP
              - Police Force
        """,
      commonWords: ["en": ["police", "bank"], "es": ["policía", "banco"], "fr": ["police"]],
      expected: [
        "rules/test.yaml:6:9: warning: alias 'Police' of 'org/police' is a common word (en, fr); it also matches the word at the start of a sentence or in a headline",
        "rules/test.yaml:7:16: warning: alias 'Policía' of 'org/police' is a common word (es); it also matches the word at the start of a sentence or in a headline",
        "rules/test.yaml:9:16: warning: alias 'police' of 'org/police' is a common word (en, fr) and 'lowercase: true' lets it match the lowercase word; it also matches the word at the start of a sentence or in a headline",
      ]),
    Case(
      name: "reference packs are left out",
      yaml: "precedence: -1\nentities:\n  - {id: place/x, type: PLACE, name: Police}\n",
      commonWords: ["en": ["police"]],
      expected: []),
  ]

  @Test(arguments: cases)
  func warnings(_ c: Case) {
    let source = RuleLoader.parse(yaml: c.yaml, path: "rules/test.yaml")
    #expect(source.diagnostics.isEmpty, "\(source.diagnostics)")
    let found = RuleLint.warnings(for: source, commonWords: c.commonWords).map(\.description)
    #expect(found == c.expected)
  }

  @Test func theShippedCommonWordListsAreRead() {
    let words = RuleLint.commonWords(under: Fixture.repositoryRoot.appendingPathComponent("rules").path)
    #expect(words["en"]?.contains("police") == true)
    #expect(words["en"]?.contains { $0.hasPrefix("#") } == false)
  }
}
