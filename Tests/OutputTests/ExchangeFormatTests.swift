import Pipeline
import Testing
import TestSupport
@testable import Output

/// The exchange formats of `quipu run --format`, on small documents, against golden strings.
@Suite struct ExchangeFormatTests {
  static let yaml = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
        aliases: [Perú, "Peru. Lima"]
      - id: person/dina-boluarte
        type: PERSON
        name: Dina Boluarte
        aliases: [Boluarte]
      - id: org/cgtp
        type: ORG
        name: CGTP
    """

  func extract(_ text: String, path: String = "a/b.txt") throws -> ExtractedDocument {
    try Extractor(rules: Fixture.rules(Self.yaml)).extract(path: path, text: text)
  }

  func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  // MARK: CoNLL

  @Test func conllLabelsEveryTokenAndSeparatesSentences() throws {
    let doc = try extract("Dina Boluarte habló con la CGTP. El Perú, no.")
    #expect(
      string(CoNLLLines.render(doc.mentions, of: doc.document)) == """
        Dina\tB-PERSON
        Boluarte\tI-PERSON
        habló\tO
        con\tO
        la\tO
        CGTP\tB-ORG
        .\tO

        El\tO
        Perú\tB-PLACE
        ,\tO
        no\tO
        .\tO


        """)
  }

  @Test func conllNeverBreaksASentenceInsideAMention() throws {
    // ICU ends a sentence after "Peru. ", inside the alias "Peru. Lima".
    let doc = try extract("Viva Peru. Lima es grande. Y ya.")
    #expect(doc.document.tokens[3].sentence != doc.document.tokens[2].sentence)
    #expect(
      string(CoNLLLines.render(doc.mentions, of: doc.document)) == """
        Viva\tO
        Peru\tB-PLACE
        .\tI-PLACE
        Lima\tI-PLACE
        es\tO
        grande\tO
        .\tO

        Y\tO
        ya\tO
        .\tO


        """)
  }

  @Test func conllOfAnEmptyDocumentIsEmpty() throws {
    let doc = try extract("   \n ")
    #expect(CoNLLLines.render(doc.mentions, of: doc.document).isEmpty)
  }

  @Test func conllCellsNeverHoldWhiteSpace() {
    #expect(CoNLLLines.cell("Perú") == "Perú")
    #expect(CoNLLLines.cell("a\tb\nc d") == "a_b_c_d")
  }

  // MARK: brat

  @Test func bratOffsetsAreCodePointsOfTheTxtFile() throws {
    let doc = try extract("🌎 Boluarte visitó el Perú.")
    let (text, ann) = BratStandoff.render(doc.mentions, of: doc.document)
    #expect(string(text) == "🌎 Boluarte visitó el Perú.")
    #expect(
      string(ann) == """
        T1\tPERSON 2 10\tBoluarte
        #1\tAnnotatorNotes T1\tperson/dina-boluarte (Dina Boluarte) rules/test.yaml#person/dina-boluarte
        T2\tPLACE 21 25\tPerú
        #2\tAnnotatorNotes T2\tcountry/pe (Peru) rules/test.yaml#country/pe

        """)
  }

  @Test func bratLineEndsBecomeNewlinesAndAMentionAcrossOneIsTwoFragments() throws {
    let doc = try extract("Dina\r\nBoluarte y\rla CGTP\r\n")
    let (text, ann) = BratStandoff.render(doc.mentions, of: doc.document)
    #expect(string(text) == "Dina\nBoluarte y\nla CGTP\n")
    #expect(
      string(ann) == """
        T1\tPERSON 0 4;5 13\tDina Boluarte
        #1\tAnnotatorNotes T1\tperson/dina-boluarte (Dina Boluarte) rules/test.yaml#person/dina-boluarte
        T2\tORG 19 23\tCGTP
        #2\tAnnotatorNotes T2\torg/cgtp (CGTP) rules/test.yaml#org/cgtp

        """)
  }

  @Test func bratConfigurationListsTheTypes() {
    #expect(
      string(BratStandoff.configuration(types: ["PERSON", "ORG", "PLACE", "EVENT"])) == """
        # Written by `quipu run --format brat`: the entity types of the rules.
        [entities]
        PERSON
        ORG
        PLACE
        EVENT

        [relations]

        [events]

        [attributes]

        """)
  }

  @Test func bratFragmentsSkipEmptyLines() {
    let scalars = Array("ab\n\ncd".unicodeScalars)
    #expect(BratStandoff.lineFragments(scalars, 0, 6) == [0..<2, 4..<6])
    #expect(BratStandoff.lineFragments(scalars, 1, 2) == [1..<2])
  }

  // MARK: spans

  @Test func spansLineHasTheWholeTextAndCodePointSpans() throws {
    let doc = try extract("🌎 \"Boluarte\"\nvisitó el Perú.")
    #expect(
      string(SpanLines.render(doc.mentions.reversed(), of: doc.document)) == #"""
        {"text":"🌎 \"Boluarte\"\nvisitó el Perú.","spans":[{"start":3,"end":11,"label":"PERSON"},{"start":23,"end":27,"label":"PLACE"}],"meta":{"doc":"a/b.txt"}}

        """#)
  }

  @Test func spansLineWithoutMentions() throws {
    let doc = try extract("nada", path: "x.txt")
    #expect(string(SpanLines.render(doc.mentions, of: doc.document)) == #"{"text":"nada","spans":[],"meta":{"doc":"x.txt"}}"# + "\n")
  }

  // MARK: formats

  struct FormatCase: Sendable, CustomTestStringConvertible {
    var format: OutputFormat
    var suffixes: [String]
    var collection: [String]
    var testDescription: String { format.rawValue }
  }

  static let formats: [FormatCase] = [
    FormatCase(format: .jsonl, suffixes: [".jsonl"], collection: []),
    FormatCase(format: .conll, suffixes: [".conll"], collection: []),
    FormatCase(format: .brat, suffixes: [".ann", ".txt"], collection: ["docs/annotation.conf"]),
    FormatCase(format: .spans, suffixes: [], collection: ["spans.jsonl"]),
  ]

  @Test(arguments: formats)
  func eachFormatNamesItsFiles(_ c: FormatCase) throws {
    let doc = try extract("Perú")
    #expect(c.format.documentSuffixes == c.suffixes)
    #expect(c.format.documentFiles(doc.mentions, of: doc.document).map(\.suffix) == c.suffixes)
    #expect((c.format.collectionLine(doc.mentions, of: doc.document) != nil) == (c.format == .spans))
    #expect(c.format.collectionFiles(lines: [], types: ["PLACE"]).map(\.path) == c.collection)
  }

  @Test func jsonlIsTheMentionLinesFile() throws {
    let doc = try extract("Perú")
    #expect(OutputFormat.jsonl.documentFiles(doc.mentions, of: doc.document).first?.bytes == MentionLines.render(doc.mentions, of: doc.document))
  }
}
