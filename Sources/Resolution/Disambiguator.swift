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
/// - +1 for every one of its `context` words (a rule setting) that occurs in the document.
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

  let rules: RuleSet
  /// Place code → how many unambiguous mentions in the document carry it.
  private var codeCounts: [String: Int] = [:]
  private let present: Set<UInt32>

  init(rules: RuleSet, mentions: [Mention], looseKeys: [UInt32]) {
    self.rules = rules
    present = Set(looseKeys)
    for mention in mentions where mention.entity >= 0 && mention.candidates.isEmpty {
      for code in rules.entities[Int(mention.entity)].placeCodes { codeCounts[code, default: 0] += 1 }
    }
  }

  func decide(_ mention: Mention) -> Decision {
    var scored: [(entity: Int32, score: Double, reasons: [String])] = []
    for candidate in mention.candidates {
      let entity = rules.entities[Int(candidate)]
      var score = entity.prior
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
      scored.append((candidate, score, reasons))
    }
    let ranked = scored.enumerated().sorted { ($1.element.score, $0.offset) < ($0.element.score, $1.offset) }.map(\.element)
    let decided = ranked.count < 2 || ranked[0].score > ranked[1].score
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
