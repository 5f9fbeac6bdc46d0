import Foundation
import Testing
import TestSupport

/// `quipu run --shard/--files` and `quipu merge` as a cluster task runs them: environment,
/// standard input, exit statuses and messages.
@Suite(.bug(id: 9)) struct ShardCommandLineTests {
  /// A project folder with `rules/` and `corpus/`, removed with the value.
  final class Project {
    let root: URL
    init(documents: Int = 16) throws {
      root = try Fixture.temporaryFolder()
      try Fixture.write(["rules/test.yaml": Array(Corpus.rules.utf8)], under: root)
      try Fixture.write(Corpus.generate(documents: documents), under: root.appendingPathComponent("corpus"))
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    func files(_ folder: String) throws -> [String: Data] { try Snapshot.files(root.appendingPathComponent(folder)) }

    /// Runs `quipu` in the project folder, with only `environment` (plus PATH) set.
    func quipu(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> QuipuBinary.Result {
      try QuipuBinary.run(QuipuBinary.url, arguments, in: root, environment: environment, stdin: stdin)
    }
  }

  @Test func kubernetesShardsThenMergeEqualOneRun() throws {
    let project = try Project()
    #expect(try project.quipu(["run", "corpus", "--out", "full"]).status == 1)  // corpus/broken/bad.txt
    for index in 0..<3 {
      let r = try project.quipu(
        ["run", "corpus", "--shard", "auto", "--shards", "3", "--out", "shards/\(index)"],
        environment: ["JOB_COMPLETION_INDEX": "\(index)"])
      #expect([0, 1].contains(r.status), "\(r.stderr)")
      #expect(r.stderr.contains("shard \(index + 1)/3"), "\(r.stderr)")
    }
    let merged = try project.quipu(["merge", "shards/0", "shards/1", "shards/2", "--out", "out"])
    #expect(merged.status == 1, "the corpus's bad document is reported again")
    #expect(merged.stderr.contains("corpus/broken/bad.txt: error: invalid UTF-8 at byte offset 5"))
    #expect(merged.stderr.contains("quipu merge: 3 shards, 19 documents (1 failed)"), "\(merged.stderr)")
    #expect(try project.files("out") == project.files("full"))
  }

  @Test func slurmArrayShards() throws {
    let project = try Project()
    for task in 1...2 {
      let environment = [
        "SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "2",
        "SLURM_ARRAY_TASK_COUNT": "2",
      ]
      let r = try project.quipu(["run", "corpus", "--shard", "auto", "--out", "s\(task)", "--quiet"], environment: environment)
      #expect([0, 1].contains(r.status), "\(r.stderr)")
    }
    let manifest = try #require(try project.files("s2")["manifest.json"])
    #expect(String(decoding: manifest, as: UTF8.self).contains(#""shard": {"count":2,"index":2}"#))
  }

  @Test func autoWithoutASchedulerExitsTwoWithAClearMessage() throws {
    let project = try Project(documents: 2)
    let r = try project.quipu(["run", "corpus", "--shard", "auto", "--shards", "4"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID"), "\(r.stderr)")
    #expect(try project.files("out").isEmpty)
  }

  @Test(arguments: [
    (["--shard", "0/3"], "numbered 1 to 3"), (["--shard", "2/3", "--shards", "3"], "--shards N goes with --shard auto"),
    (["--shard", "two"], "write K/N"), (["--files", "no-such-list"], "cannot read 'no-such-list'"),
  ])
  func badShardOptionsExitTwo(_ options: [String], _ message: String) throws {
    let project = try Project(documents: 2)
    let r = try project.quipu(["run", "corpus"] + options)
    #expect(r.status == 2)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }

  @Test func filesFromStandardInputLikeFindPrints() throws {
    let project = try Project(documents: 6)
    let names = Corpus.generate(documents: 6).keys.filter { $0.hasSuffix("doc0.txt") || $0.hasSuffix("doc1.txt") }.sorted()
    try #require(names.count == 2)
    // What `cd corpus && find . -type f` prints, and an absolute path.
    let list = "./\(names[0])\n\(project.root.path)/corpus/\(names[1])\n"
    let r = try project.quipu(["run", "corpus", "--files", "-"], stdin: list)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.hasPrefix("quipu: 2 documents (0 failed)"), "\(r.stderr)")
    #expect(try Set(project.files("out").keys) == Set(["entities.jsonl", "manifest.json"] + names.map { "docs/\($0).jsonl" }))
  }

  @Test func pathsRelativeToTheWorkingDirectoryGetAHint() throws {
    let project = try Project(documents: 2)
    let name = try #require(Corpus.generate(documents: 2).keys.first { $0.hasSuffix("doc0.txt") })
    let r = try project.quipu(["run", "corpus", "--files", "-"], stdin: "corpus/\(name)\n")
    #expect(r.status == 2)
    #expect(r.stderr.contains("paths are relative to FOLDER 'corpus'"), "\(r.stderr)")
  }

  @Test func aListedPathOutsideTheFolderExitsTwo() throws {
    let project = try Project(documents: 2)
    let r = try project.quipu(["run", "corpus", "--files", "-"], stdin: "a.txt\n../rules/test.yaml\n")
    #expect(r.status == 2)
    #expect(r.stderr.contains("--files: standard input, line 2: '../rules/test.yaml' is not inside the folder 'corpus'"), "\(r.stderr)")
  }

  @Test func aMergeWithAMissingShardExitsTwoAndNamesIt() throws {
    let project = try Project(documents: 4)
    for index in [1, 3] { _ = try project.quipu(["run", "corpus", "--shard", "\(index)/3", "--out", "s\(index)"]) }
    let r = try project.quipu(["merge", "s1", "s3"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("error: shard 2/3 is missing"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("out").path))
  }

  @Test func helpListsMerge() throws {
    let project = try Project(documents: 0)
    #expect(try project.quipu(["merge", "--help"]).status == 0)
    #expect(try project.quipu(["--version"]).status == 0)
  }
}
