import ArgumentParser

/// `quipu-bench`: generates the benchmark's inputs and measures Quipu on them.
@main
struct QuipuBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quipu-bench",
    abstract: "Quipu's throughput, rule compile time and memory on generated inputs.",
    discussion: """
      Build in release mode, from the repository root:
        swift run -c release --package-path Benchmarks quipu-bench generate
        swift run -c release --package-path Benchmarks quipu-bench run
      Then Benchmarks/peers/peers.sh runs spaCy and flashtext on the same inputs. See BENCHMARKS.md.
      """,
    subcommands: [Generate.self, Run.self, Measure.self])
}

/// Options every subcommand shares.
struct Locations: ParsableArguments {
  @Option(help: "The Quipu repository (default: found from the current folder).")
  var repo: String?

  @Option(help: "Folder for generated inputs and results (default: Benchmarks/.data).")
  var data: String?

  @Option(help: "Corpus size in MB (10^6 bytes).")
  var corpusMB = 20

  @Option(help: "Seed of the generator: the same seed makes the same bytes.")
  var seed: UInt64 = 20_240_607

  func workspace() throws -> Workspace { try Workspace(repo: repo, data: data) }
}
