import Normalization
import Rules
import Testing
import TestSupport
@testable import Recognition

/// A pattern never cuts a listed reference name, and a weak cue does not retype one; a pattern
/// that takes the whole name, or a strong cue, still wins (the reference packs' aliases rank
/// below patterns, priority -1).
@Suite struct ListedNameTests {
  static let yaml = """
    precedence: -10
    entities:
      - {id: country/us, type: PLACE, name: United States}
      - {id: country/br, type: PLACE, name: Brésil}
      - {id: place/sabadell, type: PLACE, name: Sabadell}
      - {id: place/oea, type: PLACE, name: OEA}
    lists:
      say: [a déclaré]
      head: [Army]
      title: [President]
      org.first: [Banco]
    patterns:
      - {id: org.head, type: ORG, pattern: '<Cap @head>'}
      - {id: person.say, type: PERSON, pattern: '<Cap> @say'}
      - {id: person.title, type: PERSON, priority: 2, pattern: '@title <Cap>'}
      - {id: org.bank, type: ORG, pattern: '<@org.first Cap>'}
      - {id: org.acronym, type: ORG, pattern: '<[Upper & /^[A-Z]{3}$/]> "said"'}
    """

  static let cases: [(String, [String])] = [
    ("the United States Army", ["United States PLACE"]),  // "States Army" would cut the country
    ("Le Brésil a déclaré", ["Brésil PLACE"]),  // a verb of saying is a weak cue
    ("President Sabadell", ["Sabadell PERSON"]),  // a title is a strong one
    ("the Banco Sabadell", ["Banco Sabadell ORG"]),  // the pattern takes the whole name
    ("OEA said", ["OEA ORG"]),  // all in capitals: a code, not a written name
  ]

  @Test(arguments: 0..<cases.count)
  func listedNamesStayWhole(_ index: Int) throws {
    let (text, expected) = Self.cases[index]
    let rules = try Fixture.rules(Self.yaml, path: "rules/reference/test.yaml")
    let normalizer = try Normalizer()
    let document = normalizer.document(text: text)
    let found = Recognizer(rules: rules).mentions(in: document, lexicon: normalizer.lexicon).mentions.map {
      "\(document.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1)) \($0.type)"
    }
    #expect(found == expected)
  }

  /// Loose keys transliterate: "Peru" finds "Перу", but a Latin name of three letters or fewer
  /// does not find a short word of another script ("Οι" is "oi", "Και" is "kai"), and a
  /// one-word name in another script finds no Latin word ("Σινά" is "sina").
  @Test func shortLatinNamesStayInLatinText() throws {
    let rules = try Fixture.rules(
      """
      entities:
        - {id: place/oi, type: PLACE, name: Ōi}
        - {id: place/kai, type: PLACE, name: Kai}
        - {id: country/pe, type: PLACE, name: Peru}
        - {id: place/sinai, type: PLACE, name: Sinai, aliases: [Σινά]}
      """)
    let normalizer = try Normalizer()
    let document = normalizer.document(text: "Οι Και Перу. Ōi, Kai met Yang Sina in Σινά.")
    let found = Recognizer(rules: rules).mentions(in: document, lexicon: normalizer.lexicon).mentions.map {
      document.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1)
    }
    #expect(found == ["Перу", "Ōi", "Kai", "Σινά"])
  }
}
