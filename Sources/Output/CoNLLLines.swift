import Normalization
import Resolution

/// Serializes one document as CoNLL-style BIO lines, for sequence-labelling tools.
///
/// One line per token, `token<TAB>label`, where the label is `B-TYPE` on a mention's first
/// token, `I-TYPE` on its other tokens and `O` elsewhere; a blank line ends each sentence
/// (ICU's sentence boundaries). Tokens are the Normalization stage's: words, numbers and
/// punctuation marks, never white space.
///
/// ```
/// Boluarte	B-PERSON
/// visitó	O
/// el	O
/// Perú	B-PLACE
/// .	O
///
/// ```
/// A mention that crosses a sentence boundary keeps its sentences together (no blank line
/// inside a mention), so every `I-` follows its `B-`.
public enum CoNLLLines {
  public static func render(_ mentions: [ResolvedMention], of document: Document) -> [UInt8] {
    let tokens = document.tokens
    var labels = [String](repeating: "O", count: tokens.count)
    var insideMention = [Bool](repeating: false, count: tokens.count)
    for mention in mentions {
      let first = Int(mention.firstToken)
      labels[first] = "B-" + mention.type
      for t in first + 1..<Int(mention.endToken) {
        labels[t] = "I-" + mention.type
        insideMention[t] = true
      }
    }
    var out = ""
    for (index, token) in tokens.enumerated() {
      if index > 0, token.sentence != tokens[index - 1].sentence, !insideMention[index] { out += "\n" }
      out += cell(document.string(of: token)) + "\t" + labels[index] + "\n"
    }
    if !tokens.isEmpty { out += "\n" }
    return Array(out.utf8)
  }

  /// A token as one cell: white space (never inside a token, but a tab or a line end would
  /// break the format) becomes `_`.
  static func cell(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: \.properties.isWhitespace) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.isWhitespace ? "_" : $0 }))
  }
}
