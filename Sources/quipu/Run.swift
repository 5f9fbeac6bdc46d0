import ArgumentParser
import Foundation
import Output
import Pipeline

/// `quipu run <folder>`: extract entities from every document and write `out/`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Extract entities from every document in a folder.",
    discussion: """
      Reads every regular file under FOLDER (hidden files skipped; UTF-8 with or without a BOM,
      or UTF-16 with a BOM) and writes, into the output folder:
        docs/<path>.jsonl   one JSON line per mention, ordered by offset
        entities.jsonl      one JSON line per canonical entity, sorted by id
      --format replaces the per-document files (entities.jsonl stays):
        conll   docs/<path>.conll: token<TAB>BIO label, sentences apart
        brat    docs/<path>.ann + .txt (brat standoff), docs/annotation.conf
        spans   spans.jsonl: one {"text", "spans", "meta"} line per document
      A document that cannot be read is reported with its byte offset and skipped; the others
      are still processed, and the exit status is 1.
      """)

  @Argument(help: "Folder of text documents.")
  var folder: String

  @Option(help: "Folder of rule files (*.yaml).")
  var rules = "rules"

  @Option(help: "Output folder.")
  var out = "out"

  @Option(help: "What to write per document: jsonl, conll, brat or spans.")
  var format: OutputFormat = .jsonl

  @Option(help: "Worker threads (default: one per core). Output is the same for any value.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("'\(folder)' is not a folder")
    }
  }

  func run() throws {
    let ruleSet = try loadRules(rules)
    let summary: BatchSummary
    do {
      summary = try BatchRunner(rules: ruleSet, format: format).run(input: folder, output: out, jobs: jobs)
    } catch {
      report(error.description)
      throw ExitCode.usageOrRules
    }
    for failure in summary.failures { report(failure.description) }
    if !quiet { report(summary.line) }
    if !summary.failures.isEmpty { throw ExitCode.documentsFailed }
  }
}

extension OutputFormat: ExpressibleByArgument {}
