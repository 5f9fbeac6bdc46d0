extension String {
  /// The string of UTF-16 `units`, an unpaired surrogate read as U+FFFD (as
  /// `String(decoding:as: UTF16.self)` reads it).
  ///
  /// Transcodes straight into the new string's UTF-8 storage: the standard library's generic
  /// decoder goes scalar by scalar through a parser and was a tenth of a batch run's time (every
  /// new word form makes three key strings).
  public init(utf16 units: UnsafeBufferPointer<UInt16>) {
    var ascii = true
    for unit in units where unit >= 0x80 {
      ascii = false
      break
    }
    if ascii {
      self.init(unsafeUninitializedCapacity: units.count) { out in
        for (i, unit) in units.enumerated() { out[i] = UInt8(truncatingIfNeeded: unit) }
        return units.count
      }
      return
    }
    // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    self.init(unsafeUninitializedCapacity: units.count * 3) { out in
      var n = 0
      var i = 0
      let count = units.count
      while i < count {
        var scalar = UInt32(units[i])
        i += 1
        if scalar & 0xF800 == 0xD800 {
          if scalar <= 0xDBFF, i < count, units[i] & 0xFC00 == 0xDC00 {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
            i += 1
          } else {
            scalar = 0xFFFD
          }
        }
        switch scalar {
        case ..<0x80:
          out[n] = UInt8(scalar)
          n += 1
        case ..<0x800:
          out[n] = UInt8(0xC0 | scalar >> 6)
          out[n + 1] = UInt8(0x80 | scalar & 0x3F)
          n += 2
        case ..<0x10000:
          out[n] = UInt8(0xE0 | scalar >> 12)
          out[n + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
          out[n + 2] = UInt8(0x80 | scalar & 0x3F)
          n += 3
        default:
          out[n] = UInt8(0xF0 | scalar >> 18)
          out[n + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
          out[n + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
          out[n + 3] = UInt8(0x80 | scalar & 0x3F)
          n += 4
        }
      }
      return n
    }
  }

  /// The string of UTF-16 `units` (see ``init(utf16:)-(UnsafeBufferPointer<UInt16>)``).
  public init(utf16 units: [UInt16]) {
    self = units.withUnsafeBufferPointer { String(utf16: $0) }
  }
}
