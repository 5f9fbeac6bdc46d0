import Foundation
import Normalization
import Output

/// The running Quipu: its version and binary (see ``RunState/buildIdentity``), for caches that
/// a rebuilt binary must not reuse.
public var quipuBuild: String { "quipu \(quipuVersion) \(RunState.buildIdentity)" }

/// What the last run wrote, so that the next one redoes only what changed.
///
/// Kept in `.out.quipu/run-state` beside `out/` (a compact binary file, ``RunStateFile``,
/// read and written without a JSON parser): the cache key (Quipu version, rules digest, output
/// settings) and the per-document suffixes, one record per document (its path, a hash of its
/// bytes, the file status it had when hashed, and a summary of what it contributed to each
/// entity of `entities.jsonl`), and the other files Quipu wrote (``otherFiles``). A document
/// whose status, or else whose bytes' hash, is the same under the same key keeps its output
/// file; `entities.jsonl` is rebuilt from the summaries. A state made under another key is not
/// reused (changing the rules redoes everything), but it still says which files under `docs/`
/// Quipu wrote (its documents, each with the header's `suffixes`, and its other files): the
/// only files a later run or merge may remove.
struct RunState {
  struct Record {
    var input: String
    /// What the document contributed to each entity. A record read from the state file keeps
    /// them encoded until they are asked for (an unchanged re-run never asks).
    var entities: [EntityTable.Summary] {
      get { encoded?.decode() ?? decoded }
      set {
        decoded = newValue
        encoded = nil
        mentions = newValue.reduce(0) { $0 + $1.mentions }
      }
    }
    /// The document's mentions: the sum of its entities' `mentions`.
    private(set) var mentions: Int
    private var decoded: [EntityTable.Summary]
    private var encoded: RunStateFile.EncodedEntities?
    /// The size in bytes of the document's output file, when known: a reused document's file
    /// must still have it (files are renamed into place without an `fsync`, so after a power
    /// loss one could be empty; it is then redone).
    var output: Int? = nil
    /// The document's file status when `input` was hashed, when it can be trusted (see
    /// ``FileStamp``): the same status again means the same bytes, without reading them.
    var stamp: FileStamp? = nil

    init(input: String, entities: [EntityTable.Summary], output: Int? = nil, stamp: FileStamp? = nil) {
      self.input = input
      self.decoded = entities
      self.mentions = entities.reduce(0) { $0 + $1.mentions }
      self.output = output
      self.stamp = stamp
    }

    /// A record whose entities are still encoded in the state file's bytes.
    init(input: String, encoded: RunStateFile.EncodedEntities, mentions: Int, output: Int?, stamp: FileStamp?) {
      self.input = input
      self.decoded = []
      self.encoded = encoded
      self.mentions = mentions
      self.output = output
      self.stamp = stamp
    }
  }

  /// What the run that wrote this state wrote to `entities.jsonl`: its file status (size,
  /// modification time, inode) and its number of entities. An unchanged re-run (every record
  /// the same) that finds the file with this status leaves it, and the state, as they are.
  struct EntitiesFile: Equatable {
    var bytes: Int
    var modified: Int64
    var inode: UInt64
    var count: Int

    init(bytes: Int, modified: Int64, inode: UInt64, count: Int) {
      self.bytes = bytes
      self.modified = modified
      self.inode = inode
      self.count = count
    }

    /// The status of the regular file at `path`, with `count` entities; nil when there is none.
    init?(_ path: String, count: Int) {
      var info = stat()
      guard stat(path, &info) == 0, let stamp = FileStamp(regular: info) else { return nil }
      self.init(bytes: Int(stamp.size), modified: stamp.modified, inode: stamp.inode, count: count)
    }
  }

  var key: String
  /// By document path (bytes: see ``PathKey``).
  var records: [PathKey: Record] = [:]
  /// What the run appended to a document's path to name its files under `docs/` (`.jsonl`;
  /// `.ann` and `.txt` for brat).
  var suffixes: [String] = []
  /// Files under `docs/` that an earlier run wrote in another format (a run removes only stale
  /// files of its own format), or that a merge copied; still Quipu's.
  var otherFiles: Set<PathKey> = []
  /// `entities.jsonl` as the run left it, when known.
  var entitiesFile: EntitiesFile? = nil

  /// The files under `docs/` (relative paths) that this state says Quipu wrote.
  var files: Set<PathKey> {
    otherFiles.union(records.keys.flatMap { document in suffixes.map { PathKey(document.path + $0) } })
  }

  /// Whether this state says Quipu wrote `file` (under `docs/`).
  func lists(_ file: PathKey) -> Bool {
    if otherFiles.contains(file) { return true }
    return suffixes.contains { suffix in
      file.path.utf8.count > suffix.utf8.count && file.path.utf8.reversed().starts(with: suffix.utf8.reversed())
        && records[PathKey(String(decoding: file.path.utf8.dropLast(suffix.utf8.count), as: UTF8.self))] != nil
    }
  }

  /// `files.subtracting(other.files)`, without building either set: a look-up per record, so
  /// that an unchanged re-run (the same documents) makes no path string.
  func files(notIn other: RunState) -> Set<PathKey> {
    var result = Set<PathKey>()
    let sameSuffixes = suffixes == other.suffixes
    for document in records.keys where !(sameSuffixes && other.records[document] != nil) {
      for suffix in suffixes {
        let file = PathKey(document.path + suffix)
        if !other.lists(file) { result.insert(file) }
      }
    }
    for file in otherFiles where !other.lists(file) { result.insert(file) }
    return result
  }

  static func key(rulesDigest: String, options: BatchOptions) -> String {
    "quipu \(quipuVersion) \(buildIdentity); rules \(rulesDigest); \(options.outputSettings)"
  }

  /// The running executable's size and modification time: a rebuilt Quipu (same version,
  /// changed code) must not reuse output its predecessor wrote.
  public static let buildIdentity: String = {
    let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date
    else { return "build unknown" }
    return "build \(size.int64Value)-\(Int64(date.timeIntervalSince1970))"
  }()

  /// The state in `url` as its run wrote it, whatever its key; an empty state (key `""`)
  /// when there is none or it is damaged (torn, truncated, or of another format).
  static func load(_ url: URL) -> RunState {
    guard let bytes = try? BatchRunner.read(url, display: url.path) else { return RunState(key: "") }
    if bytes.first == UInt8(ascii: "{") { return legacy(bytes) }
    return RunStateFile.decode(bytes) ?? RunState(key: "")
  }

  /// A state in the JSON lines that Quipu wrote before ``RunStateFile``: still read, so that
  /// the first run of a newer Quipu knows which files under `docs/` are Quipu's.
  static func legacy(_ bytes: [UInt8]) -> RunState {
    var lines = bytes.split(separator: 0x0A)[...]
    guard let header = lines.popFirst(),
      let object = try? JSONSerialization.jsonObject(with: Data(header)) as? [String: Any],
      let key = object["key"] as? String
    else { return RunState(key: "") }
    var state = RunState(key: key)
    // A state from before suffixes were recorded was written by a jsonl run.
    state.suffixes = object["suffixes"] as? [String] ?? [".jsonl"]
    for line in lines {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return RunState(key: "") }
      if let file = object["file"] as? String {
        state.otherFiles.insert(PathKey(file))
        continue
      }
      guard let doc = object["doc"] as? String, let input = object["input"] as? String,
        let rows = object["entities"] as? [[String: Any]]
      else { return RunState(key: "") }  // a damaged state is no state
      let entities = rows.compactMap(EntityTable.Row.init(json:)).map { row in
        EntityTable.Summary(
          id: row.id, type: row.type, name: row.name, mentions: row.mentions,
          aliases: row.aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, attributes: row.attributes)
      }
      state.records[PathKey(doc)] = Record(input: input, entities: entities, output: (object["output"] as? NSNumber)?.intValue)
    }
    return state
  }

  /// The state's bytes: sorted by document, so the same state is the same file.
  func serialized() -> [UInt8] { RunStateFile.encode(self) }

  /// The hash that identifies a document's bytes.
  static func inputHash(_ bytes: [UInt8]) -> String {
    var hash = StableHash.of(bytes)
    hash.combine(String(bytes.count))
    return hash.hex
  }
}
