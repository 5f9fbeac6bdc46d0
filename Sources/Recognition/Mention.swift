import Rules

/// A span of tokens that a rule recognized as an entity of some type.
public struct Mention: Hashable, Sendable {
  /// First token of the span.
  public var firstToken: Int32
  /// One past the last token of the span.
  public var endToken: Int32
  public var type: String
  /// Index into ``RuleSet/entities`` of the entity the rule names.
  public var entity: Int32
  /// Index into ``RuleSet/aliases`` of the alias that matched.
  public var alias: Int32
  /// The rule file line that produced the mention.
  public var rule: RuleReference

  public init(firstToken: Int32, endToken: Int32, type: String, entity: Int32, alias: Int32, rule: RuleReference) {
    self.firstToken = firstToken
    self.endToken = endToken
    self.type = type
    self.entity = entity
    self.alias = alias
    self.rule = rule
  }

  public var tokenCount: Int32 { endToken - firstToken }

  public func overlaps(_ other: Mention) -> Bool {
    firstToken < other.endToken && other.firstToken < endToken
  }
}
