import Normalization
import Recognition
import Rules

/// A mention with the canonical entity it refers to.
public struct ResolvedMention: Hashable, Sendable {
  public var firstToken: Int32
  public var endToken: Int32
  public var type: String
  /// Canonical id, e.g. `person/dina-boluarte`.
  public var entityID: String
  /// Canonical display name, e.g. "Dina Boluarte".
  public var name: String
  public var rule: RuleReference

  public init(firstToken: Int32, endToken: Int32, type: String, entityID: String, name: String, rule: RuleReference) {
    self.firstToken = firstToken
    self.endToken = endToken
    self.type = type
    self.entityID = entityID
    self.name = name
    self.rule = rule
  }
}

/// Decides which canonical entity each mention refers to: the Resolution stage.
///
/// Today every mention comes from an alias, and an alias belongs to exactly one entity in
/// the rules, so resolution assigns that entity. In-document coreference, acronyms and
/// context-based disambiguation build on this type.
public struct Resolver: Sendable {
  public let rules: RuleSet
  /// When given, names that several places share are settled by document context.
  public let gazetteer: Gazetteer?

  public init(rules: RuleSet, gazetteer: Gazetteer? = nil) {
    self.rules = rules
    self.gazetteer = gazetteer
  }

  public func resolve(_ mentions: [Mention], in document: Document) -> [ResolvedMention] {
    let mentions = gazetteer.map { PlaceContext(rules: rules, gazetteer: $0).resolve(mentions, in: document) } ?? mentions
    return mentions.map { mention in
      let entity = rules.entities[Int(mention.entity)]
      return ResolvedMention(
        firstToken: mention.firstToken, endToken: mention.endToken, type: mention.type,
        entityID: entity.id, name: entity.name, rule: mention.rule)
    }
  }
}
