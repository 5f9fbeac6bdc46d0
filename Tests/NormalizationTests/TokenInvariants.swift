import TestSupport
import Testing

@testable import Normalization

/// Records an issue for every broken promise of ``Document/tokens``:
/// - the document keeps the original text, unnormalized;
/// - each token's code point range `[start, end)` quotes the same scalars as its UTF-16 range
///   (compared scalar by scalar: `String ==` is canonical equivalence and would let an
///   NFC/NFD mix-up through);
/// - tokens are non-empty, in text order, and never overlap;
/// - sentence indexes never decrease and stay below `sentenceCount`;
/// - no token holds white space, and text between tokens is only white space or invisible.
func expectTokenInvariants(
  _ document: Document, of text: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    document.text == Array(text.utf16), "the document must keep the original text", sourceLocation: sourceLocation)
  let scalars = Array(text.unicodeScalars)
  var previous: Token?
  var covered = 0
  for (index, token) in document.tokens.enumerated() {
    let label = "token \(index) \(document.string(of: token).debugDescription)"
    guard token.start >= 0, token.start < token.end, Int(token.end) <= scalars.count,
      token.utf16Start >= 0, token.utf16Start < token.utf16End, Int(token.utf16End) <= document.text.count
    else {
      Issue.record("\(label): bad range \(token)", sourceLocation: sourceLocation)
      continue
    }
    let quoted = document.string(of: token)
    let byCodePoints = text.codePoints(Int(token.start), Int(token.end))
    #expect(
      Array(byCodePoints.unicodeScalars) == Array(quoted.unicodeScalars),
      "\(label): code point range [\(token.start), \(token.end)) quotes \(byCodePoints.debugDescription)",
      sourceLocation: sourceLocation)
    let before = String(decoding: document.text[0..<Int(token.utf16Start)], as: UTF16.self)
    #expect(
      before.unicodeScalars.count == Int(token.start), "\(label): start is not the code point offset of utf16Start",
      sourceLocation: sourceLocation)
    if let previous {
      #expect(previous.end <= token.start, "\(label) overlaps the token before it", sourceLocation: sourceLocation)
      #expect(previous.utf16End <= token.utf16Start, "\(label) overlaps in UTF-16", sourceLocation: sourceLocation)
      #expect(previous.sentence <= token.sentence, "\(label): sentence index went down", sourceLocation: sourceLocation)
    }
    #expect(
      token.sentence >= 0 && Int(token.sentence) < document.sentenceCount,
      "\(label): sentence \(token.sentence) of \(document.sentenceCount)", sourceLocation: sourceLocation)
    #expect(
      !quoted.unicodeScalars.contains { $0.properties.isWhitespace }, "\(label) holds white space",
      sourceLocation: sourceLocation)
    expectInvisible(scalars[covered..<Int(token.start)], "before \(label)", sourceLocation)
    covered = Int(token.end)
    previous = token
  }
  expectInvisible(scalars[min(covered, scalars.count)...], "after the last token", sourceLocation)
}

/// Text that no token covers must be white space or default-ignorable (ZWJ, ZWSP, ...).
private func expectInvisible(_ gap: ArraySlice<Unicode.Scalar>, _ place: String, _ sourceLocation: SourceLocation) {
  for scalar in gap where !(scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint) {
    Issue.record(
      "U+\(String(scalar.value, radix: 16, uppercase: true)) \(place) is in no token", sourceLocation: sourceLocation)
  }
}

extension Document {
  /// Every token's original text, in order.
  var tokenTexts: [String] { tokens.map(string(of:)) }
}

extension Normalizer {
  /// The key strings of a token, for readable expectations.
  func keyStrings(_ token: Token) -> (exact: String, folded: String, loose: String) {
    (lexicon.string(token.keys.exact), lexicon.string(token.keys.folded), lexicon.string(token.keys.loose))
  }
}

/// The UTF-16 code units of a string, for comparisons that must not treat NFC and NFD as equal.
func units(_ s: String) -> [UInt16] { Array(s.utf16) }
