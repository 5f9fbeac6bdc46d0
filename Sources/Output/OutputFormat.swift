import Normalization
import Resolution

/// What `quipu run --format` writes for each document. `entities.jsonl` is written in every
/// format.
///
/// | format  | files |
/// |---------|-------|
/// | `jsonl` | `docs/<path>.jsonl`: one JSON line per mention (``MentionLines``), the default |
/// | `conll` | `docs/<path>.conll`: BIO labels per token (``CoNLLLines``) |
/// | `brat`  | `docs/<path>.ann` and `docs/<path>.txt` (``BratStandoff``), and `docs/annotation.conf` |
/// | `spans` | `spans.jsonl`: one line per document (``SpanLines``) |
///
/// A run removes the stale files of its own format only (those of documents that are gone
/// or failed), never another format's, so formats can share an output folder without one
/// run deleting another's results.
public enum OutputFormat: String, CaseIterable, Sendable {
  case jsonl, conll, brat, spans

  /// A file of one document: `docs/<path>` + `suffix`.
  public struct DocumentFile: Sendable {
    public var suffix: String
    public var bytes: [UInt8]
  }

  /// The suffixes of the per-document files this format writes.
  public var documentSuffixes: [String] {
    switch self {
    case .jsonl: [".jsonl"]
    case .conll: [".conll"]
    case .brat: [".ann", ".txt"]
    case .spans: []
    }
  }

  /// The per-document files for a document's mentions.
  public func documentFiles(_ mentions: [ResolvedMention], of document: Document, explain: Bool = false) -> [DocumentFile] {
    switch self {
    case .jsonl:
      return [DocumentFile(suffix: ".jsonl", bytes: MentionLines.render(mentions, of: document, explain: explain))]
    case .conll:
      return [DocumentFile(suffix: ".conll", bytes: CoNLLLines.render(mentions, of: document))]
    case .brat:
      let (text, annotations) = BratStandoff.render(mentions, of: document)
      return [DocumentFile(suffix: ".ann", bytes: annotations), DocumentFile(suffix: ".txt", bytes: text)]
    case .spans:
      return []
    }
  }

  /// Whether every document contributes a line to a collection file (`spans.jsonl`): a run in
  /// such a format needs every document's line, so it reuses no earlier output.
  public var collectsDocumentLines: Bool { self == .spans }

  /// The line a document contributes to this format's one collection file, if it has one.
  public func collectionLine(_ mentions: [ResolvedMention], of document: Document) -> [UInt8]? {
    self == .spans ? SpanLines.render(mentions, of: document) : nil
  }

  /// Files written once per run, as (path relative to the output folder, contents), given
  /// each document's collection line in document order and the rule set's types.
  public func collectionFiles(lines: [[UInt8]], types: [String]) -> [(path: String, bytes: [UInt8])] {
    switch self {
    case .jsonl, .conll: []
    case .brat: [("docs/annotation.conf", BratStandoff.configuration(types: types))]
    case .spans: [("spans.jsonl", Array(lines.joined()))]
    }
  }
}
