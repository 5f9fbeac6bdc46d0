/// An open-addressing hash map from (trie node, key) pairs to child nodes.
///
/// One flat table for the whole trie keeps millions of edges in two contiguous arrays
/// instead of a dictionary per node. Linear probing; load factor at most 1/2.
struct TransitionTable: Sendable {
  static let empty: UInt64 = .max
  private var keys: [UInt64]
  private var values: [UInt32]
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = Array(repeating: Self.empty, count: size)
    values = Array(repeating: 0, count: size)
    mask = size - 1
  }

  @inline(__always) static func edge(_ node: UInt32, _ key: UInt32) -> UInt64 {
    UInt64(node) << 32 | UInt64(key)
  }

  @inline(__always) static func slot(_ edge: UInt64, _ mask: Int) -> Int {
    // A multiplicative mix (Fibonacci hashing) spreads consecutive node ids.
    Int(truncatingIfNeeded: (edge &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
  }

  func child(of node: UInt32, key: UInt32) -> UInt32? {
    let edge = Self.edge(node, key)
    return keys.withUnsafeBufferPointer { k -> UInt32? in
      var slot = Self.slot(edge, mask)
      while true {
        let stored = k[slot]
        if stored == edge { return values[slot] }
        if stored == Self.empty { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  mutating func insert(node: UInt32, key: UInt32, child: UInt32) {
    if (count + 1) * 2 > keys.count { grow() }
    let edge = Self.edge(node, key)
    var slot = Self.slot(edge, mask)
    while keys[slot] != Self.empty && keys[slot] != edge { slot = (slot + 1) & mask }
    if keys[slot] == Self.empty { count += 1 }
    keys[slot] = edge
    values[slot] = child
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
    values = Array(repeating: 0, count: oldKeys.count * 2)
    mask = keys.count - 1
    for i in 0..<oldKeys.count where oldKeys[i] != Self.empty {
      var slot = Self.slot(oldKeys[i], mask)
      while keys[slot] != Self.empty { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[i]
      values[slot] = oldValues[i]
    }
  }
}
