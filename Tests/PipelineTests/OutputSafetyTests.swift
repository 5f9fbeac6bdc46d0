import Foundation
import Output
import Testing
import TestSupport
@testable import Pipeline

/// Nothing is lost: a run or a merge removes only files that Quipu recorded writing, and an
/// output folder that overlaps the input is refused before anything is touched (issue 15).
@Suite struct OutputSafetyTests {
  static let yaml = "entities:\n  - {id: place/lima, type: PLACE, name: Lima}\n"

  func exists(_ url: URL, _ path: String) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
  }

  @Test(arguments: [OutputFormat.jsonl, .brat, .conll])
  func filesQuipuNeverWroteAreKept(format: OutputFormat) throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let (input, out) = (tmp.appendingPathComponent("corpus"), tmp.appendingPathComponent("data"))
    try Fixture.write(["a.txt": Array("Lima".utf8), "b.txt": Array("Lima".utf8)], under: input)
    let foreign = ["docs/notes.jsonl", "docs/notes.txt", "docs/old.ann", "docs/sub/x.conll", "docs/c.txt.jsonl"]
    try Fixture.write(Dictionary(uniqueKeysWithValues: foreign.map { ($0, Array("{\"x\":1}\n".utf8)) }), under: out)
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml), format: format)
    let first = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(first.failures.isEmpty)
    for path in foreign { #expect(exists(out, path), "the first run removed \(path)") }
    // A document that is gone loses the files Quipu wrote for it, and only those.
    try FileManager.default.removeItem(at: input.appendingPathComponent("b.txt"))
    _ = try runner.run(input: input.path, output: out.path, jobs: 1)
    for path in foreign { #expect(exists(out, path), "the second run removed \(path)") }
    for suffix in format.documentSuffixes {
      #expect(exists(out, "docs/a.txt" + suffix))
      #expect(!exists(out, "docs/b.txt" + suffix), "b.txt\(suffix) outlived its document")
    }
  }

  /// Another format, or other rules, in the same folder: the previous run's files of gone
  /// documents are still Quipu's to remove (the state says so, whatever its key).
  @Test func filesOfAnEarlierRunWithOtherSettingsAreStillRemoved() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let (input, out) = (tmp.appendingPathComponent("corpus"), tmp.appendingPathComponent("data"))
    try Fixture.write(["a.txt": Array("Lima".utf8), "b.txt": Array("Lima".utf8)], under: input)
    _ = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: out.path, jobs: 1)
    try FileManager.default.removeItem(at: input.appendingPathComponent("b.txt"))
    _ = try BatchRunner(rules: Fixture.rules(Self.yaml + "  - {id: place/cusco, type: PLACE, name: Cusco}\n"))
      .run(input: input.path, output: out.path, jobs: 1)
    #expect(exists(out, "docs/a.txt.jsonl") && !exists(out, "docs/b.txt.jsonl"))
  }

  /// `quipu run b/docs --out b --format brat` once deleted its own input.
  @Test(arguments: [
    ("b", "b"), ("b", "b/out"), ("b/docs", "b"), ("b/docs", "link"), ("b", "b/./new/../out"),
  ])
  func overlappingInputAndOutputAreRefusedBeforeAnythingIsTouched(input: String, output: String) throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    try Fixture.write(["b/docs/s.txt": Array("Lima".utf8), "b/docs/s.txt.txt": Array("mine".utf8)], under: tmp)
    try FileManager.default.createSymbolicLink(at: tmp.appendingPathComponent("link"), withDestinationURL: tmp.appendingPathComponent("b"))
    let before = try FileManager.default.subpathsOfDirectory(atPath: tmp.path).sorted()
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml), format: .brat)
    do {
      _ = try runner.run(input: tmp.appendingPathComponent(input).path, output: tmp.appendingPathComponent(output).path, jobs: 1)
      Issue.record("input \(input) and output \(output) overlap")
    } catch {
      #expect(error.kind == .usage, "\(error)")
      #expect(error.description.contains("error: "), "\(error)")
    }
    let partial = PartialRun(
      input: tmp.appendingPathComponent(input).path, output: tmp.appendingPathComponent(output).path,
      shard: try Shard(index: 1, count: 1), rulesFingerprint: "x")
    #expect(throws: BatchError.self) { try partial.run(with: runner, jobs: 1) }
    #expect(try FileManager.default.subpathsOfDirectory(atPath: tmp.path).sorted() == before)
  }

  @Test func anOldOutputFolderInsideTheInputIsNotReadBack() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let input = tmp.appendingPathComponent("corpus")
    try Fixture.write(["a.txt": Array("Lima".utf8)], under: input)
    let old = tmp.appendingPathComponent("old")
    _ = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: old.path, jobs: 1)
    // The user moves the old output (and its state, beside it) into the corpus.
    try FileManager.default.moveItem(at: old, to: input.appendingPathComponent("old"))
    try FileManager.default.moveItem(at: tmp.appendingPathComponent(".old.quipu"), to: input.appendingPathComponent(".old.quipu"))
    #expect(try InputCatalog.documents(in: input) == ["a.txt"])
  }

  @Test func aMergeKeepsFilesQuipuNeverWrote() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let input = tmp.appendingPathComponent("corpus")
    try Fixture.write(["a.txt": Array("Lima".utf8), "b.txt": Array("Lima".utf8)], under: input)
    let out = tmp.appendingPathComponent("merged")
    try Fixture.write(["docs/notes.jsonl": Array("{}\n".utf8)], under: out)
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    func shards(_ count: Int) throws -> [String] {
      try (1...count).map { index in
        let folder = tmp.appendingPathComponent("shards-\(count)/\(index)").path
        _ = try PartialRun(input: input.path, output: folder, shard: Shard(index: index, count: count), rulesFingerprint: "x")
          .run(with: runner, jobs: 1)
        return folder
      }
    }
    _ = try ShardMerger.merge(shards(2), into: out.path)
    #expect(exists(out, "docs/notes.jsonl") && exists(out, "docs/a.txt.jsonl") && exists(out, "docs/b.txt.jsonl"))
    // A later merge without b.txt removes the b.txt file the first merge wrote.
    try FileManager.default.removeItem(at: input.appendingPathComponent("b.txt"))
    _ = try ShardMerger.merge(shards(1), into: out.path)
    #expect(exists(out, "docs/notes.jsonl") && exists(out, "docs/a.txt.jsonl") && !exists(out, "docs/b.txt.jsonl"))
  }
}
