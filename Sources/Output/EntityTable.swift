import Foundation
import Normalization
import Resolution

/// Counts, across documents, how often each canonical entity was mentioned and where:
/// the source of `entities.jsonl`.
///
/// A value type that workers fill separately and ``merge(_:)`` combines, so the result is
/// the same whatever the order documents finished in: every field is a sum, a union, or a
/// choice by byte order, never "the first one seen". That is also what lets `quipu merge`
/// combine the tables of shards run on different machines (see DESIGN.md, Sharded runs).
///
/// Merging is linear in what is merged: each entity keeps its documents and aliases in flat
/// arrays that merges append to in place, sorted and deduplicated once, when the table is
/// rendered. (A set per entity copied on every merge made a run quadratic in the number of
/// documents sharing an entity: issue 16.)
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

    public init(
      id: String, type: String, name: String, mentions: Int, documents: Set<String>, aliases: Set<String>,
      attributes: [String: String]
    ) {
      self.id = id
      self.type = type
      self.name = name
      self.mentions = mentions
      self.documents = documents
      self.aliases = aliases
      self.attributes = attributes
    }
  }

  /// What one document contributed to one entity: a row without its documents (the run state
  /// keeps these per document, and ``add(_:document:)`` counts them back).
  public struct Summary: Hashable, Sendable {
    public var id: String
    public var type: String
    public var name: String
    public var mentions: Int
    /// Sorted by bytes, no repeats.
    public var aliases: [String]
    public var attributes: [String: String]

    public init(id: String, type: String, name: String, mentions: Int, aliases: [String], attributes: [String: String]) {
      self.id = id
      self.type = type
      self.name = name
      self.mentions = mentions
      self.aliases = aliases
      self.attributes = attributes
    }
  }

  /// One entity while tables are merged: `documents` and `aliases` may repeat and are in no
  /// order until ``compacted()``.
  struct Entry: Sendable {
    var id: String
    var type: String
    var name: String
    var mentions = 0
    var documents: [String] = []
    var aliases: [String] = []
    var attributes: [String: String] = [:]

    mutating func absorb(type: String, name: String, attributes: [String: String]) {
      if EntityTable.precedes(type, self.type) { self.type = type }
      if EntityTable.precedes(self.name, name) { self.name = name }
      // Keep the result independent of merge order: the smallest value per key.
      for (key, value) in attributes where self.attributes[key].map({ value < $0 }) ?? true {
        self.attributes[key] = value
      }
    }

    /// The entry with its documents and aliases sorted by bytes, without repeats.
    func compacted() -> Entry {
      var entry = self
      entry.documents = EntityTable.sortedUnique(documents)
      entry.aliases = EntityTable.sortedUnique(aliases)
      return entry
    }
  }

  /// Entries in the order first seen; `index` finds one by id.
  private var entries: [Entry] = []
  private var index: [String: Int] = [:]

  /// How many document and alias strings merges have copied, including the copies made when an
  /// array had to move (growth, or copy-on-write of an array that was not uniquely held): a
  /// table merged from n single-document rows copies O(n) strings, never O(n²). Tests read it
  /// instead of timing merges.
  public private(set) var copiedElements = 0

  public init() {}

  /// A table of these rows, merged where ids repeat (what ``parse(_:)`` returns).
  public init(rows: some Sequence<Row>) {
    for row in rows { merge(row) }
  }

  /// The number of entities.
  public var count: Int { entries.count }

  /// The rows by id (built on each call: for tests and small tables).
  public var rows: [String: Row] {
    Dictionary(uniqueKeysWithValues: entries.map { entry in (entry.id, Row(entry)) })
  }

  public mutating func add(_ mentions: [ResolvedMention], document: String) {
    for mention in mentions {
      let i = slot(id: mention.entityID, type: mention.type, name: mention.name)
      entries[i].absorb(type: mention.type, name: mention.name, attributes: [:])
      for attribute in mention.attributes where entries[i].attributes[attribute.key].map({ attribute.value < $0 }) ?? true {
        entries[i].attributes[attribute.key] = attribute.value
      }
      entries[i].mentions += 1
      if entries[i].documents.last != document { append(CollectionOfOne(document), to: \.documents, at: i) }
      if !mention.text.isEmpty { append(CollectionOfOne(mention.text), to: \.aliases, at: i) }
    }
  }

  /// Counts what `document` contributed to an entity (a ``Summary`` from ``summaries``).
  public mutating func add(_ summary: Summary, document: String) {
    let i = slot(id: summary.id, type: summary.type, name: summary.name)
    entries[i].absorb(type: summary.type, name: summary.name, attributes: summary.attributes)
    entries[i].mentions += summary.mentions
    append(CollectionOfOne(document), to: \.documents, at: i)
    append(summary.aliases, to: \.aliases, at: i)
  }

  public mutating func merge(_ other: EntityTable) {
    for entry in other.entries {
      let i = slot(id: entry.id, type: entry.type, name: entry.name)
      entries[i].absorb(type: entry.type, name: entry.name, attributes: entry.attributes)
      entries[i].mentions += entry.mentions
      append(entry.documents, to: \.documents, at: i)
      append(entry.aliases, to: \.aliases, at: i)
    }
  }

  /// Adds another table's row for the same or a new entity.
  public mutating func merge(_ row: Row) {
    let i = slot(id: row.id, type: row.type, name: row.name)
    entries[i].absorb(type: row.type, name: row.name, attributes: row.attributes)
    entries[i].mentions += row.mentions
    append(row.documents, to: \.documents, at: i)
    append(row.aliases, to: \.aliases, at: i)
  }

  /// The index of the entry for `id`, made if new.
  private mutating func slot(id: String, type: String, name: String) -> Int {
    if let i = index[id] { return i }
    index[id] = entries.count
    entries.append(Entry(id: id, type: type, name: name))
    return entries.count - 1
  }

  /// Appends in place, counting the strings copied (see ``copiedElements``).
  private mutating func append(
    _ items: some Collection<String>, to field: WritableKeyPath<Entry, [String]>, at i: Int
  ) {
    let before = entries[i][keyPath: field].withUnsafeBufferPointer { $0.baseAddress }
    let count = entries[i][keyPath: field].count
    entries[i][keyPath: field].append(contentsOf: items)
    // A moved buffer copied what it held: growth (amortized constant) or copy-on-write.
    if entries[i][keyPath: field].withUnsafeBufferPointer({ $0.baseAddress }) != before { copiedElements += count }
    copiedElements += items.count
  }

  /// `entities.jsonl`: one line per entity, sorted by id (byte order), keys
  /// `id`, `type`, `name`, `aliases` (surface forms seen, sorted), `mentions`, `documents`
  /// (sorted), `attributes`.
  public func render() -> [UInt8] { rendering().part(0, of: 1) }

  /// The table's rows sorted, to render in parts (on several threads): the parts
  /// `0..<n` of `n`, joined in order, are ``render()``.
  public func rendering() -> Rendering { Rendering(entries: sortedEntries) }

  public struct Rendering: Sendable {
    let entries: [Entry]

    /// The lines of the `part`th of `parts` runs of consecutive rows.
    public func part(_ part: Int, of parts: Int) -> [UInt8] {
      var out: [UInt8] = []
      for entry in entries[(entries.count * part / parts)..<(entries.count * (part + 1) / parts)] {
        out += EntityTable.line(entry.compacted())
      }
      return out
    }
  }

  /// Rows sorted by id, bytewise.
  public var sortedRows: [Row] { sortedEntries.map(Row.init) }

  /// What each entity got from the table's documents, sorted by id: for a table of one
  /// document, what the run state keeps.
  public var summaries: [Summary] {
    sortedEntries.map { entry in
      Summary(
        id: entry.id, type: entry.type, name: entry.name, mentions: entry.mentions,
        aliases: Self.sortedUnique(entry.aliases), attributes: entry.attributes)
    }
  }

  /// Sorted as indices of their ids: moving the entries themselves (strings, arrays and a
  /// dictionary each) cost more than comparing them.
  private var sortedEntries: [Entry] {
    let ids = entries.map(\.id)
    return ids.indices.sorted { Self.precedes(ids[$0], ids[$1]) }.map { entries[$0] }
  }

  /// Byte order (``ByteOrder``: comparing UTF-8 views goes a byte at a time, and sorting the
  /// documents of an entity that 40,000 documents share was most of rendering its line).
  static func precedes(_ a: String, _ b: String) -> Bool { ByteOrder.precedes(a, b) }

  /// Sorted by bytes, without repeats.
  static func sortedUnique(_ strings: [String]) -> [String] {
    var sorted = strings.sorted(by: precedes)
    var kept = 0
    for i in sorted.indices where kept == 0 || sorted[i] != sorted[kept - 1] {
      sorted.swapAt(kept, i)
      kept += 1
    }
    sorted.removeLast(sorted.count - kept)
    return sorted
  }

  /// An `entities.jsonl` line of a compacted entry.
  static func line(_ entry: Entry) -> [UInt8] {
    var line = JSONLine()
    line.add("id", entry.id)
    line.add("type", entry.type)
    line.add("name", entry.name)
    line.add("aliases", entry.aliases)
    line.add("mentions", entry.mentions)
    line.add("documents", entry.documents)
    line.add("attributes", object: entry.attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    return line.finished()
  }
}

extension EntityTable.Row {
  init(_ entry: EntityTable.Entry) {
    self.init(
      id: entry.id, type: entry.type, name: entry.name, mentions: entry.mentions, documents: Set(entry.documents),
      aliases: Set(entry.aliases), attributes: entry.attributes)
  }

  /// The row as one `entities.jsonl` line.
  public func line() -> [UInt8] {
    EntityTable.line(
      EntityTable.Entry(
        id: id, type: type, name: name, mentions: mentions, documents: EntityTable.sortedUnique(Array(documents)),
        aliases: EntityTable.sortedUnique(Array(aliases)), attributes: attributes))
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
