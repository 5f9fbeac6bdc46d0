/// What one configuration measured: written by a `measure` child process as one JSON object.
struct Measurement: Codable, Sendable {
  /// `quipu` (an end-to-end batch run), `icu-words` or `normalizer` (reference rows).
  var kind: String
  /// Which rules: `default` (the repo's rules/), `10k`, `100k`, `1m`; empty for references.
  var rules: String
  var jobs: Int
  var corpusBytes: Int
  var documents: Int
  var failedDocuments: Int = 0
  var aliases: Int = 0
  var entities: Int = 0
  var ruleWarnings: Int = 0
  /// Reading and parsing the YAML files.
  var parseSeconds: Double = 0
  /// Validating and compiling aliases (`RuleSet.compile`).
  var compileSeconds: Double = 0
  /// Building the token trie (`Gazetteer`, inside `BatchRunner.init`).
  var trieSeconds: Double = 0
  /// Writing the compiled-rules cache, and its size (`compile`).
  var cacheWriteSeconds: Double = 0
  var cacheBytes: Int = 0
  /// Reading the compiled rules back from the cache (`quipu` with `--cache`).
  var cacheLoadSeconds: Double = 0
  /// The fastest of the timed runs, and all of them.
  var runSeconds: Double = 0
  var allRunSeconds: [Double] = []
  /// The same runs with the output folder in memory (tmpfs), where fsync and the disk cost
  /// nothing: what the CPU alone allows.
  var memoryRunSeconds: Double = 0
  var allMemoryRunSeconds: [Double] = []
  var memoryOutputDigest: String = ""
  /// CPU seconds (user + system, all threads) of the fastest disk and memory runs: with
  /// 1 thread, wall time well above CPU time means the run waited (for the disk, or for a
  /// core that another process held).
  var runCPUSeconds: Double = 0
  var memoryRunCPUSeconds: Double = 0
  /// The 1-minute load average when the configuration started and ended.
  var loadBefore: Double = 0
  var loadAfter: Double = 0
  var tokens: Int = 0
  var mentions: Int = 0
  var peakRSSBytes: Int = 0
  /// Peak RSS once the rules were compiled, before any document was read.
  var rulesRSSBytes: Int = 0
  /// Peak RSS after parsing the YAML, and after compiling it (before the trie).
  var parsePeakRSSBytes: Int = 0
  var compilePeakRSSBytes: Int = 0
  var outputDigest: String = ""
  /// Distinct word forms the normalizer saw (reference rows).
  var distinctForms: Int = 0
  /// An unchanged re-run into the same output folder (`shared`, and `quipu` with `--rerun`:
  /// the default rules on 1 thread, out/ on disk): the fastest, all of them, the CPU seconds
  /// of the fastest, the documents it reused, and its output's digest.
  var rerunSeconds: Double = 0
  var allRerunSeconds: [Double] = []
  var rerunCPUSeconds: Double = 0
  var rerunReused: Int = 0
  var rerunOutputDigest: String = ""
  /// Per-stage seconds, single thread, in memory (the `stages` reference only).
  var stages: [String: Double] = [:]

  /// What a run pays for its rules: the cache read when there is one, else parse and compile;
  /// then the trie.
  var ruleLoadSeconds: Double { (cacheLoadSeconds > 0 ? cacheLoadSeconds : parseSeconds + compileSeconds) + trieSeconds }
  /// What compiling from YAML costs, cache write included.
  var ruleCompileSeconds: Double { parseSeconds + compileSeconds + cacheWriteSeconds }
  var megabytes: Double { Double(corpusBytes) / 1e6 }
  var megabytesPerSecond: Double { runSeconds > 0 ? megabytes / runSeconds : 0 }
  var memoryMegabytesPerSecond: Double { memoryRunSeconds > 0 ? megabytes / memoryRunSeconds : 0 }
  var tokensPerSecond: Double { runSeconds > 0 ? Double(tokens) / runSeconds : 0 }
  var peakRSSMegabytes: Double { Double(peakRSSBytes) / 1e6 }
}
