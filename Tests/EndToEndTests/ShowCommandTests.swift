import Foundation
import Testing
import TestSupport

/// `quipu show` as a user runs it.
extension CommandLineTests {
  @Test func showPrintsPlainMarkersWhenNotATerminal() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Viva el Perú.".utf8)])
    let r = try quipu(["show", "docs/a.txt"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Viva el [Perú]{PLACE country/pe}."))
    #expect(r.stdout.contains("PLACE  country/pe  Peru  Perú"))
    #expect(!r.stdout.contains("\u{1B}"))
  }

  @Test func showWritesAStandalonePageForAFolder() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8), "b.txt": Array("<Peru>".utf8)])
    let r = try quipu(["show", "docs", "--html", "page.html"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("quipu: wrote page.html: 2 documents, 2 mentions"))
    let page = try String(contentsOf: dir.appendingPathComponent("page.html"), encoding: .utf8)
    #expect(page.contains("<h2>docs/a.txt</h2>") && page.contains("<h2>docs/b.txt</h2>"))
    #expect(page.contains("&lt;<mark class=\"m t2\" data-id=\"country/pe\""))
  }

  @Test func showReportsUnreadableDocumentsAndBadArguments() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8), "b.txt": [0x50, 0xE2, 0x82]])
    let partial = try quipu(["show", "docs"], in: dir)
    #expect(partial.status == 1)
    #expect(partial.stderr.contains("docs/b.txt: error: invalid UTF-8 at byte offset 1"), "\(partial.stderr)")
    #expect(partial.stdout.contains("[Peru]{PLACE country/pe}"))
    #expect(try quipu(["show", "missing.txt"], in: dir).status == 2)
    #expect(try quipu(["show", "docs/a.txt", "--html", "no/such/folder/page.html"], in: dir).status == 3)
  }
}

/// `quipu show` over the project's own demo corpus with the shipped rules: the review command of
/// the README, which once trapped on a pattern mention (issue 15).
extension CommandLineTests {
  @Test func showRunsOverTheSeedsWithTheShippedRules() throws {
    let root = Fixture.repositoryRoot
    let dir = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rules = root.appendingPathComponent("rules").path
    let seeds = root.appendingPathComponent("seeds").path
    let terminal = try quipu(["show", seeds, "--rules", rules], in: dir)
    #expect(terminal.status == 0, "\(terminal.stderr)")
    #expect(terminal.stdout.contains("]{PERSON ") && terminal.stdout.contains("]{PLACE "))
    let html = try quipu(["show", seeds, "--rules", rules, "--html", "page.html"], in: dir)
    #expect(html.status == 0, "\(html.stderr)")
    let page = try String(contentsOf: dir.appendingPathComponent("page.html"), encoding: .utf8)
    #expect(page.contains("pattern “"), "a pattern mention says which pattern matched")
  }
}
