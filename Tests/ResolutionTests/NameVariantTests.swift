import Pipeline
import Testing
import TestSupport
@testable import Resolution

/// In-document resolution, in English and Spanish: "text → entity (how)" in text order.
@Suite struct NameVariantTests {
  static let rules = """
    lists:
      title: [President, presidente, expresidente, Minister, ministro, Secretary]
      head: [Congress, Congreso, Police, Policía, Confederation]
    patterns:
      - {type: PERSON, pattern: '@title+ <Cap{1,3}>'}
      - {type: ORG, pattern: '<Cap+ @head> ("(" <alias: Upper> ")")?'}
    entities:
      - id: person/evo-morales
        type: PERSON
        name: Evo Morales
      - id: org/southern-command
        type: ORG
        name: United States Southern Command
        aliases: [Southern Command, Comando Sur, SOUTHCOM]
    """

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "surname after the full name (en)",
      text: "President Pedro Castillo spoke. Later, Castillo left.",
      expected: ["Pedro Castillo → ~person/pedro-castillo (pattern)", "Castillo → ~person/pedro-castillo (coref)"]),
    Case(
      name: "surname before the full name, accents differ (es)",
      text: "Béjar habló. El ministro Héctor Bejar dijo que no.",
      expected: ["Béjar → ~person/hector-bejar (coref)", "Héctor Bejar → ~person/hector-bejar (pattern)"]),
    Case(
      name: "an alias beats the overlapping pattern; the surname joins the listed entity",
      text: "El expresidente Evo Morales Ayma escribió. Morales también dijo.",
      expected: ["Evo Morales → person/evo-morales (alias)", "Morales → person/evo-morales (coref)"]),
    Case(
      name: "variants join the fullest name, before or after (en)",
      text: "Minister Ana Maria Lopez spoke; Minister Ana Lopez agreed.",
      expected: ["Ana Maria Lopez → ~person/ana-maria-lopez (pattern)", "Ana Lopez → ~person/ana-maria-lopez (pattern)"]),
    Case(
      name: "a surname shared by two people joins neither",
      text: "Secretary Ana Lopez and Minister Juan Lopez met. Lopez said no.",
      expected: ["Ana Lopez → ~person/ana-lopez (pattern)", "Juan Lopez → ~person/juan-lopez (pattern)"]),
    Case(
      name: "organization short form after the full name (en)",
      text: "The Peruvian Congress voted. Congress then adjourned.",
      expected: [
        "The Peruvian Congress → ~org/the-peruvian-congress (pattern)", "Congress → ~org/the-peruvian-congress (coref)",
      ]),
    Case(
      name: "a short form before the full name is not joined",
      text: "Police came. Then the National Police arrived.",
      expected: ["National Police → ~org/national-police (pattern)"]),
    Case(
      name: "acronym and expansion, both ways, through a pattern (es)",
      text: "La Gran Confederación Congreso (CGTP) marchó; la CGTP volvió.",
      expected: [
        "La Gran Confederación Congreso → ~org/la-gran-confederacion-congreso (pattern)",
        "CGTP → ~org/la-gran-confederacion-congreso (pattern)",
        "CGTP → ~org/la-gran-confederacion-congreso (acronym)",
      ]),
    Case(
      name: "a repeated full name is found again whole, not as two short forms (es)",
      text: "El ministro Carlos Santos Silva habló. Luego Carlos Santos Silva se fue.",
      expected: [
        "Carlos Santos Silva → ~person/carlos-santos-silva (pattern)",
        "Carlos Santos Silva → ~person/carlos-santos-silva (coref)",
      ]),
    Case(
      name: "a one-word name a pattern found is found again",
      text: "President Takeda spoke; Takeda left.",
      expected: ["Takeda → ~person/takeda (pattern)", "Takeda → ~person/takeda (coref)"]),
    Case(
      name: "a short form inside another capitalized name is not a coreference",
      text: "Minister Rafael López spoke with López Aliaga.",
      expected: ["Rafael López → ~person/rafael-lopez (pattern)"]),
    Case(
      name: "an all-caps dateline is not a coreference",
      text: "MADRID. Minister Gabriel Madrid arrived.",
      expected: ["Gabriel Madrid → ~person/gabriel-madrid (pattern)"]),
    Case(
      name: "the word after a connector is not an organization's short form",
      text: "The Congress del Perú met. Later Perú voted; the Congress adjourned.",
      expected: ["The Congress → ~org/the-congress (pattern)", "Congress → ~org/the-congress (coref)"]),
    Case(
      name: "listed aliases link languages and acronyms",
      text: "the Southern Command, el Comando Sur, SOUTHCOM",
      expected: [
        "Southern Command → org/southern-command (alias)", "Comando Sur → org/southern-command (alias)",
        "SOUTHCOM → org/southern-command (alias)",
      ]),
  ]

  @Test(arguments: cases)
  func resolves(_ c: Case) throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.rules)).extract(text: c.text)
    #expect(extracted.mentions.map { "\(extracted.text(of: $0)) → \($0.entityID) (\($0.how))" } == c.expected)
  }

  @Test func corefMentionsAreTypedLikeTheirAntecedentAndNameTheirRule() throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.rules)).extract(text: "President Pedro Castillo spoke. Castillo left.")
    let coref = try #require(extracted.mentions.last)
    #expect(coref.type == "PERSON" && coref.how == "coref" && coref.name == "Pedro Castillo")
    #expect(coref.rule.description == "rules/test.yaml:5")
  }
}
