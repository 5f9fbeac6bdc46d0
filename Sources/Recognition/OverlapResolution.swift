/// How overlapping candidate mentions are reduced to a set of disjoint mentions.
public enum OverlapPolicy: Sendable {
  /// Scan left to right; at each position take the longest candidate (in tokens) that starts
  /// there, then continue after it. Among candidates with the same span, the one whose alias
  /// was defined first (file load order, then line) wins. (Each finder proposes at most one
  /// candidate per span: the gazetteer its most specific alias, see ``Recognizer``; that choice
  /// also decides between two entities sharing an alias: "Perú" goes to the entity whose alias
  /// is spelled "Perú" before one whose alias is "Peru".)
  ///
  /// With aliases "Dina" and "Dina Boluarte" on "Dina Boluarte habló", the result is
  /// "Dina Boluarte"; with "Santa Lucia" and "Lucia Ramos" on "Santa Lucia Ramos", it is
  /// "Santa Lucia" (leftmost first), not "Lucia Ramos".
  case leftmostLongest

  /// The disjoint mentions this policy keeps from `candidates`, in text order.
  public func resolve(_ candidates: [Mention]) -> [Mention] {
    let ordered = candidates.sorted {
      ($0.firstToken, -$0.tokenCount, $0.alias) < ($1.firstToken, -$1.tokenCount, $1.alias)
    }
    var kept: [Mention] = []
    kept.reserveCapacity(ordered.count)
    var end: Int32 = 0
    for mention in ordered where mention.firstToken >= end {
      kept.append(mention)
      end = mention.endToken
    }
    return kept
  }
}
