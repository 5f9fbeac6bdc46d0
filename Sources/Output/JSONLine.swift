/// Builds one JSON object on one line, keys in the order they are added.
///
/// Hand-written rather than `JSONEncoder` because output must be byte-stable and
/// diff-friendly: fixed key order, non-ASCII characters written as themselves (UTF-8),
/// only the characters JSON requires escaped, no spaces.
public struct JSONLine {
  private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
  private var first = true

  public init() {}

  public mutating func add(_ key: String, _ value: String) {
    addKey(key)
    Self.appendString(value, to: &bytes)
  }

  public mutating func add(_ key: String, _ value: Int) {
    addKey(key)
    bytes.append(contentsOf: String(value).utf8)
  }

  public mutating func add(_ key: String, _ values: [String]) {
    addKey(key)
    bytes.append(UInt8(ascii: "["))
    for (i, value) in values.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      Self.appendString(value, to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// A nested object of string values, in the given order.
  public mutating func add(_ key: String, object pairs: [(String, String)]) {
    addKey(key)
    bytes.append(UInt8(ascii: "{"))
    for (i, (k, v)) in pairs.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      Self.appendString(k, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      Self.appendString(v, to: &bytes)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// The finished line, with its `\n`.
  public func finished() -> [UInt8] { bytes + [UInt8(ascii: "}"), 0x0A] }

  private mutating func addKey(_ key: String) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    first = false
    Self.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  static let hex = Array("0123456789abcdef".utf8)

  /// Appends `value` as a JSON string: `"` and `\` escaped, control characters as `\n`,
  /// `\t`, `\r` or `\u00XX`; everything else as UTF-8.
  public static func appendString(_ value: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Most values need no escape: copied whole, not appended byte by byte.
    var value = value
    let plain = value.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
      out.append(contentsOf: bytes)
      return true
    }
    if plain {
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20:
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
