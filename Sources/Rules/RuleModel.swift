/// How an alias's tokens must equal a document's tokens.
///
/// All three compare whole tokens; they differ in which key they compare:
/// - `exact`: the NFC text, case-sensitive: "US" matches "US", not "us" or "Us".
/// - `folded`: case-folded NFKC: "Perú" matches "PERÚ", not "Peru".
/// - `loose`: folded, accents stripped, transliterated: "Perú" matches "Peru", "PERU", "Перу".
///
/// The default is `loose`, except for short all-caps acronyms ("US", "U.S.", "FOE", "CGTP"),
/// which default to `exact` so that they never match the common words "us" or "foe".
public enum MatchMode: String, Hashable, Sendable, CaseIterable {
  case exact, folded, loose
}

/// One alias of an entity, as the rule file states it.
public struct AliasRule: Hashable, Sendable {
  public var text: String
  /// ISO 639-1 language of the alias, when stated.
  public var language: String?
  /// The match mode the file set, or nil for the default (see ``MatchMode``).
  public var match: MatchMode?
  /// When true, a capitalized alias also matches an all-lowercase occurrence.
  /// By default "Police" never matches "police" and "Lima" never "lima".
  public var allowsLowercase: Bool
  public var location: FileLocation

  public init(
    text: String, language: String? = nil, match: MatchMode? = nil, allowsLowercase: Bool = false,
    location: FileLocation
  ) {
    self.text = text
    self.language = language
    self.match = match
    self.allowsLowercase = allowsLowercase
    self.location = location
  }
}

/// One canonical entity and its aliases, as a rule file states it.
public struct EntityRule: Hashable, Sendable {
  /// Stable canonical id, e.g. `person/dina-boluarte`, `country/pe`.
  public var id: String
  /// `PERSON`, `ORG`, `PLACE`, or a type the rules declare.
  public var type: String
  /// Canonical display name. It is matched like an alias.
  public var name: String
  public var aliases: [AliasRule]
  /// Free key/values (`wikidata: Q419`, `country: PE`), sorted by key.
  public var attributes: [Attribute]
  public var location: FileLocation
  /// Where `name` is written; the name is matched as an alias from there.
  public var nameLocation: FileLocation

  public struct Attribute: Hashable, Sendable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  public init(
    id: String, type: String, name: String, aliases: [AliasRule], attributes: [Attribute] = [],
    location: FileLocation, nameLocation: FileLocation? = nil
  ) {
    self.id = id
    self.type = type
    self.name = name
    self.aliases = aliases
    self.attributes = attributes
    self.location = location
    self.nameLocation = nameLocation ?? location
  }
}

/// Everything the rule files say, before compilation.
public struct RuleSource: Sendable {
  /// The entity types every rule set knows.
  public static let builtinTypes = ["PERSON", "ORG", "PLACE"]

  /// Rule files read, as display paths (`rules/seeds/places.yaml`), in load order.
  public var files: [String] = []
  public var entities: [EntityRule] = []
  /// Extra types the files declare, with where.
  public var declaredTypes: [(name: String, location: FileLocation)] = []
  /// Problems found while reading (errors stop compilation; warnings are kept).
  public var diagnostics: [Diagnostic] = []
  /// Reference layers (see RuleSource+Layers.swift): each file's `precedence` (0 when unset),
  /// and the `extend` entries that add names and aliases to entities defined elsewhere.
  public var precedence: [String: Int] = [:]
  public var extensions: [EntityExtension] = []

  public init() {}
}
