/// Why a document's bytes could not be read as text, and where.
public struct DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Reason: Hashable, Sendable {
    /// A byte sequence that is not UTF-8.
    case invalidUTF8
    /// A NUL byte: the file is binary, not text.
    case binary
    /// A UTF-16 file (with a BOM) whose length is odd or whose surrogates are unpaired.
    case invalidUTF16
    /// NUL bytes at every other position, as UTF-16 text has, but no byte-order mark to say so.
    case utf16WithoutBOM(bigEndian: Bool)
  }
  /// Offset of the first offending byte in the file.
  public var byteOffset: Int
  public var reason: Reason

  public init(byteOffset: Int, reason: Reason) {
    self.byteOffset = byteOffset
    self.reason = reason
  }

  public var description: String {
    switch reason {
    case .invalidUTF8: "invalid UTF-8 at byte offset \(byteOffset)"
    case .binary: "binary file (NUL byte at byte offset \(byteOffset)); skipped"
    case .invalidUTF16: "invalid UTF-16 at byte offset \(byteOffset)"
    case .utf16WithoutBOM(let bigEndian):
      "UTF-16 (\(bigEndian ? "big" : "little")-endian, by its NUL bytes) without a byte-order mark, which Quipu "
        + "needs to read UTF-16: save it as UTF-8, or as UTF-16 with a BOM; skipped"
    }
  }
}

/// The encodings Quipu reads. UTF-8 is the default; a byte-order mark selects the others.
public enum TextEncoding: String, Hashable, Sendable {
  case utf8, utf8BOM, utf16LE, utf16BE
}

/// Decoded document text: UTF-16 code units, without the byte-order mark.
///
/// A BOM is an encoding signature, not text: offsets count from the first character after it
/// (what Python's `open(path, encoding="utf-8-sig")` gives).
public struct DecodedText: Sendable {
  public var utf16: [UInt16]
  public var encoding: TextEncoding
}

public enum TextDecoder {
  /// Decodes `bytes` strictly: the first invalid sequence is an error naming its byte offset.
  ///
  /// - Complexity: O(n), one pass; ASCII bytes take the short path.
  ///
  /// With `replacingInvalid`, each invalid UTF-8 sequence (a bad lead byte, or a lead byte and
  /// the continuation bytes that fit before the sequence broke) becomes one U+FFFD, so offsets
  /// after it stay those of the decoded text; binary files are still refused.
  public static func decode(_ bytes: [UInt8], replacingInvalid: Bool = false) throws(DecodingError) -> DecodedText {
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      return DecodedText(utf16: try decodeUTF16(bytes, bigEndian: false), encoding: .utf16LE)
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      return DecodedText(utf16: try decodeUTF16(bytes, bigEndian: true), encoding: .utf16BE)
    }
    // A NUL byte never occurs in UTF-8 text: call the file binary before any UTF-8 error
    // (a PNG or PDF would otherwise be reported as "invalid UTF-8 at byte 0").
    if let nul = bytes.firstIndex(of: 0) {
      throw DecodingError(byteOffset: nul, reason: utf16Order(bytes).map { .utf16WithoutBOM(bigEndian: $0) } ?? .binary)
    }
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    let units = try decodeUTF8(bytes, from: hasBOM ? 3 : 0, replacingInvalid: replacingInvalid)
    return DecodedText(utf16: units, encoding: hasBOM ? .utf8BOM : .utf8)
  }

  /// Whether bytes with NULs look like UTF-16 without a BOM: in the first 4 KB, NULs at most
  /// odd positions and almost no even ones (little-endian Latin text: "L\0i\0"), or the
  /// reverse (big-endian); nil for anything else, such as an image.
  public static func utf16Order(_ bytes: [UInt8]) -> Bool? {
    let pairs = min(bytes.count, 4096) / 2
    guard pairs >= 4 else { return nil }
    var evenNUL = 0
    var oddNUL = 0
    for k in 0..<pairs {
      if bytes[2 * k] == 0 { evenNUL += 1 }
      if bytes[2 * k + 1] == 0 { oddNUL += 1 }
    }
    if oddNUL * 10 >= pairs * 4, evenNUL * 20 <= pairs { return false }
    if evenNUL * 10 >= pairs * 4, oddNUL * 20 <= pairs { return true }
    return nil
  }

  /// Decodes UTF-8 from `start` (no BOM handling, no binary sniffing; a NUL is still an error).
  public static func decodeUTF8(_ bytes: [UInt8], from start: Int, replacingInvalid: Bool = false) throws(DecodingError) -> [UInt16] {
    // UTF-8 never takes fewer bytes than UTF-16 takes units, so the output fits in
    // `bytes.count - start` units: written through a pointer, not appended unit by unit.
    var failure: DecodingError?
    let out = [UInt16](unsafeUninitializedCapacity: max(0, bytes.count - start)) { o, written in
      failure = bytes.withUnsafeBufferPointer { p -> DecodingError? in
        let n = p.count
        var m = 0
        defer { written = m }
        var i = start
        while i < n {
          let b0 = p[i]
          if b0 < 0x80 {
            if b0 == 0 { return DecodingError(byteOffset: i, reason: .binary) }
            o[m] = UInt16(b0)
            m += 1
            i += 1
            continue
          }
          // Lead byte: how many continuation bytes, and the allowed range of the first one
          // (which rules out overlong forms, surrogates and code points above U+10FFFF).
          var need = 0
          var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
          var cp: UInt32
          switch b0 {
          case 0xC2...0xDF: need = 1; cp = UInt32(b0 & 0x1F)
          case 0xE0: need = 2; lo = 0xA0; cp = UInt32(b0 & 0x0F)
          case 0xE1...0xEC, 0xEE...0xEF: need = 2; cp = UInt32(b0 & 0x0F)
          case 0xED: need = 2; hi = 0x9F; cp = UInt32(b0 & 0x0F)
          case 0xF0: need = 3; lo = 0x90; cp = UInt32(b0 & 0x07)
          case 0xF1...0xF3: need = 3; cp = UInt32(b0 & 0x07)
          case 0xF4: need = 3; hi = 0x8F; cp = UInt32(b0 & 0x07)
          default:
            if replacingInvalid {
              o[m] = 0xFFFD
              m += 1
              i += 1
              continue
            }
            return DecodingError(byteOffset: i, reason: .invalidUTF8)
          }
          var valid = 0  // continuation bytes that fit before the sequence broke
          for k in 1...need {
            guard i + k < n else { break }
            let b = p[i + k]
            if k == 1 ? (b < lo || b > hi) : (b & 0xC0 != 0x80) { break }
            cp = (cp << 6) | UInt32(b & 0x3F)
            valid += 1
          }
          if valid < need {
            if replacingInvalid {
              o[m] = 0xFFFD
              m += 1
              i += 1 + valid
              continue
            }
            return DecodingError(byteOffset: i, reason: .invalidUTF8)
          }
          if cp < 0x10000 {
            o[m] = UInt16(cp)
            m += 1
          } else {
            let v = cp - 0x10000
            o[m] = 0xD800 | UInt16(v >> 10)
            m += 1
            o[m] = 0xDC00 | UInt16(v & 0x3FF)
            m += 1
          }
          i += need + 1
        }
        return nil
      }
    }
    if let failure { throw failure }
    return out
  }

  static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(DecodingError) -> [UInt16] {
    guard bytes.count % 2 == 0 else {
      throw DecodingError(byteOffset: bytes.count - 1, reason: .invalidUTF16)
    }
    var out = [UInt16]()
    out.reserveCapacity(bytes.count / 2 - 1)
    var i = 2
    while i < bytes.count {
      let u = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
      if u == 0 { throw DecodingError(byteOffset: i, reason: .binary) }
      out.append(u)
      i += 2
    }
    // Unpaired surrogates would make the text unrepresentable as Unicode scalars.
    var k = 0
    while k < out.count {
      let u = out[k]
      if UTF16.isLeadSurrogate(u) {
        guard k + 1 < out.count, UTF16.isTrailSurrogate(out[k + 1]) else {
          throw DecodingError(byteOffset: 2 + 2 * k, reason: .invalidUTF16)
        }
        k += 2
      } else if UTF16.isTrailSurrogate(u) {
        throw DecodingError(byteOffset: 2 + 2 * k, reason: .invalidUTF16)
      } else {
        k += 1
      }
    }
    return out
  }
}
