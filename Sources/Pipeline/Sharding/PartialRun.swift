import Foundation
import Normalization

/// A run over part of a corpus, one task of a cluster job: the documents of one shard, or of
/// a list (`--files`), or both. Its output folder has the layout of `out/` plus a
/// ``ShardManifest``, and `quipu merge` combines such folders into the `out/` that one run over
/// the whole corpus writes.
public struct PartialRun: Sendable {
  /// The input folder; documents are named relative to it.
  public var input: String
  public var output: String
  /// The documents to consider (`--files`); nil lists `input`.
  public var list: [String]?
  /// Which of them to process; nil processes them all.
  public var shard: Shard?
  /// The identity of the rules the shards must share, written in the manifest; nil takes the
  /// runner's ``RuleSet/digest`` (the rule files, the packs skipped, and the GeoNames tables and
  /// word lists they read), so that `quipu merge` refuses shards compiled from different data.
  public var rulesFingerprint: String?

  public init(
    input: String, output: String, list: [String]? = nil, shard: Shard? = nil, rulesFingerprint: String? = nil
  ) {
    self.input = input
    self.output = output
    self.list = list
    self.shard = shard
    self.rulesFingerprint = rulesFingerprint
  }

  /// Processes the selected documents with `runner` and writes the manifest.
  public func run(with runner: BatchRunner, jobs: Int, explain: Bool = false) throws(BatchError) -> BatchSummary {
    var options = BatchOptions()
    options.jobs = jobs
    options.explain = explain
    return try run(with: runner, options: options)
  }

  /// Processes the selected documents with `runner` and `options` (the same value a whole run
  /// takes: format, include and exclude globs, invalid text, `--full`) and writes the manifest,
  /// which records every option that changes output so that `quipu merge` refuses a mismatch.
  ///
  /// An earlier manifest is removed first, so a shard re-run that dies midway leaves a folder
  /// that `quipu merge` refuses rather than a stale, valid-looking one.
  public func run(with runner: BatchRunner, options: BatchOptions) throws(BatchError) -> BatchSummary {
    if let problem = OutputFolder.overlap(input: input, output: output) {
      throw BatchError(.error(problem), kind: .usage)
    }
    let folder = OutputFolder(URL(fileURLWithPath: output))
    let all: [String]
    do {
      // A folder is read as a whole run reads it (the include and exclude globs); a given
      // list as it is, less what the globs leave out when they are given.
      if let list {
        let filter = InputFilter(include: options.include, exclude: options.exclude)
        all = options.include == nil && options.exclude.isEmpty ? list : list.filter(filter.accepts)
      } else {
        all = try InputCatalog.documents(in: URL(fileURLWithPath: input), excluding: folder.root)
          .filter(InputFilter(include: options.include, exclude: options.exclude).accepts)
      }
    } catch {
      throw BatchError(.error(file: input, "cannot list the input folder (\(error.localizedDescription))"))
    }
    let selected = shard.map { shard in all.filter(shard.contains) } ?? all
    let manifestURL = ShardManifest.url(in: folder)
    if FileManager.default.fileExists(atPath: manifestURL.path) {
      do {
        try FileManager.default.removeItem(at: manifestURL)
      } catch {
        throw BatchError(
          .error(file: manifestURL.path, "cannot remove the old manifest (\(error.localizedDescription))"))
      }
    }

    let summary = try runner.run(input: input, output: output, options: options, documents: selected)
    // An interrupted shard is unfinished: without a manifest, `quipu merge` says to re-run it.
    if summary.interrupted { return summary }

    do {
      let files = OutputFiles.list(in: folder)
      let manifest = ShardManifest(
        rules: rulesFingerprint ?? runner.source.digest.labeledHex, explain: options.explain,
        output: runner.format.rawValue,
        onInvalid: options.replaceInvalid ? "replace" : "error", include: options.include, exclude: options.exclude,
        shard: shard, input: ShardManifest.Input(documents: all),
        documents: selected.count, failures: summary.failures.map(\.description), files: files.count,
        checksum: try OutputFiles.checksum(of: files, in: folder))
      try manifest.write(into: folder)
    } catch {
      throw BatchError(.error(file: manifestURL.path, "cannot write the manifest (\(error.localizedDescription))"))
    }
    return summary
  }
}
