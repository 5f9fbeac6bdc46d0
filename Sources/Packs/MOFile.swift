/// A GNU gettext message catalogue (`.mo`), read into a dictionary from message id to
/// translation.
///
/// Format: a 32-bit magic number (0x950412de in the file's byte order), a revision, the
/// number of strings N, then the offsets of two tables of N (length, offset) pairs: the
/// original strings, sorted, and their translations. Strings are UTF-8 (iso-codes' are).
struct MOFile {
  var translations: [String: String] = [:]

  init(bytes: [UInt8]) throws(FormatError) {
    guard bytes.count >= 28 else { throw FormatError(description: "too short for a .mo file") }
    func u32(_ offset: Int, littleEndian: Bool) -> UInt32 {
      let b = bytes[offset..<offset + 4].map(UInt32.init)
      return littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24
    }
    let little: Bool
    switch u32(0, littleEndian: true) {
    case 0x9504_12de: little = true
    case 0xde12_0495: little = false
    default: throw FormatError(description: "not a .mo file (bad magic number)")
    }
    let count = Int(u32(8, littleEndian: little))
    let originals = Int(u32(12, littleEndian: little))
    let translated = Int(u32(16, littleEndian: little))
    func string(table: Int, index: Int) throws(FormatError) -> String {
      let entry = table + 8 * index
      guard entry + 8 <= bytes.count else { throw FormatError(description: "string table out of range") }
      let length = Int(u32(entry, littleEndian: little))
      let offset = Int(u32(entry + 4, littleEndian: little))
      guard offset >= 0, length >= 0, offset + length <= bytes.count else {
        throw FormatError(description: "string out of range")
      }
      return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
    for i in 0..<count {
      let original = try string(table: originals, index: i)
      // The entry with an empty id is the catalogue's header; plural forms are NUL-separated.
      guard !original.isEmpty, !original.contains("\0") else { continue }
      let translation = try string(table: translated, index: i)
      guard !translation.isEmpty else { continue }
      translations[original] = translation
    }
  }
}
