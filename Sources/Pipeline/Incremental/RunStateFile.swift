import Foundation
import Normalization
import Output

/// A document's file status (`stat`) when Quipu hashed it: size, modification and change times
/// (nanoseconds) and inode. The same status again means the same bytes, so an unchanged
/// re-run reads no document.
///
/// Only a status whose times are older than the run's start by ``settled`` is recorded
/// (``trusted(at:settled:)``): a file rewritten in the same clock tick as the run read it could keep its
/// status while its bytes change (git's "racily clean" files). Anything else is hashed again.
struct FileStamp: Hashable, Sendable {
  var size: UInt64
  var modified: Int64
  var changed: Int64
  var inode: UInt64

  /// How much older than the run a file's times must be for its status to be recorded.
  static let settled: Int64 = 2_000_000_000

  init(size: UInt64, modified: Int64, changed: Int64, inode: UInt64) {
    self.size = size
    self.modified = modified
    self.changed = changed
    self.inode = inode
  }

  /// The status of a regular file (following symbolic links), or nil.
  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    self.init(regular: info)
  }

  /// The status `info` when it is a regular file's, or nil.
  init?(regular info: stat) {
    guard info.st_mode & S_IFMT == S_IFREG else { return nil }
    size = UInt64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    inode = UInt64(info.st_ino)
  }

  /// The stamp, if the file had settled before `start` (nanoseconds since 1970, wall clock).
  func trusted(at start: Int64, settled: Int64 = Self.settled) -> FileStamp? {
    max(modified, changed) < start - settled ? self : nil
  }

  /// Now, in nanoseconds since 1970 (the clock file times are in).
  static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}

/// The bytes of `.out.quipu/run-state`: a magic line, a body, and the FNV-1a hash of both.
///
/// The body is varints: a table of the strings (by bytes, in order of first use; documents'
/// paths each once, other strings once however often they are used),
/// then everything else as indices into it: the key, the suffixes, each document's record
/// (sorted by path) with its entity summaries, and the other files. An entity shared by every
/// document is one string, and reading the state makes one `String` per distinct string.
/// Version 3 ends the body with `entities.jsonl`'s status and entity count
/// (``RunState/EntitiesFile``); version 2, without them, is still read.
/// A file that is torn, truncated, damaged or of another version does not decode (nil), which
/// a run takes as no state.
///
/// Reading makes no value per entity summary: a record keeps the position of its summaries in
/// the file's bytes (``EncodedEntities``), checked and counted when read, decoded when asked for.
enum RunStateFile {
  static let magic = Array("quipu run-state 3\n".utf8)
  static let magic2 = Array("quipu run-state 2\n".utf8)

  /// A state file's bytes and its table of strings, shared by the records read from it.
  final class Source: Sendable {
    let bytes: [UInt8]
    let end: Int
    let strings: [String]

    init(bytes: [UInt8], end: Int, strings: [String]) {
      self.bytes = bytes
      self.end = end
      self.strings = strings
    }
  }

  /// A record's entity summaries, still in the state file's bytes (already checked).
  struct EncodedEntities: Sendable {
    let source: Source
    let position: Int
    let count: Int

    func decode() -> [EntityTable.Summary] {
      var reader = Reader(bytes: source.bytes, position: position, end: source.end)
      reader.strings = source.strings
      return reader.entities(count) ?? []
    }
  }

  static func encode(_ state: RunState) -> [UInt8] { finish(body(state), entitiesFile: state.entitiesFile) }

  /// A state encoded but for the status of `entities.jsonl` (``RunState/EntitiesFile``),
  /// which is known only once that file is written: encoded meanwhile, on another thread.
  struct Body: Sendable {
    /// The magic line, the strings and the body.
    var bytes: [UInt8]
    /// The hash of `bytes` so far.
    var hash: StableHash
  }

  static func body(_ state: RunState) -> Body {
    var strings: [String] = []
    var numbers: [PathKey: Int] = [:]
    var body: [UInt8] = []
    func string(_ s: String) {
      let key = PathKey(s)
      if let n = numbers[key] { return varint(UInt64(n), &body) }
      numbers[key] = strings.count
      varint(UInt64(strings.count), &body)
      strings.append(s)
    }
    string(state.key)
    varint(UInt64(state.suffixes.count), &body)
    for suffix in state.suffixes { string(suffix) }
    varint(UInt64(state.records.count), &body)
    // Sorted as indices of their paths: moving (or copying) the records themselves was most
    // of the encoding.
    let records = Array(state.records)
    let paths = records.map(\.key.path)
    for index in paths.indices.sorted(by: { PathKey.precedes(paths[$0], paths[$1]) }) {
      let record = records[index].value
      // A document's path is in no other record: a string of its own, not looked up.
      varint(UInt64(strings.count), &body)
      strings.append(paths[index])
      string(record.input)
      varint(record.output.map { UInt64($0) + 1 } ?? 0, &body)
      if let stamp = record.stamp {
        body.append(1)
        varint(stamp.size, &body)
        varint(UInt64(bitPattern: stamp.modified), &body)
        varint(UInt64(bitPattern: stamp.changed), &body)
        varint(stamp.inode, &body)
      } else {
        body.append(0)
      }
      varint(UInt64(record.entities.count), &body)
      for entity in record.entities {
        string(entity.id)
        string(entity.type)
        string(entity.name)
        varint(UInt64(entity.mentions), &body)
        varint(UInt64(entity.aliases.count), &body)
        for alias in entity.aliases { string(alias) }
        varint(UInt64(entity.attributes.count), &body)
        for (key, value) in entity.attributes.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
          string(key)
          string(value)
        }
      }
    }
    let others = state.otherFiles.sorted(by: PathKey.byBytes)
    varint(UInt64(others.count), &body)
    for file in others { string(file.path) }
    var out = magic
    varint(UInt64(strings.count), &out)
    for s in strings {
      varint(UInt64(s.utf8.count), &out)
      out += s.utf8
    }
    out += body
    return Body(bytes: out, hash: StableHash.of(out))
  }

  /// The file's bytes: `body` and the status of `entities.jsonl`.
  static func finish(_ encoded: Body, entitiesFile: RunState.EntitiesFile?) -> [UInt8] {
    var tail: [UInt8] = []
    if let file = entitiesFile {
      tail.append(1)
      for field in [UInt64(file.bytes), UInt64(bitPattern: file.modified), file.inode, UInt64(file.count)] { varint(field, &tail) }
    } else {
      tail.append(0)
    }
    var hash = encoded.hash
    hash.combine(bytes: tail)
    var out = encoded.bytes
    out += tail
    for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: hash.value >> UInt64(shift))) }
    return out
  }

  static func decode(_ bytes: [UInt8]) -> RunState? {
    guard bytes.count >= magic.count + 8 else { return nil }
    let version3 = bytes.starts(with: magic)
    guard version3 || bytes.starts(with: magic2) else { return nil }
    let end = bytes.count - 8
    var hash: UInt64 = 0
    for i in 0..<8 { hash |= UInt64(bytes[end + i]) << UInt64(8 * i) }
    guard StableHash.of(bytes[..<end]).value == hash else { return nil }
    var reader = Reader(bytes: bytes, position: magic.count, end: end)
    return reader.state(version3: version3)
  }

  static func varint(_ value: UInt64, _ out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }

  /// Reads a body; every read is bounds-checked, and any mismatch gives nil.
  struct Reader {
    let bytes: [UInt8]
    var position: Int
    let end: Int
    var strings: [String] = []

    mutating func number() -> UInt64? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while position < end, shift < 64 {
        let byte = bytes[position]
        position += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
      return nil
    }

    mutating func count() -> Int? {
      guard let n = number(), n <= UInt64(end - position) else { return nil }  // each item takes a byte at least
      return Int(n)
    }

    mutating func string() -> String? {
      guard let n = number(), n < UInt64(strings.count) else { return nil }
      return strings[Int(n)]
    }

    /// Steps over a string's index, checking it (no `String` is touched).
    mutating func skipString() -> Bool {
      guard let n = number() else { return false }
      return n < UInt64(strings.count)
    }

    mutating func state(version3: Bool) -> RunState? {
      guard let stringCount = count() else { return nil }
      strings.reserveCapacity(stringCount)
      for _ in 0..<stringCount {
        guard let length = count() else { return nil }
        strings.append(String(decoding: bytes[position..<position + length], as: UTF8.self))
        position += length
      }
      let source = Source(bytes: bytes, end: end, strings: strings)
      guard let key = string(), let suffixCount = count() else { return nil }
      var state = RunState(key: key)
      for _ in 0..<suffixCount {
        guard let suffix = string() else { return nil }
        state.suffixes.append(suffix)
      }
      guard let recordCount = count() else { return nil }
      state.records.reserveCapacity(recordCount)
      for _ in 0..<recordCount {
        guard let doc = string(), let input = string(), let output = number(), position < end else { return nil }
        guard output == 0 || Int(exactly: output - 1) != nil else { return nil }
        var stamp: FileStamp?
        let stamped = bytes[position]
        position += 1
        if stamped == 1 {
          guard let size = number(), let modified = number(), let changed = number(), let inode = number() else { return nil }
          stamp = FileStamp(
            size: size, modified: Int64(bitPattern: modified), changed: Int64(bitPattern: changed), inode: inode)
        } else if stamped != 0 {
          return nil
        }
        guard let entityCount = count() else { return nil }
        let start = position
        guard let mentions = skipEntities(entityCount) else { return nil }
        state.records[PathKey(doc)] = RunState.Record(
          input: input, encoded: EncodedEntities(source: source, position: start, count: entityCount), mentions: mentions,
          output: output == 0 ? nil : Int(output - 1), stamp: stamp)
      }
      guard let otherCount = count() else { return nil }
      for _ in 0..<otherCount {
        guard let file = string() else { return nil }
        state.otherFiles.insert(PathKey(file))
      }
      if version3 {
        guard position < end else { return nil }
        let known = bytes[position]
        position += 1
        if known == 1 {
          guard let size = number(), let modified = number(), let inode = number(), let count = number(),
            let size = Int(exactly: size), let count = Int(exactly: count)
          else { return nil }
          state.entitiesFile = RunState.EntitiesFile(
            bytes: size, modified: Int64(bitPattern: modified), inode: inode, count: count)
        } else if known != 0 {
          return nil
        }
      }
      return position == end ? state : nil
    }

    /// Steps over `count` entity summaries, checking them; returns the sum of their mentions.
    mutating func skipEntities(_ count: Int) -> Int? {
      var mentions = 0
      for _ in 0..<count {
        guard skipString(), skipString(), skipString(), let n = number(), let aliasCount = self.count() else { return nil }
        mentions &+= Int(clamping: n)
        for _ in 0..<aliasCount where !skipString() { return nil }
        guard let attributeCount = self.count() else { return nil }
        for _ in 0..<attributeCount * 2 where !skipString() { return nil }
      }
      return mentions
    }

    /// Reads `count` entity summaries.
    mutating func entities(_ count: Int) -> [EntityTable.Summary]? {
      var entities: [EntityTable.Summary] = []
      entities.reserveCapacity(count)
      for _ in 0..<count {
        guard let id = string(), let type = string(), let name = string(), let mentions = number(),
          let aliasCount = self.count()
        else { return nil }
        var aliases: [String] = []
        aliases.reserveCapacity(aliasCount)
        for _ in 0..<aliasCount {
          guard let alias = string() else { return nil }
          aliases.append(alias)
        }
        guard let attributeCount = self.count() else { return nil }
        var attributes: [String: String] = [:]
        for _ in 0..<attributeCount {
          guard let key = string(), let value = string() else { return nil }
          attributes[key] = value
        }
        entities.append(
          EntityTable.Summary(
            id: id, type: type, name: name, mentions: Int(clamping: mentions), aliases: aliases, attributes: attributes))
      }
      return entities
    }
  }
}
