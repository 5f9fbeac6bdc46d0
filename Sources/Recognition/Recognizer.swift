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
  /// The current document's loose keys, refilled in place for each document and handed out in
  /// ``RecognizedDocument/looseKeys`` (shared storage: see there).
  private var looseKeys: [UInt32] = []
  /// The matcher of paragraphs whose language is unknown: every pattern and list entry.
  private var patterns: PatternMatcher
  /// Per language number (``LanguageProfiles``): the matcher of its paragraphs, built when
  /// first needed. Index 0 is unused (``patterns``).
  private var languageMatchers: [PatternMatcher?]
  private let prefilter: Bool
  /// What the rules' regular expressions say of this worker's word forms, for every matcher.
  private let regexes: RegexVerdicts

  public convenience init(rules: RuleSet, gazetteer: Gazetteer, policy: OverlapPolicy = .leftmostLongest) {
    self.init(rules: rules, gazetteer: gazetteer, policy: policy, prefilter: true)
  }

  /// Builds what every worker's recognizer of `rules` shares (the pattern tables of no
  /// language), so that a loader can do it beside other work before the workers start.
  public static func buildSharedTables(rules: RuleSet) {
    _ = PatternMatcher.sharedTables(rules: rules, prefilter: true, language: nil)
  }

  /// With `prefilter` false, the pattern VM tries every pattern at every token: slow, and what
  /// the start tables must agree with (tests).
  init(rules: RuleSet, gazetteer: Gazetteer, policy: OverlapPolicy = .leftmostLongest, prefilter: Bool) {
    self.rules = rules
    self.gazetteer = gazetteer
    self.policy = policy
    self.prefilter = prefilter
    let regexes = RegexVerdicts(rules: rules)
    self.regexes = regexes
    self.patterns = PatternMatcher(rules: rules, prefilter: prefilter, regexes: regexes)
    self.languageMatchers = Array(repeating: nil, count: rules.languages.codes.count + 1)
  }

  /// The rule set's patterns with the priority their mentions compete with: a pattern that
  /// builds on gazetteer spans ("Congress of PLACE") ranks with aliases, so that its longer
  /// match can replace the alias match it contains. Computed once, not per document.
  private lazy var rankedPatterns: [CompiledPattern] = rules.patterns.map { pattern in
    var pattern = pattern
    let usesSpans = pattern.program.instructions.contains { if case .entity = $0 { true } else { false } }
    if usesSpans { pattern.priority = max(pattern.priority, RuleSet.aliasPriority) }
    return pattern
  }

  /// Per entity: whether one of its names is written in Latin letters.
  private lazy var latinNamed: [Bool] = rules.derived.value("Recognizer.latinNamed") {
    var named = [Bool](repeating: false, count: rules.entities.count)
    for alias in rules.aliases where alias.text.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
      named[Int(alias.entity)] = true
    }
    return named
  }

  /// Per entity: a country, a first-level region, a capital or a city of a million or more.
  private lazy var majorPlaces: [Bool] = rules.derived.value("Recognizer.majorPlaces") {
    rules.entities.map { entity in
      guard entity.type == "PLACE" else { return false }
      if entity.id.hasPrefix("country/") || entity.id.hasPrefix("region/") { return true }
      let attribute = { (key: String) in entity.attributes.first { $0.key == key }?.value }
      return attribute("feature") == "PPLC" || Int(attribute("population") ?? "") ?? 0 >= 1_000_000
    }
  }

  /// Mentions a pattern declared as aliases, found again elsewhere: below every rule, they only
  /// fill gaps.
  static let documentAliasPriority = Int.min / 2

  /// From this many tokens (a few megabytes of text), a document's pattern pass drops its
  /// matcher once done rather than keeping it for the next document.
  ///
  /// A matcher keeps, until it next prepares, the document it read (``TokenContext``: text,
  /// tokens, keys) and a dozen arrays of its own sized by the tokens, some 50 bytes a token;
  /// one matcher per language present. Kept, they hold a large document's whole size once per
  /// language, and for as long as the worker runs: while it reads its next document too. A
  /// new matcher costs little beside such a document (its tables are shared).
  static let largeDocumentTokens = 1 << 18
  /// ``largeDocumentTokens``, lower in tests.
  var releasingFrom = Recognizer.largeDocumentTokens

  /// Replaces the matcher of `language` with none (built again when next needed; the
  /// unknown language's at once, since it is not optional), letting go of what it read.
  private func release(_ language: UInt8) {
    if language != 0, rules.languages.code(of: language) != nil {
      languageMatchers[Int(language)] = nil
    } else {
      patterns = PatternMatcher(rules: rules, prefilter: prefilter, regexes: regexes)
    }
  }

  /// The matcher for paragraphs of language number `language` (0: unknown).
  private func matcher(for language: UInt8) -> PatternMatcher {
    guard language != 0, let code = rules.languages.code(of: language) else { return patterns }
    if let known = languageMatchers[Int(language)] { return known }
    let made = PatternMatcher(rules: rules, prefilter: prefilter, language: code, regexes: regexes)
    languageMatchers[Int(language)] = made
    return made
  }

  /// Convenience for tests and tools: compiles the gazetteer too.
  public convenience init(rules: RuleSet) {
    self.init(rules: rules, gazetteer: Gazetteer(rules: rules))
  }

  /// How many regular-expression tests ran out of time so far (each counted as failed).
  public var regexTimeouts: Int { regexes.timeouts }
  /// The regular-expression time-outs of matchers let go of (``release(_:)``).
  /// The document's mentions, disjoint and in text order, with the tokens' loose keys
  /// (see ``RecognizedDocument``).
  ///
  /// 1. Entity aliases (the gazetteer) propose candidates, reduced to disjoint ones.
  /// 2. Patterns run over the tokens, seeing those alias mentions as typed spans.
  /// 3. ``OverlapPolicy`` settles alias and pattern candidates together (priority first).
  /// 4. Names that patterns declared as aliases (`<alias: …>`, acronyms) are found again
  ///    wherever else they occur in the document.
  ///
  /// `lexicon` is the one of the normalizer that tokenized `document`. `languages` says which
  /// language's rules run on each paragraph (see ``LanguageIdentifier``); without it, every
  /// rule runs everywhere. With `keepingCandidates`, the result also lists every candidate
  /// before overlaps were settled (``RecognizedDocument/candidates``, for `quipu explain`).
  public func mentions(
    in document: Document, lexicon: Lexicon, languages: LanguageMap? = nil, keepingCandidates: Bool = false
  ) -> RecognizedDocument {
    var candidates: [Mention] = []
    findAliasMatches(in: document, lexicon: lexicon, into: &candidates)
    if let languages { candidates = withoutCommonWordsAsNames(candidates, tokens: document.tokens, languages: languages) }
    var kept: [Mention]? = keepingCandidates ? candidates : nil
    let aliasMentions = policy.resolve(consume candidates)
    guard !rules.patterns.isEmpty else { return RecognizedDocument(mentions: aliasMentions, looseKeys: looseKeys, candidates: kept) }

    let context = makeContext(document, lexicon: lexicon, aliasMentions: aliasMentions)
    var all = aliasMentions
    // One pass per language present, each over its own paragraphs (one pass over the whole
    // document when no language is known).
    var byLanguage: [UInt8: [Range<Int>]] = [:]
    for run in languages?.runs ?? [] { byLanguage[run.language, default: []].append(run.tokens) }
    let passes: [(UInt8, [Range<Int>]?)] =
      byLanguage.count <= 1 ? [(byLanguage.keys.first ?? 0, nil)] : byLanguage.keys.sorted().map { ($0, byLanguage[$0]) }
    for (language, runs) in passes {
      let matcher = matcher(for: language)
      matcher.prepare(context, runs: runs)
      // By index: copying a pattern (a record of arrays and strings) for each of about a
      // hundred patterns per document was 2% of a run in reference counting alone.
      for index in 0..<matcher.patternCount where matcher.canMatch(patternAt: index) {
        for match in matcher.matches(ofPatternAt: index) {
          appendMentions(of: match, pattern: rankedPatterns[index], index: Int32(index), context: context, into: &all)
        }
      }
      if document.tokens.count >= releasingFrom { release(language) }
    }
    if keepingCandidates { kept? += all.filter { $0.how == .pattern } }
    // `all` ends here, before the policy makes its copy (a large document's candidates are large).
    let settled = policy.resolve(Self.respectingListedNames(consume all, aliasMentions: aliasMentions, tokens: document.tokens))
    return RecognizedDocument(mentions: withDocumentAliases(settled, context: context), looseKeys: looseKeys, candidates: kept)
  }

  /// The alias candidates less those where a reference name in Latin letters met, through its
  /// transliterated key, one of the most frequent words of the paragraph's language written
  /// in another script: Greek "Μετά" ("after", often first in a sentence, so capitalized) is
  /// loosely "meta", Colombia's Meta region. Loose keys find "Перу" for "Peru"; a function
  /// word is no such case.
  ///
  /// And in any cased script, a one-word reference name does not take one of those frequent
  /// words where it opens a sentence, capitalized only for that: Spanish "Como …" ("as") is not
  /// the Italian city, English "Nice to …" not the French one. In the middle of a sentence the
  /// capital is evidence, and the name stands; so do the names of countries, first-level
  /// regions, capitals and cities of a million, which are frequent words because they are
  /// names ("España", "Berlin"), as OCCRP's geonames-tagger keeps common-word names of big
  /// places only.
  func withoutCommonWordsAsNames(_ candidates: [Mention], tokens: [Token], languages: LanguageMap) -> [Mention] {
    candidates.filter { candidate in
      let t = Int(candidate.firstToken)
      guard candidate.alias >= 0, candidate.tokenCount == 1, candidate.priority < 0, languages.commonWords[t],
        tokens[t].script != 0
      else { return true }
      let alias = rules.aliases[Int(candidate.alias)]
      if tokens[t].script != Self.latinScript, alias.text.unicodeScalars.allSatisfy({ $0.value < 0x250 }) { return false }
      if t == 0 || tokens[t - 1].sentence != tokens[t].sentence, tokens[t].shape.contains(.hasUpper) {
        return majorPlaces[Int(alias.entity)]
      }
      return true
    }
  }

  /// The candidates without the pattern matches that would cut or weakly retype a listed name.
  ///
  /// Reference gazetteer aliases rank below patterns (a pattern says what the words around a
  /// name mean), but only where the pattern takes the whole name: one that covers part of it
  /// ("States Army" across "United States") would cut it, and one that covers exactly the
  /// name with another type on a weak cue (priority 0 or less: "Le Brésil a déclaré", a verb
  /// of saying) would retype a place that the list knows. A pattern that contains the whole
  /// name ("Abdel Falah al-Sudani" around "Sudani", "Banco Sabadell" around "Sabadell") still
  /// wins, as does a strong cue (a title, priority 1 or more) on exactly the name. Only names
  /// written as names are kept whole: capitalized, and not all in capitals (a gazetteer's
  /// codes and abbreviations, "OEA", and lowercase starts, "el Banco", prove little).
  static func respectingListedNames(_ candidates: consuming [Mention], aliasMentions: [Mention], tokens: [Token]) -> [Mention] {
    guard !aliasMentions.isEmpty else { return candidates }
    var coveredBy = [Int32](repeating: -1, count: tokens.count)
    for (k, alias) in aliasMentions.enumerated() {
      let span = Int(alias.firstToken)..<Int(alias.endToken)
      guard tokens[span.lowerBound].shape.contains(.initialUpper),
        span.contains(where: { tokens[$0].shape.contains(.hasLower) })
      else { continue }
      for t in span { coveredBy[t] = Int32(k) }
    }
    func respects(_ candidate: Mention) -> Bool {
      guard candidate.how == .pattern else { return true }
      var k: Int32 = -1
      for t in Int(candidate.firstToken)..<Int(candidate.endToken) where coveredBy[t] != k && coveredBy[t] >= 0 {
        k = coveredBy[t]
        let alias = aliasMentions[Int(k)]
        guard alias.priority < candidate.priority || (alias.priority == candidate.priority && alias.priority < 0) else {
          continue  // the alias wins the overlap anyway
        }
        if alias.firstToken < candidate.firstToken || alias.endToken > candidate.endToken { return false }  // cuts it
        if alias.firstToken == candidate.firstToken, alias.endToken == candidate.endToken, alias.type != candidate.type,
          candidate.priority <= 0
        {
          return false  // retypes it on a weak cue
        }
      }
      return true
    }

    // In place: the candidates are owned here, and a filtered copy would double them.
    var kept = candidates
    kept.removeAll { candidate in !respects(candidate) }
    return kept
  }

  /// ICU's script code of Latin (``Token/script``).
  static let latinScript: UInt8 = scriptCode(named: "Latn") ?? 25

  private func makeContext(_ document: Document, lexicon: Lexicon, aliasMentions: [Mention]) -> TokenContext {
    let vocabulary = rules.vocabulary
    var folded: [UInt32] = []
    var exact: [UInt32] = []
    folded.reserveCapacity(document.tokens.count)
    exact.reserveCapacity(document.tokens.count)
    for token in document.tokens {
      folded.append(translator.vocabularyID(token.keys.folded, lexicon: lexicon, vocabulary: vocabulary))
      exact.append(translator.vocabularyID(token.keys.exact, lexicon: lexicon, vocabulary: vocabulary))
    }
    var spanEnd = [Int32](repeating: -1, count: document.tokens.count)
    var spanType = [Int32](repeating: -1, count: document.tokens.count)
    for mention in aliasMentions {
      spanEnd[Int(mention.firstToken)] = mention.endToken
      spanType[Int(mention.firstToken)] = patterns.spanTypeID(mention.type)
    }
    return TokenContext(
      document: document, lexicon: lexicon, loose: looseKeys, folded: folded, exact: exact, spanEnd: spanEnd,
      spanType: spanType)
  }

  /// Turns one pattern match into candidate mentions: its mention captures (or the whole
  /// match), its alias captures, with its attribute captures attached.
  private func appendMentions(
    of match: PatternMatcher.Match, pattern: CompiledPattern, index: Int32, context: TokenContext,
    into candidates: inout [Mention]
  ) {
    let program = pattern.program
    var spans: [(Int32, Int32)] = []
    var aliases: [(Int32, Int32)] = []
    var attributes: [EntityRule.Attribute] = []
    for record in match.captures where record.end > record.start {
      switch program.captures[Int(record.capture)] {
      case .mention: spans.append((record.start, record.end))
      case .alias: aliases.append((record.start, record.end))
      case .attribute(let name):
        attributes.append(.init(key: name, value: context.document.string(fromToken: Int(record.start), throughToken: Int(record.end) - 1)))
      }
    }
    if !program.hasMentionCapture { spans.append((match.start, match.end)) }
    guard let main = spans.first else { return }
    for (first, end) in spans {
      let listed = listedEntity(first: Int(first), end: Int(end), type: pattern.type, context: context)
      candidates.append(
        Mention(
          firstToken: first, endToken: end, type: pattern.type, entity: listed?.entity ?? -1,
          alias: -1, pattern: index, rule: pattern.rule, how: .pattern, priority: pattern.priority,
          attributes: attributes, candidates: listed?.candidates ?? []))
    }
    for (first, end) in aliases {
      candidates.append(
        Mention(
          firstToken: first, endToken: end, type: pattern.type, entity: -1, alias: -1, pattern: index,
          rule: pattern.rule, how: .pattern, priority: pattern.priority, antecedent: main.0))
    }
  }

  /// The listed entity of `type` one of whose aliases is exactly the tokens `first..<end`, and
  /// when several entities of that type have such an alias, all of them, the closest spelling
  /// first (as for alias matches, see ``bestAlias(endingAt:tokens:from:lexicon:)``), so that
  /// resolution chooses among them as it does for an alias match ("in Lima": city or region).
  private func listedEntity(first: Int, end: Int, type: String, context: TokenContext) -> (entity: Int32, candidates: [Int32])? {
    guard var node = gazetteer.start(context.loose[first]) else { return nil }
    var j = first + 1
    while j < end {
      guard let child = gazetteer.next(node, context.loose[j]) else { return nil }
      node = child
      j += 1
    }
    guard let best = bestAlias(endingAt: node, tokens: context.tokens, from: first, lexicon: context.lexicon, type: type)
    else { return nil }
    return (rules.aliases[Int(best.alias)].entity, best.candidates)
  }

  /// Adds the other occurrences (same exact text) of names that patterns captured as
  /// aliases, where they overlap nothing already found.
  private func withDocumentAliases(_ kept: [Mention], context: TokenContext) -> [Mention] {
    let names = kept.filter { $0.how == .pattern && $0.antecedent >= 0 }
    guard !names.isEmpty else { return kept }
    let tokens = context.tokens
    var extra: [Mention] = []
    var seen: Set<[KeyID]> = []
    for name in names {
      let keys = (Int(name.firstToken)..<Int(name.endToken)).map { tokens[$0].keys.exact }
      guard seen.insert(keys).inserted else { continue }
      var i = 0
      while i + keys.count <= tokens.count {
        if tokens[i].keys.exact == keys[0],
          !(1..<keys.count).contains(where: { tokens[i + $0].keys.exact != keys[$0] })
        {
          var again = name
          again.firstToken = Int32(i)
          again.endToken = Int32(i + keys.count)
          again.how = .acronym
          again.priority = Self.documentAliasPriority
          extra.append(again)
          i += keys.count
        } else {
          i += 1
        }
      }
    }
    return policy.resolve(kept + extra)
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
      var best: (alias: UInt32, candidates: [Int32], end: Int)?
      while true {
        if let found = bestAlias(endingAt: node, tokens: tokens, from: i, lexicon: lexicon) {
          best = (found.alias, found.candidates, j)
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
            entity: alias.entity, alias: Int32(best.alias), rule: alias.rule, priority: alias.priority,
            candidates: best.candidates))
      }
    }
  }

  /// Of the aliases ending at `node` that accept the tokens from `first`, the most specific:
  /// one whose exact text is the occurrence's beats one equal after case folding, which beats
  /// one equal only loosely; then the first defined. So "Perú" in a text is credited to the
  /// alias "Perú", not to the name "Peru" written above it.
  private func bestAlias(
    endingAt node: UInt32, tokens: [Token], from first: Int, lexicon: Lexicon, type: String? = nil
  ) -> (alias: UInt32, candidates: [Int32])? {
    var accepted: [(alias: UInt32, score: Int)] = []
    for index in gazetteer.aliases(endingAt: node) {
      let alias = rules.aliases[Int(index)]
      if let type, rules.entities[Int(alias.entity)].type != type { continue }
      guard accepts(alias, tokens: tokens, from: first, lexicon: lexicon) else { continue }
      let score =
        equal(alias.exact, \.exact, tokens: tokens, from: first, lexicon: lexicon) ? 2
        : equal(alias.folded, \.folded, tokens: tokens, from: first, lexicon: lexicon) ? 1 : 0
      accepted.append((index, score))
    }
    guard !accepted.isEmpty else { return nil }
    // Stable: equal scores keep definition order.
    let ranked = accepted.enumerated().sorted { ($1.element.score, $0.offset) < ($0.element.score, $1.offset) }.map(\.element)
    var entities: [Int32] = []
    for candidate in ranked {
      let entity = rules.aliases[Int(candidate.alias)].entity
      if !entities.contains(entity) { entities.append(entity) }
    }
    return (ranked[0].alias, entities.count > 1 ? entities : [])
  }

  /// Whether the tokens from `first` have exactly `keys` as their `kind` keys.
  private func equal(
    _ keys: ArraySlice<UInt32>, _ kind: KeyPath<TokenKeys, KeyID>, tokens: [Token], from first: Int, lexicon: Lexicon
  ) -> Bool {
    for (k, key) in keys.enumerated()
    where translator.vocabularyID(tokens[first + k].keys[keyPath: kind], lexicon: lexicon, vocabulary: rules.vocabulary)
      != key
    {
      return false
    }
    return true
  }

  /// Whether the tokens from `first` satisfy the alias's mode and capitalization
  /// (their loose keys already equal the alias's).
  func accepts(_ alias: CompiledAlias, tokens: [Token], from first: Int, lexicon: Lexicon) -> Bool {
    let count = alias.loose.count
    // Loose keys transliterate every script to Latin, which is how "Перу" finds "Peru"; but a
    // name of one to three Latin letters meets a short word of another script by chance
    // (Greek "Οι" is "oi" like Japan's Ōi, "Και" is "kai"): such a name (Latin letters, Latin-1
    // and Latin Extended included) matches only Latin text.
    if alias.mode == .loose, count == 1, tokens[first].script != 0, tokens[first].script != Self.latinScript,
      alias.text.unicodeScalars.count <= 3, alias.text.unicodeScalars.allSatisfy({ $0.value < 0x250 })
    {
      return false
    }
    // The other way round, a one-word name in another script finds no Latin word when its
    // entity has a name in Latin letters: Latin text has the Latin names, and Greek "Σινά"
    // (Sinai) is loosely "sina", a Latin given name. An entity named only in another script
    // ("Перу") is found in Latin text through its transliteration.
    if alias.mode == .loose, count == 1, tokens[first].script == Self.latinScript,
      let letter = alias.text.unicodeScalars.first(where: \.properties.isAlphabetic), letter.value >= 0x370,
      latinNamed[Int(alias.entity)]
    {
      return false
    }
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
