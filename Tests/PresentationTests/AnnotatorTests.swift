import Foundation
import Testing
import TestSupport
@testable import Presentation

@Suite struct AnnotatorTests {
  @Test func highlightsCarryOffsetsEntityRuleAndHow() throws {
    let doc = try PresentationFixture.annotator().annotate(path: "a.txt", text: "🌎 Boluarte y el PERU, Perú.")
    #expect(
      doc.mentions == [
        Highlight(
          utf16Start: 3, utf16End: 11, start: 2, end: 10, text: "Boluarte", type: "PERSON", entityID: "person/dina-boluarte",
          name: "Dina Boluarte", rule: "rules/test.yaml:10 (#person/dina-boluarte)", how: "alias “Boluarte”, loose match"),
        Highlight(
          utf16Start: 17, utf16End: 21, start: 16, end: 20, text: "PERU", type: "PLACE", entityID: "country/pe", name: "Peru",
          rule: "rules/test.yaml:6 (#country/pe)", how: "alias “PERU”, exact match"),
        Highlight(
          utf16Start: 23, utf16End: 27, start: 22, end: 26, text: "Perú", type: "PLACE", entityID: "country/pe", name: "Peru",
          rule: "rules/test.yaml:6 (#country/pe)", how: "alias “Perú”, loose match"),
      ])
  }

  @Test func theNameIsCalledName() throws {
    let doc = try PresentationFixture.annotator().annotate(path: "a.txt", text: "Dina Boluarte")
    #expect(doc.mentions.map(\.how) == ["name “Dina Boluarte”, loose match"])
  }

  /// A pattern mention has no alias (-1): it says which pattern matched (it once trapped).
  @Test func aPatternMentionNamesItsPattern() throws {
    let rules = try Fixture.rules(
      PresentationFixture.yaml + "\nlists:\n  titles: [Dr]\npatterns:\n  - {id: titled, type: PERSON, pattern: '@titles <Cap>'}\n")
    let doc = try Annotator(rules: rules).annotate(path: "a.txt", text: "Dr Quispe y Perú")
    #expect(doc.mentions.map(\.how) == ["pattern “titled”", "alias “Perú”, loose match"])
  }

  /// An acronym names the pattern that declared it; a coreference mention, matched by no
  /// rule, says nothing (the pipeline's own mentions, not a second recognition pass).
  @Test func acronymsNameTheirPatternAndCoreferenceNothing() throws {
    let rules = try Fixture.rules(
      PresentationFixture.yaml + """

        lists:
          titles: [Dr]
        patterns:
          - {id: titled, type: PERSON, pattern: '@titles <Cap Cap>'}
          - {id: acronym, type: ORG, pattern: '<Cap Cap Cap> "(" <alias: Upper> ")"'}

        """)
    let doc = try Annotator(rules: rules).annotate(
      path: "a.txt", text: "Dr Ana Quispe met Banco Andino Unido (BAU). Quispe said BAU grew.")
    #expect(
      doc.mentions.map { "\($0.text): \($0.how)" } == [
        "Ana Quispe: pattern “titled”", "Banco Andino Unido: pattern “acronym”", "BAU: pattern “acronym”", "Quispe: ",
        "BAU: pattern “acronym”",
      ])
  }

  @Test func piecesAlternatePlainTextAndMentions() throws {
    let doc = try PresentationFixture.annotator().annotate(path: "a.txt", text: "Perú y Peru")
    #expect(doc.pieces.map { if case .mention(let m) = $0 { "[\(m.text)]" } else if case .plain(let t) = $0 { t } else { "" } } == ["[Perú]", " y ", "[Peru]"])
  }

  @Test func aFolderIsAnnotatedInPathOrderAndBadFilesAreReported() throws {
    let folder = try Fixture.temporaryFolder()
    try Fixture.write(["b.txt": Array("Perú".utf8), "a.txt": Array("CGTP".utf8), "bad.txt": [0x50, 0xFF], ".hidden": Array("Peru".utf8)], under: folder)
    let (documents, failures) = try PresentationFixture.annotator().annotateFiles(at: folder.path)
    #expect(documents.map(\.path) == [folder.path + "/a.txt", folder.path + "/b.txt"])
    #expect(failures == ["\(folder.path)/bad.txt: error: invalid UTF-8 at byte offset 1"])
    let (one, none) = try PresentationFixture.annotator().annotateFiles(at: folder.path + "/b.txt")
    #expect(one.map(\.mentions.count) == [1] && none.isEmpty)
    #expect(try PresentationFixture.annotator().annotateFiles(at: folder.path + "/nope").failures.count == 1)
  }

  @Test func legendGroupsByTypeInPaletteOrderWithForms() throws {
    let entries = LegendEntry.entries(for: try PresentationFixture.documents(), palette: TypePalette(types: ["PERSON", "ORG", "PLACE", "EVENT"]))
    #expect(entries.map(\.entityID) == ["person/dina-boluarte", "org/cgtp", "country/pe", "event/copa"])
    #expect(entries.map(\.formsDescription) == ["Dina Boluarte, Boluarte", "CGTP", "PERU, Perú ×2", "Copa <América> & \"Sur\""])
    #expect(entries.map(\.mentions) == [2, 1, 3, 1])
  }
}
