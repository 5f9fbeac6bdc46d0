/// How overlapping candidate mentions are reduced to a set of disjoint mentions.
public enum OverlapPolicy: Sendable {
  /// By priority first, then leftmost-longest.
  ///
  /// Candidates of the highest priority are placed first: scanning left to right, at each
  /// position the longest candidate (in tokens) that starts there is taken, then the scan
  /// continues after it. Candidates of the next priority then fill the gaps, never overlapping
  /// what is placed. Entity aliases have priority 10 and patterns 0 by default, so an alias
  /// match beats an overlapping pattern match ("gazetteer before patterns") unless a pattern
  /// sets a higher `priority`. A pattern that consumes gazetteer spans (`"Congress" "of" PLACE`)
  /// ranks with aliases, so its longer match replaces the alias match inside it.
  ///
  /// With aliases "Dina" and "Dina Boluarte" on "Dina Boluarte habló", the result is
  /// "Dina Boluarte"; with "Santa Lucia" and "Lucia Ramos" on "Santa Lucia Ramos", it is
  /// "Santa Lucia" (leftmost first), not "Lucia Ramos". Among candidates with the same span and
  /// priority, the alias defined first wins, then the pattern defined first. (Each finder
  /// proposes at most one candidate per span: the gazetteer its most specific alias, see
  /// ``Recognizer``; that choice also decides between two entities sharing an alias: "Perú"
  /// goes to the entity whose alias is spelled "Perú" before one whose alias is "Peru".)
  case leftmostLongest

  /// The disjoint mentions this policy keeps from `candidates`, in text order.
  public func resolve(_ candidates: [Mention]) -> [Mention] {
    let ordered = candidates.sorted {
      (-$0.priority, $0.firstToken, -$0.tokenCount, $0.alias, $0.pattern)
        < (-$1.priority, $1.firstToken, -$1.tokenCount, $1.alias, $1.pattern)
    }
    var kept: [Mention] = []
    kept.reserveCapacity(ordered.count)
    // Kept spans as sorted, disjoint [first, end) intervals, for the overlap test.
    var taken: [(first: Int32, end: Int32)] = []
    for mention in ordered {
      // The last interval that starts before this mention ends is the only one that can overlap it.
      var lo = 0
      var hi = taken.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if taken[mid].first < mention.endToken { lo = mid + 1 } else { hi = mid }
      }
      if lo > 0, taken[lo - 1].end > mention.firstToken { continue }
      taken.insert((mention.firstToken, mention.endToken), at: lo)
      kept.append(mention)
    }
    return kept.sorted { ($0.firstToken, $0.endToken) < ($1.firstToken, $1.endToken) }
  }
}
