import Pipeline
import Testing
import TestSupport
@testable import Resolution

/// In-document resolution, in English and Spanish: "text → entity (how)" in text order.
@Suite struct NameVariantTests {
  static let rules = """
    lists:
      title: [President, presidente, expresidente, Minister, ministro, Secretary, Президент, πρόεδρος]
      head: [Congress, Congreso, Police, Policía, Confederation]
    patterns:
      - {type: PERSON, pattern: '@title+ <Cap{1,3}>'}
      - {type: PERSON, pattern: '"总统" <[script=Hani & !"被" & !"在"]{1,3}>'}
      - {type: PERSON, pattern: '"球员" <[script=Hani]+ "·" [script=Hani]+>'}
      - {type: PERSON, pattern: '<alias: [script=Hani]{1,4}> "（" <Cap Cap> "）"'}
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

  static let cases: [Case] = [
    Case(
      name: "a surname in another case joins the full name (ru)",
      text: "Президент Владимир Путин выступил. Он повторил слова Путина, ответ Путину. Иванов молчал.",
      expected: [
        "Владимир Путин → ~person/vladimir-putin (pattern)", "Путина → ~person/vladimir-putin (coref)",
        "Путину → ~person/vladimir-putin (coref)",
      ]),
    Case(
      name: "a genitive joins the nominative (el)",
      text: "Ο πρόεδρος Κυριάκος Μητσοτάκης μίλησε. Η ομιλία του Μητσοτάκη ήταν σύντομη.",
      expected: [
        "Κυριάκος Μητσοτάκης → ~person/kyriakos-metsotakes (pattern)",
        "Μητσοτάκη → ~person/kyriakos-metsotakes (coref)",
      ]),
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
      name: "a name in a script without case is found again whole (zh)",
      text: "总统马杜罗被捕。律师说马杜罗在纽约。",
      expected: ["马杜罗 → ~person/马-杜-罗 (pattern)", "马杜罗 → ~person/马-杜-罗 (coref)"]),
    Case(
      name: "a Han name glossed in Latin letters: the Latin form names the group (zh)",
      text: "父亲藤森谦也（Alberto Fujimori）。",
      expected: [
        "父亲藤森谦也 → ~person/alberto-fujimori (pattern)", "Alberto Fujimori → ~person/alberto-fujimori (pattern)",
      ]),
    Case(
      name: "without case, the last part of a name joined by a middle dot is found alone (zh)",
      text: "球员哈里·凯恩。凯恩射门。",
      expected: ["哈里·凯恩 → ~person/哈-里-凯-恩 (pattern)", "凯恩 → ~person/哈-里-凯-恩 (coref)"]),
    Case(
      name: "without case, a name joined to another by a middle dot is not found again (zh)",
      text: "总统马杜罗被捕。尼古拉斯·马杜罗在纽约。",
      expected: ["马杜罗 → ~person/马-杜-罗 (pattern)"]),
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

  /// A lone surname after a capitalized word joins its full name only when that word is a
  /// frequent one opening the sentence ("Según Díaz"), not a name ("Ana Díaz").
  @Test(arguments: [
    ("presidente Pedro Díaz habló. Según Díaz, no.", ["Pedro Díaz → ~person/pedro-diaz (pattern)", "Díaz → ~person/pedro-diaz (coref)"]),
    ("presidente Pedro Díaz habló. Ana Díaz, no.", ["Pedro Díaz → ~person/pedro-diaz (pattern)"]),
    ("presidente Pedro Díaz habló, Según Díaz.", ["Pedro Díaz → ~person/pedro-diaz (pattern)"]),
  ])
  func sentenceOpeningWordBeforeSurname(_ c: (String, [String])) throws {
    let rules = Self.rules.replacingOccurrences(of: "lists:\n", with: "languages:\n  es: {según: 5.3, de: 7.6}\nlists:\n")
    let extracted = try Extractor(rules: Fixture.rules(rules)).extract(text: c.0)
    #expect(extracted.mentions.map { "\(extracted.text(of: $0)) → \($0.entityID) (\($0.how))" } == c.1)
  }

  /// In a script without capitals a lone surname joins its full name too, but a lone given
  /// name does not (one "محمد" is no more this Muhammad than another).
  @Test func caselessSurnamesJoinTheirFullName() throws {
    let rules = """
      lists:
        title: [الرئيس]
      patterns:
        - {type: PERSON, pattern: '@title <[script=Arab]{2}>'}
      """
    let extracted = try Extractor(rules: Fixture.rules(rules)).extract(text: "قال الرئيس محمد مرسي اليوم. ثم قال مرسي إن محمد غادر.")
    #expect(
      extracted.mentions.map { "\(extracted.text(of: $0)) → \($0.entityID) (\($0.how))" } == [
        "محمد مرسي → ~person/mhmd-mrsy (pattern)", "مرسي → ~person/mhmd-mrsy (coref)",
      ])
  }

  /// One person's name in two scripts, inflected or transliterated differently.
  static let scriptRules = """
    lists:
      title: [President, Chancellor, Minister, президент, президента, президентом, канцлер, канцлера, πρωθυπουργός, πρωθυπουργού]
    patterns:
      - {type: PERSON, pattern: '@title+ <Cap{1,3}>'}
    """

  static let scriptCases: [Case] = [
    Case(
      name: "Russian genitive and English",
      text: "President Vladimir Putin spoke. Слова президента Владимира Путина.",
      expected: ["Vladimir Putin → ~person/vladimir-putin (pattern)", "Владимира Путина → ~person/vladimir-putin (pattern)"]),
    Case(
      name: "the Russian form first; the Latin one still names the group",
      text: "президентом Владимиром Путиным. President Vladimir Putin spoke.",
      expected: ["Владимиром Путиным → ~person/vladimir-putin (pattern)", "Vladimir Putin → ~person/vladimir-putin (pattern)"]),
    Case(
      name: "a surname alone in another script and transliteration",
      text: "Chancellor Olaf Scholz met канцлера Шольца.",
      expected: ["Olaf Scholz → ~person/olaf-scholz (pattern)", "Шольца → ~person/olaf-scholz (pattern)"]),
    Case(
      name: "Greek genitive",
      text: "Minister Kyriakos Mitsotakis. Ο πρωθυπουργός Κυριάκος Μητσοτάκης, του πρωθυπουργού Μητσοτάκη.",
      expected: [
        "Kyriakos Mitsotakis → ~person/kyriakos-mitsotakis (pattern)",
        "Κυριάκος Μητσοτάκης → ~person/kyriakos-mitsotakis (pattern)",
        "Μητσοτάκη → ~person/kyriakos-mitsotakis (pattern)",
      ]),
    Case(
      name: "two people in two scripts stay apart",
      text: "President Ivan Petrov spoke. Слова президента Ивана Сидорова.",
      expected: ["Ivan Petrov → ~person/ivan-petrov (pattern)", "Ивана Сидорова → ~person/ivana-sidorova (pattern)"]),
    Case(
      name: "one script: the same skeleton is not the same name",
      text: "Minister Ana Lopez met Minister Ana Lapez.",
      expected: ["Ana Lopez → ~person/ana-lopez (pattern)", "Ana Lapez → ~person/ana-lapez (pattern)"]),
  ]

  @Test(arguments: scriptCases)
  func joinsScripts(_ c: Case) throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.scriptRules)).extract(text: c.text)
    #expect(extracted.mentions.map { "\(extracted.text(of: $0)) → \($0.entityID) (\($0.how))" } == c.expected)
  }

  /// A loose key of a name in another script (ISO 9-like) and the name in Latin letters.
  @Test(arguments: [
    ("putina", "Putin"), ("putinym", "Putin"), ("sol'ca", "Scholz"), ("zelenskogo", "Zelensky"), ("makrona", "Macron"),
    ("metsotake", "Mitsotakis"), ("vladimirom", "Vladimir"), ("hamenei", "Khamenei"), ("netan'ahu", "Netanyahu"),
  ])
  func skeletonsAgree(_ pair: (String, String)) {
    #expect(SpellingSkeleton.of(pair.0, latin: false) == SpellingSkeleton.of(pair.1.lowercased(), latin: true))
  }

  /// Exact skeletons, Latin and romanized: ASCII letters only, lower case, one case ending
  /// off, digraphs merged, c by the next letter (always s when romanized), vowels and doubles
  /// out.
  @Test(arguments: [
    ("sol'ca", "slk", "sls"), ("Schwarzschild", "svrsld", "svrsld"), ("Wojciech", "vs", "vs"),
    ("Xochitl", "kstl", "kstl"), ("tsitsipas", "sp", "sp"), ("Khrushchev", "hrsv", "hrsv"), ("José", "s", "s"),
  ])
  func skeletonsAreExact(_ c: (String, String, String)) {
    #expect(SpellingSkeleton.of(c.0, latin: true) == c.1)
    #expect(SpellingSkeleton.of(c.0, latin: false) == c.2)
  }

  /// A word's stems: itself, and itself less each case ending it ends with, three letters left.
  @Test(arguments: [
    ("путина", ["путина", "путин"]), ("путину", ["путину", "путин"]), ("анны", ["анны", "анн"]),
    ("μητσοτάκησ", ["μητσοτάκησ", "μητσοτάκ", "μητσοτάκη"]), ("ива", ["ива"]), ("lopez", ["lopez"]),
    ("горького", ["горького", "горьк"]),
  ])
  func caseFormStems(_ c: (String, [String])) {
    #expect(CaseForms.stems(of: c.0) == Set(c.1))
  }

  @Test func corefMentionsAreTypedLikeTheirAntecedentAndNameTheirRule() throws {
    let extracted = try Extractor(rules: Fixture.rules(Self.rules)).extract(text: "President Pedro Castillo spoke. Castillo left.")
    let coref = try #require(extracted.mentions.last)
    #expect(coref.type == "PERSON" && coref.how == "coref" && coref.name == "Pedro Castillo")
    #expect(coref.rule.description == "rules/test.yaml:5")
  }
}
