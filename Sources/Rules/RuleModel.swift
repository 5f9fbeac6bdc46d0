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
  /// Where `type` is written (nil: at ``location``), for an unknown type's message.
  public var typeLocation: FileLocation?
  /// Words whose presence in a document makes this entity the likelier reading of an alias
  /// it shares with others ("Lima" the region: `context: [region, regions, departamento]`).
  public var context: [String] = []
  /// A head start when an alias is shared and the document says little (default 0).
  public var prior: Double = 0

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

import Normalization

/// Everything the rule files say, before compilation.
public struct RuleSource: Sendable {
  /// The entity types every rule set knows.
  public static let builtinTypes = ["PERSON", "ORG", "PLACE"]

  /// Rule files read, as display paths (`rules/seeds/places.yaml`), in load order.
  public var files: [String] = []
  /// A stable hash of every rule file's path and bytes (and the packs left out): what output
  /// caches are keyed by.
  public var digest = StableHash()
  /// Every file read, as an absolute path (see ``RuleSet/inputs``).
  public var inputs: [String] = []
  public var entities: [EntityRule] = []
  /// Extra types the files declare, with where.
  public var declaredTypes: [(name: String, location: FileLocation)] = []
  public var lists: [WordListRule] = []
  public var patterns: [PatternRule] = []
  /// Language profiles (`languages:`), in load order.
  public var languageProfiles: [LanguageProfileRule] = []
  /// Named pattern fragments (`define:`), from every file read, packs left out included.
  public var definitions: [PatternDefinition] = []
  /// Packs whose rules were left out (`enabled: false` or `--skip-pack`), in load order.
  public var skippedPacks: [String] = []
  /// Problems found while reading (errors stop compilation; warnings are kept).
  public var diagnostics: [Diagnostic] = []
  /// Reference layers (see RuleSource+Layers.swift): each file's `precedence` (0 when unset),
  /// and the `extend` entries that add names and aliases to entities defined elsewhere.
  public var precedence: [String: Int] = [:]
  public var extensions: [EntityExtension] = []

  public init() {}
}

/// A named list of words or phrases that patterns refer to as `@name`: titles, organization
/// head nouns, words that never start a name. Entries may have several tokens ("Prime Minister").
public struct WordListRule: Hashable, Sendable {
  public var name: String
  public var language: String?
  /// How entries compare with document tokens; lists default to `loose` (case-insensitive),
  /// so "President" also matches "president".
  public var match: MatchMode
  public var entries: [String]
  public var location: FileLocation
  /// Where each entry is written (parallel to `entries`; empty when not from a file).
  public var entryLocations: [FileLocation] = []
  /// The pack (rule file) that defines the list.
  public var pack: String

  public init(
    name: String, language: String? = nil, match: MatchMode = .loose, entries: [String], location: FileLocation,
    pack: String
  ) {
    self.name = name
    self.language = language
    self.match = match
    self.entries = entries
    self.location = location
    self.pack = pack
  }
}

/// The frequent words of one language, which identify it (`languages:` in a rule file).
public struct LanguageProfileRule: Sendable {
  public var code: String
  /// Words as written in the file, with their Zipf frequency (log10 per billion words).
  public var words: [(word: String, zipf: Double)]
  public var location: FileLocation

  public init(code: String, words: [(word: String, zipf: Double)], location: FileLocation) {
    self.code = code
    self.words = words
    self.location = location
  }
}

/// A token pattern that finds mentions no entity rule lists (see `PatternSyntax`).
public struct PatternRule: Hashable, Sendable {
  /// A name for messages and `quipu explain`; defaults to `file:line`.
  public var id: String
  /// Whether `id` was written in the file: only then does it name the pattern in output
  /// `rule` fields (else `file:line`, which moves when lines above it do).
  public var hasExplicitID = true
  public var type: String
  /// The pattern source, e.g. `@en.title+ <Name{1,4}>`.
  public var pattern: String
  /// Where the first character of `pattern` is, so that errors inside it get a column.
  /// Nil column offset when the scalar spans lines (block scalars).
  public var patternLocation: FileLocation
  public var patternIsSingleLine: Bool
  /// Higher wins overlaps first; entity aliases have ``RuleSet/aliasPriority``, patterns 0.
  public var priority: Int
  public var language: String?
  public var location: FileLocation
  /// Where `type` is written (nil: at ``location``), for an unknown type's message.
  public var typeLocation: FileLocation?
  public var pack: String

  public init(
    id: String, type: String, pattern: String, patternLocation: FileLocation, patternIsSingleLine: Bool = true,
    priority: Int = RuleSet.patternPriority, language: String? = nil, location: FileLocation, pack: String
  ) {
    self.id = id
    self.type = type
    self.pattern = pattern
    self.patternLocation = patternLocation
    self.patternIsSingleLine = patternIsSingleLine
    self.priority = priority
    self.language = language
    self.location = location
    self.pack = pack
  }

  /// Where each line of a block scalar (`>-`, `|`) begins, when known: errors inside it then
  /// get a line and column too.
  public var patternLines: [PatternLine] = []

  /// The location of the pattern character at `offset` (in characters), for error messages.
  public func location(ofCharacter offset: Int) -> FileLocation {
    PatternLine.location(
      ofCharacter: offset, lines: patternLines, start: patternLocation, singleLine: patternIsSingleLine)
  }
}

/// One line of a pattern written as a block scalar: its first character's offset in the
/// pattern text and its place in the file.
public struct PatternLine: Hashable, Sendable {
  public var offset: Int
  public var location: FileLocation

  public init(offset: Int, location: FileLocation) {
    self.offset = offset
    self.location = location
  }

  static func location(
    ofCharacter offset: Int, lines: [PatternLine], start: FileLocation, singleLine: Bool
  ) -> FileLocation {
    if let line = lines.last(where: { $0.offset <= offset }) {
      var at = line.location
      at.column += offset - line.offset
      return at
    }
    guard singleLine else { return start }
    var at = start
    at.column += offset
    return at
  }
}

/// A named pattern fragment from a `define:` section, used in patterns as `$name`.
///
/// Definitions are global by name, like lists: a definition in one file serves the patterns
/// of every file, and a second definition of a name is an error. They are expanded where they
/// are used, before compilation, so a definition by itself finds nothing.
public struct PatternDefinition: Hashable, Sendable {
  public var name: String
  /// The fragment's source, in the pattern language (it may use other definitions).
  public var pattern: String
  /// Where the first character of `pattern` is (see ``PatternRule/patternLocation``).
  public var patternLocation: FileLocation
  public var patternIsSingleLine: Bool
  /// Where the name is written.
  public var location: FileLocation
  public var pack: String

  public init(
    name: String, pattern: String, patternLocation: FileLocation, patternIsSingleLine: Bool = true,
    location: FileLocation, pack: String
  ) {
    self.name = name
    self.pattern = pattern
    self.patternLocation = patternLocation
    self.patternIsSingleLine = patternIsSingleLine
    self.location = location
    self.pack = pack
  }

  /// Where each line of a block scalar begins (see ``PatternRule/patternLines``).
  public var patternLines: [PatternLine] = []

  /// The location of the fragment's character at `offset`, for error messages.
  public func location(ofCharacter offset: Int) -> FileLocation {
    PatternLine.location(
      ofCharacter: offset, lines: patternLines, start: patternLocation, singleLine: patternIsSingleLine)
  }
}
