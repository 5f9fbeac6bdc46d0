import Foundation
import Normalization
import Rules
import Synchronization
import Testing
import TestSupport
@testable import Pipeline

/// Incremental runs, the lock, and consistency after a killed run.
@Suite struct IncrementalRunTests {
  static let yaml = "entities:\n  - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú]}\n"

  func workspace(_ files: [String: String]) throws -> (input: URL, out: URL) {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(files.mapValues { Array($0.utf8) }, under: tmp.appendingPathComponent("in"))
    return (tmp.appendingPathComponent("in"), tmp.appendingPathComponent("out"))
  }

  @Test func unchangedDocumentsAreReusedAndChangedOnesRedone() throws {
    let (input, out) = try workspace(["a.txt": "Peru", "b.txt": "Perú", "c.txt": "nada"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    let first = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(first.reused == 0)
    let entities = try Data(contentsOf: out.appendingPathComponent("entities.jsonl"))
    let second = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(second.reused == 3)
    #expect(try Data(contentsOf: out.appendingPathComponent("entities.jsonl")) == entities)
    try Fixture.write(["b.txt": Array("Peru y Perú".utf8)], under: input)
    let third = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(third.reused == 2)
    #expect(third.mentions == 3)
    try FileManager.default.removeItem(at: input.appendingPathComponent("a.txt"))
    let fourth = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.txt.jsonl").path))
    #expect(try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8).contains(#""mentions":2,"documents":["b.txt"]"#))
    #expect(fourth.reused == 2)
  }

  /// An unchanged re-run with rules read on demand (``RunRules``, as `quipu run` makes them
  /// when the compiled-rules cache holds them) never reads them; a changed document does, once
  /// (its side tasks taken by the other worker or by the loader).
  @Test func anUnchangedReRunDoesNotReadTheRules() throws {
    let (input, out) = try workspace(["a.txt": "Peru", "b.txt": "Perú"])
    let rules = try Fixture.rules(Self.yaml)
    _ = try BatchRunner(rules: rules).run(input: input.path, output: out.path, jobs: 2)
    let entities = try Data(contentsOf: out.appendingPathComponent("entities.jsonl"))
    let loads = Mutex(0)
    let onDemand = RunRules(digest: rules.digest, parallel: true) {
      loads.withLock { $0 += 1 }
      return rules
    }
    let unchanged = try BatchRunner(source: onDemand).run(input: input.path, output: out.path, jobs: 2)
    #expect(unchanged.reused == 2)
    #expect(loads.withLock { $0 } == 0)
    #expect(!onDemand.isLoaded)
    #expect(try Data(contentsOf: out.appendingPathComponent("entities.jsonl")) == entities)
    try Fixture.write(["b.txt": Array("Peru y Perú".utf8)], under: input)
    let changed = try BatchRunner(source: onDemand).run(input: input.path, output: out.path, jobs: 2)
    #expect(changed.reused == 1)
    #expect(changed.mentions == 3)
    #expect(loads.withLock { $0 } == 1)
  }

  /// Rules that are not those whose digest the run started with (edited in between) stop the
  /// run, saying so, rather than be recorded under that digest; nothing is written.
  @Test func rulesThatChangedUnderfootStopTheRun() throws {
    let (input, out) = try workspace(["a.txt": "Peru"])
    let rules = try Fixture.rules(Self.yaml)
    let stale = RunRules(digest: StableHash(value: rules.digest.value &+ 1)) { rules }
    let error = #expect(throws: BatchError.self) {
      try BatchRunner(source: stale).run(input: input.path, output: out.path, jobs: 1)
    }
    #expect(error?.description.contains("the rules changed while the run started") == true)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.txt.jsonl").path))
  }

  /// A document whose output goes where a deleted document's output lies (`a` wrote
  /// `docs/a.jsonl`; `a.jsonl/b` needs `docs/a.jsonl/` as a folder) is written in the run that
  /// sees the deletion, as a fresh run would, not one run later. Found by `Fuzz/run.sh batch`.
  @Test func aDeletedDocumentsOutputMakesWayInTheSameRun() throws {
    let (input, out) = try workspace(["a": "Peru"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    #expect(try runner.run(input: input.path, output: out.path, jobs: 1).failures.isEmpty)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.jsonl").path))
    // `a` goes, and `a.jsonl/b` needs its output's path as a folder.
    try FileManager.default.removeItem(at: input.appendingPathComponent("a"))
    try Fixture.write(["a.jsonl/b": Array("Perú".utf8)], under: input)
    let second = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(second.failures.isEmpty)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.jsonl/b.jsonl").path))
    #expect(try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8).contains(#""documents":["a.jsonl/b"]"#))

    // Two documents whose outputs collide (`docs/a.jsonl` a file for one, a folder for the
    // other): one of the two is a named failure.
    try Fixture.write(["a": Array("Peru".utf8)], under: input)
    #expect(try runner.run(input: input.path, output: out.path, jobs: 1).failures.count == 1)
  }

  /// The other way round: `a.jsonl/b` goes, and `a` needs `docs/a.jsonl`, the folder its
  /// output left, as a file. The run that sees the deletion writes `a`, as a fresh run would
  /// (found by `Fuzz/run.sh batch`, seed `output-collision-brat`).
  @Test func aDeletedDocumentsFolderMakesWayInTheSameRun() throws {
    let (input, out) = try workspace(["a": "Peru", "a.jsonl/b": "Perú"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    #expect(try runner.run(input: input.path, output: out.path, jobs: 1).failures.count == 1)
    try FileManager.default.removeItem(at: input.appendingPathComponent("a.jsonl"))
    let second = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(second.failures.isEmpty)
    var isFolder: ObjCBool = true
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.jsonl").path, isDirectory: &isFolder))
    #expect(!isFolder.boolValue)
    #expect(try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8).contains(#""documents":["a"]"#))
  }

  /// A brat document writes two files; when the second cannot be written (`docs/a.txt` is the
  /// folder of the document `a.txt/b`), the first is not left behind: no run state records it,
  /// so no later run would remove it. Found by `Fuzz/run.sh batch`.
  @Test func aDocumentWhoseSecondFileCannotBeWrittenLeavesNoFirstFile() throws {
    let (input, out) = try workspace(["a.txt/b": "Peru"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml), format: .brat)
    #expect(try runner.run(input: input.path, output: out.path, jobs: 1).failures.isEmpty)
    try Fixture.write(["a": Array("Perú".utf8)], under: input)
    let second = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(second.failures.map(\.path) == [input.path + "/a"])
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.ann").path))
    try FileManager.default.removeItem(at: input.appendingPathComponent("a"))
    _ = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/a.ann").path))
  }

  /// Output files are renamed into place without an fsync each: after a power loss one can be
  /// empty or gone while the run state says it is done. Its size is in the state, so it is
  /// redone, not reused.
  @Test func anOutputFileThatLostItsBytesIsRedone() throws {
    let (input, out) = try workspace(["a.txt": "Peru", "b.txt": "Perú"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    _ = try runner.run(input: input.path, output: out.path, jobs: 1)
    let a = out.appendingPathComponent("docs/a.txt.jsonl")
    let expected = try Data(contentsOf: a)
    try Data().write(to: a)
    try FileManager.default.removeItem(at: out.appendingPathComponent("docs/b.txt.jsonl"))
    let second = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(second.reused == 0)
    #expect(try Data(contentsOf: a) == expected)
    #expect(try runner.run(input: input.path, output: out.path, jobs: 1).reused == 2)
  }

  /// An unchanged re-run (every document's file status the recorded one) writes nothing:
  /// `entities.jsonl` and the run state stay the files they were. An `entities.jsonl` deleted
  /// or rewritten since (even to its size) is rebuilt, and a truncated document output redone.
  @Test func anUnchangedReRunWritesNothingButRebuildsWhatWasLost() throws {
    let (input, out) = try workspace(["a.txt": "Peru", "sub/b.txt": "Perú", "c.txt": "nada"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    var options = BatchOptions()
    options.jobs = 2
    options.settled = 0  // the documents were written before the run: their status is trusted
    let first = try runner.run(input: input.path, output: out.path, options: options)
    let entitiesURL = out.appendingPathComponent("entities.jsonl")
    let stateURL = OutputFolder(out).stateFile
    let entities = try Data(contentsOf: entitiesURL)
    let before = [FileStamp(path: entitiesURL.path), FileStamp(path: stateURL.path)]
    func rerun(reusing reused: Int) throws {
      let again = try runner.run(input: input.path, output: out.path, options: options)
      #expect(again.reused == reused && again.mentions == first.mentions && again.entities == first.entities)
      #expect(again.failures.isEmpty)
      #expect(try Data(contentsOf: entitiesURL) == entities)
    }
    try rerun(reusing: 3)
    #expect([FileStamp(path: entitiesURL.path), FileStamp(path: stateURL.path)] == before)

    try FileManager.default.removeItem(at: entitiesURL)
    try rerun(reusing: 3)
    try Data(repeating: 0x20, count: entities.count).write(to: entitiesURL)
    try rerun(reusing: 3)
    let a = out.appendingPathComponent("docs/a.txt.jsonl")
    let expected = try Data(contentsOf: a)
    try Data().write(to: a)
    try rerun(reusing: 2)
    #expect(try Data(contentsOf: a) == expected)
    let settled = [FileStamp(path: entitiesURL.path), FileStamp(path: stateURL.path)]
    try rerun(reusing: 3)
    #expect([FileStamp(path: entitiesURL.path), FileStamp(path: stateURL.path)] == settled)

    // One document changed: the others' rows, kept encoded, count again, as in a fresh run.
    try Fixture.write(["sub/b.txt": Array("Perú, Peru".utf8)], under: input)
    let changed = try runner.run(input: input.path, output: out.path, options: options)
    #expect(changed.reused == 2 && changed.mentions == first.mentions + 1)
    let fresh = out.deletingLastPathComponent().appendingPathComponent("fresh")
    _ = try runner.run(input: input.path, output: fresh.path, options: options)
    #expect(try Data(contentsOf: entitiesURL) == Data(contentsOf: fresh.appendingPathComponent("entities.jsonl")))
    #expect(try runner.run(input: input.path, output: out.path, options: options).reused == 3)
  }

  /// Brat writes two files a document and one `annotation.conf` a run, none built from other
  /// documents' lines: it reuses unchanged documents like jsonl (only `spans` cannot), and a
  /// document with a lost file is redone.
  @Test func aBratRunReusesUnchangedDocumentsFromItsState() throws {
    let (input, out) = try workspace(["a.txt": "Peru", "b.txt": "Perú", "c.txt": "nada"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml), format: .brat)
    #expect(try runner.run(input: input.path, output: out.path, jobs: 2).reused == 0)
    let names = ["docs/a.txt.ann", "docs/a.txt.txt", "docs/b.txt.ann", "docs/annotation.conf", "entities.jsonl"]
    let before = try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
    let second = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(second.reused == 3 && second.mentions == 2)
    #expect(try names.map { try Data(contentsOf: out.appendingPathComponent($0)) } == before)
    try FileManager.default.removeItem(at: out.appendingPathComponent("docs/a.txt.txt"))
    #expect(try runner.run(input: input.path, output: out.path, jobs: 2).reused == 2)
    #expect(try names.map { try Data(contentsOf: out.appendingPathComponent($0)) } == before)
    let spans = try BatchRunner(rules: Fixture.rules(Self.yaml), format: .spans)
    _ = try spans.run(input: input.path, output: out.path, jobs: 2)
    #expect(try spans.run(input: input.path, output: out.path, jobs: 2).reused == 0)
  }

  /// A document read in pieces (``LargeDocument``) goes through the same reuse check as one
  /// read whole: its output size is in the state, so a file that lost its bytes is redone.
  @Test func aLargeDocumentWhoseOutputLostItsBytesIsRedone() throws {
    let (input, out) = try workspace(["big.txt": String(repeating: "Peru y Perú.\n", count: 200), "a.txt": "Peru"])
    var options = BatchOptions()
    options.jobs = 1
    options.largeDocumentBytes = 1000
    options.largeDocumentBlock = (bytes: 257, units: 300)
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    #expect(try runner.run(input: input.path, output: out.path, options: options).reused == 0)
    let big = out.appendingPathComponent("docs/big.txt.jsonl")
    let expected = try Data(contentsOf: big)
    #expect(expected.count > 1000)
    #expect(try runner.run(input: input.path, output: out.path, options: options).reused == 2)
    try expected.prefix(expected.count / 2).write(to: big)
    let third = try runner.run(input: input.path, output: out.path, options: options)
    #expect(third.reused == 1 && third.failures.isEmpty)
    #expect(try Data(contentsOf: big) == expected)
    #expect(try runner.run(input: input.path, output: out.path, options: options).reused == 2)
  }

  @Test func changingTheRulesRedoesEverything() throws {
    let (input, out) = try workspace(["a.txt": "Peru", "b.txt": "Lima"])
    let rulesFolder = try Fixture.temporaryFolder()
    try Fixture.write(["places.yaml": Array(Self.yaml.utf8)], under: rulesFolder)
    _ = try BatchRunner(rules: RuleSetLoader.load(rulesFolder)).run(input: input.path, output: out.path, jobs: 1)
    try Fixture.write(["places.yaml": Array((Self.yaml + "  - {id: place/lima, type: PLACE, name: Lima}\n").utf8)], under: rulesFolder)
    let second = try BatchRunner(rules: RuleSetLoader.load(rulesFolder)).run(input: input.path, output: out.path, jobs: 1)
    #expect(second.reused == 0)
    #expect(second.mentions == 2)
  }

  @Test func aSecondRunIsLockedOut() throws {
    let (input, out) = try workspace(["a.txt": "Peru"])
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let held = try OutputLock(folder: out)
    do {
      _ = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: out.path, jobs: 1)
      Issue.record("the second run should have been refused")
    } catch {
      #expect("\(error)".contains("another quipu run is writing this output folder"))
    }
    withExtendedLifetime(held) {}
  }

  /// Kills `quipu run` with SIGKILL while it writes, then checks that every output file is
  /// complete, and that the next run makes out/ consistent again.
  /// A run killed while it rewrites every document leaves each output file whole, old or new,
  /// and `entities.jsonl` describing one of the two; the next run removes what the killed
  /// one left half done and finishes.
  @Test func aKilledRunLeavesNoTornFiles() throws {
    func corpus(_ repeats: Int) -> [String: String] {
      var files: [String: String] = [:]
      for i in 0..<200 { files["d\(i).txt"] = String(repeating: "Peru y Perú. ", count: repeats + i) }
      return files
    }
    func total(_ repeats: Int) -> Int { 2 * (0..<200).reduce(0) { $0 + repeats + $1 } }
    let (input, out) = try workspace(corpus(1000))
    let rules = try Fixture.temporaryFolder()
    try Fixture.write(["places.yaml": Array(Self.yaml.utf8)], under: rules)
    _ = try BatchRunner(rules: RuleSetLoader.load(rules)).run(input: input.path, output: out.path, jobs: 2)
    try Fixture.write(corpus(1500).mapValues { Array($0.utf8) }, under: input)

    let process = Process()
    process.executableURL = CommandLineBinary.url
    process.arguments = ["run", input.path, "--out", out.path, "--rules", rules.path, "--quiet"]
    try process.run()
    // Wait until the run has written some new files (hidden until it ends), then kill it.
    let docs = out.appendingPathComponent("docs")
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, process.isRunning {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
      if names.filter({ $0.contains(OutputFolder.temporaryMarker) }).count >= 10 { break }
      usleep(2000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) where !name.hasPrefix(".") {
      let text = try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
      let i = Int(name.dropFirst().prefix { $0.isNumber })!
      // Complete files only, old or new: the right number of lines, each of them whole JSON.
      #expect([2 * (1000 + i), 2 * (1500 + i)].contains(text.split(separator: "\n").count), "\(name)")
      #expect(text.hasSuffix("}\n"), "\(name)")
    }
    let before = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
    #expect(before.contains(#""mentions":\#(total(1000))"#) || before.contains(#""mentions":\#(total(1500))"#))

    let summary = try BatchRunner(rules: RuleSetLoader.load(rules)).run(input: input.path, output: out.path, jobs: 2)
    #expect(summary.failures.isEmpty)
    let entities = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
    #expect(entities.contains(#""mentions":\#(total(1500))"#))
    let left = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
    #expect(left.filter { $0.contains(OutputFolder.temporaryMarker) }.isEmpty)
  }
}

/// Loads a rules folder for tests.
enum RuleSetLoader {
  static func load(_ folder: URL) throws -> Rules.RuleSet { try Rules.RuleSet.load(directory: folder.path) }
}

/// The `quipu` binary built beside the test bundle.
enum CommandLineBinary {
  static let url: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("quipu").path), folder.path != "/" {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("quipu")
  }()
}
