import Normalization
import Resolution

/// Serializes one document's mentions as JSON Lines: the per-document output file.
///
/// One line per mention, ordered by `start`, then `end`, with the keys
/// `doc`, `start`, `end`, `text`, `type`, `entity`, `name`, `rule`, `how`, and `lang` (the
/// language of the mention's paragraph, when one was recognized) in that order.
/// `start`/`end` are code point offsets into the original text (Python `str` indices),
/// `text` is exactly those original characters.
public enum MentionLines {
  ///
  /// When resolution could not decide between entities sharing an alias, the line ends with
  /// `candidates` (their ids, best first). With `explain`, a last key `why` says how the
  /// entity was chosen.
  ///
  /// `offset` is added to every `start`/`end`: a large document read in pieces passes where
  /// each piece starts, so offsets stay global.
  public static func render(
    _ mentions: [ResolvedMention], of document: Document, explain: Bool = false, offset: Int = 0
  ) -> [UInt8] {
    let tokens = document.tokens
    // Indexes sorted, not mentions: a large document's mentions are a long array of large
    // values. Ties keep the mentions' order, as a stable sort of the mentions would.
    let spans = mentions.map { (tokens[Int($0.firstToken)].start, tokens[Int($0.endToken) - 1].end) }
    let ordered = mentions.indices.sorted { (spans[$0].0, spans[$0].1, $0) < (spans[$1].0, spans[$1].1, $1) }
    var out: [UInt8] = []
    for mention in ordered.lazy.map({ mentions[$0] }) {
      let first = tokens[Int(mention.firstToken)]
      let last = tokens[Int(mention.endToken) - 1]
      var line = JSONLine()
      line.add("doc", document.path)
      line.add("start", offset + Int(first.start))
      line.add("end", offset + Int(last.end))
      line.add("text", document.string(utf16: Int(first.utf16Start)..<Int(last.utf16End)))
      line.add("type", mention.type)
      line.add("entity", mention.entityID)
      line.add("name", mention.name)
      line.add("rule", mention.rule.description)
      line.add("how", mention.how)
      if let language = mention.language { line.add("lang", language) }
      if !mention.candidates.isEmpty { line.add("candidates", mention.candidates) }
      if explain { line.add("why", mention.why) }
      out += line.finished()
    }
    return out
  }
}
