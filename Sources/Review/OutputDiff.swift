/// What happened to one mention between two output folders.
public enum ChangeKind: Int, CaseIterable, Comparable, Sendable {
  /// A span only the new output has.
  case added
  /// A span only the old output has.
  case removed
  /// Same span, another type (`PLACE` became `ORG`).
  case retyped
  /// Same span and type, another entity (`country/us` became `geonames/4140963`).
  case relinked
  /// Same span, type and entity; only the `rule` string differs (`people.yaml:30` became
  /// `people.yaml:31` because a line was added above it, or `people.yaml#dina-boluarte`).
  case ruleRenamed

  public static func < (a: ChangeKind, b: ChangeKind) -> Bool { a.rawValue < b.rawValue }

  public var label: String {
    switch self {
    case .added: "added"
    case .removed: "removed"
    case .retyped: "retyped"
    case .relinked: "relinked"
    case .ruleRenamed: "rule renamed"
    }
  }

  /// The kinds a reviewer reads one by one; `ruleRenamed` is only counted by default.
  public static let listed: [ChangeKind] = [.added, .removed, .retyped, .relinked]
}

/// One changed mention: the old line, the new line, or both.
public struct MentionChange: Hashable, Sendable {
  public var kind: ChangeKind
  public var old: OutputMention?
  public var new: OutputMention?

  public init(kind: ChangeKind, old: OutputMention?, new: OutputMention?) {
    precondition(old != nil || new != nil, "a change has a side")
    self.kind = kind
    self.old = old
    self.new = new
  }

  /// The line that says where the mention is now: the new one, or the old one when removed.
  public var mention: OutputMention { new ?? old! }

  /// The rule a reviewer holds responsible: the new line's, or the old line's when removed.
  public var rule: String { mention.rule }

  /// The entity the mention now resolves to, or resolved to when removed.
  public var entity: String { mention.entity }

  /// The type the mention now has, or had when removed.
  public var type: String { mention.type }

  /// The entities involved: the old and the new one of a relinked or retyped mention.
  public var entities: [String] {
    guard let old, let new, old.entity != new.entity else { return [entity] }
    return [old.entity, new.entity]
  }

  /// Document order, then kind, then type, entity and rule (new, then old): one total order,
  /// so reports are byte-identical whatever order the files were read in.
  static func precedes(_ a: MentionChange, _ b: MentionChange) -> Bool {
    let x = a.mention
    let y = b.mention
    if !x.doc.utf8.elementsEqual(y.doc.utf8) || x.start != y.start || x.end != y.end {
      return OutputMention.precedesInDocumentOrder(x, y)
    }
    if a.kind != b.kind { return a.kind < b.kind }
    let keys = [
      (x.type, y.type), (x.entity, y.entity), (x.rule, y.rule), (a.old?.type ?? "", b.old?.type ?? ""),
      (a.old?.entity ?? "", b.old?.entity ?? ""), (a.old?.rule ?? "", b.old?.rule ?? ""),
    ]
    for (p, q) in keys where p != q {
      return p.utf8.lexicographicallyPrecedes(q.utf8)
    }
    return false
  }
}

/// The mention-level difference between two output folders.
///
/// Mentions are matched by span (`doc`, `start`, `end`). At each span, lines that agree on type,
/// entity and rule are unchanged; of the rest, lines that agree on type and entity are
/// `ruleRenamed`, then lines that agree on type are `relinked`, then any two lines are
/// `retyped`, and what is left is `added` or `removed`. Other keys (`name`, `how`, `lang`) are
/// not compared: they follow the entity, or the input, not the rules.
///
/// - Complexity: O(n log n) in the number of mention lines.
public struct OutputDiff: Sendable {
  /// Every change, in document order (see `MentionChange.precedes`).
  public let changes: [MentionChange]

  public init(old: [OutputMention], new: [OutputMention]) {
    // Document paths are compared as bytes: `String ==` would take NFC and NFD `é.txt`, two
    // files, for one.
    struct Span: Hashable {
      var doc: [UInt8]
      var start: Int
      var end: Int
    }
    var sides: [Span: (old: [OutputMention], new: [OutputMention])] = [:]
    for m in old { sides[Span(doc: Array(m.doc.utf8), start: m.start, end: m.end), default: ([], [])].old.append(m) }
    for m in new { sides[Span(doc: Array(m.doc.utf8), start: m.start, end: m.end), default: ([], [])].new.append(m) }
    var changes: [MentionChange] = []
    for (_, side) in sides {
      var before = side.old
      var after = side.new
      // Pair lines by the strictest agreement first; `nil` kind means unchanged.
      let passes: [(ChangeKind?, (OutputMention, OutputMention) -> Bool)] = [
        (nil, { $0.type == $1.type && $0.entity == $1.entity && $0.rule == $1.rule }),
        (.ruleRenamed, { $0.type == $1.type && $0.entity == $1.entity }),
        (.relinked, { $0.type == $1.type }),
        (.retyped, { _, _ in true }),
      ]
      for (kind, agrees) in passes {
        var i = 0
        while i < before.count {
          if let j = after.firstIndex(where: { agrees(before[i], $0) }) {
            if let kind { changes.append(MentionChange(kind: kind, old: before[i], new: after[j])) }
            before.remove(at: i)
            after.remove(at: j)
          } else {
            i += 1
          }
        }
      }
      changes += before.map { MentionChange(kind: .removed, old: $0, new: nil) }
      changes += after.map { MentionChange(kind: .added, old: nil, new: $0) }
    }
    self.changes = changes.sorted(by: MentionChange.precedes)
  }

  /// True when some mention was added, removed, retyped or relinked. A rule reference that
  /// only moved (`ruleRenamed`) is not a change of what was found.
  public var hasChanges: Bool { changes.contains { $0.kind != .ruleRenamed } }

  /// How many changes of each kind.
  public var counts: [ChangeKind: Int] {
    var result: [ChangeKind: Int] = [:]
    for change in changes { result[change.kind, default: 0] += 1 }
    return result
  }

  /// Counts of the listed kinds per key (type, rule, entity), keys in UTF-8 byte order.
  public func counts(by key: (MentionChange) -> String) -> [(key: String, counts: [ChangeKind: Int])] {
    var table: [String: [ChangeKind: Int]] = [:]
    for change in changes where change.kind != .ruleRenamed { table[key(change), default: [:]][change.kind, default: 0] += 1 }
    return table.map { (key: $0.key, counts: $0.value) }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
  }

  /// The changes of `kinds` grouped by key (a change may sit in several groups: a relinked
  /// mention under its old and its new entity), groups in UTF-8 byte order of their key,
  /// changes in document order inside each group.
  public func groups(by keys: (MentionChange) -> [String], including kinds: Set<ChangeKind> = Set(ChangeKind.listed))
    -> [(key: String, changes: [MentionChange])]
  {
    var table: [String: [MentionChange]] = [:]
    for change in changes where kinds.contains(change.kind) {
      var seen: Set<String> = []
      for key in keys(change) where seen.insert(key).inserted { table[key, default: []].append(change) }
    }
    return table.map { (key: $0.key, changes: $0.value) }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
  }
}
