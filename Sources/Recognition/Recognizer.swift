import Normalization
import Rules

/// Finds mentions in documents: the Recognition stage, one per worker thread.
///
/// It holds the per-worker search state (the key translation table and scratch buffers)
/// around the shared, immutable ``Gazetteer``. Not thread-safe.
public final class Recognizer {
  public let rules: RuleSet
  public let gazetteer: Gazetteer
  public let policy: OverlapPolicy
  private var translator = KeyTranslator()
  private var looseKeys: [UInt32] = []

  public init(rules: RuleSet, gazetteer: Gazetteer, policy: OverlapPolicy = .leftmostLongest) {
    self.rules = rules
    self.gazetteer = gazetteer
    self.policy = policy
  }

  /// Convenience for tests and tools: compiles the gazetteer too.
  public convenience init(rules: RuleSet) {
    self.init(rules: rules, gazetteer: Gazetteer(rules: rules))
  }

  /// The document's mentions, disjoint and in text order.
  ///
  /// `lexicon` is the one of the normalizer that tokenized `document`.
  public func mentions(in document: Document, lexicon: Lexicon) -> [Mention] {
    var candidates: [Mention] = []
    findAliasMatches(in: document, lexicon: lexicon, into: &candidates)
    return policy.resolve(candidates)
  }

  /// Appends, for every token where some alias matches, the longest valid alias match.
  func findAliasMatches(in document: Document, lexicon: Lexicon, into candidates: inout [Mention]) {
    let tokens = document.tokens
    let vocabulary = rules.vocabulary
    looseKeys.removeAll(keepingCapacity: true)
    for token in tokens {
      looseKeys.append(translator.vocabularyID(token.keys.loose, lexicon: lexicon, vocabulary: vocabulary))
    }
    let n = tokens.count
    for i in 0..<n {
      guard var node = gazetteer.start(looseKeys[i]) else { continue }
      var j = i + 1
      var best: (alias: UInt32, end: Int)?
      while true {
        if let alias = bestAlias(endingAt: node, tokens: tokens, from: i, lexicon: lexicon) {
          best = (alias, j)
        }
        guard j < n, !tokens[j].flags.contains(.startsParagraph), let child = gazetteer.next(node, looseKeys[j])
        else { break }
        node = child
        j += 1
      }
      if let best {
        let alias = rules.aliases[Int(best.alias)]
        candidates.append(
          Mention(
            firstToken: Int32(i), endToken: Int32(best.end), type: rules.entities[Int(alias.entity)].type,
            entity: alias.entity, alias: Int32(best.alias), rule: alias.rule))
      }
    }
  }

  /// Of the aliases ending at `node` that accept the tokens from `first`, the most specific:
  /// one whose exact text is the occurrence's beats one equal after case folding, which beats
  /// one equal only loosely; then the first defined. So "Perú" in a text is credited to the
  /// alias "Perú", not to the name "Peru" written above it.
  private func bestAlias(endingAt node: UInt32, tokens: [Token], from first: Int, lexicon: Lexicon) -> UInt32? {
    var best: UInt32?
    var bestScore = -1
    for index in gazetteer.aliases(endingAt: node) {
      let alias = rules.aliases[Int(index)]
      guard accepts(alias, tokens: tokens, from: first, lexicon: lexicon) else { continue }
      let score =
        equal(alias.exact, \.exact, tokens: tokens, from: first, lexicon: lexicon) ? 2
        : equal(alias.folded, \.folded, tokens: tokens, from: first, lexicon: lexicon) ? 1 : 0
      if score > bestScore {
        best = index
        bestScore = score
        if score == 2 { break }
      }
    }
    return best
  }

  /// Whether the tokens from `first` have exactly `keys` as their `kind` keys.
  private func equal(
    _ keys: [UInt32], _ kind: KeyPath<TokenKeys, KeyID>, tokens: [Token], from first: Int, lexicon: Lexicon
  ) -> Bool {
    for k in 0..<keys.count
    where translator.vocabularyID(tokens[first + k].keys[keyPath: kind], lexicon: lexicon, vocabulary: rules.vocabulary)
      != keys[k]
    {
      return false
    }
    return true
  }

  /// Whether the tokens from `first` satisfy the alias's mode and capitalization
  /// (their loose keys already equal the alias's).
  private func accepts(_ alias: CompiledAlias, tokens: [Token], from first: Int, lexicon: Lexicon) -> Bool {
    let count = alias.loose.count
    if alias.requiresCapital {
      var capital = false
      for t in first..<first + count where tokens[t].shape.contains(.hasUpper) {
        capital = true
        break
      }
      if !capital { return false }
    }
    switch alias.mode {
    case .loose: return true
    case .folded: return equal(alias.folded, \.folded, tokens: tokens, from: first, lexicon: lexicon)
    case .exact: return equal(alias.exact, \.exact, tokens: tokens, from: first, lexicon: lexicon)
    }
  }
}
