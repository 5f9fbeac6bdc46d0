import Foundation
import Testing
import TestSupport

/// The `quipu` executable as a user runs it: exit statuses and messages.
@Suite struct CommandLineTests {
  typealias Result = QuipuBinary.Result

  /// The `quipu` binary that `swift test` built beside the test bundle.
  static let binary = QuipuBinary.url

  func quipu(_ arguments: [String], in directory: URL) throws -> Result {
    try QuipuBinary.run(arguments, in: directory)
  }


  func project(rules: String, docs: [String: [UInt8]]) throws -> URL {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["rules/places.yaml": Array(rules.utf8)], under: tmp)
    try Fixture.write(docs, under: tmp.appendingPathComponent("docs"))
    return tmp
  }

  static let goodRules = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
    """

  @Test func theBinaryWasBuilt() {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
  }

  @Test func aCleanRunExitsZeroWithASummary() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8)])
    let r = try quipu(["run", "docs"], in: dir)
    #expect(r.status == 0)
    #expect(r.stderr.hasPrefix("quipu: 1 documents (0 failed), 1 mentions, 1 entities, "))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/docs/a.txt.jsonl").path))
  }

  @Test func aBadDocumentExitsOneAndNamesFileAndOffset() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8), "b.txt": [0x50, 0xE2, 0x82]])
    let r = try quipu(["run", "docs", "--out", "result"], in: dir)
    #expect(r.status == 1)
    #expect(r.stderr.contains("docs/b.txt: error: invalid UTF-8 at byte offset 1"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("result/docs/a.txt.jsonl").path))
  }

  @Test func invalidRulesExitTwoWithFileLineColumn() throws {
    let broken = """
      entities:
        - id: country/pe
          type: PLACE
          nmae: Peru
        - id: country/pe
          type: CITY
          name: Lima
      """
    let dir = try project(rules: broken, docs: ["a.txt": Array("Peru".utf8)])
    for command in [["check"], ["run", "docs"]] {
      let r = try quipu(command, in: dir)
      #expect(r.status == 2)
      #expect(r.stderr.contains("rules/places.yaml:2:5: error: entity is missing 'name'"), "\(r.stderr)")
      #expect(r.stderr.contains("rules/places.yaml:4:5: error: unknown key 'nmae'"), "\(r.stderr)")
      #expect(r.stderr.contains("rules/places.yaml:5:5: error: duplicate id 'country/pe'") || r.stderr.contains("rules/places.yaml:6:11: error: unknown type 'CITY'"), "\(r.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
  }

  @Test func checkReportsCountsOnValidRules() throws {
    let dir = try project(rules: Self.goodRules, docs: [:])
    let r = try quipu(["check"], in: dir)
    #expect(r.status == 0)
    #expect(r.stderr.contains("1 rule files, 1 entities, 1 aliases, 0 word lists, 0 patterns, 0 errors, 0 warnings"))
  }

  @Test func usageErrorsExitTwo() throws {
    let dir = try project(rules: Self.goodRules, docs: [:])
    #expect(try quipu(["run"], in: dir).status == 2)
    #expect(try quipu(["run", "no-such-folder"], in: dir).status == 2)
    #expect(try quipu(["run", "docs", "--jobs", "0"], in: dir).status == 2)
    #expect(try quipu(["frobnicate"], in: dir).status == 2)
  }

  @Test func helpExplainsBothCommands() throws {
    let dir = try project(rules: Self.goodRules, docs: [:])
    let r = try quipu(["--help"], in: dir)
    #expect(r.status == 0)
    #expect(r.stdout.contains("run") && r.stdout.contains("check"))
  }
}

/// Nothing is lost: the commands of issue 15 that once deleted files Quipu never wrote.
extension CommandLineTests {
  @Test func aRunKeepsFilesItNeverWroteAndRefusesToOverwriteItsInput() throws {
    let dir = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Fixture.write(
      ["corpus/a.txt": Array("Peru\n".utf8), "data/docs/notes.jsonl": Array("{\"x\":1}\n".utf8), "b/docs/s.txt": Array("Peru\n".utf8)],
      under: dir)
    try Fixture.write(["rules/places.yaml": Array(Self.goodRules.utf8)], under: dir)
    let run = try quipu(["run", "corpus", "--out", "data"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("data/docs/notes.jsonl").path))
    let brat = try quipu(["run", "b/docs", "--out", "b", "--format", "brat"], in: dir)
    #expect(brat.status == 2)
    #expect(brat.stderr.contains("error: the input folder 'b/docs' is inside the output folder 'b'"), "\(brat.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("b/docs/s.txt").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("b").path) == ["docs"])
  }
}

extension CommandLineTests {
  /// `chmod 000 corpus/sub` for real. Tests run as root here, whom permissions do not stop, so
  /// as root the second run is made as `nobody` through `setpriv` (skipped when it is missing;
  /// `UnreadableInputTests` injects the failure regardless).
  @Test func anUnreadableFolderFailsTheRunAndKeepsItsOutput() throws {
    let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    guard geteuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv.path) else { return }
    let dir = try Fixture.temporaryFolder()
    defer {
      chmod(dir.appendingPathComponent("corpus/sub").path, 0o755)
      try? FileManager.default.removeItem(at: dir)
    }
    try Fixture.write(
      ["corpus/a.txt": Array("Peru\n".utf8), "corpus/sub/b.txt": Array("Peru\n".utf8), "rules/places.yaml": Array(Self.goodRules.utf8)],
      under: dir)
    let environment = ["QUIPU_CACHE_DIR": dir.appendingPathComponent("cache").path]
    #expect(try QuipuBinary.run(Self.binary, ["run", "corpus"], in: dir, environment: environment).status == 0)
    var arguments = ["run", "corpus"]
    var executable = Self.binary
    if geteuid() == 0 {
      // Let `nobody` reach everything but the folder under test.
      for case let path as String in FileManager.default.enumerator(atPath: dir.path)! { chmod(dir.appendingPathComponent(path).path, 0o777) }
      chmod(dir.path, 0o777)
      (executable, arguments) = (setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary.path] + arguments)
    }
    chmod(dir.appendingPathComponent("corpus/sub").path, 0)
    let r = try QuipuBinary.run(executable, arguments, in: dir, environment: environment)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("corpus/sub: error: cannot list the folder (Permission denied)"), "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/docs/sub/b.txt.jsonl").path))
  }
}

extension CommandLineTests {
  /// An I/O failure of a whole folder is not a usage error (2, which a scheduler does not
  /// retry): it has its own documented status, 3.
  @Test func anOutputFolderThatCannotBeWrittenExitsThree() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8)])
    try Data("not a folder".utf8).write(to: dir.appendingPathComponent("blocker"))
    let r = try quipu(["run", "docs", "--out", "blocker/out"], in: dir)
    #expect(r.status == 3, "\(r.stderr)")
    #expect(r.stderr.contains("blocker/out: error: cannot create the output folder"), "\(r.stderr)")
    let shard = try quipu(["run", "docs", "--shard", "1/1", "--out", "blocker/out"], in: dir)
    #expect(shard.status == 3, "\(shard.stderr)")
  }
}

extension CommandLineTests {
  /// A document whose file cannot be written (here a folder is in its way; on a full disk, the
  /// same) is named with the system's reason, counted in the summary, and the run exits 3,
  /// the status of output that could not be written (issue 15).
  @Test func aDocumentThatCannotBeWrittenExitsThreeWithTheSummary() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8), "b.txt": Array("Peru".utf8)])
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("out/docs/b.txt.jsonl"), withIntermediateDirectories: true)
    let r = try quipu(["run", "docs", "--out", "out"], in: dir)
    #expect(r.status == 3, "\(r.stderr)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 2, "\(r.stderr)")
    #expect(lines.first?.hasPrefix("docs/b.txt: error: cannot write ") == true, "\(r.stderr)")
    #expect(lines.first?.hasSuffix("/out/docs/b.txt.jsonl (Is a directory)") == true, "\(r.stderr)")
    #expect(lines.last?.hasPrefix("quipu: 2 documents (1 failed, 1 not written), 1 mentions, 1 entities") == true, "\(r.stderr)")
  }
}
