import Normalization
import Rules
import TestSupport
import Testing

@testable import Recognition

struct MatchCase: Sendable, CustomTestStringConvertible {
  var name: String
  /// A whole rule file; when nil, each of `aliases` becomes an entity of its own, named by it.
  var yaml: String?
  var aliases: [String]
  var text: String
  var expected: [String]  // matched surface text, in document order
  var testDescription: String { name }

  init(name: String, aliases: [String], text: String, expected: [String]) {
    self.name = name
    self.aliases = aliases
    self.text = text
    self.expected = expected
  }

  init(name: String, yaml: String, text: String, expected: [String]) {
    self.name = name
    self.yaml = yaml
    self.aliases = []
    self.text = text
    self.expected = expected
  }

  var ruleFile: String { yaml ?? GazetteerTests.ruleFile(names: aliases) }
}

/// Runs recognition on `text` with a fresh normalizer, as a worker would.
func recognize(_ text: String, rules: RuleSet) throws -> (Document, [Mention]) {
  let normalizer = try Normalizer()
  let doc = normalizer.document(text: text)
  let mentions = Recognizer(rules: rules).mentions(in: doc, lexicon: normalizer.lexicon).mentions
  return (doc, mentions)
}

extension Document {
  func surface(_ m: Mention) -> String {
    string(fromToken: Int(m.firstToken), throughToken: Int(m.endToken) - 1)
  }
}

@Suite struct GazetteerTests {
  /// One entity per name: `e0`, `e1`, … in order, all PLACE.
  static func ruleFile(names: [String]) -> String {
    "entities:\n"
      + names.enumerated().map { i, name in
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "  - id: e\(i)\n    type: PLACE\n    name: \"\(quoted)\"\n"
      }.joined()
  }

  static let longest: [MatchCase] = [
    MatchCase(
      name: "longest alias wins", aliases: ["Dina", "Dina Boluarte"], text: "Dina Boluarte habló",
      expected: ["Dina Boluarte"]),
    MatchCase(
      name: "longest alias wins whatever the definition order", aliases: ["Dina Boluarte", "Dina"],
      text: "Dina Boluarte habló", expected: ["Dina Boluarte"]),
    MatchCase(
      name: "shorter alias where the longer does not fit", aliases: ["Dina", "Dina Boluarte", "Boluarte"],
      text: "Dina habló con Boluarte", expected: ["Dina", "Boluarte"]),
    MatchCase(
      name: "a longer alias's prefix that is no alias yields nothing", aliases: ["Evo Morales Ayma"],
      text: "Evo Morales dijo", expected: []),
    MatchCase(
      name: "falls back to the longest alias that fits", aliases: ["Evo Morales", "Evo Morales Ayma", "Morales"],
      text: "Evo Morales Ayala y Evo Morales Ayma", expected: ["Evo Morales", "Evo Morales Ayma"]),
    MatchCase(
      name: "leftmost wins over longer-later", aliases: ["Santa Lucia", "Lucia Ramos Garcia"],
      text: "Santa Lucia Ramos Garcia", expected: ["Santa Lucia"]),
    MatchCase(
      name: "disjoint neighbours are both kept", aliases: ["Santa", "Lucia Ramos"], text: "Santa Lucia Ramos",
      expected: ["Santa", "Lucia Ramos"]),
    MatchCase(
      name: "adjacent mentions", aliases: ["Peru", "Bolivia"], text: "Peru Bolivia Peru",
      expected: ["Peru", "Bolivia", "Peru"]),
    MatchCase(
      name: "comma-separated list", aliases: ["Lima", "Callao", "Loreto"], text: "Lima, Callao, Loreto.",
      expected: ["Lima", "Callao", "Loreto"]),
    MatchCase(name: "empty document", aliases: ["Peru"], text: "", expected: []),
    MatchCase(name: "white space only", aliases: ["Peru"], text: " \n\t ", expected: []),
  ]

  static let folding: [MatchCase] = [
    MatchCase(
      name: "accents, case and script fold in loose mode", aliases: ["Peru"], text: "Perú, Peru, PERU y Перу",
      expected: ["Perú", "Peru", "PERU", "Перу"]),
    MatchCase(
      name: "an accented loose alias matches the plain spelling", aliases: ["Perú"], text: "Peru", expected: ["Peru"]),
    MatchCase(
      name: "folded mode keeps accents",
      yaml:
        "entities:\n  - id: pe\n    type: PLACE\n    name: República del Perú\n    aliases:\n      - { text: Perú, match: folded }\n",
      text: "Perú, PERÚ, Peru, PERU, perú", expected: ["Perú", "PERÚ"]),
    MatchCase(
      name: "exact mode is case-sensitive", aliases: ["US"], text: "US, us, Us, uS and U.S.", expected: ["US"]),
    MatchCase(
      name: "exact acronym never matches the common word", aliases: ["FOE"], text: "a foe of the FOE",
      expected: ["FOE"]),
    MatchCase(name: "NO for Norway", aliases: ["NO"], text: "NO means no.", expected: ["NO"]),
    MatchCase(
      name: "alias U.S. matches U.S. only", aliases: ["U.S."], text: "the U.S. and the US and the us",
      expected: ["U.S."]),
    MatchCase(
      name: "US and U.S. together", aliases: ["US", "U.S."], text: "the U.S. and the US", expected: ["U.S.", "US"]),
    MatchCase(
      name: "loose US matches U.S. (dots dropped) but not us",
      yaml:
        "entities:\n  - id: us\n    type: PLACE\n    name: United States\n    aliases: [{ text: US, match: loose }]\n",
      text: "U.S., US, Us, us", expected: ["U.S.", "US", "Us"]),
    MatchCase(
      name: "EE.UU. in exact mode", aliases: ["EE.UU."], text: "EE.UU., EEUU, ee.uu.", expected: ["EE.UU."]),
    MatchCase(
      name: "capitalized alias never matches all-lowercase", aliases: ["Police", "Lima"],
      text: "the police saw lima beans; the Police in Lima; POLICE, LIMA",
      expected: ["Police", "Lima", "POLICE", "LIMA"]),
    MatchCase(
      name: "lowercase: true allows all-lowercase",
      yaml:
        "entities:\n  - id: pnp\n    type: ORG\n    name: National Police of Peru\n    aliases:\n      - { text: Police, lowercase: true }\n",
      text: "the police and the Police", expected: ["police", "Police"]),
    MatchCase(
      name: "an alias written lowercase matches any case", aliases: ["lima"], text: "lima Lima LIMA",
      expected: ["lima", "Lima", "LIMA"]),
    MatchCase(
      name: "one capital anywhere in a multi-token span is enough", aliases: ["Dina Boluarte"],
      text: "dina boluarte, dina Boluarte, DINA BOLUARTE", expected: ["dina Boluarte", "DINA BOLUARTE"]),
  ]

  static let tokens: [MatchCase] = [
    MatchCase(name: "whole tokens only: Lima in Limache", aliases: ["Lima"], text: "Limache", expected: []),
    MatchCase(
      name: "whole tokens only: Peru in Peruvian", aliases: ["Peru"], text: "Peruvian Peru", expected: ["Peru"]),
    MatchCase(name: "whole tokens only: no suffix", aliases: ["Peruvian"], text: "Peru", expected: []),
    MatchCase(name: "hyphen separates tokens", aliases: ["Lima"], text: "Lima-Callao", expected: ["Lima"]),
    MatchCase(
      name: "possessive is split off", aliases: ["Boluarte"], text: "Boluarte's and Boluarte’s government",
      expected: ["Boluarte", "Boluarte"]),
    MatchCase(
      name: "possessive after a multi-token alias", aliases: ["Dina Boluarte"], text: "Dina Boluarte's cabinet",
      expected: ["Dina Boluarte"]),
    MatchCase(
      name: "multi-token alias with punctuation", aliases: ["Washington, D.C."], text: "in Washington, D.C., today",
      expected: ["Washington, D.C."]),
    MatchCase(
      name: "punctuation tokens must be there", aliases: ["Washington, D.C."], text: "in Washington D.C. today",
      expected: []),
    MatchCase(
      name: "abbreviation at a sentence end keeps its dot", aliases: ["D.C."], text: "He lives in D.C. Then he left.",
      expected: ["D.C."]),
    MatchCase(
      name: "white space between alias tokens does not matter", aliases: ["Dina Boluarte"],
      text: "Dina   Boluarte and Dina\tBoluarte", expected: ["Dina   Boluarte", "Dina\tBoluarte"]),
    MatchCase(
      name: "alias spans ICU's sentence break after an abbreviation", aliases: ["U.S. Army"],
      text: "the U.S. Army said", expected: ["U.S. Army"]),
    MatchCase(
      name: "a blank line stops an alias", aliases: ["Lima Peru"], text: "in Lima\n\nPeru is",
      expected: []),
    MatchCase(
      name: "a single line break does not", aliases: ["Lima Peru"], text: "in Lima\r\nPeru is",
      expected: ["Lima\r\nPeru"]),
    MatchCase(
      name: "full stop between tokens stops the alias", aliases: ["Lima Peru"], text: "in Lima. Peru is",
      expected: []),
  ]

  static let scripts: [MatchCase] = [
    MatchCase(
      name: "CJK alias inside running Chinese text", aliases: ["秘鲁", "利马"], text: "我们在秘鲁首都利马。",
      expected: ["秘鲁", "利马"]),
    MatchCase(name: "CJK alias at the start", aliases: ["美国"], text: "美国总统访问了秘鲁", expected: ["美国"]),
    MatchCase(name: "katakana alias", aliases: ["ペルー"], text: "ペルーの首都", expected: ["ペルー"]),
    MatchCase(name: "Arabic alias", aliases: ["بيرو"], text: "زار الرئيس بيرو أمس", expected: ["بيرو"]),
    MatchCase(
      name: "Cyrillic alias matches Latin text", aliases: ["Перу"], text: "Peru, Перу", expected: ["Peru", "Перу"]),
    MatchCase(name: "Greek alias", aliases: ["Περού"], text: "στο Περού", expected: ["Περού"]),
    MatchCase(
      name: "decomposed accents match", aliases: ["Perú"], text: "Peru\u{301} y Perú",
      expected: ["Peru\u{301}", "Perú"]),
    MatchCase(name: "fullwidth acronym", aliases: ["CGTP"], text: "la ＣＧＴＰ y la CGTP", expected: ["CGTP"]),
  ]

  static func matched(_ c: MatchCase) throws -> [String] {
    let rules = try Fixture.rules(c.ruleFile)
    let (doc, mentions) = try recognize(c.text, rules: rules)
    return mentions.map(doc.surface)
  }

  @Test(arguments: longest)
  func leftmostLongest(_ c: MatchCase) throws {
    #expect(try Self.matched(c) == c.expected)
  }

  @Test(arguments: folding)
  func modesAndCapitals(_ c: MatchCase) throws {
    #expect(try Self.matched(c) == c.expected)
  }

  @Test(arguments: tokens)
  func wholeTokens(_ c: MatchCase) throws {
    #expect(try Self.matched(c) == c.expected)
  }

  @Test(arguments: scripts)
  func everyScript(_ c: MatchCase) throws {
    #expect(try Self.matched(c) == c.expected)
  }

  // MARK: Which entity, which alias

  @Test func tieBetweenTwoEntitiesGoesToTheFirstDefined() throws {
    let rules = try Fixture.rules(Self.ruleFile(names: ["Georgia", "Georgia"]))
    #expect(rules.warnings.count == 1)
    let (doc, mentions) = try recognize("Georgia and GEORGIA", rules: rules)
    #expect(mentions.map(doc.surface) == ["Georgia", "GEORGIA"])
    #expect(mentions.map { rules.entities[Int($0.entity)].id } == ["e0", "e0"])
    #expect(mentions.map(\.alias) == [0, 0])
  }

  @Test func tieGoesToTheFirstDefinedAliasThatAccepts() throws {
    // e0's exact "Georgia" rejects "GEORGIA", so the loose alias of e1 takes it.
    let yaml = """
      entities:
        - id: e0
          type: PLACE
          name: State of Georgia
          aliases: [{ text: Georgia, match: exact }]
        - id: e1
          type: PLACE
          name: Sakartvelo
          aliases: [Georgia]
      """
    let rules = try Fixture.rules(yaml)
    let (doc, mentions) = try recognize("Georgia, GEORGIA", rules: rules)
    #expect(mentions.map(doc.surface) == ["Georgia", "GEORGIA"])
    #expect(mentions.map { rules.entities[Int($0.entity)].id } == ["e0", "e1"])
    #expect(mentions.map { rules.aliases[Int($0.alias)].rule.line } == [5, 9])
  }

  @Test func mostSpecificAliasOfAnEntityIsCredited() throws {
    let yaml = """
      entities:
        - id: country/pe
          type: PLACE
          name: Peru
          aliases: [Perú, Перу]
      """
    let rules = try Fixture.rules(yaml)
    #expect(rules.aliases.map(\.text) == ["Peru", "Perú", "Перу"])
    let (doc, mentions) = try recognize("Peru, Perú, PERÚ, PERU, Перу, ПЕРУ, Pérou", rules: rules)
    #expect(mentions.map(doc.surface) == ["Peru", "Perú", "PERÚ", "PERU", "Перу", "ПЕРУ"])
    // Same exact text, else same folded text, else the first defined.
    #expect(mentions.map { rules.aliases[Int($0.alias)].text } == ["Peru", "Perú", "Perú", "Peru", "Перу", "Перу"])
  }

  @Test func acrossEntitiesTheMoreSpecificAliasBeatsTheFirstDefined() throws {
    // The compiler warns that the two share an alias and that "the closest spelling, then the first defined, wins",
    // but an occurrence spelled like the second entity's alias is credited to the second.
    let yaml = """
      entities:
        - id: a
          type: PLACE
          name: Peru
        - id: b
          type: ORG
          name: Perú
      """
    let rules = try Fixture.rules(yaml)
    #expect(
      rules.warnings.map(\.message) == [
        "alias 'Perú' of 'b' is also an alias of 'a' at rules/test.yaml:4:11; the closest spelling, then the first defined, wins"
      ])
    let (doc, mentions) = try recognize("Peru, Perú, PERÚ, PERU, Перу", rules: rules)
    #expect(mentions.map(doc.surface) == ["Peru", "Perú", "PERÚ", "PERU", "Перу"])
    #expect(mentions.map { rules.entities[Int($0.entity)].id } == ["a", "b", "b", "a", "a"])
    #expect(mentions.map(\.type) == ["PLACE", "ORG", "ORG", "PLACE", "PLACE"])
  }

  @Test func rejectedLongerAliasFallsBackToAShorterOne() throws {
    // The trie reaches "lima region" first, but its only alias there is exact (or needs a
    // capital), so the longest alias that accepts the text is the shorter one.
    let yaml = """
      entities:
        - id: city
          type: PLACE
          name: Lima
          aliases: [lima]
        - id: region
          type: PLACE
          name: Región Lima
          aliases:
            - { text: Lima Region, match: exact }
            - Lima Province
      """
    let rules = try Fixture.rules(yaml)
    let (doc, mentions) = try recognize("LIMA REGION, Lima Region, lima province, Lima province", rules: rules)
    #expect(mentions.map(doc.surface) == ["LIMA", "Lima Region", "lima", "Lima province"])
    #expect(mentions.map { rules.entities[Int($0.entity)].id } == ["city", "region", "city", "region"])
  }

  @Test func mentionsCarryTypeEntityAliasAndRule() throws {
    let yaml = """
      entities:
        - id: person/dina-boluarte
          type: PERSON
          name: Dina Boluarte
          aliases:
            - Boluarte
        - id: country/pe
          type: PLACE
          name: Peru
      """
    let rules = try Fixture.rules(yaml, path: "rules/seeds/mixed.yaml")
    let (doc, mentions) = try recognize("Boluarte visitó Perú con Dina Boluarte.", rules: rules)
    #expect(mentions.map(doc.surface) == ["Boluarte", "Perú", "Dina Boluarte"])
    #expect(mentions.map(\.type) == ["PERSON", "PLACE", "PERSON"])
    #expect(mentions.map(\.entity) == [0, 1, 0])
    #expect(mentions.map(\.alias) == [1, 2, 0])
    #expect(
      mentions.map(\.rule.located) == [
        "rules/seeds/mixed.yaml:6 (#person/dina-boluarte)", "rules/seeds/mixed.yaml:9 (#country/pe)",
        "rules/seeds/mixed.yaml:4 (#person/dina-boluarte)",
      ])
    #expect(mentions.map { [$0.firstToken, $0.endToken] } == [[0, 1], [2, 3], [4, 6]])
  }

  @Test func oneRecognizerServesManyDocuments() throws {
    let rules = try Fixture.rules(Self.ruleFile(names: ["Peru", "Dina Boluarte"]))
    let normalizer = try Normalizer()
    let recognizer = Recognizer(rules: rules)
    // Later documents bring new keys into the lexicon; the translator must keep up.
    let texts = ["Peru", "Hola Dina Boluarte", "Nuevas palabras: Perú, Boluarte, Dina Boluarte", "Peru"]
    var found: [[String]] = []
    for text in texts {
      let doc = normalizer.document(text: text)
      found.append(recognizer.mentions(in: doc, lexicon: normalizer.lexicon).mentions.map(doc.surface))
    }
    #expect(found == [["Peru"], ["Dina Boluarte"], ["Perú", "Dina Boluarte"], ["Peru"]])
  }

  @Test func gazetteerSharesPrefixes() throws {
    let rules = try Fixture.rules(Self.ruleFile(names: ["Evo Morales", "Evo Morales Ayma", "Evo", "Peru"]))
    // root → evo → morales → ayma, root → peru: 4 nodes besides the root.
    #expect(Gazetteer(rules: rules).nodeCount == 5)
  }

  @Test func emptyRuleSetFindsNothing() throws {
    let rules = try Fixture.rules("")
    let (_, mentions) = try recognize("Peru y Lima", rules: rules)
    #expect(mentions.isEmpty)
    #expect(Gazetteer(rules: rules).nodeCount == 1)
  }

  // MARK: Scale

  /// A letters-only name for `i`, so that each is one word token: 0 → "Ba", 1 → "Ca", ….
  static func word(_ i: Int) -> String {
    let consonants = Array("bcdfghjklmnprstvz")
    let vowels = Array("aeiou")
    var n = i
    var s = ""
    repeat {
      s.append(consonants[n % consonants.count])
      n /= consonants.count
      s.append(vowels[n % vowels.count])
      n /= vowels.count
    } while n > 0
    return s.prefix(1).uppercased() + s.dropFirst()
  }

  @Test(.timeLimit(.minutes(1)))
  func fiftyThousandAliases() throws {
    // 10 000 entities × 5 aliases: "W", "W Norte", "Rio W", "San W del Rio", "W W".
    var source = RuleSource()
    for i in 0..<10_000 {
      let w = Self.word(i)
      let location = FileLocation(path: "rules/big.yaml", line: i + 1, column: 5)
      source.entities.append(
        EntityRule(
          id: "e\(i)", type: "PLACE", name: w,
          aliases: ["\(w) Norte", "Rio \(w)", "San \(w) del Rio", "\(w) \(w)"].map {
            AliasRule(text: $0, location: location)
          },
          location: location))
    }
    let rules = try RuleSet.compile(source)
    #expect(rules.aliases.count == 50_000)
    #expect(rules.warnings.isEmpty)
    let (a, b, c, d) = (Self.word(0), Self.word(4_321), Self.word(9_999), Self.word(777))
    let text = "En Rio \(a) y \(b) Norte, luego San \(c) del Rio, \(d) \(d) \(d) y Rio Desconocido; san \(a) del rio."
    let (doc, mentions) = try recognize(text, rules: rules)
    #expect(
      mentions.map(doc.surface) == ["Rio \(a)", "\(b) Norte", "San \(c) del Rio", "\(d) \(d)", d, "san \(a) del rio"])
    #expect(mentions.map(\.entity) == [0, 4_321, 9_999, 777, 777, 0])
  }
}
