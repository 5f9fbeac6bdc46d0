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
  ///
  /// Sorts and keeps indexes, not mentions: a document's candidates are a long array of large
  /// values, and copies of it were most of what recognizing a large document took. (Ties keep
  /// the candidates' order, as a stable sort of the mentions would.)
  public func resolve(_ candidates: [Mention]) -> [Mention] {
    let keys = candidates.map { ($0.priority, $0.firstToken, $0.tokenCount, $0.alias, $0.pattern) }
    let order = candidates.indices.sorted { i, j in
      let (a, b) = (keys[i], keys[j])
      return (-a.0, a.1, -a.2, a.3, a.4, i) < (-b.0, b.1, -b.2, b.3, b.4, j)
    }
    var kept: [Int] = []
    // Which tokens kept mentions cover: the overlap test costs the mention's length.
    var taken = [Bool](repeating: false, count: Int(candidates.map(\.endToken).max() ?? 0))
    for i in order {
      let span = Int(candidates[i].firstToken)..<Int(candidates[i].endToken)
      if span.contains(where: { taken[$0] }) { continue }
      for t in span { taken[t] = true }
      kept.append(i)
    }
    // `kept` in text order, ties in the order they were kept.
    let placed = kept.indices.sorted { p, q in
      let (a, b) = (keys[kept[p]], keys[kept[q]])
      return (a.1, a.2, p) < (b.1, b.2, q)
    }
    return placed.map { candidates[kept[$0]] }
  }
}
