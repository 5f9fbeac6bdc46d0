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
    // Which tokens kept mentions cover: the overlap test costs the mention's length.
    var taken = [Bool](repeating: false, count: Int(candidates.map(\.endToken).max() ?? 0))
    for mention in ordered {
      let span = Int(mention.firstToken)..<Int(mention.endToken)
      if span.contains(where: { taken[$0] }) { continue }
      for t in span { taken[t] = true }
      kept.append(mention)
    }
    return kept.sorted { ($0.firstToken, $0.endToken) < ($1.firstToken, $1.endToken) }
  }
}
