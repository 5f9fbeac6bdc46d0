import Foundation
import Rules

/// Generates every input of the benchmark, deterministically from a seed.
struct Generator {
  /// Gazetteer names and alias counts.
  static let gazetteerSizes: [(String, Int)] = [("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)]
  /// Synthetic entities that no gazetteer holds: names a document mentions that the rules miss.
  static let unknownEntities = 20_000

  let workspace: Workspace
  let seed: UInt64
  let corpusMegabytes: Int

  struct Report {
    var documents: Int
    var corpusBytes: Int
    /// Share of words that belong to inserted names (rough: see ``CorpusWriter``).
    var nameDensity: Double
    var aliases: [(String, Int)]
    var digest: String
  }

  func run() throws -> Report {
    let fm = FileManager.default
    try fm.createDirectory(at: workspace.gazetteers, withIntermediateDirectories: true)
    let root = SplitMix64(seed: seed)

    // The seeds' real entities (rules/seeds) come first in every gazetteer and in the name
    // pool; the sized gazetteers are theirs plus generated ones, so that "10k" means 10k (the
    // default rules, with the reference gazetteers' 176k aliases, are measured as "default").
    let defaultRules: RuleSet
    let realRules: RuleSet
    let seedsFolder = workspace.repoRules.appendingPathComponent("seeds")
    do {
      defaultRules = try RuleSet.load(directory: workspace.repoRules.path)
      realRules = try RuleSet.load(directory: seedsFolder.path)
    } catch {
      throw WorkspaceError(description: "the repo's rules do not compile:\n\(error)")
    }
    let ruleFiles = regularFiles(under: seedsFolder).filter { $0.hasSuffix(".yaml") }
    var pool = NamePool()
    for entry in NamePool.realEntries(realRules) { pool.append(entry) }
    pool.closeBand()
    try writeDefaultTSV(defaultRules)

    var forge = EntityForge(random: root.derived("entities"))
    forge.reserve(pool.entries.flatMap(\.forms))
    var writers = try Self.gazetteerSizes.map { name, size in
      try GazetteerWriter(
        name: name, root: workspace.gazetteers, targetAliases: size, realRules: realRules,
        rulesFolder: seedsFolder, relativeRuleFiles: ruleFiles)
    }
    note("quipu-bench: generating gazetteers of \(Self.gazetteerSizes.map(\.0).joined(separator: ", ")) aliases")
    var open = 0  // the first writer that is not full yet
    while open < writers.count {
      let entity = forge.next()
      for i in open..<writers.count { _ = try writers[i].add(entity) }
      pool.append(NamePool.Entry(type: entity.type, script: entity.script, forms: entity.surfaceForms))
      while open < writers.count && writers[open].isFull {
        try writers[open].finish()
        pool.closeBand()
        open += 1
      }
    }
    for _ in 0..<Self.unknownEntities {
      let entity = forge.next()
      pool.append(NamePool.Entry(type: entity.type, script: entity.script, forms: entity.surfaceForms))
    }
    pool.closeBand()

    note("quipu-bench: generating a \(corpusMegabytes) MB corpus")
    var corpus = CorpusWriter(pool: pool, random: root.derived("corpus"))
    let written = try corpus.write(
      to: workspace.corpus(megabytes: corpusMegabytes), targetBytes: corpusMegabytes * 1_000_000)

    var digest = Digest()
    for folder in [workspace.gazetteers, workspace.corpus(megabytes: corpusMegabytes)] {
      digest.add(folderDigest(folder))
    }
    return Report(
      documents: written.documents, corpusBytes: written.bytes,
      nameDensity: Double(corpus.nameWords) / Double(max(1, corpus.allWords)),
      aliases: writers.map { ($0.name, $0.aliasCount) }, digest: digest.hex)
  }

  /// The repo's own rules as a TSV, for the peers' `default` configuration.
  private func writeDefaultTSV(_ rules: RuleSet) throws {
    var tsv = ""
    for alias in rules.aliases {
      let entity = rules.entities[Int(alias.entity)]
      tsv += "\(entity.id)\t\(entity.type)\t\(GazetteerWriter.tsvField(alias.text))\n"
    }
    try Data(tsv.utf8).write(to: workspace.gazetteers.appendingPathComponent("default.tsv"))
  }
}
