import Presentation
import Rules
import TestSupport

/// Rules and documents shared by the Presentation tests.
enum PresentationFixture {
  static let yaml = """
    types: [EVENT]
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
        aliases: [Perú, { text: PERU, match: exact }]
      - id: person/dina-boluarte
        type: PERSON
        name: Dina Boluarte
        aliases: [Boluarte]
      - id: org/cgtp
        type: ORG
        name: CGTP
      - id: event/copa
        type: EVENT
        name: Copa <América> & "Sur"
    """

  static func rules() throws -> RuleSet { try Fixture.rules(yaml) }

  static func annotator() throws -> Annotator { try Annotator(rules: rules()) }

  /// Two documents: names, an HTML-looking text, a control character. (No CR: golden files
  /// stay plain text; line-end handling has its own table tests.)
  static func documents() throws -> [AnnotatedDocument] {
    let annotator = try annotator()
    return [
      annotator.annotate(path: "news/a.txt", text: "Dina Boluarte habló con la CGTP.\nBoluarte y el PERU, Perú <b>&</b>.\n"),
      annotator.annotate(path: "news/b.txt", text: "La Copa <América> & \"Sur\" en Perú\u{1B}[31m, 'hoy'."),
    ]
  }
}
