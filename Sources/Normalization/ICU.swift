import CICU

/// An ICU failure, with ICU's own name for the error code.
public struct ICUError: Error, CustomStringConvertible, Sendable {
  public var operation: String
  public var code: Int32
  public var description: String {
    "ICU \(operation) failed: \(String(cString: quipu_icu_error_name(code)))"
  }
}

/// The version of the system ICU that Quipu runs on, e.g. "72.1".
public let icuVersion: String = String(cString: quipu_icu_version())

/// A UAX #29 break iterator over UTF-16 text (word or sentence boundaries).
///
/// Not thread-safe: each worker owns its own (see ``Normalizer``).
final class BreakIterator {
  enum Kind { case word, sentence }
  private let handle: OpaquePointer

  init(_ kind: Kind, locale: String = "") throws(ICUError) {
    var status: Int32 = 0
    let h = quipu_breaker_open(kind == .word ? Int32(QUIPU_BREAK_WORD) : Int32(QUIPU_BREAK_SENTENCE), locale, &status)
    guard let h, quipu_icu_failed(status) == 0 else { throw ICUError(operation: "ubrk_open", code: status) }
    handle = h
  }

  deinit { quipu_breaker_close(handle) }

  /// Calls `body(boundary, ruleStatus)` for every boundary after the start of `text`.
  ///
  /// The text pointer is only valid during the call, which is why iteration is a closure.
  func forEachBoundary(
    in text: UnsafeBufferPointer<UInt16>, _ body: (_ boundary: Int, _ status: Int32) -> Void
  ) {
    guard let base = text.baseAddress, !text.isEmpty else { return }
    _ = quipu_breaker_set_text(handle, base, Int32(text.count))
    while true {
      let next = quipu_breaker_next(handle)
      if next < 0 { break }
      body(Int(next), quipu_breaker_rule_status(handle))
    }
  }
}

/// The Unicode normalization forms Quipu uses.
enum NormalizationForm {
  /// Canonical composition: "e\u{301}" → "é".
  case nfc
  /// NFKC, full case folding, default ignorables removed: "ＣＧＴＰ" → "cgtp", "Straße" → "strasse".
  case nfkcCasefold

  var code: Int32 { self == .nfc ? Int32(QUIPU_NORM_NFC) : Int32(QUIPU_NORM_NFKC_CASEFOLD) }

  /// `text` in this form. A quick check skips the work when the text already is.
  func apply(_ text: UnsafeBufferPointer<UInt16>) -> [UInt16] {
    guard let base = text.baseAddress, !text.isEmpty else { return [] }
    if quipu_norm_is_normalized(code, base, Int32(text.count)) != 0 { return Array(text) }
    var capacity = text.count * 3 + 8
    while true {
      var status: Int32 = 0
      var out = [UInt16](repeating: 0, count: capacity)
      let n = out.withUnsafeMutableBufferPointer {
        quipu_norm_normalize(code, base, Int32(text.count), $0.baseAddress, Int32(capacity), &status)
      }
      if quipu_icu_failed(status) == 0 {
        out.removeSubrange(Int(n)...)
        return out
      }
      // Only an overflow can happen with valid UTF-16; any other failure keeps the input.
      guard Int(n) > capacity else { return Array(text) }
      capacity = Int(n)
    }
  }
}

/// An ICU transliterator (e.g. "Any-Latin; Latin-ASCII"). Not thread-safe.
final class Transliterator {
  private let handle: OpaquePointer

  init(_ id: String) throws(ICUError) {
    var status: Int32 = 0
    let units = Array(id.utf16)
    let h = units.withUnsafeBufferPointer { quipu_transliterator_open($0.baseAddress, Int32($0.count), &status) }
    guard let h, quipu_icu_failed(status) == 0 else { throw ICUError(operation: "utrans_openU(\(id))", code: status) }
    handle = h
  }

  deinit { quipu_transliterator_close(handle) }

  func apply(_ text: [UInt16]) -> [UInt16] {
    guard !text.isEmpty else { return [] }
    var capacity = text.count * 4 + 16
    while true {
      var status: Int32 = 0
      var out = [UInt16](repeating: 0, count: capacity)
      let n = text.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer {
          quipu_transliterate(handle, src.baseAddress, Int32(src.count), $0.baseAddress, Int32(capacity), &status)
        }
      }
      if quipu_icu_failed(status) == 0 {
        out.removeSubrange(Int(n)...)
        return out
      }
      guard Int(n) > capacity else { return text }
      capacity = Int(n) + 16
    }
  }
}

/// The ICU script code for an ISO 15924 short name ("Latn" → 25), or nil if unknown.
public func scriptCode(named name: String) -> UInt8? {
  for code in Int32(0)..<Int32(256) where String(cString: quipu_script_short_name(code)) == name {
    return UInt8(code)
  }
  return nil
}

/// The ISO 15924 short name of the script of `scalar` ("Latn", "Cyrl", "Hani", "Zyyy" for common).
public func scriptName(of scalar: Unicode.Scalar) -> String {
  String(cString: quipu_script_short_name(quipu_script_of(scalar.value)))
}

/// A compiled ICU regular expression that matches whole token texts, with a time limit.
///
/// Not thread-safe: ``clone()`` one per worker.
public final class ICURegex {
  /// A syntax error at a UTF-16 offset of the pattern (or nil when ICU gave none).
  public struct SyntaxError: Error, Sendable {
    public var offset: Int?
    public var message: String
  }

  /// ICU's unit for time limits: matching steps of roughly a millisecond each.
  public static let defaultTimeLimit: Int32 = 50

  private let handle: OpaquePointer

  public init(_ pattern: String, timeLimit: Int32 = ICURegex.defaultTimeLimit) throws(SyntaxError) {
    let units = Array(pattern.utf16)
    var status: Int32 = 0
    var offset: Int32 = -1
    let h = units.withUnsafeBufferPointer { quipu_regex_open($0.baseAddress, Int32($0.count), &offset, &status) }
    guard let h, quipu_icu_failed(status) == 0 else {
      if let h { quipu_regex_close(h) }
      throw SyntaxError(
        offset: offset >= 0 ? Int(offset) : nil, message: String(cString: quipu_icu_error_name(status)))
    }
    handle = h
    _ = quipu_regex_set_time_limit(h, timeLimit)
  }

  private init(handle: OpaquePointer) { self.handle = handle }

  deinit { quipu_regex_close(handle) }

  public func clone() -> ICURegex? {
    var status: Int32 = 0
    guard let h = quipu_regex_clone(handle, &status), quipu_icu_failed(status) == 0 else { return nil }
    return ICURegex(handle: h)
  }

  /// Whether the whole text matches; nil when the time limit ran out.
  public func matches(_ text: UnsafeBufferPointer<UInt16>) -> Bool? {
    let r = quipu_regex_matches(handle, text.baseAddress ?? UnsafePointer(bitPattern: 1), Int32(text.count))
    return r < 0 ? nil : r == 1
  }
}

extension String {
  /// The string in Unicode NFC, by ICU (a quick check first: most text already is). Foundation's
  /// `precomposedStringWithCanonicalMapping` gives the same and took a hundred times longer.
  public var canonicallyComposed: String {
    let units = Array(utf16)
    return units.withUnsafeBufferPointer { units in
      guard let base = units.baseAddress, quipu_norm_is_normalized(NormalizationForm.nfc.code, base, Int32(units.count)) == 0
      else { return self }
      let composed = NormalizationForm.nfc.apply(units)
      return composed.withUnsafeBufferPointer { String(utf16: $0) }
    }
  }
}
