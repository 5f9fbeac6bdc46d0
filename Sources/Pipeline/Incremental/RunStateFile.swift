import Foundation
import Normalization
import Output

/// A document's file status (`stat`) when Quipu hashed it: size, modification and change times
/// (nanoseconds) and inode. The same status again means the same bytes, so an unchanged
/// re-run reads no document.
///
/// Only a status whose times are older than the run's start by ``settled`` is recorded
/// (``trusted(at:)``): a file rewritten in the same clock tick as the run read it could keep its
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
  func trusted(at start: Int64) -> FileStamp? {
    max(modified, changed) < start - Self.settled ? self : nil
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
/// The body is varints: a table of the distinct strings (by bytes, in order of first use),
/// then everything else as indices into it: the key, the suffixes, each document's record
/// (sorted by path) with its entity summaries, and the other files. An entity shared by every
/// document is one string, and reading the state makes one `String` per distinct string.
/// A file that is torn, truncated, damaged or of another version does not decode (nil), which
/// a run takes as no state.
enum RunStateFile {
  static let magic = Array("quipu run-state 2\n".utf8)

  static func encode(_ state: RunState) -> [UInt8] {
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
    for (doc, record) in state.records.sorted(by: { PathKey.byBytes($0.key, $1.key) }) {
      string(doc.path)
      string(record.input)
      varint(record.output.map { UInt64($0) + 1 } ?? 0, &body)
      if let stamp = record.stamp {
        body.append(1)
        for field in [stamp.size, UInt64(bitPattern: stamp.modified), UInt64(bitPattern: stamp.changed), stamp.inode] {
          varint(field, &body)
        }
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
    let hash = StableHash.of(out).value
    for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
    return out
  }

  static func decode(_ bytes: [UInt8]) -> RunState? {
    guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
    let end = bytes.count - 8
    var hash: UInt64 = 0
    for i in 0..<8 { hash |= UInt64(bytes[end + i]) << UInt64(8 * i) }
    guard StableHash.of(bytes[..<end]).value == hash else { return nil }
    var reader = Reader(bytes: bytes, position: magic.count, end: end)
    return reader.state()
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

    mutating func state() -> RunState? {
      guard let stringCount = count() else { return nil }
      strings.reserveCapacity(stringCount)
      for _ in 0..<stringCount {
        guard let length = count() else { return nil }
        strings.append(String(decoding: bytes[position..<position + length], as: UTF8.self))
        position += length
      }
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
        var record = RunState.Record(input: input, entities: [], output: output == 0 ? nil : Int(output - 1))
        let stamped = bytes[position]
        position += 1
        if stamped == 1 {
          guard let size = number(), let modified = number(), let changed = number(), let inode = number() else { return nil }
          record.stamp = FileStamp(
            size: size, modified: Int64(bitPattern: modified), changed: Int64(bitPattern: changed), inode: inode)
        } else if stamped != 0 {
          return nil
        }
        guard let entityCount = count() else { return nil }
        record.entities.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
          guard let id = string(), let type = string(), let name = string(), let mentions = number(),
            let aliasCount = count()
          else { return nil }
          var aliases: [String] = []
          aliases.reserveCapacity(aliasCount)
          for _ in 0..<aliasCount {
            guard let alias = string() else { return nil }
            aliases.append(alias)
          }
          guard let attributeCount = count() else { return nil }
          var attributes: [String: String] = [:]
          for _ in 0..<attributeCount {
            guard let key = string(), let value = string() else { return nil }
            attributes[key] = value
          }
          record.entities.append(
            EntityTable.Summary(
              id: id, type: type, name: name, mentions: Int(clamping: mentions), aliases: aliases, attributes: attributes))
        }
        state.records[PathKey(doc)] = record
      }
      guard let otherCount = count() else { return nil }
      for _ in 0..<otherCount {
        guard let file = string() else { return nil }
        state.otherFiles.insert(PathKey(file))
      }
      return position == end ? state : nil
    }
  }
}
