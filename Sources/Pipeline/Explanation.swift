import Normalization
import Recognition
import Resolution
import Rules

/// `quipu explain`: for each mention, which rule matched, its tokens' keys, how its entity was
/// chosen, and the candidates that lost to it, and why.
public enum Explanation {
  /// Explains the mentions of `text` that overlap `range` (code points; nil for all).
  public static func explain(path: String, text: [UInt16], range: Range<Int>?, extractor: Extractor) -> String {
    let (extracted, kept) = extractor.extract(
      extractor.normalizer.document(path: path, text: String(decoding: text, as: UTF16.self)), keepingCandidates: true)
    let document = extracted.document
    let rules = extractor.recognizer.rules
    let candidates = kept ?? []
    let lexicon = extractor.normalizer.lexicon
    func span(_ first: Int32, _ end: Int32) -> (Int, Int) {
      (Int(document.tokens[Int(first)].start), Int(document.tokens[Int(end) - 1].end))
    }
    func quoted(_ first: Int32, _ end: Int32) -> String {
      "\"" + document.string(fromToken: Int(first), throughToken: Int(end) - 1) + "\""
    }
    var out: [String] = []
    for mention in extracted.mentions {
      let (s, e) = span(mention.firstToken, mention.endToken)
      if let range, !(s < range.upperBound && range.lowerBound < e) { continue }
      out.append("\(quoted(mention.firstToken, mention.endToken)) [\(s), \(e)) \(mention.type) → \(mention.entityID) (\(mention.name))")
      out.append("  rule: \(mention.rule.located) (how: \(mention.how))")
      let tokens = document.tokens[Int(mention.firstToken)..<Int(mention.endToken)]
      let keys = tokens.map { t in
        "\(document.string(of: t)): exact \"\(lexicon.string(t.keys.exact))\", folded \"\(lexicon.string(t.keys.folded))\", loose \"\(lexicon.string(t.keys.loose))\""
      }
      out.append("  keys: " + keys.joined(separator: "; "))
      out.append("  entity: \(mention.why)")
      if !mention.candidates.isEmpty { out.append("  candidates: \(mention.candidates.joined(separator: ", "))") }
      let winner = candidates.first { $0.firstToken == mention.firstToken && $0.endToken == mention.endToken }
      for loser in candidates
      where loser.firstToken < mention.endToken && mention.firstToken < loser.endToken
        && !(loser.firstToken == mention.firstToken && loser.endToken == mention.endToken && loser.rule == mention.rule)
      {
        let (ls, le) = span(loser.firstToken, loser.endToken)
        out.append(
          "  lost: \(quoted(loser.firstToken, loser.endToken)) [\(ls), \(le)) \(loser.type) by \(loser.rule.located) "
            + "(\(loser.how.rawValue), priority \(loser.priority)): \(reason(loser, lostTo: winner, mention: mention, rules: rules))")
      }
    }
    return out.isEmpty ? "no mentions" + (range.map { " in [\($0.lowerBound), \($0.upperBound))" } ?? "") : out.joined(separator: "\n")
  }

  /// Why `loser` was dropped, in the terms of ``OverlapPolicy``.
  static func reason(_ loser: Mention, lostTo winner: Mention?, mention: ResolvedMention, rules: RuleSet) -> String {
    guard let winner else { return "overlaps the mention kept here" }
    if winner.priority != loser.priority {
      return "the kept match has priority \(winner.priority) "
        + "(aliases \(RuleSet.aliasPriority), patterns \(RuleSet.patternPriority) unless set)"
    }
    if winner.firstToken != loser.firstToken { return "the kept match starts further left" }
    if winner.tokenCount != loser.tokenCount { return "the kept match is longer (\(winner.tokenCount) tokens)" }
    return "same span: the rule defined first wins"
  }
}
