import ArgumentParser
import Foundation
import Pipeline
import Rules

/// `quipu run` options that process part of a corpus: a shard, or the documents of a list.
struct DocumentSelection: ParsableArguments {
  @Option(
    name: .customLong("files"),
    help: ArgumentHelp(
      "Process only the documents listed in this file ('-' for standard input), one path per line, "
        + "relative to FOLDER (absolute paths must lie inside it). Writes a manifest.json, like --shard.",
      valueName: "list"))
  var list: String?

  @Option(
    help: ArgumentHelp(
      "Process only shard K of N (1-based), or 'auto' to take it from the cluster scheduler "
        + "(JOB_COMPLETION_INDEX with --shards N, or SLURM_ARRAY_TASK_ID). Writes a manifest.json for 'quipu merge'.",
      valueName: "K/N|auto"))
  var shard: String?

  @Option(help: ArgumentHelp("The number of shards, with --shard auto.", valueName: "N"))
  var shards: Int?

  /// Whether the run is partial (and writes a manifest).
  var isActive: Bool { list != nil || shard != nil }

  func validate() throws {
    if let shards {
      guard shard == "auto" else { throw ValidationError("--shards N goes with --shard auto (or write --shard K/N)") }
      guard shards >= 1 else { throw ValidationError("--shards must be at least 1") }
    }
    if let shard, shard != "auto" {
      do {
        _ = try Shard(parsing: shard)
      } catch {
        throw ValidationError("--shard: \(error)")
      }
    }
  }

  /// The shard to process, resolved from the environment for `auto`.
  func resolvedShard() throws(ShardError) -> Shard? {
    guard let shard else { return nil }
    if shard == "auto" { return try Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shards) }
    return try Shard(parsing: shard)
  }

  /// The listed documents, relative to `folder`.
  func documents(in folder: String) throws -> [String]? {
    guard let list else { return nil }
    let bytes: Data
    do {
      bytes = try list == "-" ? FileHandle.standardInput.readToEnd() ?? Data() : Data(contentsOf: URL(fileURLWithPath: list))
    } catch {
      throw ValidationError("--files: cannot read '\(list)' (\(error.localizedDescription))")
    }
    let name = list == "-" ? "standard input" : list
    let documents: [String]
    do {
      documents = try FileList.documents(from: [UInt8](bytes), folder: folder)
    } catch {
      throw ValidationError("--files: \(name), \(error) (paths are relative to FOLDER '\(folder)')")
    }
    // `find corpus -type f | quipu run corpus --files -` lists corpus/a.txt, which would name
    // corpus/corpus/a.txt: say so rather than fail every document.
    let manager = FileManager.default
    if let first = documents.first, !manager.fileExists(atPath: folder + "/" + first), manager.fileExists(atPath: first) {
      throw ValidationError(
        "--files: \(name) lists '\(first)', but paths are relative to FOLDER '\(folder)': list them from inside it "
          + "(cd \(folder) && find . -type f), with find -printf '%P\\n', or as absolute paths")
    }
    return documents
  }
}

extension Run {
  /// `quipu run --shard`/`--files`: process part of the corpus and write a manifest.
  func runPartial(_ ruleSet: RuleSet) throws {
    let partial: PartialRun
    do {
      partial = PartialRun(
        input: folder, output: out, list: try selection.documents(in: folder), shard: try selection.resolvedShard())
    } catch let error as ValidationError {
      report("quipu: error: \(error.message)")
      throw ExitCode.usageOrRules
    } catch {
      report("quipu: error: \(error)")
      throw ExitCode.usageOrRules
    }
    let summary: BatchSummary
    do {
      summary = try partial.run(with: BatchRunner(rules: ruleSet, format: format), options: batchOptions)
    } catch {
      error.report(quiet: quiet, shard: partial.shard.map { ", shard \($0)" } ?? "")
      throw error.exitCode
    }
    for failure in summary.failures { report(failure.description) }
    if !quiet { report(summary.line + (partial.shard.map { ", shard \($0)" } ?? "")) }
    if summary.exitCode != .success { throw summary.exitCode }
  }
}
