import Foundation
import TestSupport
import Testing

@testable import Rules

private func entityYAML(_ id: String, _ name: String) -> [UInt8] {
  Array("entities:\n  - id: \(id)\n    type: PLACE\n    name: \(name)\n".utf8)
}

@Suite struct RuleLoaderTests {
  @Test func loadsNestedYAMLFilesInSortedPathOrder() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(
      [
        "sub/deeper/c.yaml": entityYAML("c", "Cusco"),
        "sub/b.yaml": entityYAML("b", "Bolivia"),
        "a.yaml": entityYAML("a", "Arequipa"),
        "Z.yaml": entityYAML("z", "Zarumilla"),
        "sub-a.yaml": entityYAML("s", "Sullana"),
      ], under: folder)
    let source = RuleLoader.load(directory: folder.path)
    let name = folder.lastPathComponent
    // Byte order: "Z" < "a" < "sub-a.yaml" < "sub/" ("-" is 0x2D, "/" is 0x2F).
    #expect(
      source.files == ["Z.yaml", "a.yaml", "sub-a.yaml", "sub/b.yaml", "sub/deeper/c.yaml"].map { "\(name)/\($0)" })
    #expect(source.entities.map(\.id) == ["z", "a", "s", "b", "c"])
    #expect(source.entities.map(\.location.path) == source.files)
    #expect(source.diagnostics.isEmpty)
  }

  @Test func displayPathsIgnoreHowTheFolderIsSpelled() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(["x/rules/p.yaml": entityYAML("p", "Puno")], under: folder)
    for spelling in [
      folder.path + "/x/rules", folder.path + "/x/rules/", folder.path + "/x/./rules", folder.path + "/x/../x/rules",
    ] {
      #expect(RuleLoader.load(directory: spelling).files == ["rules/p.yaml"], "\(spelling)")
    }
  }

  @Test func nonYAMLAndHiddenFilesAreIgnored() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let broken: [UInt8] = Array("entities: [".utf8)
    try Fixture.write(
      [
        "places.yaml": entityYAML("p", "Piura"),
        "notes.txt": broken,
        "places.yaml.bak": broken,
        "README.md": broken,
        ".hidden.yaml": broken,
        ".git/config.yaml": broken,
        "sub/.secret.yaml": broken,
      ], under: folder)
    // A folder named like a rule file is not read as one.
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
    let source = RuleLoader.load(directory: folder.path)
    #expect(source.files == ["\(folder.lastPathComponent)/places.yaml"])
    #expect(source.entities.map(\.id) == ["p"])
    #expect(source.diagnostics.isEmpty)
  }

  @Test func ymlAndUppercaseExtensionsAreRead() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(
      ["places.yml": entityYAML("p", "Piura"), "PLACES.YAML": entityYAML("q", "Quilca"), "notes.txt": []],
      under: folder)
    let name = folder.lastPathComponent
    #expect(RuleLoader.load(directory: folder.path).files == ["\(name)/PLACES.YAML", "\(name)/places.yml"])
  }

  @Test func missingFolderIsAnError() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("nope").path
    let source = RuleLoader.load(directory: missing)
    // No invented position; the path and the option to give (issue 15).
    #expect(
      source.diagnostics.map(\.description) == [
        "\(missing): error: no rules folder: '\(missing)' does not exist (give the folder of rule files with --rules DIR)"
      ])
    #expect(source.files.isEmpty)
    #expect(throws: RuleErrors.self) { try RuleSet.load(directory: missing) }
  }

  @Test func aFileIsNotAFolder() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(["rules.yaml": entityYAML("p", "Piura")], under: folder)
    let path = folder.appendingPathComponent("rules.yaml").path
    #expect(
      RuleLoader.load(directory: path).diagnostics.map(\.message) == [
        "no rules folder: '\(path)' is not a folder (give the folder of rule files with --rules DIR)"
      ])
  }

  @Test func emptyFolderLoadsNothing() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rules = try RuleSet.load(directory: folder.path)
    #expect(rules.entities.isEmpty)
    #expect(rules.aliases.isEmpty)
    #expect(rules.files.isEmpty)
  }

  @Test func invalidUTF8IsAnErrorNamingLineAndColumn() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Line 2 is `  - id: é` + 0xFF: the bad byte is at offset 10 + 10 = 20, in column 10
    // (columns count characters, and "é" is two bytes).
    let bad: [UInt8] = Array("entities:\n  - id: é".utf8) + [0xFF] + Array("\n    type: PLACE\n".utf8)
    try Fixture.write(["a.yaml": bad, "b.yaml": entityYAML("b", "Tumbes")], under: folder)
    let source = RuleLoader.load(directory: folder.path)
    let name = folder.lastPathComponent
    #expect(source.diagnostics.map(\.description) == ["\(name)/a.yaml:2:10: error: invalid UTF-8 at byte offset 20"])
    // The other file is still read.
    #expect(source.files == ["\(name)/a.yaml", "\(name)/b.yaml"])
    #expect(source.entities.map(\.id) == ["b"])
  }

  @Test func nulByteIsAnError() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(["a.yaml": Array("entities:\n\n  ".utf8) + [0x00]], under: folder)
    let diagnostics = RuleLoader.load(directory: folder.path).diagnostics
    #expect(diagnostics.map(\.location.description) == ["\(folder.lastPathComponent)/a.yaml:3:3"])
    #expect(diagnostics.first?.message.contains("NUL byte at byte offset 13") == true)
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(["a.yaml": [0xEF, 0xBB, 0xBF] + entityYAML("a", "Ancash")], under: folder)
    let source = RuleLoader.load(directory: folder.path)
    #expect(source.diagnostics.isEmpty)
    #expect(source.entities.map(\.name) == ["Ancash"])
    #expect(source.entities.first?.location.description == "\(folder.lastPathComponent)/a.yaml:2:5")
  }

  @Test func errorsFromEveryFileAreThrownTogetherSorted() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(
      [
        "b.yaml": Array("entities:\n  - id: x\n    type: PLACE\n    name: Ica\n  - id: y\n".utf8),
        "a.yaml": Array("entities:\n  - id: x\n    type: CITY\n    name: Ica\n".utf8),
      ], under: folder)
    let name = folder.lastPathComponent
    do {
      _ = try RuleSet.load(directory: folder.path)
      Issue.record("expected RuleErrors")
    } catch {
      // a.yaml's entity x has an unknown type, but it still claims the id x first.
      #expect(
        error.diagnostics.map(\.description) == [
          "\(name)/a.yaml:3:11: error: unknown type 'CITY' (known: PERSON, ORG, PLACE; declare new ones under 'types')",
          "\(name)/b.yaml:2:5: error: duplicate id 'x' (first defined at \(name)/a.yaml:2:5)",
          "\(name)/b.yaml:5:5: error: entity is missing 'name'",
          "\(name)/b.yaml:5:5: error: entity is missing 'type'",
        ])
    }
  }

  @Test func shippedRulesLoadWithoutErrors() throws {
    let folder = Fixture.repositoryRoot.appendingPathComponent("rules").path
    let source = RuleLoader.load(directory: folder)
    #expect(source.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    #expect(source.files.contains("rules/seeds/places.yaml"))
    #expect(source.files == source.files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(source.files.allSatisfy { $0.hasPrefix("rules/") && $0.hasSuffix(".yaml") })
    let rules = try RuleSet.load(directory: folder)
    #expect(rules.files == source.files)
    #expect(rules.entities.contains { $0.id == "country/pe" })
    #expect(rules.aliases.allSatisfy { $0.rule.file.hasPrefix("rules/") })
  }

  @Test(arguments: [
    (0, 1, 1), (9, 1, 10), (10, 2, 1), (18, 2, 9), (20, 2, 10), (1000, 3, 1),
  ])
  func positionOfByte(_ offset: Int, _ line: Int, _ column: Int) {
    let bytes = Array("entities:\n  - id: é\n".utf8)  // 21 bytes; "é" is bytes 18–19
    let (l, c) = RuleLoader.position(ofByte: offset, in: bytes)
    #expect(l == line)
    #expect(c == column)
  }
}
