import Foundation

/// Decimal formatting that rounds exactly as Python's does, so eval's table and JSON agree
/// with the reference scorer's to the last digit.
///
/// Python's `f"{x:.3f}"` and `round(x, 4)` round the exact binary value of `x`, ties to even;
/// C's `printf("%.*f")` does the same (glibc and Darwin libc both print exactly).
enum DecimalFormatting {
  /// `x` with `digits` decimals: Python's `f"{x:.{digits}f}"`.
  static func fixed(_ x: Double, digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Python's `round(x, digits)`: the double nearest to `x` rounded to `digits` decimals.
  static func rounded(_ x: Double, digits: Int) -> Double {
    Double(fixed(x, digits: digits)) ?? x
  }

  /// Python's `repr` of a float: the shortest text that reads back as the same double
  /// (`1.0`, `0.9512`), which is also what Swift prints.
  static func shortest(_ x: Double) -> String { "\(x)" }

  /// `text` left-aligned in `width` characters (Python's `f"{text:8}"`); never truncated.
  static func padRight(_ text: String, _ width: Int) -> String {
    let count = text.unicodeScalars.count
    return count >= width ? text : text + String(repeating: " ", count: width - count)
  }

  /// `n` right-aligned in `width` characters (Python's `f"{n:5}"`).
  static func padLeft(_ n: Int, _ width: Int) -> String {
    let text = String(n)
    return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}
