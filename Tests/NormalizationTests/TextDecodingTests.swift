import Testing

@testable import Normalization

/// One input file and what decoding it must give.
struct DecodeCase: Sendable, CustomTestStringConvertible {
  enum Expected: Sendable {
    case text(String, TextEncoding)
    case failure(byteOffset: Int, DecodingError.Reason)
  }
  var name: String
  var bytes: [UInt8]
  var expected: Expected
  var testDescription: String { name }
}

private let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
private let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
private let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

private func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }
private func utf16LE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
private func utf16BE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

@Suite struct TextDecodingTests {
  static let valid: [DecodeCase] = [
    DecodeCase(name: "empty input", bytes: [], expected: .text("", .utf8)),
    DecodeCase(name: "ASCII", bytes: utf8("Lima, 2023"), expected: .text("Lima, 2023", .utf8)),
    DecodeCase(name: "UTF-8 without BOM", bytes: utf8("Perú y Junín"), expected: .text("Perú y Junín", .utf8)),
    DecodeCase(name: "UTF-8 with BOM drops the BOM", bytes: utf8BOM + utf8("Perú"), expected: .text("Perú", .utf8BOM)),
    DecodeCase(name: "UTF-8 BOM alone", bytes: utf8BOM, expected: .text("", .utf8BOM)),
    DecodeCase(name: "a BOM inside the text is text", bytes: utf8("a") + utf8BOM, expected: .text("a\u{FEFF}", .utf8)),
    DecodeCase(
      name: "every UTF-8 length, incl. 4-byte emoji",
      bytes: utf8("a é € 😀 🇵🇪"), expected: .text("a é € 😀 🇵🇪", .utf8)),
    DecodeCase(
      name: "edges of the valid ranges: U+D7FF U+E000 U+FFFF U+10000 U+10FFFF",
      bytes: [0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF],
      expected: .text("\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}", .utf8)),
    DecodeCase(
      name: "smallest 2- and 3-byte forms: U+0080 U+0800",
      bytes: [0xC2, 0x80, 0xE0, 0xA0, 0x80], expected: .text("\u{80}\u{800}", .utf8)),
    DecodeCase(
      name: "UTF-16 LE with BOM", bytes: utf16LEBOM + utf16LE("Perú 🇵🇪 秘鲁"),
      expected: .text("Perú 🇵🇪 秘鲁", .utf16LE)),
    DecodeCase(
      name: "UTF-16 BE with BOM", bytes: utf16BEBOM + utf16BE("Perú 🇵🇪 秘鲁"),
      expected: .text("Perú 🇵🇪 秘鲁", .utf16BE)),
    DecodeCase(name: "UTF-16 LE BOM alone", bytes: utf16LEBOM, expected: .text("", .utf16LE)),
    DecodeCase(name: "UTF-16 BE BOM alone", bytes: utf16BEBOM, expected: .text("", .utf16BE)),
  ]

  static let invalid: [DecodeCase] = [
    DecodeCase(
      name: "lone continuation byte", bytes: utf8("a") + [0x80] + utf8("b"),
      expected: .failure(byteOffset: 1, .invalidUTF8)),
    DecodeCase(name: "continuation byte first", bytes: [0xBF], expected: .failure(byteOffset: 0, .invalidUTF8)),
    DecodeCase(
      name: "truncated 2-byte sequence at end", bytes: utf8("Per") + [0xC3],
      expected: .failure(byteOffset: 3, .invalidUTF8)),
    DecodeCase(
      name: "truncated 3-byte sequence at end", bytes: utf8("ab") + [0xE2, 0x82],
      expected: .failure(byteOffset: 2, .invalidUTF8)),
    DecodeCase(
      name: "truncated 4-byte sequence at end", bytes: utf8("abc") + [0xF0, 0x9F, 0x98],
      expected: .failure(byteOffset: 3, .invalidUTF8)),
    DecodeCase(
      name: "truncated 3-byte sequence mid-file", bytes: utf8("a") + [0xE2, 0x82] + utf8("b"),
      expected: .failure(byteOffset: 1, .invalidUTF8)),
    DecodeCase(
      name: "truncated 2-byte sequence mid-file", bytes: utf8("Per") + [0xC3] + utf8(" y"),
      expected: .failure(byteOffset: 3, .invalidUTF8)),
    DecodeCase(
      name: "truncated 4-byte sequence mid-file", bytes: [0xF0, 0x9F, 0x98] + utf8("x"),
      expected: .failure(byteOffset: 0, .invalidUTF8)),
    DecodeCase(
      name: "overlong C0 80", bytes: utf8("x") + [0xC0, 0x80], expected: .failure(byteOffset: 1, .invalidUTF8)),
    DecodeCase(name: "overlong C1 BF", bytes: [0xC1, 0xBF], expected: .failure(byteOffset: 0, .invalidUTF8)),
    DecodeCase(
      name: "overlong E0 80 80", bytes: utf8("ab") + [0xE0, 0x80, 0x80], expected: .failure(byteOffset: 2, .invalidUTF8)
    ),
    DecodeCase(name: "overlong E0 9F BF", bytes: [0xE0, 0x9F, 0xBF], expected: .failure(byteOffset: 0, .invalidUTF8)),
    DecodeCase(
      name: "overlong F0 8F BF BF", bytes: [0xF0, 0x8F, 0xBF, 0xBF], expected: .failure(byteOffset: 0, .invalidUTF8)),
    DecodeCase(
      name: "surrogate ED A0 80 (U+D800)", bytes: utf8("Lima ") + [0xED, 0xA0, 0x80],
      expected: .failure(byteOffset: 5, .invalidUTF8)),
    DecodeCase(
      name: "surrogate ED BF BF (U+DFFF)", bytes: [0xED, 0xBF, 0xBF], expected: .failure(byteOffset: 0, .invalidUTF8)),
    DecodeCase(
      name: "above U+10FFFF: F4 90 80 80", bytes: utf8("é") + [0xF4, 0x90, 0x80, 0x80],
      expected: .failure(byteOffset: 2, .invalidUTF8)),
    DecodeCase(
      name: "F5 lead byte", bytes: utf8("ok ") + [0xF5, 0x80, 0x80, 0x80],
      expected: .failure(byteOffset: 3, .invalidUTF8)),
    DecodeCase(name: "FF byte", bytes: utf8("a") + [0xFF], expected: .failure(byteOffset: 1, .invalidUTF8)),
    DecodeCase(
      name: "bad continuation in the 3rd byte", bytes: utf8("ab") + [0xE2, 0x82, 0x41],
      expected: .failure(byteOffset: 2, .invalidUTF8)),
    DecodeCase(
      name: "offset counts the BOM bytes", bytes: utf8BOM + utf8("A") + [0x80],
      expected: .failure(byteOffset: 4, .invalidUTF8)),
    DecodeCase(
      name: "a NUL byte wins over an earlier UTF-8 error", bytes: utf8("a") + [0x80] + [0x00],
      expected: .failure(byteOffset: 2, .binary)),
    DecodeCase(
      name: "binary file signature", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
      expected: .failure(byteOffset: 8, .binary)),
    DecodeCase(name: "NUL byte", bytes: utf8("ab") + [0x00] + utf8("c"), expected: .failure(byteOffset: 2, .binary)),
    DecodeCase(
      name: "UTF-16 LE without a BOM", bytes: utf16LE("Lima, Perú"),
      expected: .failure(byteOffset: 1, .utf16WithoutBOM(bigEndian: false))),
    DecodeCase(
      name: "UTF-16 BE without a BOM", bytes: utf16LE("Lima, Perú").map { $0 }.chunked2Swapped(),
      expected: .failure(byteOffset: 0, .utf16WithoutBOM(bigEndian: true))),
    DecodeCase(
      name: "NUL byte after a BOM", bytes: utf8BOM + utf8("é") + [0x00], expected: .failure(byteOffset: 5, .binary)),
    DecodeCase(
      name: "UTF-16 LE NUL unit", bytes: utf16LEBOM + utf16LE("A") + [0x00, 0x00],
      expected: .failure(byteOffset: 4, .binary)),
    DecodeCase(
      name: "UTF-16 LE odd length", bytes: utf16LEBOM + utf16LE("AB") + [0x43],
      expected: .failure(byteOffset: 6, .invalidUTF16)),
    DecodeCase(
      name: "UTF-16 BE odd length", bytes: utf16BEBOM + [0x00],
      expected: .failure(byteOffset: 2, .invalidUTF16)),
    DecodeCase(
      name: "UTF-16 LE lead surrogate at end", bytes: utf16LEBOM + utf16LE("A") + [0x3D, 0xD8],
      expected: .failure(byteOffset: 4, .invalidUTF16)),
    DecodeCase(
      name: "UTF-16 LE lead surrogate before a letter", bytes: utf16LEBOM + [0x3D, 0xD8] + utf16LE("A"),
      expected: .failure(byteOffset: 2, .invalidUTF16)),
    DecodeCase(
      name: "UTF-16 LE lone trail surrogate", bytes: utf16LEBOM + utf16LE("AB") + [0x00, 0xDC],
      expected: .failure(byteOffset: 6, .invalidUTF16)),
    DecodeCase(
      name: "UTF-16 BE unpaired lead after a pair", bytes: utf16BEBOM + utf16BE("😀") + [0xD8, 0x3D, 0x00, 0x41],
      expected: .failure(byteOffset: 6, .invalidUTF16)),
    DecodeCase(
      name: "UTF-16 BE trail before lead", bytes: utf16BEBOM + [0xDE, 0x00, 0xD8, 0x3D],
      expected: .failure(byteOffset: 2, .invalidUTF16)),
  ]

  @Test(arguments: valid)
  func decodes(_ c: DecodeCase) throws {
    guard case .text(let text, let encoding) = c.expected else { return }
    let decoded = try TextDecoder.decode(c.bytes)
    #expect(decoded.utf16 == Array(text.utf16))
    #expect(decoded.encoding == encoding)
  }

  @Test(arguments: invalid)
  func rejects(_ c: DecodeCase) {
    guard case .failure(let offset, let reason) = c.expected else { return }
    #expect(throws: DecodingError(byteOffset: offset, reason: reason)) {
      try TextDecoder.decode(c.bytes)
    }
  }

  @Test func everyBMPAndAstralScalarRoundTrips() throws {
    // One scalar of each UTF-8 length in every lead-byte row, against Swift's own decoder.
    var scalars: [Unicode.Scalar] = []
    for value in stride(from: 0x01, through: 0x10FFFF, by: 0x3F) {
      if let scalar = Unicode.Scalar(UInt32(value)) { scalars.append(scalar) }
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    let string = String(text)
    let decoded = try TextDecoder.decode(Array(string.utf8))
    #expect(decoded.utf16 == Array(string.utf16))
  }

  struct DescriptionCase: Sendable, CustomTestStringConvertible {
    var error: DecodingError
    var expected: String
    var testDescription: String { expected }
  }

  @Test(arguments: [
    DescriptionCase(
      error: DecodingError(byteOffset: 3, reason: .invalidUTF8), expected: "invalid UTF-8 at byte offset 3"),
    DescriptionCase(
      error: DecodingError(byteOffset: 0, reason: .binary), expected: "binary file (NUL byte at byte offset 0); skipped"
    ),
    DescriptionCase(
      error: DecodingError(byteOffset: 7, reason: .invalidUTF16), expected: "invalid UTF-16 at byte offset 7"),
    DescriptionCase(
      error: DecodingError(byteOffset: 1, reason: .utf16WithoutBOM(bigEndian: false)),
      expected: "UTF-16 (little-endian, by its NUL bytes) without a byte-order mark, which Quipu needs to read "
        + "UTF-16: save it as UTF-8, or as UTF-16 with a BOM; skipped"),
  ])
  func describesTheProblemAndItsPlace(_ c: DescriptionCase) {
    #expect(c.error.description == c.expected)
  }
}

extension Array where Element == UInt8 {
  /// The bytes with each pair swapped: UTF-16 LE as BE.
  fileprivate func chunked2Swapped() -> [UInt8] {
    var out = self
    for i in stride(from: 0, to: count - 1, by: 2) { out.swapAt(i, i + 1) }
    return out
  }
}
