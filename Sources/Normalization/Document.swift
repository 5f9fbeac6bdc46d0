/// A document on its way through the pipeline: its original text and its tokens.
///
/// Later stages add their own results beside it (mentions, entities) rather than rewriting it.
public struct Document: Sendable {
  /// The document's path relative to the input folder, with `/` separators.
  public let path: String
  /// The original text as UTF-16 code units, byte-order mark removed. Never normalized:
  /// every offset Quipu reports points into this text.
  public let text: [UInt16]
  /// Words, numbers and punctuation in text order; white space is not a token.
  public var tokens: [Token]
  /// How many sentences ICU's sentence iterator found.
  public var sentenceCount: Int

  public init(path: String, text: [UInt16], tokens: [Token], sentenceCount: Int) {
    self.path = path
    self.text = text
    self.tokens = tokens
    self.sentenceCount = sentenceCount
  }

  /// The original text of a UTF-16 range.
  public func string(utf16 range: Range<Int>) -> String {
    text.withUnsafeBufferPointer { String(utf16: UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// The original text of a token.
  public func string(of token: Token) -> String {
    string(utf16: Int(token.utf16Start)..<Int(token.utf16End))
  }

  /// The original text from the start of token `first` to the end of token `last`.
  public func string(fromToken first: Int, throughToken last: Int) -> String {
    string(utf16: Int(tokens[first].utf16Start)..<Int(tokens[last].utf16End))
  }
}
