import Foundation
import Normalization

/// What a partial run (`quipu run --shard K/N` or `--files LIST`) writes beside its output, as
/// `manifest.json`, so that `quipu merge` can tell a complete, compatible set of shards from a
/// missing, unfinished or mismatched one.
///
/// ```json
/// {
///   "format": 2,
///   "quipu": "0.1.0",
///   "rules": "fnv1a64:8e3f0b6d2a91c574",
///   "explain": false,
///   "output": "jsonl",
///   "onInvalid": "error",
///   "include": null,
///   "exclude": [],
///   "shard": {"count":3,"index":2},
///   "input": {"documents":1236,"hash":"fnv1a64:0c1d5e9a77b2f410"},
///   "documents": 412,
///   "failures": [],
///   "files": 413,
///   "checksum": "fnv1a64:59d2b0e1c4a7f3e8"
/// }
/// ```
///
/// It is written last, after every other file, and removed first when a run starts, so a
/// shard folder without one is a run that did not finish.
public struct ShardManifest: Codable, Hashable, Sendable {
  public static let fileName = "manifest.json"
  public static let currentFormat = 2

  /// The manifest's own format version.
  public var format = Self.currentFormat
  /// The Quipu version that wrote the output (``QuipuVersion/current``).
  public var quipu = QuipuVersion.current
  /// ``PartialRun/rulesFingerprint``: the digest of everything the rules were compiled from.
  public var rules: String
  /// Whether mention lines carry `why` (`--explain`).
  public var explain: Bool
  /// `--format`: what was written per document.
  public var output: String
  /// `--on-invalid`: `error` or `replace`.
  public var onInvalid: String
  /// `--include` globs, or nil for the default list of text extensions.
  public var include: [String]?
  /// `--exclude` globs.
  public var exclude: [String]
  /// Which shard this is; absent for a `--files` run without `--shard` (a "part": its list
  /// is the whole of its input).
  public var shard: Shard?
  /// The document list the shard was cut from: every shard of one corpus must agree on it.
  public var input: Input
  /// How many documents this run processed, failed ones included.
  public var documents: Int
  /// The messages of the documents that failed (`path: error: …`), sorted.
  public var failures: [String]
  /// How many files ``checksum`` covers: `entities.jsonl` and one per document written.
  public var files: Int
  /// ``OutputFiles/checksum(of:)`` of the output folder.
  public var checksum: String

  public struct Input: Codable, Hashable, Sendable {
    public var documents: Int
    /// ``StableHash`` of the sorted relative paths.
    public var hash: String

    public init(documents paths: [String]) {
      var hash = StableHash()
      hash.combine(paths.count)
      for path in paths { hash.combine(lengthPrefixed: path) }
      self.documents = paths.count
      self.hash = hash.labeledHex
    }
  }

  /// The options that change output, as `quipu run` spells them, for messages and for
  /// `quipu merge` to compare.
  public var options: String {
    var words = ["--format \(output)", "--on-invalid \(onInvalid)", explain ? "--explain" : "no --explain"]
    words += include.map { $0.map { "--include '\($0)'" } } ?? ["no --include"]
    words += exclude.map { "--exclude '\($0)'" }
    return words.joined(separator: " ")
  }

  /// `shard 2/3` or `part`, for messages.
  public var role: String { shard.map { "shard \($0)" } ?? "part" }

  /// Writes `manifest.json`: one key per line, in the order of this type's fields.
  public func write(into folder: OutputFolder) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    func field(_ key: String, _ value: some Encodable) throws -> String {
      "  \"\(key)\": " + String(decoding: try encoder.encode(value), as: UTF8.self)
    }
    var fields = [
      try field("format", format), try field("quipu", quipu), try field("rules", rules), try field("explain", explain),
      try field("output", output), try field("onInvalid", onInvalid), try field("include", include),
      try field("exclude", exclude),
    ]
    if let shard { fields.append(try field("shard", shard)) }
    fields += [
      try field("input", input), try field("documents", documents), try field("failures", failures),
      try field("files", files), try field("checksum", checksum),
    ]
    try folder.write(Array(("{\n" + fields.joined(separator: ",\n") + "\n}\n").utf8), to: Self.url(in: folder))
  }

  /// The manifest of a folder, or nil when it has none.
  public static func read(from folder: OutputFolder) throws -> ShardManifest? {
    let url = url(in: folder)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let manifest = try JSONDecoder().decode(ShardManifest.self, from: Data(contentsOf: url))
    guard manifest.format == Self.currentFormat else {
      throw ShardError("manifest format \(manifest.format) is not \(Self.currentFormat): it was written by another Quipu")
    }
    return manifest
  }

  public static func url(in folder: OutputFolder) -> URL {
    folder.root.appendingPathComponent(fileName)
  }
}

/// The files Quipu owns in an output folder, and their checksum.
public enum OutputFiles {
  /// `entities.jsonl` (when present) and every `docs/**/*.jsonl`, as paths relative to the
  /// folder, sorted by UTF-8 bytes. Anything else (a manifest, a log a scheduler wrote there)
  /// is not output.
  public static func list(in folder: OutputFolder) -> [String] {
    var files: [String] = []
    let manager = FileManager.default
    if manager.fileExists(atPath: folder.entitiesFile.path) { files.append("entities.jsonl") }
    let documents = folder.documentsFolder.path
    if let walker = manager.enumerator(atPath: documents) {
      for case let relative as String in walker where relative.hasSuffix(".jsonl") {
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: documents + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
          files.append("docs/" + relative)
        }
      }
    }
    return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// A ``StableHash`` of `files` (paths relative to `folder`, in the given order): the file
  /// count, then each path, its length and its bytes.
  ///
  /// - Complexity: reads every file once.
  public static func checksum(of files: [String], in folder: OutputFolder) throws -> String {
    var hash = StableHash()
    hash.combine(files.count)
    for file in files {
      let data = try Data(contentsOf: folder.root.appendingPathComponent(file))
      hash.combine(lengthPrefixed: file)
      hash.combine(data.count)
      hash.combine(bytes: data)
    }
    return hash.labeledHex
  }
}
