/// Writes the compiled rules cache: unsigned LEB128 integers, length-prefixed UTF-8 strings
/// (each distinct string once; later uses are back-references), little-endian doubles.
///
/// Hand-written rather than `Codable`: the cache exists to load a million aliases in well under
/// a second, and a generic encoder's per-field dispatch would cost more than parsing.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []
  private var strings: [String: Int] = [:]

  mutating func write(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)) }
  mutating func write(_ value: Int32) { write(Int(value)) }
  mutating func write(_ value: UInt32) { write(UInt64(value)) }
  mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
  mutating func write(_ value: Double) { write(value.bitPattern) }

  /// A string: 0 and its bytes the first time, its number + 1 after that.
  mutating func write(_ value: String) {
    if let seen = strings[value] {
      write(UInt64(seen + 1))
      return
    }
    strings[value] = strings.count
    write(UInt64(0))
    write(UInt64(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  /// A string written in full, never shared: for strings that are mostly distinct (names,
  /// keys), where looking each up would cost more than it saves.
  mutating func write(raw value: String) {
    write(UInt64(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  mutating func write(_ value: String?) {
    write(value != nil)
    if let value { write(value) }
  }

  /// Bytes as they are, after their count.
  mutating func write(bytes values: [UInt8]) {
    write(UInt64(values.count))
    bytes.append(contentsOf: values)
  }

  mutating func write(_ values: [UInt32]) {
    write(UInt64(values.count))
    for v in values { write(v) }
  }

  mutating func write<T>(_ values: [T], _ each: (inout BinaryWriter, T) -> Void) {
    write(UInt64(values.count))
    for v in values { each(&self, v) }
  }
}

/// Reads what ``BinaryWriter`` wrote; any inconsistency is ``BinaryReader/Damaged``.
struct BinaryReader {
  struct Damaged: Error {}

  private let base: UnsafeRawBufferPointer
  private var offset: Int
  private var strings: [String] = []
  /// Over a ``MappedFile``: hand back the pages read, every few megabytes.
  private let releasesBehind: Bool
  private var released = 0

  init(_ base: UnsafeRawBufferPointer, offset: Int = 0, releasingBehind: Bool = false) {
    self.base = base
    self.offset = offset
    self.releasesBehind = releasingBehind
  }

  private static let releaseStep = 4 << 20

  @inline(__always) private mutating func releaseIfDue() {
    guard releasesBehind, offset - released >= Self.releaseStep else { return }
    MappedFile.release(from: base.baseAddress! + released, upTo: base.baseAddress! + offset)
    released = offset
  }

  var isAtEnd: Bool { offset == base.count }

  /// The bytes not read yet.
  var remaining: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: base[offset...]) }

  /// Moves past `count` bytes (at most to the end).
  mutating func skip(_ count: Int) { offset = min(base.count, offset + count) }

  mutating func readUInt64() throws(Damaged) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < base.count, shift < 64 else { throw Damaged() }
      let byte = base[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }

  mutating func readInt() throws(Damaged) -> Int {
    let z = try readUInt64()
    return Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
  }

  mutating func readInt32() throws(Damaged) -> Int32 {
    guard let v = Int32(exactly: try readInt()) else { throw Damaged() }
    return v
  }

  mutating func readUInt32() throws(Damaged) -> UInt32 {
    guard let v = UInt32(exactly: try readUInt64()) else { throw Damaged() }
    return v
  }

  mutating func readCount() throws(Damaged) -> Int {
    let n = try readUInt64()
    // No count can exceed the bytes left (every element takes at least one).
    guard n <= UInt64(base.count - offset) else { throw Damaged() }
    return Int(n)
  }

  mutating func readBool() throws(Damaged) -> Bool {
    guard offset < base.count, base[offset] <= 1 else { throw Damaged() }
    offset += 1
    return base[offset - 1] == 1
  }

  mutating func readDouble() throws(Damaged) -> Double { Double(bitPattern: try readUInt64()) }

  mutating func readString() throws(Damaged) -> String {
    let tag = try readUInt64()
    if tag > 0 {
      guard tag <= UInt64(strings.count) else { throw Damaged() }
      return strings[Int(tag - 1)]
    }
    let count = try readCount()
    let string = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]), as: UTF8.self)
    offset += count
    strings.append(string)
    return string
  }

  mutating func readRawString() throws(Damaged) -> String {
    let count = try readCount()
    let string = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]), as: UTF8.self)
    offset += count
    return string
  }

  mutating func readOptionalString() throws(Damaged) -> String? {
    try readBool() ? try readString() : nil
  }

  mutating func readBytes() throws(Damaged) -> [UInt8] {
    let count = try readCount()
    let out = Array(UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]))
    offset += count
    releaseIfDue()
    return out
  }

  mutating func readUInt32s() throws(Damaged) -> [UInt32] {
    let n = try readCount()
    var out: [UInt32] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try readUInt32()) }
    return out
  }

  mutating func readArray<T>(_ each: (inout BinaryReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
    let n = try readCount()
    var out: [T] = []
    out.reserveCapacity(n)
    for _ in 0..<n {
      out.append(try each(&self))
      releaseIfDue()
    }
    return out
  }
}
