import Normalization
import Resolution

/// Serializes one document as one JSON line of text and labelled spans, the form that
/// annotation tools such as Prodigy (`spans`) and doccano read.
///
/// ```json
/// {"text":"Boluarte visitó el Perú.","spans":[{"start":0,"end":8,"label":"PERSON"},{"start":19,"end":23,"label":"PLACE"}],"meta":{"doc":"a.txt"}}
/// ```
/// `text` is the whole decoded document (no byte-order mark; line ends as they are);
/// `start`/`end` are code point offsets into it, as in out/ (Python `str` indices), ordered
/// by start, then end; `meta.doc` is the document's path. `quipu run --format spans` writes
/// one such line per document, in path order, to `spans.jsonl`.
public enum SpanLines {
  public static func render(_ mentions: [ResolvedMention], of document: Document) -> [UInt8] {
    let tokens = document.tokens
    let spans = mentions.map { (Int(tokens[Int($0.firstToken)].start), Int(tokens[Int($0.endToken) - 1].end), $0.type) }
      .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    var out: [UInt8] = Array(#"{"text":"#.utf8)
    JSONLine.appendString(document.string(utf16: 0..<document.text.count), to: &out)
    out += Array(#","spans":["#.utf8)
    for (index, (start, end, label)) in spans.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out += Array(#"{"start":\#(start),"end":\#(end),"label":"#.utf8)
      JSONLine.appendString(label, to: &out)
      out.append(UInt8(ascii: "}"))
    }
    out += Array(#"],"meta":{"doc":"#.utf8)
    JSONLine.appendString(document.path, to: &out)
    out += Array("}}\n".utf8)
    return out
  }
}
