import Normalization

/// Names, aliases and attributes that a rule file adds to an entity defined in another file
/// (the top-level `extend` key), so that generated reference packs stay regenerable while
/// reviewed additions live in a file of their own:
///
/// ```yaml
/// extend:
///   - id: country/us
///     aliases: [US, U.S., USA, { text: EE.UU., lang: es }]
///   - id: region/pe-jun
///     name: Junín Region     # the pack's name ("Hunin") stays an alias
///   - id: country/mf
///     drop_aliases: [San Martín]   # a generated alias that review found misleading
/// ```
public struct EntityExtension: Sendable {
  public var id: String
  public var name: String?
  public var nameLocation: FileLocation?
  public var aliases: [AliasRule]
  /// Alias texts to remove from the entity (exact text), with where each is written.
  public var droppedAliases: [(text: String, location: FileLocation)] = []
  public var attributes: [EntityRule.Attribute]
  public var location: FileLocation

  public init(
    id: String, name: String? = nil, nameLocation: FileLocation? = nil, aliases: [AliasRule] = [],
    attributes: [EntityRule.Attribute] = [], location: FileLocation
  ) {
    self.id = id
    self.name = name
    self.nameLocation = nameLocation
    self.aliases = aliases
    self.attributes = attributes
    self.location = location
  }
}

extension RuleSet {
  /// The overlap priority of the aliases of reference packs (files with a negative
  /// `precedence`): below patterns (0), above nothing else. A pack names what a place is called,
  /// not what a given text means by the word; a pattern that reads the words around it knows
  /// better, so "Abdel Falah al-Sudani" (PERSON) beats "Sudani" (Sudan) and "Banco Sabadell"
  /// (ORG) beats "Sabadell", while a place no pattern claims is still found (lower priorities
  /// fill the gaps; see ``OverlapPolicy``).
  public static let referenceAliasPriority = -1
}

extension RuleSource {
  /// A rule file's precedence: the file's `precedence` key, 0 when unset.
  ///
  /// When two entities have an alias that matches the same text equally well, the one from
  /// the file of higher precedence wins; at equal precedence, the first defined. Reference
  /// packs use negative values (countries -10, regions -20, cities -30), so hand-written
  /// rules always win over them and countries over regions over cities. Files below 0 are
  /// not warned about shared aliases: a gazetteer is full of places that share names.
  public func precedence(of rule: EntityRule) -> Int { precedence[rule.location.path] ?? 0 }

  /// Entities ordered by precedence (highest first), stable otherwise: the order in which
  /// their aliases are compiled, hence the order that breaks ties.
  var entitiesInPrecedenceOrder: [EntityRule] {
    if precedence.values.allSatisfy({ $0 == 0 }) { return entities }
    return entities.enumerated().sorted { a, b in
      let pa = precedence(of: a.element)
      let pb = precedence(of: b.element)
      return pa != pb ? pa > pb : a.offset < b.offset
    }.map(\.element)
  }

  /// Takes one file's reference-layer settings into the whole source: its precedence, its
  /// `extend` entries, and the digest of the data files it read (a GeoNames table), so that
  /// output caches notice when a table changes.
  mutating func mergeLayers(of file: RuleSource) {
    precedence.merge(file.precedence) { _, new in new }
    extensions += file.extensions
    inputs += file.inputs
    if file.digest.value != StableHash().value { digest.combine(file.digest.hex) }
  }

  /// Applies every ``EntityExtension`` to its entity, reporting unknown ids and a name set
  /// twice as errors. Extensions are consumed.
  mutating func mergeExtensions() {
    guard !extensions.isEmpty else { return }
    var index: [String: Int] = [:]
    for (i, entity) in entities.enumerated() where index[entity.id] == nil { index[entity.id] = i }
    var renamedAt: [String: FileLocation] = [:]
    for ext in extensions {
      guard let i = index[ext.id] else {
        diagnostics.append(.error(at: ext.location, "'extend' names '\(ext.id)', which no rule file defines"))
        continue
      }
      if let name = ext.name {
        if let first = renamedAt[ext.id] {
          diagnostics.append(.error(at: ext.nameLocation ?? ext.location, "the name of '\(ext.id)' is already set at \(first)"))
        } else {
          renamedAt[ext.id] = ext.nameLocation ?? ext.location
          let old = entities[i]
          entities[i].aliases.insert(AliasRule(text: old.name, location: old.nameLocation), at: 0)
          entities[i].name = name
          entities[i].nameLocation = ext.nameLocation ?? ext.location
        }
      }
      for (text, location) in ext.droppedAliases {
        let before = entities[i].aliases.count
        entities[i].aliases.removeAll { $0.text == text }
        if entities[i].aliases.count == before {
          diagnostics.append(.error(at: location, "'\(ext.id)' has no alias '\(text)' to drop"))
        }
      }
      entities[i].aliases += ext.aliases
      if !ext.attributes.isEmpty {
        var merged = Dictionary(entities[i].attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        for attribute in ext.attributes { merged[attribute.key] = attribute.value }
        entities[i].attributes = merged.map { EntityRule.Attribute(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
      }
    }
    extensions = []
  }
}
