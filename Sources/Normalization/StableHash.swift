/// A 64-bit FNV-1a hash: the same value for the same bytes in every process and on every
/// machine (unlike Swift's `Hasher`, which is seeded per process). For cache keys and
/// manifests, not for security.
public struct StableHash: Sendable {
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

  /// 16 lowercase hex digits.
  public var hex: String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  public static func of<C: Collection>(_ bytes: C) -> StableHash where C.Element == UInt8 {
    var h = StableHash()
    h.combine(bytes: bytes)
    return h
  }
}
