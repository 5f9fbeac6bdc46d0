/// A 64-bit FNV-1a hash: the same value for the same bytes in every process, on every machine
/// and in every version of Swift (unlike Swift's `Hasher`, which is seeded per process).
///
/// Quipu's one stable hash: rule digests, cache keys, run state, shard assignment and shard
/// manifests. It detects accidents (a truncated copy, a shard folder overwritten by another
/// run, an edited rule file), not tampering: it is not a cryptographic hash.
///
/// ```swift
/// StableHash.of("a".utf8).value  // 0xaf63dc4c8601ec8c
/// ```
public struct StableHash: Hashable, Sendable {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// The hash whose state is `value` (as ``value`` returned it).
  public init(value: UInt64) { self.value = value }

  public mutating func combine<C: Collection>(bytes: C) where C.Element == UInt8 {
    var h = value
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      for byte in buffer {
        h ^= UInt64(byte)
        h = h &* 0x100_0000_01b3
      }
    }
    if done != nil {
      value = h
      return
    }
    for byte in bytes {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    value = h
  }

  /// Adds a string's UTF-8 bytes and a terminator, so ("ab","c") and ("a","bc") differ.
  public mutating func combine(_ string: String) {
    combine(bytes: string.utf8)
    combine(bytes: CollectionOfOne(UInt8(0xFF)))
  }

  /// Adds an integer as 8 little-endian bytes: a length before variable-size data keeps
  /// ("ab", "c") and ("a", "bc") apart.
  public mutating func combine(_ number: Int) {
    let bits = UInt64(bitPattern: Int64(number))
    combine(bytes: (0..<8).map { UInt8(truncatingIfNeeded: bits >> ($0 * 8)) })
  }

  /// Adds a string's UTF-8 bytes preceded by their count (how shard manifests hash paths).
  public mutating func combine(lengthPrefixed string: String) {
    combine(string.utf8.count)
    combine(bytes: string.utf8)
  }

  /// 16 lowercase hex digits.
  public var hex: String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  /// `fnv1a64:` and ``hex``: how shard manifests write a hash, naming the function.
  public var labeledHex: String { "fnv1a64:" + hex }

  public static func of<C: Collection>(_ bytes: C) -> StableHash where C.Element == UInt8 {
    var h = StableHash()
    h.combine(bytes: bytes)
    return h
  }
}
