import Foundation
import Testing
import TestSupport

/// What `quipu` prints to a terminal (issue 15): file names and text with escape sequences or
/// bidirectional overrides are printed escaped, and a missing folder is named as missing.
@Suite struct TerminalMessagesTests {
  static let rules = "entities:\n  - {id: country/pe, type: PLACE, name: Peru}\n"

  func project() throws -> URL {
    let dir = try Fixture.temporaryFolder()
    try Fixture.write(
      [
        "rules/places.yaml": Array(Self.rules.utf8),
        "corpus/bad\u{1B}[2J\u{202E}txt.exe.txt": Array("Peru ".utf8) + [0xC3, 0x28],
      ], under: dir)
    return dir
  }

  @Test func runPrintsEscapeSequencesAndBidiOverridesInFileNamesEscaped() throws {
    let dir = try project()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try QuipuBinary.run(QuipuBinary.url, ["run", "corpus", "--rules", "rules", "--no-rules-cache"], in: dir)
    #expect(r.status == 1)
    #expect(!r.stderr.unicodeScalars.contains("\u{1B}") && !r.stderr.unicodeScalars.contains("\u{202E}"), "\(r.stderr)")
    #expect(r.stderr.contains(#"bad\u{1B}[2J\u{202E}txt.exe.txt"#), "\(r.stderr)")
  }

  @Test func explainPrintsTextEscaped() throws {
    let dir = try project()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try QuipuBinary.run(
      QuipuBinary.url, ["explain", "--rules", "rules", "--no-rules-cache", "--text", "Peru\u{202E} \u{1B}[31mPeru"], in: dir)
    #expect(!r.stdout.unicodeScalars.contains("\u{1B}") && !r.stdout.unicodeScalars.contains("\u{202E}"), "\(r.stdout)")
  }

  @Test func showPrintsBidiOverridesEscaped() throws {
    let dir = try project()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Fixture.write(["plain/b.txt": Array("Peru \u{202E}drow Peru\n".utf8)], under: dir)
    let r = try QuipuBinary.run(QuipuBinary.url, ["show", "plain", "--rules", "rules"], in: dir)
    #expect(!r.stdout.unicodeScalars.contains("\u{202E}"), "\(r.stdout)")
    #expect(r.stdout.contains(#"\u{202E}drow"#), "\(r.stdout)")
  }

  @Test func aMissingFolderIsNamedAsMissing() throws {
    let dir = try project()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try QuipuBinary.run(QuipuBinary.url, ["run", "nope", "--rules", "rules"], in: dir)
    #expect(r.status == 64 || r.status == 2)
    #expect(r.stderr.contains("'nope': no such folder"), "\(r.stderr)")
    let noRules = try QuipuBinary.run(QuipuBinary.url, ["run", "corpus", "--rules", "missing", "--no-rules-cache"], in: dir)
    #expect(noRules.stderr.contains("missing: error: no rules folder:"), "\(noRules.stderr)")
    #expect(noRules.stderr.contains("--rules DIR"), "\(noRules.stderr)")
    #expect(!noRules.stderr.contains("missing:1:1"), "\(noRules.stderr)")
  }
}
