import Normalization
@testable import Rules
import Testing
import TestSupport
@testable import Recognition

/// Language identification from the shipped profiles, and rules tagged with a language running
/// only on that language's paragraphs.
@Suite struct LanguageTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: String?
    var testDescription: String { expected ?? "none" }
  }

  /// Sentences written for this test, one per language the dev set has, and a line with too
  /// little evidence.
  static let cases: [Case] = [
    Case(text: "The minister said on Tuesday that the government would not change its plans for the region.", expected: "en"),
    Case(text: "El ministro dijo el martes que el gobierno no cambiará sus planes para la región.", expected: "es"),
    Case(text: "O ministro disse na terça-feira que o governo não vai mudar os seus planos para a região.", expected: "pt"),
    Case(text: "Il ministro ha detto martedì che il governo non cambierà i suoi piani per la regione.", expected: "it"),
    Case(text: "Le ministre a déclaré mardi que le gouvernement ne changerait pas ses projets pour la région.", expected: "fr"),
    Case(text: "Der Minister sagte am Dienstag, dass die Regierung ihre Pläne für die Region nicht ändern werde.", expected: "de"),
    Case(text: "Министр заявил во вторник, что правительство не будет менять свои планы для этого региона.", expected: "ru"),
    Case(text: "Ο υπουργός δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα αλλάξει τα σχέδιά της για την περιοχή.", expected: "el"),
    Case(text: "وقال الوزير يوم الثلاثاء إن الحكومة لن تغير خططها في المنطقة من أجل السكان.", expected: "ar"),
    Case(text: "部长周二表示，政府不会改变对该地区的计划，这是我们的决定。", expected: "zh"),
    Case(text: "大臣は火曜日に、政府はこの地域の計画を変更しないと述べた。", expected: "ja"),
    Case(text: "Lima, Cusco", expected: nil),
  ]

  static let shipped = Fixture.shippedRules

  @Test(arguments: cases)
  func identifiesTheLanguage(_ c: Case) throws {
    let normalizer = try Normalizer()
    let identifier = LanguageIdentifier(profiles: Self.shipped.languages)
    let document = normalizer.document(text: c.text)
    let map = identifier.identify(document, lexicon: normalizer.lexicon)
    #expect(Self.shipped.languages.code(of: map.documentLanguage) == c.expected)
    #expect(Set(map.tokenLanguages) == [map.documentLanguage])
  }

  /// A paragraph in another language keeps its own language; a paragraph with too little
  /// evidence takes the document's.
  @Test func paragraphsOfAnotherLanguage() throws {
    let normalizer = try Normalizer()
    let identifier = LanguageIdentifier(profiles: Self.shipped.languages)
    let text = """
      The minister said on Tuesday that the government would not change its plans.

      She also said that the new law was not part of the agreement with the other parties.

      El presidente dijo que no habrá cambios en el gobierno de la región.

      Lima
      """
    let document = normalizer.document(text: text)
    let map = identifier.identify(document, lexicon: normalizer.lexicon)
    let languages = Self.shipped.languages
    let codes = map.runs.map { languages.code(of: $0.language) ?? "?" }
    #expect(codes == ["en", "es", "en"])  // the first two paragraphs make one run
    #expect(languages.code(of: map.documentLanguage) == "en")
  }

  static let taggedRules = """
    languages:
      en: {the: 7.7, said: 6.0, of: 7.4, and: 7.4}
      es: {el: 7.2, dijo: 5.8, de: 7.6, y: 7.3}
    lists:
      title: {lang: en, words: [President]}
      title.es:
        words: [presidente]
    patterns:
      - {id: title, type: PERSON, pattern: '@title <Cap>'}
      - {id: es-title, type: PERSON, lang: es, pattern: '@title.es <Cap>'}
    """

  /// (text, names found): English entries and patterns on English text, Spanish on Spanish,
  /// and everything where no language is recognized.
  static let gated: [(String, [String])] = [
    ("the President Ana said of the presidente Bea and the", ["Ana"]),
    ("el President Ana dijo de el presidente Bea y el", ["Bea"]),
    ("President Ana, presidente Bea", ["Ana", "Bea"]),
  ]

  @Test(arguments: 0..<gated.count)
  func rulesRunOnTheirLanguage(_ index: Int) throws {
    let (text, expected) = Self.gated[index]
    let rules = try Fixture.rules(Self.taggedRules)
    let normalizer = try Normalizer()
    let recognizer = Recognizer(rules: rules)
    let document = normalizer.document(text: text)
    let map = LanguageIdentifier(profiles: rules.languages).identify(document, lexicon: normalizer.lexicon)
    let found = recognizer.mentions(in: document, lexicon: normalizer.lexicon, languages: map).mentions.map {
      document.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1)
    }
    #expect(found == expected)
  }

  /// One document, two paragraphs in two languages: each paragraph gets its own rules.
  @Test func mixedDocument() throws {
    let rules = try Fixture.rules(Self.taggedRules)
    let normalizer = try Normalizer()
    let document = normalizer.document(
      text: "the President Ana said of the presidente Bea and the\n\nel President Cleo dijo de el presidente Dora y el")
    let map = LanguageIdentifier(profiles: rules.languages).identify(document, lexicon: normalizer.lexicon)
    let found = Recognizer(rules: rules).mentions(in: document, lexicon: normalizer.lexicon, languages: map).mentions.map {
      document.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1)
    }
    #expect(found == ["Ana", "Dora"])
  }

  /// An entry that one file lists for a language and another without one counts everywhere;
  /// one listed for two languages counts in both.
  @Test func entriesAddUpAcrossFiles() throws {
    var source = RuleSource()
    RuleLoader.merge(
      yaml: "lang: en\nlists:\n  title: [President, Minister]", path: "rules/a.yaml", pack: nil, into: &source,
      skippingPacks: [])
    RuleLoader.merge(
      yaml: "lists:\n  title: [President]", path: "rules/b.yaml", pack: nil, into: &source, skippingPacks: [])
    RuleLoader.merge(
      yaml: "lang: es\nlists:\n  title: [Minister]", path: "rules/c.yaml", pack: nil, into: &source, skippingPacks: [])
    let rules = try RuleSet.compile(source)
    let list = try #require(rules.lists.first { $0.name == "title" })
    let president = [rules.vocabulary.id(of: "president")]
    let minister = [rules.vocabulary.id(of: "minister")]
    #expect(list.admits(president, in: "de"))
    #expect(list.admits(minister, in: "en") && list.admits(minister, in: "es") && !list.admits(minister, in: "de"))
    #expect(list.admits(minister, in: nil))
  }

  /// A reference name in Latin letters does not take, through its transliterated key, one of
  /// the most frequent words of the paragraph's language in another script ("Μετά" is loosely
  /// "meta"); the name in its own script, and Latin text, still match.
  @Test func frequentWordsOfAnotherScriptAreNoNames() throws {
    let rules = try Fixture.rules(
      """
      precedence: -20
      languages:
        el: {μετά: 6.2, και: 7.5, το: 7.4, η: 7.3, την: 7.2, ο: 7.2, της: 7.1}
        es: {el: 7.2, de: 7.6, la: 7.5, y: 7.3, que: 7.4}
      entities:
        - {id: region/co-met, type: PLACE, name: Meta}
        - {id: country/pe, type: PLACE, name: Peru, aliases: [Перу]}
      """, path: "rules/reference/test.yaml")
    let found = try Self.finder(rules)
    #expect(found("Μετά την συνάντηση ο υπουργός και η ομάδα της πήγαν στο Περού.").isEmpty)
    #expect(found("El gobierno de Meta y la región que visitó.") == ["Meta"])
  }

  /// A one-word reference name does not take a frequent word of the paragraph's language that
  /// opens a sentence; inside a sentence, or where the word is not frequent, it does.
  @Test func frequentWordsOpeningASentenceAreNoNames() throws {
    let rules = try Fixture.rules(
      """
      precedence: -20
      languages:
        es: {como: 6.5, el: 7.2, de: 7.6, la: 7.5, y: 7.3, que: 7.4, en: 7.5}
        it: {come: 6.4, il: 7.2, di: 7.6, la: 7.4, e: 7.3, che: 7.4, in: 7.3}
      entities:
        - {id: city/como, type: PLACE, name: Como}
      """, path: "rules/reference/test.yaml")
    let found = try Self.finder(rules)
    #expect(found("Como dijo el ministro, la región y el gobierno que votó en la capital.").isEmpty)
    #expect(found("El lago de Como y la ciudad que visitó en la región.") == ["Como"])
    #expect(found("Como è la città che il ministro ha visitato in Lombardia e di notte.") == ["Como"])
  }

  /// What recognition finds in a text, with each paragraph's language identified first.
  static func finder(_ rules: RuleSet) throws -> (String) -> [String] {
    let normalizer = try Normalizer()
    return { text in
      let document = normalizer.document(text: text)
      let map = LanguageIdentifier(profiles: rules.languages).identify(document, lexicon: normalizer.lexicon)
      return Recognizer(rules: rules).mentions(in: document, lexicon: normalizer.lexicon, languages: map).mentions.map {
        document.string(fromToken: Int($0.firstToken), throughToken: Int($0.endToken) - 1)
      }
    }
  }
}
