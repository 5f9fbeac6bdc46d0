/// A gold mention: a span a person checked, and the entity it refers to.
///
/// Read from the shared gold format (`canonical`) or from Quipu's own `out/` format (`entity`),
/// so a reviewed `out/` folder can serve as gold.
public struct GoldMention: Hashable, Sendable {
  /// The document's base name (what predictions are matched by).
  public var doc: String
  /// Code point offsets, end exclusive.
  public var start: Int
  public var end: Int
  public var type: String
  /// The entity key resolution is scored against: `canonical`, or `entity` in out/ format.
  public var canonical: String
  /// An optional span is neither credited nor blamed: a prediction overlapping it is ignored.
  public var isOptional: Bool

  public init(doc: String, start: Int, end: Int, type: String, canonical: String, isOptional: Bool = false) {
    self.doc = doc
    self.start = start
    self.end = end
    self.type = type
    self.canonical = canonical
    self.isOptional = isOptional
  }
}

/// A predicted mention, as a line of a Quipu `out/docs/*.jsonl` file gives it.
public struct PredictedMention: Hashable, Sendable {
  /// The document's base name: predictions from `a/b.txt` are matched to gold `b.txt`.
  public var doc: String
  public var start: Int
  public var end: Int
  public var type: String
  /// The predicted entity id; nil (a cluster of its own) when the line has none.
  public var entity: String?

  public init(doc: String, start: Int, end: Int, type: String, entity: String?) {
    self.doc = doc
    self.start = start
    self.end = end
    self.type = type
    self.entity = entity
  }

  /// Half-open spans overlap: `a.start < b.end && b.start < a.end`.
  func overlaps(_ gold: GoldMention) -> Bool {
    gold.start < end && start < gold.end
  }
}

/// The last component of a `/`-separated path: `sub/a.txt` → `a.txt` (Python's `os.path.basename`).
func baseName(_ path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return path }
  return String(path[path.index(after: slash)...])
}
