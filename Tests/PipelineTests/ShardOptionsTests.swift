import Foundation
import Output
import Rules
import Testing
import TestSupport
@testable import Pipeline

/// A partial run takes every option a whole run takes (issue 15: `--shard` and `--files`
/// ignored `--format`, `--include`, `--exclude`, `--on-invalid` and `--full`), and its manifest
/// records those that change output, so that `quipu merge` refuses shards that disagree.
@Suite struct ShardOptionsTests {
  typealias Project = ShardMergeTests.Project

  static var options: BatchOptions {
    var options = BatchOptions()
    options.jobs = 2
    options.replaceInvalid = true
    options.exclude = ["ru/*"]
    return options
  }

  func shard(
    _ project: Project, _ index: Int, of count: Int, options: BatchOptions = Self.options, format: OutputFormat = .jsonl,
    list: [String]? = nil
  ) throws -> BatchSummary {
    let rules = try RuleSet.load(directory: project.url("rules").path)
    let run = PartialRun(
      input: project.input.path, output: project.shardFolder(index).path, list: list,
      shard: try Shard(index: index, count: count), rulesFingerprint: project.fingerprint)
    return try run.run(with: BatchRunner(rules: rules, format: format), options: options)
  }

  @Test func shardsRunWithTheOptionsMergeToOneRunWithThem() throws {
    let project = try Project()
    let full = try project.runner.run(input: project.input.path, output: project.url("full").path, options: Self.options)
    #expect(full.failures.isEmpty)  // the invalid document is read with U+FFFD
    for index in 1...3 { _ = try shard(project, index, of: 3) }
    let merged = try project.merge(1...3)
    #expect(try Snapshot.files(project.url("merged")) == Snapshot.files(project.url("full")))
    #expect(merged.documents == full.documents)
    let manifest = try #require(try ShardManifest.read(from: OutputFolder(project.shardFolder(1))))
    #expect(manifest.onInvalid == "replace")
    #expect(manifest.exclude == ["ru/*"])
    #expect(manifest.output == "jsonl")
  }

  @Test func shardsWithAnotherOptionAreRefused() throws {
    let project = try Project()
    _ = try shard(project, 1, of: 2)
    var other = Self.options
    other.replaceInvalid = false
    _ = try shard(project, 2, of: 2, options: other)
    let error = try #require(throws: MergeError.self) { try project.merge(1...2) }
    #expect(error.problems.contains { $0.description.contains("options differ") && $0.description.contains("--on-invalid error") }, "\(error.problems)")
  }

  @Test func shardsOfAnotherFormatAreRefused() throws {
    let project = try Project()
    for index in 1...2 { _ = try shard(project, index, of: 2, format: .conll) }
    let error = try #require(throws: MergeError.self) { try project.merge(1...2) }
    #expect(error.problems.contains { $0.description.contains("--format conll") }, "\(error.problems)")
  }
}
