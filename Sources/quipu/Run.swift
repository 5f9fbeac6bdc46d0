import ArgumentParser
import Foundation
import Output
import Pipeline
import Presentation
import Rules

/// `quipu run <folder>`: extract entities from every document and write `out/`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Extract entities from every document in a folder.",
    discussion: """
      Reads the text files under FOLDER (hidden files skipped; by default files without an \
      extension and .txt .text .md .markdown .rst .html .htm .xhtml .xml .json .jsonl .ndjson .csv \
      .tsv .srt .vtt .eml .tex .log; UTF-8 with or without a BOM, or UTF-16 with a BOM) and \
      writes, into the output folder:
        docs/<path>.jsonl   one JSON line per mention, ordered by offset
        entities.jsonl      one JSON line per canonical entity, sorted by id
      and, beside it, .<out>.quipu/ with the run state for incremental runs and the lock.
      Runs are incremental: unchanged documents keep their output unless the rules changed.
      --format replaces the per-document files (entities.jsonl stays):
        conll   docs/<path>.conll: token<TAB>BIO label, sentences apart
        brat    docs/<path>.ann + .txt (brat standoff), docs/annotation.conf
        spans   spans.jsonl: one {"text", "spans", "meta"} line per document
      A document that cannot be read is reported with its byte offset and skipped; the others \
      are still processed, and the exit status is 1. So is a folder that cannot be listed or a \
      file name that is not UTF-8; what could not be read keeps its previous output. An output \
      folder that is, contains or lies inside FOLDER is refused (exit status 2); one that cannot \
      be written (or is locked by another run) stops the run with exit status 3. So does a full \
      disk: each file that could not be written is named, the summary printed, and the output \
      left as one run wrote it, the previous run if entities.jsonl could not be written. Ctrl-C \
      stops after the documents in progress, leaving the output consistent (exit status 130).
      """)

  @Argument(help: "Folder of text documents.")
  var folder: String

  @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

  @Flag(
    name: .customLong("no-rules-cache"),
    help: "Compile the rules even if the compiled-rules cache ($QUIPU_CACHE_DIR, else ~/.cache/quipu) holds them.")
  var noRulesCache = false

  @Option(help: "Output folder.")
  var out = "out"

  @Option(help: "What to write per document: jsonl, conll, brat or spans.")
  var format: OutputFormat = .jsonl

  @Option(help: "Worker threads (default: one per core). Output is the same for any value.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Add a 'why' key to every mention line: which rule and which context chose its entity.")
  var explain = false

  @Option(help: "Read only documents matching this glob (repeatable; replaces the default list of text extensions).")
  var include: [String] = []

  @Option(help: "Leave out documents matching this glob (repeatable). '*.log' matches names, 'drafts/*' paths.")
  var exclude: [String] = []

  @Option(name: .customLong("on-invalid"), help: "What to do with invalid UTF-8: 'error' skips the document, 'replace' reads it with U+FFFD.")
  var onInvalid: InvalidText = .error

  @Flag(help: "Redo every document, ignoring the output of the previous run.")
  var full = false

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  @OptionGroup(title: "Partial runs (for clusters; see 'quipu merge')")
  var selection: DocumentSelection

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw ValidationError("'\(TerminalText.escaped(folder))': no such folder")
    }
    guard isDirectory.boolValue else { throw ValidationError("'\(TerminalText.escaped(folder))' is a file, not a folder of documents") }
  }

  /// Every option of the command line, for whole and partial runs alike.
  var batchOptions: BatchOptions {
    var options = BatchOptions()
    options.jobs = jobs
    options.explain = explain
    options.include = include.isEmpty ? nil : include
    options.exclude = exclude
    options.replaceInvalid = onInvalid == .replace
    options.incremental = !full
    options.showProgress = !quiet && isatty(STDERR_FILENO) == 1
    return options
  }

  enum InvalidText: String, ExpressibleByArgument, CaseIterable {
    case error, replace
  }

  func run() throws {
    ResidentMemory.returnLargeBlocks()
    if selection.isActive {
      let ruleSet = try ruleOptions.load(cached: !noRulesCache)
      KeptUntilExit.keep(ruleSet)
      return try runPartial(ruleSet)
    }
    let source = try ruleSource()
    KeptUntilExit.keep(source)
    let options = batchOptions
    let summary: BatchSummary
    do {
      let runner = BatchRunner(source: source, format: format)
      KeptUntilExit.keep(runner)
      summary = try runner.run(input: folder, output: out, options: options)
    } catch {
      error.report(quiet: quiet)
      throw error.exitCode
    }
    for failure in summary.failures { report(failure.description) }
    if !quiet { report(summary.line) }
    if summary.exitCode != .success { throw summary.exitCode }
  }
}

extension OutputFormat: ExpressibleByArgument {}

extension Run {
  /// The rules of a whole run. When the compiled-rules cache holds them unchanged, only their
  /// digest is read now, and the rules themselves when a document first needs them: an
  /// unchanged re-run never does (their warnings are then reported by the run that reads
  /// them). Otherwise they are loaded (and compiled, and cached) now.
  func ruleSource() throws -> RunRules {
    let options = ruleOptions
    if !noRulesCache, let folder = RuleCache.defaultFolder,
      let digest = RuleCache.cachedDigest(
        directory: options.rules, skippingPacks: Set(options.skippedPacks), build: quipuBuild, folder: folder)
    {
      let parallel = jobs > 1
      return RunRules(digest: digest, parallel: parallel) { try options.load(cached: true, parallel: parallel) }
    }
    return RunRules(try options.load(cached: !noRulesCache, parallel: jobs > 1))
  }
}

/// What a command keeps until the process exits instead of freeing it: a compiled rule set is
/// hundreds of thousands of small arrays, and releasing them one by one took a tenth of a
/// small run, for memory the system takes back at exit anyway.
enum KeptUntilExit {
  nonisolated(unsafe) private static var kept: [Any] = []

  static func keep(_ value: Any) { kept.append(value) }
}
