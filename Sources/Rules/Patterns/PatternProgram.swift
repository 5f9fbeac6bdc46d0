/// A compiled pattern: a Thompson NFA over tokens, run by a Pike VM (see Recognition's
/// `PatternMatcher`), so matching takes time linear in tokens × instructions: no backtracking.
public struct PatternProgram: Hashable, Sendable {
  public enum Instruction: Hashable, Sendable {
    /// Consume one token passing test `i` of ``RuleSet/tests`` (shared by all patterns, so a
    /// matcher evaluates each distinct test once per token).
    case test(Int32)
    /// Consume one entry (one or more tokens) of word list `i`.
    case list(Int32)
    /// Consume one span the gazetteer found, of this type.
    case entity(String)
    /// Continue at both; the first is preferred (greedy quantifiers put the loop first).
    case split(Int32, Int32)
    case jump(Int32)
    /// Start or end capture `i` (see ``captures``).
    case open(Int32)
    case close(Int32)
    case accept
  }

  /// What a capture produces.
  public enum CaptureRole: Hashable, Sendable {
    /// A mention (the pattern's type).
    case mention
    /// Another name of the match's entity, and of its later occurrences in the document.
    case alias
    /// An attribute of the match's entity, e.g. `handle`.
    case attribute(String)
  }

  public var instructions: [Instruction]
  public var captures: [CaptureRole]
  /// The pattern has a `<…>` mention capture; without one, the whole match is the mention.
  public var hasMentionCapture: Bool { captures.contains(.mention) }
}

/// A test on one token, with its keys resolved to vocabulary ids.
public indirect enum CompiledTokenTest: Hashable, Sendable {
  /// The token's key in `mode` is this vocabulary id.
  case key(MatchMode, UInt32)
  /// The token is a one-token entry of word list `i`.
  case inList(Int32)
  case shape(TokenShapeTest)
  /// ICU script code of the token's first letter.
  case script(UInt8)
  /// Regular expression `i` of the rule set matches the whole token text.
  case regex(Int32)
  case any
  case not(CompiledTokenTest)
  case all([CompiledTokenTest])
}

/// A compiled pattern rule.
public struct CompiledPattern: Hashable, Sendable {
  public var id: String
  public var type: String
  public var priority: Int
  public var program: PatternProgram
  public var rule: RuleReference
  /// The language whose paragraphs the pattern runs on (and those of no known language);
  /// nil: every paragraph.
  public var language: String? = nil
}

/// A compiled word list: entries keyed in the list's match mode.
public struct CompiledWordList: Hashable, Sendable {
  public var name: String
  public var mode: MatchMode
  /// One-token entries.
  public var singles: KeySet
  /// Entries of two or more tokens, by first key, longest first.
  public var phrases: [UInt32: [[UInt32]]]
  /// The first keys of `phrases`: a cheap test before the dictionary lookup.
  public var phraseStarts = KeySet()
  public var rule: RuleReference
  /// The longest entry, in tokens.
  public var longest: Int
  /// Entries that count only in some languages' paragraphs (and in those of no known
  /// language), by their keys: the languages of the files (or lists) that listed them. An
  /// entry absent here counts everywhere, as does one that some file listed without a language.
  public var languages: [[UInt32]: [String]] = [:]

  /// Whether the entry with `keys` counts in paragraphs of `language` (nil: unknown language,
  /// where every entry counts).
  public func admits(_ keys: [UInt32], in language: String?) -> Bool {
    guard let language, let only = languages[keys] else { return true }
    return only.contains(language)
  }
}

/// A set of vocabulary ids as a sorted array: membership is a binary search over contiguous
/// integers, with no hashing (word lists are tested at nearly every token).
public struct KeySet: Hashable, Sendable {
  public private(set) var keys: [UInt32] = []

  public init() {}

  /// The set of `keys`, already sorted and distinct.
  init(sorted keys: [UInt32]) { self.keys = keys }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  @inline(__always) public func contains(_ key: UInt32) -> Bool {
    var lo = 0
    var hi = keys.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      let k = keys[mid]
      if k == key { return true }
      if k < key { lo = mid + 1 } else { hi = mid }
    }
    return false
  }

  public mutating func insert(_ key: UInt32) {
    var lo = 0
    var hi = keys.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if keys[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    if lo < keys.count && keys[lo] == key { return }
    keys.insert(key, at: lo)
  }
}
