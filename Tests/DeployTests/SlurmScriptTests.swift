import Foundation
import Testing
import TestSupport

/// deploy/slurm: the array script and the merge script run as Slurm runs them (bash, with the
/// array's environment), and `submit` chains them.
@Suite(.bug(id: 9)) struct SlurmScriptTests {
  static let folder = DeployFiles.root.appendingPathComponent("deploy/slurm")
  static let bash = URL(fileURLWithPath: "/bin/bash")

  @Test func aOneBasedArrayThenTheMergeWriteWhatOneRunWrites() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    try Fixture.write(Corpus.generate(documents: 20), under: tmp.appendingPathComponent("corpus"))
    try Fixture.write(["rules/test.yaml": Array(Corpus.rules.utf8)], under: tmp)
    let environment = [
      "QUIPU": QuipuBinary.url.path, "QUIPU_CORPUS": tmp.appendingPathComponent("corpus").path,
      "QUIPU_WORK": tmp.appendingPathComponent("work").path, "QUIPU_RULES": tmp.appendingPathComponent("rules").path,
    ]
    for task in 1...3 {  // as after `sbatch --array=1-3`
      let array = [
        "SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "3",
        "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_STEP": "1", "SLURM_CPUS_PER_TASK": "2",
      ]
      let r = try QuipuBinary.run(
        Self.bash, [Self.folder.appendingPathComponent("quipu-shards.sbatch").path], in: tmp,
        environment: environment.merging(array) { $1 })
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.contains("shard \(task)/3"), "\(r.stderr)")
    }
    let merged = try QuipuBinary.run(
      Self.bash, [Self.folder.appendingPathComponent("quipu-merge.sbatch").path], in: tmp, environment: environment)
    #expect(merged.status == 0, "\(merged.stderr)")
    _ = try QuipuBinary.run(QuipuBinary.url, ["run", "corpus", "--out", "full"], in: tmp)
    #expect(
      try Snapshot.files(tmp.appendingPathComponent("work/out")) == Snapshot.files(tmp.appendingPathComponent("full")))
  }

  @Test func theScriptsRefuseToRunWithoutTheirFolders() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let r = try QuipuBinary.run(Self.bash, [Self.folder.appendingPathComponent("quipu-shards.sbatch").path], in: tmp)
    #expect(r.status != 0)
    #expect(r.stderr.contains("set QUIPU_CORPUS"), "\(r.stderr)")
  }

  @Test func submitChainsTheMergeAfterEveryTask() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    // A stand-in sbatch that records its arguments and answers like `sbatch --parsable`.
    let log = tmp.appendingPathComponent("sbatch.log")
    let fake = """
      #!/bin/bash
      echo "$*" >> "\(log.path)"
      if [ "$(wc -l < "\(log.path)")" -eq 1 ]; then echo "4242;cluster"; else echo 4243; fi
      """
    try Fixture.write(["bin/sbatch": Array(fake.utf8)], under: tmp)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tmp.appendingPathComponent("bin/sbatch").path)
    let environment = [
      "PATH": tmp.appendingPathComponent("bin").path + ":/usr/bin:/bin", "QUIPU_CORPUS": "/shared/news",
      "QUIPU_WORK": tmp.appendingPathComponent("work").path,
    ]
    let r = try QuipuBinary.run(
      Self.bash, [Self.folder.appendingPathComponent("submit").path, "5"], in: tmp, environment: environment)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "shards: job 4242 (tasks 0-4), merge: job 4243\n")
    let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
    #expect(calls.count == 2)
    #expect(calls.first == "--parsable --array=0-4 \(Self.folder.path)/quipu-shards.sbatch")
    #expect(calls.last == "--parsable --dependency=afterok:4242 --kill-on-invalid-dep=yes \(Self.folder.path)/quipu-merge.sbatch")
  }

  @Test func theScriptsDirectivesComeBeforeAnyCommand() throws {
    // sbatch stops reading #SBATCH lines at the first command.
    for name in ["quipu-shards.sbatch", "quipu-merge.sbatch"] {
      let lines = try DeployFiles.text("deploy/slurm/\(name)").split(separator: "\n", omittingEmptySubsequences: false)
      let firstCommand = try #require(lines.firstIndex { !$0.isEmpty && !$0.hasPrefix("#") })
      let lastDirective = try #require(lines.lastIndex { $0.hasPrefix("#SBATCH") })
      #expect(lastDirective < firstCommand, "\(name)")
    }
    #expect(try DeployFiles.text("deploy/slurm/quipu-shards.sbatch").contains("#SBATCH --array=0-"))
  }
}
