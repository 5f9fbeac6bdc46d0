import Foundation
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

/// The rule set's keys, each numbered by its position: the UTF-8 of every key in one buffer
/// and an open-addressing table of ids, probed by a hash of the bytes.
///
/// Keys are the normalizer's output, so two keys are the same key exactly when their bytes
/// are equal; a `[String: UInt32]` would hash each with Unicode normalization, and rebuilding
/// it from the rules cache was a tenth of loading the rules.
public struct KeyVocabulary: Sendable {
  /// The keys' UTF-8, one after another; key `i` ends at `ends[i]`.
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []
  /// Ids, `.max` for an empty slot; a power of two in size, at most half full.
  private var slots = [UInt32](repeating: .max, count: 16)

  public init() {}

  public var count: Int { ends.count }

  /// Marks a key that no alias uses. Never equal to an alias key.
  public static let absent: UInt32 = .max

  public func id(of key: String) -> UInt32 {
    var key = key
    return key.withUTF8 { find($0).id } ?? Self.absent
  }

  /// Every key, by id.
  var keysInOrder: [String] {
    bytes.withUnsafeBufferPointer { all in
      (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: all[range(of: $0)]), as: UTF8.self) }
    }
  }

  /// The vocabulary whose ids are the positions of `keys` (distinct).
  init(keysInOrder keys: [String]) {
    for key in keys { _ = intern(key) }
  }

  /// The keys' bytes and where each ends, as the rules cache stores them.
  var storage: (bytes: [UInt8], ends: [UInt32]) { (bytes, ends) }

  /// The vocabulary of ``storage``; nil when it is not one (ends out of order or past the
  /// bytes, or a key twice).
  init?(bytes: [UInt8], ends: [UInt32]) {
    var previous: UInt32 = 0
    for end in ends {
      guard end >= previous, Int(end) <= bytes.count else { return nil }
      previous = end
    }
    guard Int(previous) == bytes.count else { return nil }
    self.bytes = bytes
    self.ends = ends
    var size = 16
    while size < 2 * ends.count + 2 { size *= 2 }
    slots = [UInt32](repeating: .max, count: size)
    for id in 0..<ends.count {
      let (known, slot) = self.bytes.withUnsafeBufferPointer { find(UnsafeBufferPointer(rebasing: $0[range(of: id)])) }
      guard known == nil else { return nil }
      slots[slot] = UInt32(id)
    }
  }

  mutating func intern(_ key: String) -> UInt32 {
    var key = key
    return key.withUTF8 { utf8 in
      let (known, slot) = find(utf8)
      if let known { return known }
      let id = UInt32(count)
      bytes.append(contentsOf: utf8)
      ends.append(UInt32(bytes.count))
      slots[slot] = id
      if 2 * count > slots.count { rehash(to: 2 * slots.count) }
      return id
    }
  }

  private func range(of id: Int) -> Range<Int> {
    (id == 0 ? 0 : Int(ends[id - 1]))..<Int(ends[id])
  }

  /// FNV-1a with a final avalanche (the low bits index the table).
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return Int(truncatingIfNeeded: h)
  }

  /// The id of `key` if known, and the slot where it is or would go.
  private func find(_ key: UnsafeBufferPointer<UInt8>) -> (id: UInt32?, slot: Int) {
    let mask = slots.count - 1
    var i = Self.hash(key) & mask
    return bytes.withUnsafeBufferPointer { all in
      while true {
        let id = slots[i]
        if id == .max { return (nil, i) }
        let r = range(of: Int(id))
        if r.count == key.count, r.isEmpty || memcmp(all.baseAddress! + r.lowerBound, key.baseAddress!, r.count) == 0 {
          return (id, i)
        }
        i = (i + 1) & mask
      }
    }
  }

  private mutating func rehash(to size: Int) {
    slots = [UInt32](repeating: .max, count: size)
    for id in 0..<count {
      let slot = bytes.withUnsafeBufferPointer { find(UnsafeBufferPointer(rebasing: $0[range(of: id)])).slot }
      slots[slot] = UInt32(id)
    }
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
