import ArgumentParser
import CICU
import Foundation
import Normalization
import Output
import Pipeline
import Recognition
import Resolution
import Rules

/// `quipu-bench measure`: measures one configuration and prints one JSON object.
///
/// `run` starts one such child process per configuration, so that each peak RSS is that
/// configuration's own (a process's peak only grows).
struct Measure: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure one configuration and print it as JSON (run by `quipu-bench run`).",
    shouldDisplay: false)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    /// An end-to-end batch run: rules from the compiled-rules cache (`--cache`, written by a
    /// `compile` measurement) or else from YAML, then `BatchRunner` over the corpus folder.
    case quipu
    /// Rules from YAML: parse, compile, and write the compiled-rules cache (`--cache`).
    case compile
    /// ICU word segmentation alone, over text already decoded to UTF-16 in memory.
    case icuWords = "icu-words"
    /// Quipu's Normalizer (decode, sentence and word breaks, keys), in memory.
    case normalizer
    /// Each stage timed separately, one thread, documents in memory, no file I/O.
    case stages
    /// Many small documents sharing entities (`--corpus` from ``SharedCorpus``): a full run into
    /// an empty folder, then an unchanged re-run into the same folder (issue 16).
    case shared
  }

  @Option(help: "What to measure.") var kind: Kind = .quipu
  @Option(help: "Rules folder (quipu, compile, stages).") var rules: String?
  @Option(help: "Compiled-rules cache folder: written by compile, read by quipu.") var cache: String?
  @Option(help: "Name of the rules in the report.") var label = ""
  @Option(help: "Corpus folder.") var corpus: String
  @Option(help: "Worker threads (quipu).") var jobs = 1
  @Option(name: .customLong("repeat"), help: "Timed runs; the fastest is reported.") var repetitions = 1
  @Option(help: "Scratch output folder (quipu).") var scratch: String?
  @Option(help: "A second scratch output folder, in memory (tmpfs), timed the same way (quipu).")
  var memoryScratch: String?
  @Flag(help: "After the timed runs, time unchanged re-runs into the disk scratch folder (quipu; issue 16).")
  var rerun = false

  func run() throws {
    var m = Measurement(kind: kind.rawValue, rules: label, jobs: jobs, corpusBytes: 0, documents: 0)
    m.loadBefore = loadAverage()
    switch kind {
    case .quipu: try measureBatch(&m)
    case .compile: try measureCompile(&m)
    case .icuWords: try measureICU(&m)
    case .normalizer: try measureNormalizer(&m)
    case .stages: try measureStages(&m)
    case .shared: try measureShared(&m)
    }
    m.peakRSSBytes = peakResidentBytes()
    m.loadAfter = loadAverage()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(m), as: UTF8.self))
  }

  // MARK: Rules

  /// The build name under which the benchmark caches compiled rules.
  static let cacheBuild = "quipu-bench \(quipuBuild)"

  private func measureCompile(_ m: inout Measurement) throws {
    guard let rules, let cache else { throw ValidationError("--rules and --cache are required") }
    let ruleSet = try compile(&m, rules: rules)
    let start = ContinuousClock.now
    m.cacheBytes = try RuleCache.store(
      ruleSet, directory: rules, build: Self.cacheBuild, folder: URL(fileURLWithPath: cache))
    m.cacheWriteSeconds = seconds(since: start)
    m.aliases = ruleSet.aliases.count
    m.entities = ruleSet.entities.count
    m.ruleWarnings = ruleSet.warnings.count
  }

  private func compileRules(_ m: inout Measurement) throws -> BatchRunner {
    guard let rules else { throw ValidationError("--rules is required") }
    let ruleSet: RuleSet
    if let cache {
      let start = ContinuousClock.now
      switch RuleCache.cached(directory: rules, build: Self.cacheBuild, folder: URL(fileURLWithPath: cache)) {
      case .success(let cached): ruleSet = cached
      case .failure(let miss): throw WorkspaceError(description: "\(rules): compiled-rules cache: \(miss.message)")
      }
      m.cacheLoadSeconds = seconds(since: start)
    } else {
      ruleSet = try compile(&m, rules: rules)
    }
    let trieStart = ContinuousClock.now
    let runner = BatchRunner(rules: ruleSet)
    m.trieSeconds = seconds(since: trieStart)
    m.aliases = ruleSet.aliases.count
    m.entities = ruleSet.entities.count
    m.ruleWarnings = ruleSet.warnings.count
    m.rulesRSSBytes = peakResidentBytes()
    return runner
  }

  private func compile(_ m: inout Measurement, rules: String) throws -> RuleSet {
    let start = ContinuousClock.now
    let source = RuleLoader.load(directory: rules)
    m.parseSeconds = seconds(since: start)
    m.parsePeakRSSBytes = peakResidentBytes()
    let compileStart = ContinuousClock.now
    let ruleSet: RuleSet
    do {
      ruleSet = try RuleSet.compile(source)
    } catch {
      for d in error.diagnostics.prefix(20) { note(d.description) }
      throw WorkspaceError(description: "\(rules): \(error.errorCount) error(s) in the rules")
    }
    m.compileSeconds = seconds(since: compileStart)
    m.compilePeakRSSBytes = peakResidentBytes()
    return ruleSet
  }

  // MARK: Kinds

  private func measureBatch(_ m: inout Measurement) throws {
    guard let scratch else { throw ValidationError("--scratch is required") }
    let runner = try compileRules(&m)
    // Disk and memory runs alternate, so that neither gets a quieter moment of the machine.
    for _ in 0..<max(1, repetitions) {
      let cpu = processCPUSeconds()
      let summary = try batch(runner, into: scratch)
      m.allRunSeconds.append(summary.seconds)
      if summary.seconds <= m.allRunSeconds.min()! { m.runCPUSeconds = processCPUSeconds() - cpu }
      m.documents = summary.documents
      m.failedDocuments = summary.failures.count
      m.corpusBytes = summary.bytes
      m.tokens = summary.tokens
      m.mentions = summary.mentions
      if let memoryScratch {
        let cpu = processCPUSeconds()
        m.allMemoryRunSeconds.append(try batch(runner, into: memoryScratch).seconds)
        if m.allMemoryRunSeconds.last! <= m.allMemoryRunSeconds.min()! { m.memoryRunCPUSeconds = processCPUSeconds() - cpu }
      }
    }
    m.runSeconds = m.allRunSeconds.min() ?? 0
    m.memoryRunSeconds = m.allMemoryRunSeconds.min() ?? 0
    m.outputDigest = folderDigest(URL(fileURLWithPath: scratch))
    if rerun {
      // The folder holds the last full run's output and run state: nothing changed since.
      for _ in 0..<max(1, repetitions) { try unchangedRerun(runner, into: scratch, &m) }
      m.rerunSeconds = m.allRerunSeconds.min() ?? 0
      m.rerunOutputDigest = folderDigest(URL(fileURLWithPath: scratch))
    }
    try? FileManager.default.removeItem(atPath: scratch)
    if let memoryScratch {
      m.memoryOutputDigest = folderDigest(URL(fileURLWithPath: memoryScratch))
      try? FileManager.default.removeItem(atPath: memoryScratch)
    }
  }

  /// One timed batch run into an empty output folder.
  private func batch(_ runner: BatchRunner, into output: String) throws -> BatchSummary {
    try? FileManager.default.removeItem(atPath: output)
    do {
      return try runner.run(input: corpus, output: output, jobs: jobs)
    } catch {
      throw WorkspaceError(description: error.description)
    }
  }

  /// The corpus, read into memory (not timed).
  private func loadCorpus(_ m: inout Measurement) -> [(String, [UInt8])] {
    let root = URL(fileURLWithPath: corpus)
    let documents = regularFiles(under: root).map { relative in
      (relative, [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) ?? Data()))
    }
    m.documents = documents.count
    m.corpusBytes = documents.reduce(0) { $0 + $1.1.count }
    return documents
  }

  private func measureICU(_ m: inout Measurement) throws {
    let texts = loadCorpus(&m).compactMap { try? TextDecoder.decode($0.1).utf16 }
    var status: Int32 = 0
    guard let breaker = quipu_breaker_open(Int32(QUIPU_BREAK_WORD), "", &status), quipu_icu_failed(status) == 0 else {
      throw WorkspaceError(description: "cannot open an ICU word break iterator")
    }
    defer { quipu_breaker_close(breaker) }
    for _ in 0..<max(1, repetitions) {
      var words = 0
      let cpu = processCPUSeconds()
      let start = ContinuousClock.now
      for text in texts {
        text.withUnsafeBufferPointer { buf in
          guard let base = buf.baseAddress, !buf.isEmpty else { return }
          _ = quipu_breaker_set_text(breaker, base, Int32(buf.count))
          while quipu_breaker_next(breaker) >= 0 {
            if quipu_breaker_rule_status(breaker) >= 100 { words += 1 }
          }
        }
      }
      m.allRunSeconds.append(seconds(since: start))
      if m.allRunSeconds.last! <= m.allRunSeconds.min()! { m.runCPUSeconds = processCPUSeconds() - cpu }
      m.tokens = words
    }
    m.runSeconds = m.allRunSeconds.min() ?? 0
  }

  private func measureNormalizer(_ m: inout Measurement) throws {
    let documents = loadCorpus(&m)
    for _ in 0..<max(1, repetitions) {
      let normalizer = try Normalizer()  // a fresh form cache each time, as in a run
      var tokens = 0
      let cpu = processCPUSeconds()
      let start = ContinuousClock.now
      for (path, bytes) in documents {
        if let document = try? normalizer.document(path: path, bytes: bytes) { tokens += document.tokens.count }
      }
      m.allRunSeconds.append(seconds(since: start))
      if m.allRunSeconds.last! <= m.allRunSeconds.min()! { m.runCPUSeconds = processCPUSeconds() - cpu }
      m.tokens = tokens
      m.distinctForms = normalizer.cachedFormCount
    }
    m.runSeconds = m.allRunSeconds.min() ?? 0
  }

  private func measureStages(_ m: inout Measurement) throws {
    let runner = try compileRules(&m)
    let documents = loadCorpus(&m)
    var best: [String: Double] = [:]
    for _ in 0..<max(1, repetitions) {
      let normalizer = try Normalizer()
      let (rules, gazetteer) = try runner.source.get()
      let recognizer = Recognizer(rules: rules, gazetteer: gazetteer)
      let resolver = Resolver(rules: rules)
      var t: [String: Double] = ["decode": 0, "normalize": 0, "recognize": 0, "resolve": 0, "render": 0]
      var tokens = 0, mentions = 0, rendered = 0
      let cpu = processCPUSeconds()
      let start = ContinuousClock.now
      for (path, bytes) in documents {
        guard let (decoded, a) = try? timed({ try TextDecoder.decode(bytes) }) else { continue }
        let (document, b) = timed { normalizer.document(path: path, utf16: decoded.utf16) }
        let (found, c) = timed { recognizer.mentions(in: document, lexicon: normalizer.lexicon) }
        let (resolved, d) = timed { resolver.resolve(found, in: document, lexicon: normalizer.lexicon) }
        let (lines, e) = timed { MentionLines.render(resolved, of: document) }
        t["decode"]! += a
        t["normalize"]! += b
        t["recognize"]! += c
        t["resolve"]! += d
        t["render"]! += e
        tokens += document.tokens.count
        mentions += resolved.count
        rendered += lines.count
      }
      let total = seconds(since: start)
      m.allRunSeconds.append(total)
      if total <= (m.allRunSeconds.min() ?? total) {
        best = t
        m.runCPUSeconds = processCPUSeconds() - cpu
      }
      m.tokens = tokens
      m.mentions = mentions
      m.distinctForms = normalizer.cachedFormCount
    }
    m.runSeconds = m.allRunSeconds.min() ?? 0
    m.stages = best
  }

  /// A full run, then an unchanged re-run of the same folder; the fastest of each.
  private func measureShared(_ m: inout Measurement) throws {
    guard let scratch else { throw ValidationError("--scratch is required") }
    let runner = try compileRules(&m)
    for _ in 0..<max(1, repetitions) {
      let cpu = processCPUSeconds()
      let summary = try batch(runner, into: scratch)
      m.allRunSeconds.append(summary.seconds)
      if summary.seconds <= m.allRunSeconds.min()! { m.runCPUSeconds = processCPUSeconds() - cpu }
      m.documents = summary.documents
      m.failedDocuments = summary.failures.count
      m.corpusBytes = summary.bytes
      m.tokens = summary.tokens
      m.mentions = summary.mentions
      let full = folderDigest(URL(fileURLWithPath: scratch))
      try unchangedRerun(runner, into: scratch, &m)
      m.outputDigest = full
      m.rerunOutputDigest = folderDigest(URL(fileURLWithPath: scratch))
    }
    m.runSeconds = m.allRunSeconds.min() ?? 0
    m.rerunSeconds = m.allRerunSeconds.min() ?? 0
    try? FileManager.default.removeItem(atPath: scratch)
  }

  /// One timed re-run into a folder that a full run of the same corpus and rules filled.
  private func unchangedRerun(_ runner: BatchRunner, into output: String, _ m: inout Measurement) throws {
    let cpu = processCPUSeconds()
    let rerun: BatchSummary
    do {
      rerun = try runner.run(input: corpus, output: output, jobs: jobs)
    } catch {
      throw WorkspaceError(description: error.description)
    }
    m.allRerunSeconds.append(rerun.seconds)
    if rerun.seconds <= m.allRerunSeconds.min()! { m.rerunCPUSeconds = processCPUSeconds() - cpu }
    m.rerunReused = rerun.reused
  }
}
