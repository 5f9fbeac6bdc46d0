import Resolution

/// Counts, across documents, how often each canonical entity was mentioned and where:
/// the source of `entities.jsonl`.
///
/// A value type that workers fill separately and ``merge(_:)`` combines, so the result is
/// the same whatever the order documents finished in: every field is a sum, a union, or a
/// choice by byte order, never "the first one seen". That is also what lets `quipu merge`
/// combine the tables of shards run on different machines (see DESIGN.md, Sharded runs).
public struct EntityTable: Sendable {
  public struct Row: Hashable, Sendable {
    public var id: String
    public var type: String
    /// The display name. An unlisted entity can be written differently in two documents
    /// ("Aníbal Garzón", "Anibal Garzon", "ANÍBAL GARZÓN" share `~person/anibal-garzon`); the
    /// name that sorts last by UTF-8 bytes wins, which prefers accented and mixed-case spellings
    /// to plain and all-caps ones.
    public var name: String
    public var mentions: Int
    public var documents: Set<String>
    /// The surface forms seen (NFC, white space collapsed).
    public var aliases: Set<String>
    /// The rule's attributes, or for an unlisted entity what patterns captured (where values
    /// differ, the smallest wins, so the result never depends on document order).
    public var attributes: [String: String]
  }

  public private(set) var rows: [String: Row] = [:]

  public init() {}

  /// A table of these rows, merged where ids repeat (what ``parse(_:)`` returns).
  public init(rows: some Sequence<Row>) {
    for row in rows { merge(row) }
  }

  public mutating func add(_ mentions: [ResolvedMention], document: String) {
    for mention in mentions {
      var row =
        rows[mention.entityID]
        ?? Row(
          id: mention.entityID, type: mention.type, name: mention.name, mentions: 0, documents: [], aliases: [],
          attributes: [:])
      row.absorb(type: mention.type, name: mention.name)
      row.mentions += 1
      row.documents.insert(document)
      if !mention.text.isEmpty { row.aliases.insert(mention.text) }
      for attribute in mention.attributes where row.attributes[attribute.key].map({ attribute.value < $0 }) ?? true {
        row.attributes[attribute.key] = attribute.value
      }
      rows[mention.entityID] = row
    }
  }

  public mutating func merge(_ other: EntityTable) {
    for row in other.rows.values { merge(row) }
  }

  /// Adds another table's row for the same or a new entity.
  public mutating func merge(_ row: Row) {
    guard var mine = rows[row.id] else {
      rows[row.id] = row
      return
    }
    mine.absorb(type: row.type, name: row.name)
    mine.mentions += row.mentions
    mine.documents.formUnion(row.documents)
    mine.aliases.formUnion(row.aliases)
    // Keep the result independent of merge order: the smallest value per key.
    for (key, value) in row.attributes where mine.attributes[key].map({ value < $0 }) ?? true {
      mine.attributes[key] = value
    }
    rows[row.id] = mine
  }

  /// `entities.jsonl`: one line per entity, sorted by id (byte order), keys
  /// `id`, `type`, `name`, `aliases` (surface forms seen, sorted), `mentions`, `documents`
  /// (sorted), `attributes`.
  public func render() -> [UInt8] {
    var out: [UInt8] = []
    for row in sortedRows { out += row.line() }
    return out
  }

  /// Rows sorted by id, bytewise.
  public var sortedRows: [Row] { rows.values.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) }
}

extension EntityTable.Row {
  /// The row as one `entities.jsonl` line.
  public func line() -> [UInt8] {
    var line = JSONLine()
    line.add("id", id)
    line.add("type", type)
    line.add("name", name)
    line.add("aliases", aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    line.add("mentions", mentions)
    line.add("documents", documents.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    line.add("attributes", object: attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    return line.finished()
  }

  /// Reads a row back from a parsed `entities.jsonl` line; nil when a field is missing.
  public init?(json object: [String: Any]) {
    guard let id = object["id"] as? String, let type = object["type"] as? String, let name = object["name"] as? String,
      let mentions = object["mentions"] as? Int, let documents = object["documents"] as? [String]
    else { return nil }
    self.init(
      id: id, type: type, name: name, mentions: mentions, documents: Set(documents),
      aliases: Set(object["aliases"] as? [String] ?? []), attributes: object["attributes"] as? [String: String] ?? [:])
  }
}

extension EntityTable.Row {
  /// Keeps a type and name chosen by byte order, so that the result does not depend on which
  /// document (or worker, or shard) was counted first. A listed entity always has one name.
  mutating func absorb(type: String, name: String) {
    if type.utf8.lexicographicallyPrecedes(self.type.utf8) { self.type = type }
    if self.name.utf8.lexicographicallyPrecedes(name.utf8) { self.name = name }
  }
}
