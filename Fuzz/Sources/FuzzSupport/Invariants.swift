import Foundation
import Normalization
import Output
import Recognition
import Resolution

/// Traps with `message` when `condition` is false: libFuzzer reports the trap as a crash and
/// saves the input. Checks stay on in release builds, unlike `assert`.
@inline(__always)
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() { fatalError("fuzz invariant broken: \(message())") }
}

/// `QUIPU_FUZZ_VERBOSE=1` prints what each input did (compile errors, mention counts), for
/// replaying a corpus by hand: `Fuzz/run.sh patterns repro Fuzz/Corpus/patterns/*`.
public let verbose = ProcessInfo.processInfo.environment["QUIPU_FUZZ_VERBOSE"] == "1"

/// Prints to stderr when ``verbose``.
public func trace(_ message: @autoclosure () -> String) {
  if verbose { FileHandle.standardError.write(Data((message() + "\n").utf8)) }
}

/// The fuzzer's bytes, copied once.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
  guard let data, size > 0 else { return [] }
  return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Checks every promise of ``Document/tokens`` in O(text), trapping on the first broken one:
/// - each token's UTF-16 range is non-empty, inside the text and on scalar boundaries;
/// - its code point range `[start, end)` is the code point offset of its UTF-16 range;
/// - tokens come in text order and never overlap; sentence indexes never decrease and stay
///   below `sentenceCount`;
/// - no token is only white space, and no token holds white space at all (docs/REFERENCE.md,
///   "Tokens": "white space never does" become a token; Normalizer: "white space is never part
///   of a token");
/// - text between tokens is white space or default-ignorable (every visible character is in a token).
public func checkTokens(_ document: Document) {
  let text = document.text
  let n = text.count
  // Code points before each UTF-16 offset; -1 inside a surrogate pair.
  var points = [Int32](repeating: 0, count: n + 1)
  var count: Int32 = 0
  var i = 0
  while i < n {
    points[i] = count
    if UTF16.isLeadSurrogate(text[i]) {
      require(i + 1 < n && UTF16.isTrailSurrogate(text[i + 1]), "unpaired lead surrogate at UTF-16 offset \(i)")
      points[i + 1] = -1
      i += 2
    } else {
      require(!UTF16.isTrailSurrogate(text[i]), "unpaired trail surrogate at UTF-16 offset \(i)")
      i += 1
    }
    count += 1
  }
  points[n] = count

  var covered = 0
  var previous: Token?
  for (index, token) in document.tokens.enumerated() {
    let s = Int(token.utf16Start)
    let e = Int(token.utf16End)
    let label = "token \(index) [\(s), \(e)) of \(n) UTF-16 units"
    require(0 <= s && s < e && e <= n, "\(label): bad UTF-16 range")
    require(points[s] >= 0 && points[e] >= 0, "\(label): splits a surrogate pair")
    require(token.start == points[s] && token.end == points[e],
      "\(label): code points [\(token.start), \(token.end)) should be [\(points[s]), \(points[e]))")
    if let previous {
      require(previous.utf16End <= token.utf16Start, "\(label) overlaps the token before it")
      require(previous.start < token.start, "\(label): code point offsets do not increase")
      require(previous.sentence <= token.sentence, "\(label): sentence index went down")
    }
    require(token.sentence >= 0 && Int(token.sentence) < document.sentenceCount,
      "\(label): sentence \(token.sentence) of \(document.sentenceCount)")
    let scalars = String(decoding: text[s..<e], as: UTF16.self).unicodeScalars
    require(!scalars.allSatisfy { $0.properties.isWhitespace }, "\(label) is only white space: \(hex(scalars))")
    require(!scalars.contains { $0.properties.isWhitespace }, "\(label) holds white space: \(hex(scalars))")
    requireInvisible(text[covered..<s], "before \(label)")
    covered = e
    previous = token
  }
  requireInvisible(text[min(covered, n)...], "after the last token")
}

private func requireInvisible(_ gap: ArraySlice<UInt16>, _ place: String) {
  for scalar in String(decoding: gap, as: UTF16.self).unicodeScalars {
    let p = scalar.properties
    require(p.isWhitespace || p.isDefaultIgnorableCodePoint, "U+\(hex(scalar)) \(place) is in no token")
  }
}

/// Checks recognizer output: mentions inside the document, non-empty, disjoint, in text order.
public func checkMentions(_ mentions: [Mention], tokenCount: Int) {
  var end: Int32 = 0
  for (index, m) in mentions.enumerated() {
    require(0 <= m.firstToken && m.firstToken < m.endToken && Int(m.endToken) <= tokenCount,
      "mention \(index) tokens [\(m.firstToken), \(m.endToken)) of \(tokenCount)")
    require(m.firstToken >= end, "mention \(index) overlaps the one before it or is out of order")
    end = m.endToken
  }
}

/// Checks a whole extraction: recognized and resolved mentions in order and disjoint, and
/// one JSON line per mention.
public func checkExtraction(_ extracted: (document: Document, mentions: [Mention], resolved: [ResolvedMention])) {
  let doc = extracted.document
  checkMentions(extracted.mentions, tokenCount: doc.tokens.count)
  var end: Int32 = 0
  for (index, m) in extracted.resolved.enumerated() {
    require(0 <= m.firstToken && m.firstToken < m.endToken && Int(m.endToken) <= doc.tokens.count,
      "resolved mention \(index) tokens [\(m.firstToken), \(m.endToken)) of \(doc.tokens.count)")
    require(m.firstToken >= end, "resolved mention \(index) overlaps the one before it or is out of order")
    require(!m.entityID.isEmpty, "resolved mention \(index) has no entity id")
    end = m.endToken
  }
  trace("\(doc.tokens.count) tokens, \(extracted.mentions.count) mentions, \(extracted.resolved.count) resolved")
  let lines = MentionLines.render(extracted.resolved, of: doc, explain: true)
  require(lines.filter { $0 == 0x0A }.count == extracted.resolved.count, "one JSON line per mention")
}

public func hex(_ scalar: Unicode.Scalar) -> String { String(scalar.value, radix: 16, uppercase: true) }

public func hex(_ scalars: String.UnicodeScalarView) -> String { scalars.map { "U+" + hex($0) }.joined(separator: " ") }
