import ArgumentParser
import Pipeline

/// `quipu merge <shard-out>...`: combine the output folders of partial runs into one `out/`.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Combine the output folders of 'quipu run --shard' (or '--files') runs.",
    discussion: """
      Copies every per-document file as it is and recomputes entities.jsonl from the shards' \
      entity tables: out/ is then byte for byte what one 'quipu run' over the whole corpus \
      writes. Nothing is written when a shard is missing, given twice, incomplete (its files \
      do not match its manifest.json), or made with other rules, another Quipu version, other \
      options, or from another document list; each problem names the folder to re-run.
      Exit status: 0 all good, 1 some documents had failed in the shards (they are listed), \
      2 the shards cannot be merged, 3 the merged output cannot be written.
      """)

  @Argument(help: "Output folders of the shard runs (all N of them).")
  var shards: [String]

  @Option(help: "Output folder.")
  var out = "out"

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    let summary: MergeSummary
    do {
      summary = try ShardMerger.merge(shards, into: out)
    } catch {
      for problem in error.problems { report(problem.description) }
      throw error.isWriteFailure ? ExitCode.ioFailure : ExitCode.usageOrRules
    }
    for failure in summary.failures { report(failure) }
    if !quiet { report(summary.line) }
    if !summary.failures.isEmpty { throw ExitCode.documentsFailed }
  }
}
