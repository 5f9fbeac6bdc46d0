import Foundation
import Normalization

/// A mention with the words around it, read from its input document.
public struct ContextLine: Hashable, Sendable {
  /// Words before the mention (with a leading "…" when the paragraph goes on).
  public var before: String
  /// The mention's text.
  public var text: String
  /// Words after the mention (with a trailing "…" when the paragraph goes on).
  public var after: String

  public init(before: String = "", text: String, after: String = "") {
    self.before = before
    self.text = text
    self.after = after
  }
}

/// Reads input documents to show the words around each mention.
///
/// Offsets are code points of the decoded text (a byte-order mark is not counted), as in
/// `out/`. Without an input folder, or when the document is missing or no longer has the
/// mention's text at its offsets (it was edited since the run), the context is the mention
/// text alone. Line breaks and runs of spaces become one space.
public final class MentionContext {
  let inputFolder: String?
  /// How many code points of context to take on each side, before trimming to whole words.
  let width: Int
  private var documents: [String: [Unicode.Scalar]?] = [:]

  public init(inputFolder: String?, width: Int = 40) {
    self.inputFolder = inputFolder
    self.width = width
  }

  public func line(for mention: OutputMention) -> ContextLine {
    guard let scalars = document(mention.doc), mention.start >= 0, mention.start <= mention.end,
      mention.end <= scalars.count
    else { return ContextLine(text: Self.oneLine(mention.text)) }
    let text = Self.string(scalars[mention.start..<mention.end])
    guard text == mention.text else { return ContextLine(text: Self.oneLine(mention.text)) }
    var before = Self.string(scalars[max(0, mention.start - width)..<mention.start])
    var after = Self.string(scalars[mention.end..<min(scalars.count, mention.end + width)])
    // Cut inside the paragraph: drop the word the window splits (unless the cut falls on a
    // space), and say the text goes on.
    let cutBefore = mention.start - width
    if cutBefore > 0 {
      let splitsWord = !Character(scalars[cutBefore - 1]).isWhitespace
      if splitsWord, let space = before.firstIndex(where: \.isWhitespace) { before = String(before[space...]) }
      before = "… " + before
    }
    let cutAfter = mention.end + width
    if cutAfter < scalars.count {
      let splitsWord = !Character(scalars[cutAfter]).isWhitespace
      if splitsWord, let space = after.lastIndex(where: \.isWhitespace) { after = String(after[..<space]) }
      after += " …"
    }
    let head = Self.oneLine(before, trimming: false).drop(while: \.isWhitespace)
    var tail = Self.oneLine(after, trimming: false)
    while tail.last?.isWhitespace == true { tail.removeLast() }
    return ContextLine(before: String(head), text: Self.oneLine(text), after: tail)
  }

  private func document(_ doc: String) -> [Unicode.Scalar]? {
    guard let inputFolder else { return nil }
    if let cached = documents[doc] { return cached }
    var scalars: [Unicode.Scalar]?
    let path = (inputFolder.hasSuffix("/") ? inputFolder : inputFolder + "/") + doc
    if let data = FileManager.default.contents(atPath: path),
      let decoded = try? TextDecoder.decode([UInt8](data), replacingInvalid: true)
    {
      scalars = Array(String(decoding: decoded.utf16, as: UTF16.self).unicodeScalars)
    }
    documents[doc] = scalars
    return scalars
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Collapses whitespace runs (line breaks included) to one space.
  public static func oneLine(_ text: String, trimming: Bool = true) -> String {
    var out = ""
    var pendingSpace = false
    for character in text {
      if character.isWhitespace {
        pendingSpace = true
      } else {
        if pendingSpace, !(trimming && out.isEmpty) { out.append(" ") }
        pendingSpace = false
        out.append(character)
      }
    }
    if pendingSpace, !trimming { out.append(" ") }
    return out
  }
}
