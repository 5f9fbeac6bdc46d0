import Foundation
import Normalization
import Recognition
import Rules

/// A mention with the canonical entity it refers to.
public struct ResolvedMention: Hashable, Sendable {
  public var firstToken: Int32
  public var endToken: Int32
  public var type: String
  /// Canonical id: a rule's (`person/dina-boluarte`), or for an entity no rule lists, one
  /// derived from its type and loose key (`~person/anibal-garzon`).
  public var entityID: String
  /// Canonical display name, e.g. "Dina Boluarte".
  public var name: String
  public var rule: RuleReference
  /// `alias`, `pattern` or `acronym` (see ``Mention/How``).
  public var how: String
  /// The entity's attributes: the rule's, or what a pattern captured.
  public var attributes: [EntityRule.Attribute]

  public init(
    firstToken: Int32, endToken: Int32, type: String, entityID: String, name: String, rule: RuleReference,
    how: String = "alias", attributes: [EntityRule.Attribute] = []
  ) {
    self.firstToken = firstToken
    self.endToken = endToken
    self.type = type
    self.entityID = entityID
    self.name = name
    self.rule = rule
    self.how = how
    self.attributes = attributes
  }
}

/// Decides which canonical entity each mention refers to: the Resolution stage.
///
/// - A mention of a listed entity (an alias, or a pattern match whose text is an alias of an
///   entity of its type) gets that entity.
/// - A name a pattern declared as another name of a match (an acronym) gets the entity of the
///   mention it names.
/// - Any other pattern mention is an entity no rule lists. Its id is derived from its type and
///   its tokens' `loose` keys, `~person/anibal-garzon`: the same name in two documents, with or
///   without accents, is one entity, and adding a document never changes another's ids. The
///   `~` sorts these after listed entities in `entities.jsonl`.
public struct Resolver: Sendable {
  public let rules: RuleSet

  public init(rules: RuleSet) { self.rules = rules }

  public func resolve(_ mentions: [Mention], in document: Document, lexicon: Lexicon) -> [ResolvedMention] {
    var resolved = mentions.map { resolveAlone($0, document: document, lexicon: lexicon) }
    // Names of other mentions (acronyms) take the entity of the mention they name.
    for (i, mention) in mentions.enumerated() where mention.entity < 0 && mention.antecedent >= 0 {
      if let target = mentions.firstIndex(where: {
        $0.antecedent < 0 && $0.firstToken <= mention.antecedent && mention.antecedent < $0.endToken
      }) {
        resolved[i].entityID = resolved[target].entityID
        resolved[i].name = resolved[target].name
        resolved[i].type = resolved[target].type
        resolved[i].attributes = resolved[target].attributes
      }
    }
    return resolved
  }

  private func resolveAlone(_ mention: Mention, document: Document, lexicon: Lexicon) -> ResolvedMention {
    if mention.entity >= 0 {
      let entity = rules.entities[Int(mention.entity)]
      return ResolvedMention(
        firstToken: mention.firstToken, endToken: mention.endToken, type: entity.type, entityID: entity.id,
        name: entity.name, rule: mention.rule, how: mention.how.rawValue, attributes: entity.attributes)
    }
    let tokens = document.tokens[Int(mention.firstToken)..<Int(mention.endToken)]
    let slug = tokens.filter(\.isWordLike).map { Self.slug(lexicon.string($0.keys.loose)) }.joined(separator: "-")
    let name = NameText.canonical(document.string(fromToken: Int(mention.firstToken), throughToken: Int(mention.endToken) - 1))
    return ResolvedMention(
      firstToken: mention.firstToken, endToken: mention.endToken, type: mention.type,
      entityID: "~\(mention.type.lowercased())/\(slug)", name: name, rule: mention.rule, how: mention.how.rawValue,
      attributes: mention.attributes.sorted { $0.key < $1.key })
  }

  /// A loose key made safe for an id: letters and digits kept, anything else a hyphen.
  static func slug(_ key: String) -> String {
    var out = ""
    for scalar in key.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty && !out.hasSuffix("-") {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "_" : out
  }
}

/// How a name found in text is displayed as a canonical name.
enum NameText {
  /// NFC, white space runs (line breaks, no-break spaces) collapsed to one space.
  static func canonical(_ text: String) -> String {
    var out = ""
    var space = false
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.properties.isWhitespace {
        space = !out.isEmpty
        continue
      }
      if space { out.append(" ") }
      space = false
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}
