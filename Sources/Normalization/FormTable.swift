/// A hash table from distinct UTF-16 word forms to dense form indexes.
///
/// Lookups hash and compare the caller's buffer in place, so the per-token path allocates
/// nothing; only a form seen for the first time is copied, into one contiguous arena.
/// Open addressing with linear probing; the table doubles at 50% load.
struct FormTable {
  private var arena: [UInt16] = []
  private var offsets: [Int32] = []
  private var lengths: [Int32] = []
  private var hashes: [UInt32] = []
  private var slots: [Int32] = Array(repeating: -1, count: 1024)
  private var mask: Int = 1023

  var count: Int { offsets.count }

  static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt32 {
    // FNV-1a over code units, folded to 32 bits: cheap, and good enough for word forms.
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for u in units {
      h ^= UInt64(u)
      h = h &* 0x100_0000_01b3
    }
    return UInt32(truncatingIfNeeded: h ^ (h >> 32))
  }

  /// The index of `units`, or nil if the form was never inserted.
  func find(_ units: UnsafeBufferPointer<UInt16>, hash: UInt32) -> Int32? {
    var slot = Int(hash) & mask
    while true {
      let index = slots[slot]
      if index < 0 { return nil }
      if hashes[Int(index)] == hash && equals(Int(index), units) { return index }
      slot = (slot + 1) & mask
    }
  }

  /// Adds a form known to be absent and returns its index (dense, from 0).
  mutating func insert(_ units: UnsafeBufferPointer<UInt16>, hash: UInt32) -> Int32 {
    let index = Int32(offsets.count)
    offsets.append(Int32(arena.count))
    lengths.append(Int32(units.count))
    hashes.append(hash)
    arena.append(contentsOf: units)
    if offsets.count * 2 > slots.count { grow() } else { place(index) }
    return index
  }

  private func equals(_ index: Int, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
    let length = Int(lengths[index])
    guard length == units.count else { return false }
    let offset = Int(offsets[index])
    return arena.withUnsafeBufferPointer { a in
      for k in 0..<length where a[offset + k] != units[k] { return false }
      return true
    }
  }

  private mutating func place(_ index: Int32) {
    var slot = Int(hashes[Int(index)]) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = index
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for index in 0..<Int32(offsets.count) { place(index) }
  }
}
