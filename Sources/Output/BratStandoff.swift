import Normalization
import Resolution

/// Serializes one document in brat's standoff format, for annotation tools: a `.ann` file of
/// annotations and the `.txt` file they point into.
///
/// ```
/// T1	PERSON 0 8	Boluarte
/// #1	AnnotatorNotes T1	person/dina-boluarte (Dina Boluarte) rules/seeds/people.yaml:30
/// T2	PLACE 18 22	Perú
/// #2	AnnotatorNotes T2	country/pe (Peru) rules/seeds/places.yaml:41
/// ```
///
/// Offsets are characters (Unicode code points) of the `.txt`, end exclusive: what brat's
/// Python server counts. brat reads the `.txt` with universal newlines, so the `.txt`
/// written here is the decoded text (no byte-order mark) with `\r\n` and `\r` turned into
/// `\n`, and offsets count in it: they equal out/'s offsets unless the document has `\r`
/// line ends. The standoff format is line-based, so a mention that spans a line break is a
/// discontinuous annotation, one fragment per line (`T3	ORG 5 9;10 16	Lima Police`, the
/// fragments' texts joined by a space, as brat writes them). Each mention's entity id,
/// canonical name and rule go into an `AnnotatorNotes` comment, which brat shows on hover.
public enum BratStandoff {
  /// The `.txt` and `.ann` contents for a document.
  public static func render(_ mentions: [ResolvedMention], of document: Document) -> (text: [UInt8], annotations: [UInt8]) {
    let (scalars, offsets) = bratText(of: document)
    let tokens = document.tokens
    let ordered = mentions.sorted {
      (tokens[Int($0.firstToken)].start, tokens[Int($0.endToken) - 1].end)
        < (tokens[Int($1.firstToken)].start, tokens[Int($1.endToken) - 1].end)
    }
    var ann = ""
    for (index, mention) in ordered.enumerated() {
      let start = offsets[Int(tokens[Int(mention.firstToken)].start)]
      let end = offsets[Int(tokens[Int(mention.endToken) - 1].end)]
      let fragments = lineFragments(scalars, start, end)
      let spans = fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";")
      let text = fragments.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: " ")
      let id = index + 1
      ann += "T\(id)\t\(mention.type) \(spans)\t\(text)\n"
      ann += "#\(id)\tAnnotatorNotes T\(id)\t\(oneLine("\(mention.entityID) (\(mention.name)) \(mention.rule)"))\n"
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    return (Array(String(text).utf8), Array(ann.utf8))
  }

  /// `annotation.conf` for brat: the rule set's entity types, no relations, events or attributes.
  public static func configuration(types: [String]) -> [UInt8] {
    let lines =
      ["# Written by `quipu run --format brat`: the entity types of the rules.", "[entities]"] + types
      + ["", "[relations]", "", "[events]", "", "[attributes]", ""]
    return Array(lines.joined(separator: "\n").utf8)
  }

  /// The text as brat sees it (line ends as `\n`), and for every code point offset of the
  /// original text (end included) the offset in it.
  static func bratText(of document: Document) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
    var original = Array(document.string(utf16: 0..<document.text.count).unicodeScalars)
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    scalars.reserveCapacity(original.count)
    offsets.reserveCapacity(original.count + 1)
    original.append("\0")  // a sentinel, so the look-ahead needs no bounds check
    for i in 0..<original.count - 1 {
      offsets.append(scalars.count)
      let scalar = original[i]
      if scalar == "\r" {
        if original[i + 1] != "\n" { scalars.append("\n") }  // "\r\n" keeps its "\n" only
      } else {
        scalars.append(scalar)
      }
    }
    offsets.append(scalars.count)
    return (scalars, offsets)
  }

  /// The ranges of `start..<end` between line ends: one range for a mention on one line.
  static func lineFragments(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> [Range<Int>] {
    var fragments: [Range<Int>] = []
    var from = start
    for i in start..<end where scalars[i] == "\n" {
      if i > from { fragments.append(from..<i) }
      from = i + 1
    }
    if end > from { fragments.append(from..<end) }
    return fragments
  }

  /// Line ends and tabs would break a standoff line; they become spaces.
  static func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
  }
}
