import Foundation
import Testing
import TestSupport

/// A shard run stopped by Ctrl-C exits 130 and writes no manifest, so `quipu merge` refuses
/// it as unfinished instead of merging a shard that lacks documents.
@Suite struct InterruptedShardTests {
  @Test func anInterruptedShardHasNoManifest() throws {
    let run = try InterruptedRun(
      ["run", "corpus", "--shard", "1/1", "--out", "shard", "--jobs", "1", "--no-rules-cache"],
      interruptWhenExists: "shard/docs")
    defer { run.remove() }
    let manifest = FileManager.default.fileExists(atPath: run.root.appendingPathComponent("shard/manifest.json").path)
    if run.status == 130 {
      #expect(!manifest, "an interrupted shard must not look finished")
    } else {
      #expect([0, 1].contains(run.status))  // it finished before the signal
      #expect(manifest)
    }
  }
}
