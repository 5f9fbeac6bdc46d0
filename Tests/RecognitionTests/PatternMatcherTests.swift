import Normalization
import Rules
import Testing
import TestSupport
@testable import Recognition

/// Pattern semantics, one table row per behaviour: the rules, a text, and the mentions
/// found ("text TYPE how"), in text order. Each row runs with the prefilter (the start and
/// requirement tables, ``PatternTables``) and without it (every pattern tried at every token):
/// both must find the same.
@Suite struct PatternMatcherTests {
  static let prefilter = [true, false]

  static func recognizer(_ rules: RuleSet, prefilter: Bool) -> Recognizer {
    Recognizer(rules: rules, gazetteer: Gazetteer(rules: rules), prefilter: prefilter)
  }

  static func patterns(_ lines: String, lists: String = "", entities: String = "") -> String {
    """
    lists:
      title: [President, Minister, Prime Minister, presidenta]
      head: [Confederation, Command, Forces]
      stop: [The, A]
    \(lists)
    \(entities.isEmpty ? "" : "entities:\n" + entities)
    patterns:
    \(lines)
    """
  }

  static let cases: [Case] = [
    Case(
      name: "list, then a captured name (titles left out)",
      yaml: patterns("  - {type: PERSON, pattern: '@title+ <[Cap & !@title]{1,3}>'}"),
      text: "said Prime Minister Alberto Otárola and la presidenta Dina Boluarte.",
      expected: ["Alberto Otárola PERSON pattern", "Dina Boluarte PERSON pattern"]),
    Case(
      name: "greedy quantifier stops at the first token that fails",
      yaml: patterns("  - {type: PERSON, pattern: '@title <Cap+>'}"),
      text: "President Dina Boluarte's decision", expected: ["Dina Boluarte PERSON pattern"]),
    Case(
      name: "bounded repetition",
      yaml: patterns("  - {type: PERSON, pattern: '@title <Cap{1,2}>'}"),
      text: "President Juan Pablo Segundo", expected: ["Juan Pablo PERSON pattern"]),
    Case(
      name: "optional and alternation",
      yaml: patterns(#"  - {type: ORG, pattern: '<("the" | "la")? Cap @head>'}"#),
      text: "la Gran Command; the Armed Forces; Confederation",
      expected: ["la Gran Command ORG pattern", "the Armed Forces ORG pattern"]),
    Case(
      name: "no capture: the whole match is the mention",
      yaml: patterns("  - {type: ORG, pattern: 'Cap+ @head'}"),
      text: "the Peruvian Workers Confederation said", expected: ["Peruvian Workers Confederation ORG pattern"]),
    Case(
      name: "regex and symbol tests, handle kept as an attribute",
      yaml: patterns(#"  - {type: PERSON, pattern: '"—" <Cap{1,3}> Sym* "(" <handle: /@\w+/> ")"'}"#),
      text: "… — Aníbal Garzón 🌎 (@AnibalGarzon) May 21, 2023", expected: ["Aníbal Garzón PERSON pattern handle=@AnibalGarzon"]),
    Case(
      name: "a capture inside a repetition yields one mention each time",
      yaml: patterns(#"  - {type: PLACE, pattern: '"regions" "of" <Cap> ("," <Cap>)* ("and" <Cap>)?'}"#),
      text: "the regions of Lima, Callao, Loreto and Cusco.",
      expected: ["Lima PLACE pattern", "Callao PLACE pattern", "Loreto PLACE pattern", "Cusco PLACE pattern"]),
    Case(
      name: "an acronym alias is found again in the rest of the document",
      yaml: patterns(#"  - {type: ORG, pattern: '<Cap+ @head> "(" <alias: Upper> ")"'}"#),
      text: "The Peruvian Workers Confederation (CGTP) marched. Later CGTP spoke; cgtp did not.",
      expected: ["The Peruvian Workers Confederation ORG pattern", "CGTP ORG pattern", "CGTP ORG acronym"]),
    Case(
      name: "a pattern built on a gazetteer span ranks with aliases, so the longer wins",
      yaml: patterns(
        #"  - {type: ORG, pattern: '<"Congress" "of" PLACE>'}"#,
        entities: "  - {id: country/pe, type: PLACE, name: Peru}\n"),
      text: "the Congress of Peru voted", expected: ["Congress of Peru ORG pattern"]),
    Case(
      name: "aliases beat overlapping patterns by default",
      yaml: patterns(
        "  - {type: PERSON, pattern: '<Cap Cap>'}",
        entities: "  - {id: place/santa-lucia, type: PLACE, name: Santa Lucia}\n"),
      text: "in Santa Lucia today", expected: ["Santa Lucia PLACE alias entity=place/santa-lucia"]),
    Case(
      name: "a pattern with a higher priority beats an alias",
      yaml: patterns(
        "  - {type: ORG, priority: 20, pattern: '<Cap Cap @head>'}",
        entities: "  - {id: place/santa-lucia, type: PLACE, name: Santa Lucia}\n"),
      text: "the Santa Lucia Command", expected: ["Santa Lucia Command ORG pattern"]),
    Case(
      name: "a pattern match whose text is a listed alias resolves to that entity",
      yaml: patterns(
        "  - {type: PERSON, priority: 20, pattern: '@title <Cap+>'}",
        entities: "  - {id: person/dina-boluarte, type: PERSON, name: Dina Boluarte}\n"),
      text: "President Dina Boluarte", expected: ["Dina Boluarte PERSON pattern entity=person/dina-boluarte"]),
    Case(
      name: "script test",
      yaml: patterns("  - {type: PLACE, pattern: '\"в\" <[Cap & script=Cyrl]>'}"),
      text: "в Москве и в Lima", expected: ["Москве PLACE pattern"]),
    Case(
      name: "a match never crosses a blank line",
      yaml: patterns("  - {type: PERSON, pattern: '@title <Cap+>'}"),
      text: "President\n\nDina Boluarte", expected: []),
    Case(
      name: "literals match loosely, acronyms exactly",
      yaml: patterns(#"  - {type: PLACE, pattern: '"en" <"Peru">'}"#),
      text: "en PERÚ, en perú y en Perú", expected: ["PERÚ PLACE pattern", "perú PLACE pattern", "Perú PLACE pattern"]),
    Case(
      name: "sentence starts",
      yaml: patterns("  - {type: PERSON, pattern: '<[Cap & !Start]>'}"),
      text: "Ayer llegó Ana. Luego Bea.", expected: ["Ana PERSON pattern", "Bea PERSON pattern"]),
    Case(
      name: "possessive and elision literals match as in running text",
      yaml: patterns(#"  - {type: ORG, pattern: '<Cap> "''s" "shareholders"'}"# + "\n" + #"  - {type: PLACE, pattern: '"dell''" <Cap>'}"#),
      text: "Takeda's shareholders; la Banca dell'Italia", expected: ["Takeda ORG pattern", "Italia PLACE pattern"]),
    Case(
      name: "one pattern's matches never overlap",
      yaml: patterns("  - {type: PERSON, pattern: 'Cap Cap'}"),
      text: "Ana Bea Cleo Dana Eva", expected: ["Ana Bea PERSON pattern", "Cleo Dana PERSON pattern"]),
    Case(
      name: "a pattern whose first token is a negated shape can start at any other token",
      yaml: patterns("  - {type: PERSON, pattern: '[!Cap & !Punct] <Cap>'}"),
      text: "ver Ana, y Bea. Cleo", expected: ["Ana PERSON pattern", "Bea PERSON pattern"]),
    Case(
      name: "a pattern can start on the first word of a multi-word list entry",
      yaml: patterns("  - {type: ORG, pattern: '<@office Cap>'}", lists: "  office: [Home Office, Cabinet]"),
      text: "the Home Office Liaison and the Cabinet Unit",
      expected: ["Home Office Liaison ORG pattern", "Cabinet Unit ORG pattern"]),
  ]

  /// Start tables keep one bit per pattern and per list in 64-bit words: past 64 of each, the
  /// second word must work as the first does.
  @Test(arguments: prefilter)
  func moreThanSixtyFourPatternsAndLists(prefilter: Bool) throws {
    var yaml = "lists:\n"
    for i in 0..<70 { yaml += "  l\(i): [w\(i)a, w\(i)b c]\n" }
    yaml += "patterns:\n"
    for i in 0..<70 { yaml += "  - {id: p\(i), type: PERSON, pattern: '@l\(i) <Cap>'}\n" }
    let rules = try Fixture.rules(yaml)
    let normalizer = try Normalizer()
    let recognizer = Self.recognizer(rules, prefilter: prefilter)
    let doc = normalizer.document(text: "w3a Ana; w69b c Bea; w64a Cleo; w70a Dana; w1 Eva")
    let found = recognizer.mentions(in: doc, lexicon: normalizer.lexicon).mentions.map {
      "\(doc.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1)) \(rules.patterns[Int($0.pattern)].id)"
    }
    #expect(found == ["Ana p3", "Bea p69", "Cleo p64"])
  }

  @Test(arguments: cases, prefilter)
  func finds(_ c: Case, prefilter: Bool) throws {
    let rules = try Fixture.rules(c.yaml)
    let normalizer = try Normalizer()
    let recognizer = Self.recognizer(rules, prefilter: prefilter)
    let doc = normalizer.document(text: c.text)
    let found = recognizer.mentions(in: doc, lexicon: normalizer.lexicon).mentions.map { m in
      var s = "\(doc.string(fromToken: Int(m.firstToken), throughToken: Int(m.endToken) - 1)) \(m.type) \(m.how.rawValue)"
      if m.entity >= 0 { s += " entity=\(rules.entities[Int(m.entity)].id)" }
      for a in m.attributes { s += " \(a.key)=\(a.value)" }
      return s
    }
    #expect(found == c.expected)
  }

  /// Nested stars would take exponential time in a backtracking engine; the Pike VM stays linear.
  @Test func pathologicalPatternsStayLinear() throws {
    let rules = try Fixture.rules(
      """
      patterns:
        - {type: PERSON, pattern: '((Cap | Title)* (Cap* Title*)*)* "never"'}
        - {type: PERSON, pattern: '(. | Word | Cap)+ "never"'}
      """)
    let normalizer = try Normalizer()
    let text = Array(repeating: "Alpha Beta Gamma Delta", count: 1500).joined(separator: " ")
    let doc = normalizer.document(text: text)
    let clock = ContinuousClock()
    let started = clock.now
    let found = Recognizer(rules: rules).mentions(in: doc, lexicon: normalizer.lexicon).mentions
    #expect(found.isEmpty)
    // Not a timing test: a generous bound that only an exponential (or quadratic) blow-up breaks.
    #expect(clock.now - started < .seconds(60))
  }

  /// A catastrophic regex is stopped by ICU's time limit and counts as not matching.
  @Test func runawayRegexIsStoppedByTheTimeLimit() throws {
    let rules = try Fixture.rules("patterns:\n  - {type: PERSON, pattern: '<[/(a+)+b/]>'}\n")
    let normalizer = try Normalizer()
    let doc = normalizer.document(text: String(repeating: "a", count: 64) + " aab")
    let recognizer = Recognizer(rules: rules)
    let found = recognizer.mentions(in: doc, lexicon: normalizer.lexicon).mentions
    #expect(found.map { doc.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1) } == ["aab"])
    #expect(recognizer.regexTimeouts == 1)
  }
}
