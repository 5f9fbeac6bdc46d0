/// A 64-bit checksum of bytes, eight at a time: what the rules cache uses to see that a rule
/// file or the cache itself changed (accidents, not tampering).
///
/// Not ``StableHash``: that one goes byte by byte (a rules folder with its GeoNames tables
/// is some 90 MB to check at every run), and its values fix shard assignment and rule digests,
/// so it cannot change. The result depends only on the bytes, not on how they were split
/// between calls.
struct Checksum {
  private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var state: UInt64 = 0x243F_6A88_85A3_08D3
  /// Bytes not yet mixed (fewer than eight), little-endian.
  private var pending: UInt64 = 0
  private var pendingCount = 0
  private var count: UInt64 = 0

  init() {}

  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var checksum = Checksum()
    checksum.combine(bytes)
    return checksum.value
  }

  mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    let n = bytes.count
    var i = 0
    while pendingCount > 0, pendingCount < 8, i < n {
      add(bytes[i])
      i += 1
    }
    if pendingCount == 8 {
      mix(pending)
      pending = 0
      pendingCount = 0
    }
    while i + 8 <= n {
      mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
      i += 8
    }
    while i < n {
      add(bytes[i])
      i += 1
    }
    count &+= UInt64(n)
  }

  var value: UInt64 {
    var copy = self
    if copy.pendingCount > 0 { copy.mix(copy.pending) }
    var h = copy.state ^ count
    h = (h ^ h >> 32) &* Self.multiplier
    return h ^ h >> 29
  }

  @inline(__always) private mutating func add(_ byte: UInt8) {
    pending |= UInt64(byte) << UInt64(8 * pendingCount)
    pendingCount += 1
  }

  @inline(__always) private mutating func mix(_ word: UInt64) {
    state = (state ^ word) &* Self.multiplier
    state ^= state >> 29
  }
}
