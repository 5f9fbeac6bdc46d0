import ArgumentParser
import Foundation

/// `quipu-bench generate`: writes the corpus and the gazetteers.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate the corpus and the 10k, 100k and 1M alias gazetteers (deterministic).",
    discussion: """
      Writes into Benchmarks/.data (git-ignored):
        corpus-<N>mb/<lang>/<n>.txt   news-like documents of 2-20 KB
        gazetteers/<size>/            rule folders: real/ (the repo's rules) + synthetic/
        gazetteers/<size>.tsv         the same aliases as TSV (entity, type, alias), for the peers
        gazetteers/default.tsv        the repo's own rules as TSV
      Prints a digest of everything written: the same seed gives the same digest anywhere.
      """)

  @OptionGroup var locations: Locations

  func run() throws {
    let workspace = try locations.workspace()
    let (report, elapsed) = try timed {
      try Generator(workspace: workspace, seed: locations.seed, corpusMegabytes: locations.corpusMB).run()
    }
    let sizes = report.aliases.map { "\($0.0) = \($0.1) aliases" }.joined(separator: ", ")
    print(
      "corpus: \(report.documents) documents, \(report.corpusBytes) bytes, names ≈ "
        + "\(fixed(report.nameDensity * 100, 1))% of words (\(workspace.corpus(megabytes: locations.corpusMB).path))")
    print("gazetteers: \(sizes) (\(workspace.gazetteers.path))")
    print("digest: \(report.digest) (seed \(locations.seed), \(String(format: "%.1f", elapsed)) s)")
  }
}
