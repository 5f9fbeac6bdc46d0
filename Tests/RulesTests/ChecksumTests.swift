import Testing

@testable import Rules

/// The rules cache's checksum: the same for the same bytes however they arrive, different when
/// a byte, or the length, changes.
struct ChecksumTests {
  static let bytes: [UInt8] = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 3) }

  @Test(arguments: [1, 3, 7, 8, 9, 64, 999, 1000])
  func splitsDoNotMatter(_ chunk: Int) {
    let whole = Self.bytes.withUnsafeBytes { Checksum.of($0) }
    var parts = Checksum()
    Self.bytes.withUnsafeBytes { all in
      var start = 0
      while start < all.count {
        // Uneven pieces: chunk, then one byte, so no piece boundary falls on a word boundary.
        for size in [chunk, 1] where start < all.count {
          let end = min(all.count, start + size)
          parts.combine(UnsafeRawBufferPointer(rebasing: all[start..<end]))
          start = end
        }
      }
    }
    #expect(parts.value == whole)
  }

  @Test func anyChangedByteOrLengthChangesIt() {
    let original = Self.bytes.withUnsafeBytes { Checksum.of($0) }
    for position in [0, 7, 8, 500, 999] {
      var changed = Self.bytes
      changed[position] ^= 1
      #expect(changed.withUnsafeBytes { Checksum.of($0) } != original, "byte \(position)")
    }
    #expect((Self.bytes + [0]).withUnsafeBytes { Checksum.of($0) } != original)
    #expect([UInt8]().withUnsafeBytes { Checksum.of($0) } != [0].withUnsafeBytes { Checksum.of($0) })
  }
}
