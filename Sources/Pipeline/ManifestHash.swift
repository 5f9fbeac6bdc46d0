/// 64-bit FNV-1a for shard manifests (length-prefixed strings, `fnv1a64:` hex): the same in every process, on every machine, in every
/// version of Swift, unlike `Hasher`, which is seeded per process.
///
/// Used to assign documents to shards and to fingerprint rules and shard outputs. It detects
/// accidents (a truncated copy, a shard folder overwritten by another run, an edited rule
/// file), not tampering: it is not a cryptographic hash.
///
/// ```swift
/// var hash = ManifestHash()
/// hash.combine("a".utf8)
/// hash.value  // 0xaf63dc4c8601ec8c
/// ```
public struct ManifestHash: Hashable, Sendable {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// The hash of one byte sequence.
  public init(_ bytes: some Sequence<UInt8>) {
    combine(bytes)
  }

  public mutating func combine(_ bytes: some Sequence<UInt8>) {
    var value = self.value
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01b3
    }
    self.value = value
  }

  /// Adds an integer as 8 little-endian bytes: a length before variable-size data keeps
  /// ("ab", "c") and ("a", "bc") apart.
  public mutating func combine(_ number: Int) {
    let bits = UInt64(bitPattern: Int64(number))
    combine((0..<8).lazy.map { UInt8(truncatingIfNeeded: bits >> ($0 * 8)) })
  }

  /// Adds a string's UTF-8 bytes, preceded by their count.
  public mutating func combine(string: String) {
    combine(string.utf8.count)
    combine(string.utf8)
  }

  /// `fnv1a64:` and 16 lowercase hex digits: how manifests write a hash.
  public var hex: String {
    let digits = String(value, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - digits.count) + digits
  }
}
