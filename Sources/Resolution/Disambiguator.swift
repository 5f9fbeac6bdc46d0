import Normalization
import Recognition
import Rules

/// Chooses among entities that share an alias (Lima the city or the region; Santa Lucía in
/// Peru or Saint Lucia the country) from what the document says.
///
/// Each candidate scores:
/// - its `prior` (a rule setting, default 0);
/// - +1 for every unambiguous mention in the document of an entity placed where it is: the
///   same `country`, `iso3166` or `within` code (a document that names Peru three times gives
///   Peru's Santa Lucía +3, and Saint Lucia the country nothing);
/// - +1 for every one of its `context` words (a rule setting) that occurs in the document;
/// - for places of the reference packs, what kind of place the name is used for (see
///   ``PlaceKind``): a city that shares its name with a first-level region of its country (the
///   region's capital: Lima, Madrid, Cairo) gets +0.5 over the region, a national capital
///   (GeoNames `PPLC`) +0.5 more over regions and other cities (Washington, D.C.), and the
///   region +1.5 (more than both) where the words around the mention are
///   regional ("región de Lima", "the department of Cusco", "Arequipa州", ", the southern
///   state") or the mention stands in a list of regions ("the regions of Lima, Callao,
///   Loreto"); a word that says city ("la ciudad de", "the capital") gives the city +1.5.
///   Where nothing around the mention says either, a region of a country whose regions the
///   document speaks of as regions elsewhere (in a list of regions, after "región de") gets
///   +0.75: more than its namesake city, less than a national capital.
///
/// A city never takes the name of a country that is also a candidate: a GeoNames city's
/// alternate names include exonyms ("コロンビア", "Колумбия" are Colombia and Columbia,
/// South Carolina, alike), and a document that names the United States six times must not
/// turn the country into a US city of the same name. Such cities rank after every other
/// candidate, whatever their score.
///
/// The highest score wins; on a tie the context cannot decide, and the mention keeps every
/// candidate, best first (the first is the one whose alias is closest in spelling, then the
/// first defined).
struct Disambiguator {
  struct Decision {
    var entity: Int32
    var ranked: [Int32]
    var isDecided: Bool
    var why: String
  }

  /// What kind of place an entity of the reference packs is, from its attributes: a country
  /// has `iso3166`, a first-level region `iso3166-2` (or `subdivision`), a GeoNames city a
  /// `feature` code of class P (`PPL`, `PPLC`, `PPLA` ...). Hand-written entities without
  /// these attributes are `other`, and none of the kind rules touch them.
  enum PlaceKind { case country, region, city, other }

  static func kind(of entity: Entity) -> PlaceKind {
    var kind = PlaceKind.other
    for attribute in entity.attributes {
      switch attribute.key {
      case "iso3166-2", "subdivision": return .region
      case "iso3166": kind = .country
      case "feature" where attribute.value.hasPrefix("PPL"): if kind == .other { kind = .city }
      default: break
      }
    }
    return kind
  }

  let rules: RuleSet
  /// Place code → how many unambiguous mentions in the document carry it.
  private var codeCounts: [String: Int] = [:]
  private let present: Set<UInt32>
  /// First token of a mention → the regional or city words around it, from ``PlaceCues``.
  private var cues: [Int32: PlaceCues.Found] = [:]
  private var regionalCountries: Set<String> = []

  init(rules: RuleSet, mentions: [Mention], looseKeys: [UInt32], document: Document? = nil, lexicon: Lexicon? = nil) {
    self.rules = rules
    // Only ambiguous mentions are decided (and read context words): most documents have none.
    present = mentions.contains(where: { $0.candidates.count > 1 }) ? Set(looseKeys) : []
    for mention in mentions where mention.entity >= 0 && mention.candidates.isEmpty {
      for code in rules.entities[Int(mention.entity)].placeCodes { codeCounts[code, default: 0] += 1 }
    }
    if let document, let lexicon, mentions.contains(where: { $0.candidates.count > 1 }) {
      let found = PlaceCues(document: document, lexicon: lexicon, rules: rules, mentions: mentions)
      cues = found.found
      regionalCountries = found.regionalCountries
    }
  }

  func decide(_ mention: Mention) -> Decision {
    var scored: [(entity: Int32, score: Double, tier: Int, reasons: [String])] = []
    let kinds = mention.candidates.map { Self.kind(of: rules.entities[Int($0)]) }
    let hasCountry = kinds.contains(.country)
    let regionCountries = Set(
      zip(mention.candidates, kinds).filter { $0.1 == .region }.compactMap { rules.entities[Int($0.0)].attribute("country") })
    let cue = cues[mention.firstToken]
    for (candidate, kind) in zip(mention.candidates, kinds) {
      let entity = rules.entities[Int(candidate)]
      var score = entity.prior
      var tier = 0
      var reasons: [String] = []
      if entity.prior != 0 { reasons.append("prior \(format(entity.prior))") }
      for code in entity.placeCodes.sorted() {
        if let n = codeCounts[code], n > 0 {
          score += Double(n)
          reasons.append("\(n) mention\(n == 1 ? "" : "s") placed in \(code)")
        }
      }
      let words = entity.context.filter { $0.allSatisfy(present.contains) }.count
      if words > 0 {
        score += Double(words)
        reasons.append("\(words) context word\(words == 1 ? "" : "s")")
      }
      switch kind {
      case .city:
        if hasCountry {
          tier = 1
          reasons.append("a city, and a country has this name")
        }
        if let country = entity.attribute("country"), regionCountries.contains(country) {
          score += 0.5
          reasons.append("the city of a region's name")
        }
        // Over regions and other cities only: an organization that shares the name (the OAS's
        // "OEA", also Tripoli's ancient name) is not outranked by a capital.
        if entity.attribute("feature") == "PPLC", !regionCountries.isEmpty || kinds.filter({ $0 == .city }).count > 1 {
          score += 0.5
          reasons.append("a national capital")
        }
        if let word = cue?.city {
          score += 1.5
          reasons.append("city context '\(word)'")
        }
      case .region:
        if let word = cue?.region {
          score += 1.5
          reasons.append("regional context '\(word)'")
        } else if cue == nil, let country = entity.attribute("country"), regionalCountries.contains(country) {
          score += 0.75
          reasons.append("the document speaks of regions of \(country)")
        }
      case .country, .other: break
      }
      scored.append((candidate, score, tier, reasons))
    }
    let ranked = scored.enumerated().sorted {
      ($0.element.tier, -$0.element.score, $0.offset) < ($1.element.tier, -$1.element.score, $1.offset)
    }.map(\.element)
    let decided = ranked.count < 2 || ranked[0].tier < ranked[1].tier || ranked[0].score > ranked[1].score
    let why =
      (decided ? "chosen by context: " : "context cannot decide: ")
      + ranked.map { "\(rules.entities[Int($0.entity)].id) \(format($0.score))" + ($0.reasons.isEmpty ? "" : " (\($0.reasons.joined(separator: ", ")))") }
      .joined(separator: " > ")
    return Decision(entity: ranked[0].entity, ranked: ranked.map(\.entity), isDecided: decided, why: why)
  }

  private func format(_ x: Double) -> String {
    x == x.rounded() ? String(Int(x)) : String(x)
  }
}

extension Entity {
  /// The value of the attribute `key`, uppercased for place codes' sake; nil when unset.
  func attribute(_ key: String) -> String? {
    attributes.first { $0.key == key }.map { $0.value.uppercased() }
  }
}
