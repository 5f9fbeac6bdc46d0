import Normalization

/// Which rule found a mention, printed in output `rule` fields as the file and the rule's id:
/// `rules/seeds/people.yaml#person/dina-boluarte` for an alias (the entity's id),
/// `rules/packs/common.yaml#common.person.after-title` for a pattern. The id does not move
/// when other lines of the file do, so adding a rule changes no other mention's line in `out/`.
/// A pattern written without an `id` has no anchor and prints as `file:line`. `line` is kept
/// for `quipu explain` and `quipu show`, which point at the line (``located``).
public struct RuleReference: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  /// The entity id (aliases) or the pattern or list id, or nil for a pattern without an `id`.
  public var anchor: String?
  public init(file: String, line: Int, anchor: String? = nil) {
    self.file = file
    self.line = line
    self.anchor = anchor
  }
  /// `file#anchor`, or `file:line` without an anchor: the stable form written to output.
  public var description: String { anchor.map { "\(file)#\($0)" } ?? "\(file):\(line)" }
  /// `file:line`, then `#anchor` in parentheses when there is one: for messages that point
  /// an editor at the line (`quipu explain`, `quipu show`).
  public var located: String { anchor.map { "\(file):\(line) (#\($0))" } ?? "\(file):\(line)" }
}

/// A canonical entity of the compiled rule set.
public struct Entity: Hashable, Sendable {
  public var id: String
  public var type: String
  public var name: String
  public var attributes: [EntityRule.Attribute]
  public var rule: RuleReference
  /// Context words, each as the loose vocabulary ids of its tokens.
  public var context: [[UInt32]] = []
  public var prior: Double = 0

  /// Attributes that place an entity somewhere, compared across entities to judge which
  /// reading of a shared alias fits a document: `country`, `iso3166` and `within`, uppercased.
  /// A region with `country: PE` fits a document that mentions a country with `iso3166: PE`.
  public var placeCodes: Set<String> {
    Set(attributes.filter { ["country", "iso3166", "within"].contains($0.key) }.map { $0.value.uppercased() })
  }
}

/// An alias ready for matching: its tokens' keys as ``KeyVocabulary`` ids.
public struct CompiledAlias: Hashable, Sendable {
  /// Index into ``RuleSet/entities``.
  public var entity: Int32
  public var text: String
  public var mode: MatchMode
  /// The alias has a capital letter and did not allow lowercase: an occurrence must have
  /// at least one uppercase letter ("Lima" matches "LIMA" but never "lima").
  public var requiresCapital: Bool
  /// The loose keys, then the folded keys unless they are the loose ones, then the exact keys
  /// unless they are the folded ones: one array per alias instead of three (a million aliases
  /// held 140 MB of key arrays).
  var keyStorage: [UInt32]
  /// Whether the folded keys are stored (else they are the loose ones), and the exact ones.
  var storesFolded: Bool
  var storesExact: Bool
  public var rule: RuleReference
  /// Its mentions' overlap priority: ``RuleSet/aliasPriority``, or below patterns for an alias
  /// of a reference pack (see ``RuleSet/referenceAliasPriority``).
  public var priority: Int = RuleSet.aliasPriority

  public init(
    entity: Int32, text: String, mode: MatchMode, requiresCapital: Bool, loose: [UInt32], folded: [UInt32],
    exact: [UInt32], rule: RuleReference, priority: Int = RuleSet.aliasPriority
  ) {
    self.entity = entity
    self.text = text
    self.mode = mode
    self.requiresCapital = requiresCapital
    storesFolded = folded != loose
    storesExact = exact != folded
    keyStorage = loose
    if storesFolded { keyStorage += folded }
    if storesExact { keyStorage += exact }
    self.rule = rule
    self.priority = priority
  }

  /// The number of tokens.
  public var tokenCount: Int { keyStorage.count / (1 + (storesFolded ? 1 : 0) + (storesExact ? 1 : 0)) }

  public var loose: ArraySlice<UInt32> { keyStorage[0..<tokenCount] }
  public var folded: ArraySlice<UInt32> {
    let n = tokenCount
    return storesFolded ? keyStorage[n..<2 * n] : keyStorage[0..<n]
  }
  public var exact: ArraySlice<UInt32> {
    guard storesExact else { return folded }
    let n = tokenCount
    return keyStorage[(keyStorage.count - n)...]
  }

  /// The keys this alias compares in its mode.
  public func keys(for mode: MatchMode) -> ArraySlice<UInt32> {
    switch mode {
    case .exact: exact
    case .folded: folded
    case .loose: loose
    }
  }
}

public struct KeyVocabulary: Sendable {
  private var ids: [String: UInt32] = [:]
  public private(set) var count: Int = 0

  public init() {}

  /// Marks a key that no alias uses. Never equal to an alias key.
  public static let absent: UInt32 = .max

  public func id(of key: String) -> UInt32 { ids[key] ?? Self.absent }

  /// Every key, by id.
  var keysInOrder: [String] {
    var keys = [String](repeating: "", count: count)
    for (key, id) in ids { keys[Int(id)] = key }
    return keys
  }

  /// The vocabulary whose ids are the positions of `keys` (distinct).
  init(keysInOrder keys: [String]) {
    ids.reserveCapacity(keys.count)
    for (id, key) in keys.enumerated() { ids[key] = UInt32(id) }
    count = keys.count
  }

  mutating func intern(_ key: String) -> UInt32 {
    if let id = ids[key] { return id }
    let id = UInt32(count)
    ids[key] = id
    count += 1
    return id
  }
}

/// A validated, compiled rule set: immutable, shared by every worker thread.
public struct RuleSet: Sendable {
  public internal(set) var entities: [Entity] = []
  /// In definition order: file load order, then position in the file, each entity's `name`
  /// before its `aliases`. Matchers break exact ties by this order.
  public internal(set) var aliases: [CompiledAlias] = []
  public internal(set) var vocabulary = KeyVocabulary()
  /// Built-in and declared types.
  public internal(set) var types: [String] = RuleSource.builtinTypes
  /// Display paths of the rule files, in load order.
  public internal(set) var files: [String] = []
  /// Problems that did not stop compilation.
  public internal(set) var warnings: [Diagnostic] = []
  /// Word lists that patterns refer to, in definition order.
  public internal(set) var lists: [CompiledWordList] = []
  /// Pattern rules, in definition order.
  public internal(set) var patterns: [CompiledPattern] = []
  /// Every distinct token test of every pattern (``PatternProgram/Instruction/test(_:)``).
  public internal(set) var tests: [CompiledTokenTest] = []
  /// ICU regular expressions that pattern tests use (each worker compiles its own copy).
  public internal(set) var regexes: [String] = []
  /// Packs left out of this rule set.
  public internal(set) var skippedPacks: [String] = []
  /// A stable hash of everything the rules were compiled from: the rule files, the packs skipped, the
  /// GeoNames tables and word lists they read (see ``RuleSource/digest``). Run state and shard
  /// manifests key on it.
  public internal(set) var digest = StableHash()
  /// What later stages derive from this set and share between workers (see ``DerivedCache``).
  public let derived = DerivedCache()
  /// The words that identify each language (`languages:`), empty when no file has them.
  public internal(set) var languages = LanguageProfiles()
  /// Every file the rules were compiled from (rule files, GeoNames tables, word lists), as
  /// absolute paths: what ``RuleCache`` checks before it reuses a compiled set.
  public internal(set) var inputs: [String] = []

  /// The priority of every entity alias. Patterns default to ``patternPriority``, so where a
  /// pattern match overlaps an alias match the alias wins, unless the pattern sets `priority`
  /// above this.
  public static let aliasPriority = 10
  /// The priority of a pattern that sets no `priority`.
  public static let patternPriority = 0

  public init() {}
}
