import Foundation
import Normalization
import Output
import Synchronization

/// Why shard folders cannot be merged: every problem found, each naming the folder to fix.
public struct MergeError: Error, Hashable, Sendable, CustomStringConvertible {
  public var problems: [Diagnostic]
  /// The shards were fine but the merged output could not be written (an I/O failure).
  public var isWriteFailure = false
  public var description: String { problems.map(\.description).joined(separator: "\n") }

  public init(problems: [Diagnostic], isWriteFailure: Bool = false) {
    self.problems = problems
    self.isWriteFailure = isWriteFailure
  }
}

/// What a merge did.
public struct MergeSummary: Sendable {
  public var shards: Int
  public var documents: Int
  /// The failed documents' messages, as the shards reported them.
  public var failures: [String]
  public var mentions: Int
  public var entities: Int
  public var seconds: Double

  /// `quipu merge: 3 shards, 120 documents (0 failed), 5012 mentions, 311 entities, 0.21 s`
  public var line: String {
    "quipu merge: \(shards) shards, \(documents) documents (\(failures.count) failed), \(mentions) mentions, "
      + "\(entities) entities, " + String(format: "%.2f s", seconds)
  }
}

/// Combines the output folders of partial runs (``PartialRun``) into the `out/` that one run
/// over the whole corpus writes, byte for byte.
///
/// Per-document files are copied as they are: a document's output depends only on it and the
/// rules. `entities.jsonl` is recomputed by merging the shards' own entity tables
/// (``EntityTable/parse(_:)``): their fields are sums, unions and choices by byte order, so the
/// merge is the table of the whole corpus, attributes captured by patterns included (these are
/// in no per-document line, which is why the tables are merged rather than rebuilt from them).
///
/// Everything is checked before anything is written, so a refused merge leaves `out/` as it was:
/// - every folder has a manifest (a run that did not finish has none), and its files match its
///   checksum (none missing, truncated, added or changed since);
/// - all were made by the same Quipu version, from the same rules, with the same options that change output (`--format jsonl`, `--explain`,
///   `--on-invalid`, `--include`, `--exclude`);
/// - shards: all cut `K/N` with the same N from the same document list, each K exactly once;
///   parts (`--files` runs without `--shard`): no document in two of them.
public enum ShardMerger {
  /// One input folder and what it holds.
  struct Source {
    var path: String
    var folder: OutputFolder
    var manifest: ShardManifest
    var files: [String]

    /// `shards/2 (shard 2/3)`
    var name: String { "\(path) (\(manifest.role))" }
  }

  public static func merge(_ paths: [String], into output: String) throws(MergeError) -> MergeSummary {
    let started = ContinuousClock.now
    let out = OutputFolder(URL(fileURLWithPath: output))
    let sources = try readManifests(paths, output: out)
    try checkCompatible(sources)
    try checkComplete(sources)
    let table = try readContents(sources)

    do {
      try FileManager.default.createDirectory(at: out.root, withIntermediateDirectories: true)
      // Like a run, a merge records what it writes, and removes only files it or a run recorded:
      // first everything it may leave behind, then, once copied, what it wrote.
      let recorded = RunState.load(out.stateFile)
      var state = RunState(key: "quipu merge")
      state.suffixes = [".jsonl"]
      for source in sources {
        for file in source.files where file.hasPrefix("docs/") {
          let relative = String(file.dropFirst("docs/".count))
          if relative.hasSuffix(".jsonl") {
            state.records[PathKey(String(relative.dropLast(".jsonl".count)))] = RunState.Record(input: "", entities: [])
          } else {
            state.otherFiles.insert(PathKey(relative))
          }
        }
      }
      state.otherFiles.formUnion(recorded.files.filter { !$0.path.hasSuffix(".jsonl") })
      var both = state
      both.otherFiles.formUnion(recorded.files)
      try out.write(both.serialized(), to: out.stateFile)
      var writer = BulkWriter(root: out.root)
      for source in sources {
        for file in source.files where file.hasPrefix("docs/") {
          try writer.write(Data(contentsOf: source.folder.root.appendingPathComponent(file)), to: file)
        }
      }
      out.removeDocumentFiles(recorded.files.subtracting(state.files).map(\.path))
      // Every document's file is on disk before entities.jsonl says the merge is complete.
      writer.finish()
      try out.write(state.serialized(), to: out.stateFile)
      // A merged folder is a whole run's output, which has no manifest.
      let manifest = ShardManifest.url(in: out)
      if FileManager.default.fileExists(atPath: manifest.path) { try FileManager.default.removeItem(at: manifest) }
      try out.write(table.render(), to: out.entitiesFile)
    } catch {
      throw MergeError(
        problems: [.error(file: output, "cannot write the merged output (\(error.localizedDescription))")],
        isWriteFailure: true)
    }

    let elapsed = ContinuousClock.now - started
    return MergeSummary(
      shards: sources.count, documents: sources.reduce(0) { $0 + $1.manifest.documents },
      failures: sources.flatMap(\.manifest.failures).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
      mentions: table.rows.values.reduce(0) { $0 + $1.mentions }, entities: table.rows.count,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }

  /// Reads every folder's manifest and file list.
  static func readManifests(_ paths: [String], output: OutputFolder) throws(MergeError) -> [Source] {
    guard !paths.isEmpty else { throw MergeError(problems: [.error("no shard folders to merge")]) }
    var problems: [Diagnostic] = []
    var sources: [Source] = []
    var seen: [String: String] = [:]
    for path in paths {
      let folder = OutputFolder(URL(fileURLWithPath: path))
      let key = folder.root.resolvingSymlinksInPath().path
      if let first = seen[key] {
        problems.append(.error(file: path, "the same folder as \(first), given twice"))
        continue
      }
      seen[key] = path
      if key == output.root.resolvingSymlinksInPath().path {
        problems.append(.error(file: path, "a shard folder cannot be the merge's output folder"))
        continue
      }
      if OutputFolder.overlap(input: path, output: output.root.path) != nil {
        problems.append(.error(file: path, "a shard folder cannot lie inside the merge's output folder, nor contain it"))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        problems.append(.error(file: path, "no such folder"))
        continue
      }
      do {
        guard let manifest = try ShardManifest.read(from: folder) else {
          problems.append(
            .error(
              file: path,
              "no \(ShardManifest.fileName): not the output of `quipu run --shard`/`--files`, "
                + "or a run that did not finish; re-run it"))
          continue
        }
        sources.append(Source(path: path, folder: folder, manifest: manifest, files: OutputFiles.list(in: folder)))
      } catch {
        problems.append(.error(file: path, "unreadable \(ShardManifest.fileName) (\(error))"))
      }
    }
    if !problems.isEmpty { throw MergeError(problems: problems) }
    return sources
  }

  /// Same Quipu, same rules, same options, and one way of cutting the corpus.
  static func checkCompatible(_ sources: [Source]) throws(MergeError) {
    var problems: [Diagnostic] = []
    let first = sources[0]
    func agree(_ what: String, _ value: (ShardManifest) -> String, hint: String) {
      for source in sources.dropFirst() where value(source.manifest) != value(first.manifest) {
        problems.append(
          .error(
            file: source.path,
            "\(what) differ: \(source.name) has \(value(source.manifest)), "
              + "\(first.name) has \(value(first.manifest)); \(hint)"))
      }
    }
    agree("Quipu versions", \.quipu, hint: "re-run the shards with one version")
    agree("rules", \.rules, hint: "re-run the shards made with the wrong rules (or --skip-pack)")
    agree("options", \.options, hint: "re-run the shards with the same options")
    for source in sources where source.manifest.output != "jsonl" {
      problems.append(
        .error(
          file: source.path,
          "\(source.name) was written with --format \(source.manifest.output); "
            + "merge combines --format jsonl shards only; re-run it with --format jsonl"))
    }
    agree("shard kinds", { $0.shard == nil ? "a --files part" : "a shard" }, hint: "merge shards or parts, not both")
    if first.manifest.shard != nil {
      agree("shard counts", { $0.shard.map { "N = \($0.count)" } ?? "" }, hint: "merge the shards of one run")
      agree(
        "input document lists", { "\($0.input.documents) documents (\($0.input.hash))" },
        hint: "the corpus changed between shard runs; re-run every shard on the same input")
    }
    if !problems.isEmpty { throw MergeError(problems: problems) }
  }

  /// Every shard K/N exactly once, each folder's files as its manifest says.
  static func checkComplete(_ sources: [Source]) throws(MergeError) {
    var problems: [Diagnostic] = []
    if let count = sources[0].manifest.shard?.count {
      var byIndex: [Int: [String]] = [:]
      for source in sources { byIndex[source.manifest.shard?.index ?? 0, default: []].append(source.path) }
      for index in 1...count {
        let holders = byIndex[index] ?? []
        if holders.isEmpty {
          problems.append(
            .error("shard \(index)/\(count) is missing: run `quipu run … --shard \(index)/\(count)` and merge again"))
        } else if holders.count > 1 {
          problems.append(.error("shard \(index)/\(count) is given twice: \(holders.joined(separator: ", "))"))
        }
      }
    }
    let checks = Mutex([Diagnostic?](repeating: nil, count: sources.count))
    DispatchQueue.concurrentPerform(iterations: sources.count) { i in
      let source = sources[i]
      let problem: Diagnostic?
      do {
        let checksum = try OutputFiles.checksum(of: source.files, in: source.folder)
        problem =
          checksum == source.manifest.checksum && source.files.count == source.manifest.files
          ? nil
          : .error(
            file: source.path,
            "\(source.name) is incomplete or changed since its run: its \(source.files.count) "
              + "files do not match its manifest (\(source.manifest.files) files, checksum \(source.manifest.checksum)); "
              + "re-run it")
      } catch {
        problem = .error(file: source.path, "cannot read \(source.name) (\(error.localizedDescription)); re-run it")
      }
      checks.withLock { $0[i] = problem }
    }
    problems += checks.withLock { $0 }.compactMap { $0 }
    if !problems.isEmpty { throw MergeError(problems: problems) }
  }

  /// The merged entity table; checks that no document is in two folders.
  static func readContents(_ sources: [Source]) throws(MergeError) -> EntityTable {
    var problems: [Diagnostic] = []
    var table = EntityTable()
    var owner: [PathKey: String] = [:]
    for source in sources {
      let url = source.folder.entitiesFile
      do {
        table.merge(try EntityTable.parse([UInt8](Data(contentsOf: url))))
      } catch let error as EntityTableParseError {
        problems.append(error.diagnostic(in: source.path + "/entities.jsonl"))
      } catch {
        problems.append(.error(file: source.path, "\(source.name) has no readable entities.jsonl; re-run it"))
      }
      for file in source.files where file.hasPrefix("docs/") {
        let document = String(file.dropFirst("docs/".count).dropLast(".jsonl".count))
        if let first = owner.updateValue(source.path, forKey: PathKey(document)) {
          problems.append(.error("document '\(document)' is in both \(first) and \(source.path)"))
        }
      }
    }
    if !problems.isEmpty { throw MergeError(problems: problems) }
    return table
  }
}
