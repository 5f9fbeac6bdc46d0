import Rules

/// A span of tokens that a rule recognized as an entity of some type.
public struct Mention: Hashable, Sendable {
  /// How a mention was found.
  public enum How: String, Hashable, Sendable {
    /// An entity alias matched.
    case alias
    /// A pattern matched.
    case pattern
    /// A name that a pattern declared as an alias (`<alias: …>`, e.g. the acronym in
    /// "Long Name (ACRO)"), found again elsewhere in the document.
    case acronym
    /// A shorter form of a name mentioned in full in the same document, found by resolution
    /// ("Morales" after "Evo Morales").
    case coref
  }

  /// First token of the span.
  public var firstToken: Int32
  /// One past the last token of the span.
  public var endToken: Int32
  public var type: String
  /// Index into ``RuleSet/entities`` of the listed entity, or -1 when no rule lists it.
  public var entity: Int32
  /// Index into ``RuleSet/aliases`` of the alias that matched, or -1.
  public var alias: Int32
  /// Index into ``RuleSet/patterns`` of the pattern that matched, or -1.
  public var pattern: Int32
  /// The rule file line that produced the mention.
  public var rule: RuleReference
  public var how: How
  /// Overlaps are settled by priority first (see ``OverlapPolicy``).
  public var priority: Int
  /// For an unlisted entity's other names (acronyms): the first token of the mention that
  /// names the entity in full, which resolution joins it to; -1 when none.
  public var antecedent: Int32
  /// Attributes a pattern captured for the entity (a social-media handle, say).
  public var attributes: [EntityRule.Attribute]
  /// When the matched alias belongs to several entities (Lima the city and the region):
  /// all of them, the most specific alias's first; empty when there is only one.
  /// Resolution chooses among them from the document's context.
  public var candidates: [Int32]

  public init(
    firstToken: Int32, endToken: Int32, type: String, entity: Int32, alias: Int32, pattern: Int32 = -1,
    rule: RuleReference, how: How = .alias, priority: Int = RuleSet.aliasPriority, antecedent: Int32 = -1,
    attributes: [EntityRule.Attribute] = [], candidates: [Int32] = []
  ) {
    self.firstToken = firstToken
    self.endToken = endToken
    self.type = type
    self.entity = entity
    self.alias = alias
    self.pattern = pattern
    self.rule = rule
    self.how = how
    self.priority = priority
    self.antecedent = antecedent
    self.attributes = attributes
    self.candidates = candidates
  }

  public var tokenCount: Int32 { endToken - firstToken }

  public func overlaps(_ other: Mention) -> Bool {
    firstToken < other.endToken && other.firstToken < endToken
  }
}
