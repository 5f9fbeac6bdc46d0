import Foundation
import Normalization
import Rules
import Testing
import TestSupport
@testable import Pipeline

/// `quipu run --shard K/N` then `quipu merge` gives what one `quipu run` writes, byte for
/// byte, and a merge refuses any set of shards that would not.
@Suite(.bug(id: 9)) struct ShardMergeTests {
  /// A corpus and its rules on disk, in a temporary folder removed with the project.
  final class Project {
    let root: URL
    var input: URL { root.appendingPathComponent("corpus") }
    let runner: BatchRunner
    let fingerprint: String

    init(files: [String: [UInt8]] = Corpus.generate(), rules: String = Corpus.rules) throws {
      root = try Fixture.temporaryFolder()
      try Fixture.write(files, under: root.appendingPathComponent("corpus"))
      (runner, fingerprint) = try Self.load(rules, into: root.appendingPathComponent("rules"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    static func load(_ yaml: String, into folder: URL) throws -> (BatchRunner, String) {
      try Fixture.write(["test.yaml": Array(yaml.utf8)], under: folder)
      let rules = try RuleSet.load(directory: folder.path)
      return (BatchRunner(rules: rules), rules.digest.labeledHex)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// One run over the whole corpus, into `name`.
    @discardableResult
    func fullRun(into name: String = "full") throws -> BatchSummary {
      try runner.run(input: input.path, output: url(name).path, jobs: 2)
    }

    /// Shard `index` of `count`, into `shards/<index>`.
    @discardableResult
    func shard(
      _ index: Int, of count: Int, runner: BatchRunner? = nil, fingerprint: String? = nil, explain: Bool = false
    ) throws -> BatchSummary {
      let run = PartialRun(
        input: input.path, output: shardFolder(index).path, shard: try Shard(index: index, count: count),
        rulesFingerprint: fingerprint)
      return try run.run(with: runner ?? self.runner, jobs: 2, explain: explain)
    }

    func shardFolder(_ index: Int) -> URL { url("shards/\(index)") }

    @discardableResult
    func merge(_ indexes: some Sequence<Int>, into name: String = "merged") throws(MergeError) -> MergeSummary {
      try ShardMerger.merge(indexes.map { shardFolder($0).path }, into: url(name).path)
    }
  }

  @Test(arguments: [1, 2, 3, 7])
  func mergedShardsAreByteIdenticalToOneRun(shards: Int) throws {
    let project = try Project()
    let full = try project.fullRun()
    var processed = 0
    for index in 1...shards { processed += try project.shard(index, of: shards).documents }
    let merged = try project.merge(1...shards)
    #expect(try Snapshot.files(project.url("merged")) == Snapshot.files(project.url("full")))
    #expect(processed == full.documents)
    #expect(merged.documents == full.documents)
    #expect(merged.failures == full.failures.map(\.description))
    #expect(merged.mentions == full.mentions)
    #expect(merged.entities == full.entities)
  }

  @Test func theCorpusExercisesWhatTheMergeMustGetRight() throws {
    let project = try Project()
    let full = try project.fullRun()
    let entities = try String(contentsOf: project.url("full/entities.jsonl"), encoding: .utf8)
    #expect(full.documents >= 48)
    #expect(full.failures.map(\.message) == ["invalid UTF-8 at byte offset 5"])
    #expect(entities.contains(#"{"id":"country/pe","type":"PLACE","name":"Peru","aliases":["Peru","Perú","Pérou","Перу""#))
    // One unlisted person, spelled two ways in different documents, with pattern-captured handles.
    let garzon = try #require(entities.split(separator: "\n").first { $0.contains(#""id":"~person/anibal-garzon""#) })
    #expect(garzon.contains(#""name":"Aníbal Garzón","aliases":["Anibal Garzon","Aníbal Garzón"]"#))
    #expect(garzon.contains(#""attributes":{"handle":"#))
    #expect(entities.contains("~person/лариса-иванова") || entities.contains("~person/larisa-ivanova"))
    // Files in nested folders with spaces and non-ASCII names.
    #expect(try Snapshot.files(project.url("full")).keys.contains { $0.contains("/mars/") || $0.contains("/Ⅲ/") })
    #expect(try Snapshot.files(project.url("full")).keys.contains { $0.hasSuffix(" — Perú.txt.jsonl") })
  }

  @Test func aShardFolderHasTheLayoutOfOutPlusAManifest() throws {
    let project = try Project()
    try project.shard(2, of: 3)
    let files = try Snapshot.files(project.shardFolder(2))
    #expect(files.keys.contains("entities.jsonl"))
    #expect(files.keys.contains("manifest.json"))
    #expect(files.keys.allSatisfy { $0 == "entities.jsonl" || $0 == "manifest.json" || $0.hasPrefix("docs/") })
    let manifest = try #require(try ShardManifest.read(from: OutputFolder(project.shardFolder(2))))
    #expect(manifest.shard == (try Shard(index: 2, count: 3)))
    #expect(manifest.quipu == QuipuVersion.current)
    #expect(manifest.rules == project.fingerprint)
    #expect(manifest.files == files.count - 1)
    #expect(manifest.input.documents == 51)  // 48 generated, empty, bad, UTF-16; not the hidden one
  }

  // MARK: - Refusals: nothing is written, and each problem names what to re-run.

  func expectRefusal(_ project: Project, _ indexes: [Int], naming fragments: [String]) throws {
    try FileManager.default.createDirectory(at: project.url("merged"), withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: project.url("merged/entities.jsonl"))
    let error = try #require(throws: MergeError.self) { try project.merge(indexes) }
    for fragment in fragments { #expect(error.description.contains(fragment), "\(error)") }
    #expect(try Snapshot.files(project.url("merged")) == ["entities.jsonl": Data("keep".utf8)])
  }

  @Test func aMissingShardIsNamed() throws {
    let project = try Project()
    for index in [1, 3] { try project.shard(index, of: 3) }
    try expectRefusal(project, [1, 3], naming: ["shard 2/3 is missing", "--shard 2/3"])
  }

  @Test func aShardGivenTwiceIsNamed() throws {
    let project = try Project()
    for index in 1...3 { try project.shard(index, of: 3) }
    try FileManager.default.copyItem(at: project.shardFolder(2), to: project.shardFolder(4))
    try expectRefusal(project, [1, 2, 3, 4], naming: ["shard 2/3 is given twice", "shards/2", "shards/4"])
    try expectRefusal(project, [1, 2, 2, 3], naming: ["given twice"])
  }

  @Test func shardsMadeWithOtherRulesAreRefused() throws {
    let project = try Project()
    let (other, otherFingerprint) = try Project.load(Corpus.rules + "\n  - {id: place/puno, type: PLACE, name: Puno}\n",
      into: project.url("other-rules"))
    try project.shard(1, of: 2)
    try project.shard(2, of: 2, runner: other, fingerprint: otherFingerprint)
    #expect(otherFingerprint != project.fingerprint)
    try expectRefusal(project, [1, 2], naming: ["rules differ", "shards/2 (shard 2/2)", otherFingerprint, project.fingerprint])
  }

  /// The same rule files over two GeoNames tables are two rule sets: the identity a manifest
  /// records is the ``RuleSet/digest``, which covers the tables the files read.
  @Test func shardsMadeWithAnotherGeoNamesTableAreRefused() throws {
    let project = try Project()
    func runner(population: String, under name: String) throws -> BatchRunner {
      let root = project.url(name)
      let row = ["3936456", "Lima", "Lima", "", "0", "0", "P", "PPLC", "PE", "", "", "", "", "", population, "", "", "", ""]
      try Fixture.write(
        [
          "rules/test.yaml": Array(Corpus.rules.utf8),
          "rules/places.yaml": Array("geonames:\n  file: ../data/cities.txt\n".utf8),
          "data/cities.txt": Array((row.joined(separator: "\t") + "\n").utf8),
        ], under: root)
      return BatchRunner(rules: try RuleSet.load(directory: root.appendingPathComponent("rules").path))
    }
    let (a, b) = (try runner(population: "7737002", under: "a"), try runner(population: "7737003", under: "b"))
    #expect(try a.rules.files == b.rules.files)
    try project.shard(1, of: 2, runner: a)
    try project.shard(2, of: 2, runner: b)
    try expectRefusal(project, [1, 2], naming: ["rules differ", a.source.digest.labeledHex, b.source.digest.labeledHex])
  }

  @Test func shardsWithOtherOptionsOrCountsAreRefused() throws {
    let project = try Project()
    try project.shard(1, of: 2)
    try project.shard(2, of: 2, explain: true)
    try expectRefusal(project, [1, 2], naming: ["options differ", "--explain"])
    try project.shard(2, of: 3)
    try expectRefusal(project, [1, 2], naming: ["shard counts differ"])
  }

  @Test func aShardCutFromAnotherListingIsRefused() throws {
    let project = try Project()
    try project.shard(1, of: 2)
    try Fixture.write(["late/arrival.txt": Array("Peru".utf8)], under: project.input)
    try project.shard(2, of: 2)
    try expectRefusal(project, [1, 2], naming: ["input document lists differ", "re-run every shard"])
  }

  @Test func anUnfinishedOrChangedShardIsRefused() throws {
    let project = try Project()
    for index in 1...3 { try project.shard(index, of: 3) }
    let shard2 = OutputFolder(project.shardFolder(2))
    let document = try #require(OutputFiles.list(in: shard2).first { $0.hasPrefix("docs/") })

    try Data().write(to: shard2.root.appendingPathComponent(document))  // truncated
    try expectRefusal(project, [1, 2, 3], naming: ["shards/2 (shard 2/3) is incomplete or changed", "re-run it"])

    try FileManager.default.removeItem(at: shard2.root.appendingPathComponent(document))  // lost
    try expectRefusal(project, [1, 2, 3], naming: ["shards/2 (shard 2/3) is incomplete"])

    try FileManager.default.removeItem(at: ShardManifest.url(in: shard2))  // killed before the end
    try expectRefusal(project, [1, 2, 3], naming: ["shards/2: error: no manifest.json", "re-run it"])
  }

  @Test func aFailedShardIsReRunAloneAndTheMergeThenSucceeds() throws {
    let project = try Project()
    try project.fullRun()
    for index in 1...3 { try project.shard(index, of: 3) }
    // Shard 1 was run into shard 2's folder by mistake, then died halfway: no manifest, some
    // files missing, stale files of another shard (recorded in the folder's run state).
    let shard2 = OutputFolder(project.shardFolder(2))
    _ = try PartialRun(input: project.input.path, output: shard2.root.path, shard: Shard(index: 1, count: 3), rulesFingerprint: project.fingerprint)
      .run(with: project.runner, jobs: 2)
    try FileManager.default.removeItem(at: ShardManifest.url(in: shard2))
    for file in OutputFiles.list(in: shard2).filter({ $0.hasPrefix("docs/") }).prefix(3) {
      try FileManager.default.removeItem(at: shard2.root.appendingPathComponent(file))
    }
    #expect(throws: MergeError.self) { try project.merge(1...3) }

    try project.shard(2, of: 3)
    try project.merge(1...3)
    #expect(try Snapshot.files(project.url("merged")) == Snapshot.files(project.url("full")))
  }

  @Test func aMergeReplacesStaleOutputAndWritesNoManifest() throws {
    let project = try Project()
    try project.fullRun()
    // An earlier run wrote docs/gone.txt.jsonl into the merge's folder; its document is gone since.
    try Fixture.write(["gone.txt": Array("Peru".utf8)], under: project.input)
    try project.fullRun(into: "merged")
    try FileManager.default.removeItem(at: project.input.appendingPathComponent("gone.txt"))
    try Fixture.write(["manifest.json": Array("{}".utf8)], under: project.url("merged"))
    for index in 1...2 { try project.shard(index, of: 2) }
    try project.merge(1...2)
    #expect(try Snapshot.files(project.url("merged")) == Snapshot.files(project.url("full")))
  }

  @Test func aShardFolderCannotBeTheOutput() throws {
    let project = try Project()
    try project.shard(1, of: 1)
    let error = try #require(throws: MergeError.self) {
      try ShardMerger.merge([project.shardFolder(1).path], into: project.shardFolder(1).path + "/")
    }
    #expect(error.description.contains("cannot be the merge's output folder"))
  }

  // MARK: - Parts: --files runs without --shard.

  @Test func partsFromFileListsMergeToTheRunOverTheirUnion() throws {
    let project = try Project()
    try project.fullRun()
    let all = try InputCatalog.documents(in: project.input)
    for (index, part) in [Array(all.prefix(20)), Array(all.dropFirst(20))].enumerated() {
      let run = PartialRun(
        input: project.input.path, output: project.shardFolder(index + 1).path, list: part,
        rulesFingerprint: project.fingerprint)
      _ = try run.run(with: project.runner, jobs: 1)
    }
    try project.merge(1...2)
    #expect(try Snapshot.files(project.url("merged")) == Snapshot.files(project.url("full")))
  }

  @Test func overlappingPartsAreRefused() throws {
    let project = try Project()
    let all = try InputCatalog.documents(in: project.input)
    for (index, part) in [Array(all.prefix(30)), Array(all.dropFirst(20))].enumerated() {
      let run = PartialRun(
        input: project.input.path, output: project.shardFolder(index + 1).path, list: part,
        rulesFingerprint: project.fingerprint)
      _ = try run.run(with: project.runner, jobs: 1)
    }
    try expectRefusal(project, [1, 2], naming: ["is in both", "shards/1", "shards/2"])
  }
}
