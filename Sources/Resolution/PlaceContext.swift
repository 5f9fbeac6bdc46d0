import Normalization
import Recognition
import Rules

/// Document context for names that several places share: a document about Peru means
/// Peru's Junín, San Martín and Santa Lucía, not Argentina's Junín city, the Caribbean
/// Saint Martin or Saint Lucia.
///
/// The recognizer gives each name to one entity: the first defined (hand-written rules,
/// then countries, regions, cities; among GeoNames places, the biggest). This step revisits
/// a mention whose name other entities of the same type share, and moves it to the candidate
/// whose country the document names most often, when that is strictly more often than the
/// country of the recognizer's choice. A country is `country/xx` itself, a `region/xx-…`'s
/// prefix, or an entity's `country` attribute; an entity with no country (Washington, D.C.
/// in the seeds' rules) is never moved.
///
/// - Complexity: O(mentions × candidates per name); the candidates come from the gazetteer
///   node the name ends at, so there is no lookup table to build.
struct PlaceContext {
  let rules: RuleSet
  let gazetteer: Gazetteer

  func resolve(_ mentions: [Mention], in document: Document) -> [Mention] {
    guard mentions.count > 1 else { return mentions }
    var named: [String: Int] = [:]
    for mention in mentions {
      if let country = country(of: mention.entity) { named[country, default: 0] += 1 }
    }
    guard !named.isEmpty else { return mentions }
    var result = mentions
    for (i, mention) in mentions.enumerated() {
      guard let current = country(of: mention.entity) else { continue }
      // The mention itself counts for its own country; compare without it.
      var bestScore = named[current, default: 0] - 1
      var best: (entity: Int32, alias: Int32)?
      let matched = rules.aliases[Int(mention.alias)]
      let capitalized = document.tokens[Int(mention.firstToken)..<Int(mention.endToken)].contains {
        $0.shape.contains(.hasUpper)
      }
      for index in gazetteer.aliases(sharingKeysWith: mention.alias) {
        let alias = rules.aliases[Int(index)]
        guard alias.entity != mention.entity, alias.entity != best?.entity,
          rules.entities[Int(alias.entity)].type == mention.type,
          !alias.requiresCapital || capitalized,
          alias.mode == .loose || alias.keys(for: alias.mode) == matched.keys(for: alias.mode),
          let country = country(of: alias.entity)
        else { continue }
        let score = named[country, default: 0] - (country == current ? 1 : 0)
        if score > bestScore {
          bestScore = score
          best = (alias.entity, Int32(index))
        }
      }
      if let best {
        result[i].entity = best.entity
        result[i].alias = best.alias
        result[i].rule = rules.aliases[Int(best.alias)].rule
      }
    }
    return result
  }

  /// The ISO 3166-1 code of the country an entity is in (or is), if the rules say.
  func country(of entity: Int32) -> String? {
    let e = rules.entities[Int(entity)]
    if e.id.hasPrefix("country/") { return e.id.dropFirst(8).uppercased() }
    if let attribute = e.attributes.first(where: { $0.key == "country" }) { return attribute.value.uppercased() }
    if e.id.hasPrefix("region/") { return String(e.id.dropFirst(7).prefix(2)).uppercased() }
    return nil
  }
}
