import ArgumentParser
import Foundation
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
      A document that cannot be read is reported with its byte offset and skipped; the others
      are still processed, and the exit status is 1.
      """)

  @Argument(help: "Folder of text documents.")
  var folder: String

  @Option(help: "Folder of rule files (*.yaml).")
  var rules = "rules"

  @Option(
    name: .customLong("skip-pack"),
    help: "Leave out a pack of rules: a file's 'pack:' name, or its path in the rules folder without extension (repeatable).")
  var skippedPacks: [String] = []

  @Option(help: "Output folder.")
  var out = "out"

  @Option(help: "Worker threads (default: one per core). Output is the same for any value.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Add a 'why' key to every mention line: which rule and which context chose its entity.")
  var explain = false

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  @OptionGroup(title: "Partial runs (for clusters; see 'quipu merge')")
  var selection: DocumentSelection

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("'\(folder)' is not a folder")
    }
  }

  func run() throws {
    let ruleSet = try loadRules(rules, skippingPacks: skippedPacks)
    if selection.isActive { return try runPartial(ruleSet) }
    let summary: BatchSummary
    do {
      summary = try BatchRunner(rules: ruleSet).run(input: folder, output: out, jobs: jobs, explain: explain)
    } catch {
      report(error.description)
      throw ExitCode.usageOrRules
    }
    for failure in summary.failures { report(failure.description) }
    if !quiet { report(summary.line) }
    if !summary.failures.isEmpty { throw ExitCode.documentsFailed }
  }
}
