import Normalization

extension RuleSet {
  /// Reads and compiles the rule files under `directory`.
  ///
  /// - Throws: ``RuleErrors`` with every problem (errors and warnings, sorted) when any is an error.
  public static func load(directory: String, skippingPacks skipped: Set<String> = []) throws(RuleErrors) -> RuleSet {
    try compile(RuleLoader.load(directory: directory, skippingPacks: skipped))
  }

  /// Validates `source` and compiles its aliases with the same ``Normalizer`` that reads
  /// documents (one normalizer, never two), so an alias matches exactly the text it is.
  ///
  /// - Throws: ``RuleErrors`` when any diagnostic is an error: unknown types, duplicate ids,
  ///   aliases with no word in them, plus whatever the files' parsing reported.
  public static func compile(_ source: RuleSource) throws(RuleErrors) -> RuleSet {
    var source = source
    source.mergeExtensions()  // RuleSource+Layers.swift
    var diagnostics = source.diagnostics
    let normalizer: Normalizer
    do {
      normalizer = try Normalizer()
    } catch {
      throw RuleErrors([.error(at: FileLocation(path: "<icu>", line: 1, column: 1), error.description)])
    }
    var set = RuleSet()
    set.files = source.files
    set.declareTypes(source.declaredTypes)
    set.compileEntities(source, normalizer: normalizer, diagnostics: &diagnostics)
    set.skippedPacks = source.skippedPacks
    set.digest = source.digest
    var seenInputs = Set<String>()
    set.inputs = source.inputs.filter { seenInputs.insert($0).inserted }
    set.compilePatterns(source, normalizer: normalizer, diagnostics: &diagnostics)
    set.compileLanguages(source, normalizer: normalizer, diagnostics: &diagnostics)

    if diagnostics.contains(where: { $0.severity == .error }) { throw RuleErrors(diagnostics) }
    set.warnings = diagnostics.sorted()
    return set
  }

  /// The entity types, built-in ones and those declared under `types`, each once, in order.
  private mutating func declareTypes(_ declared: [(name: String, location: FileLocation)]) {
    var typeSites: [String: FileLocation] = [:]
    for (name, location) in declared {
      if RuleSource.builtinTypes.contains(name) || typeSites[name] != nil { continue }
      typeSites[name] = location
      types.append(name)
    }
  }

  /// The entities and their aliases, in precedence order: duplicate ids and unknown types are
  /// errors, an alias that two hand-written entities share is a warning.
  private mutating func compileEntities(_ source: RuleSource, normalizer: Normalizer, diagnostics: inout [Diagnostic]) {
    var vocabularyCache = VocabularyCache()
    var idSites: [String: FileLocation] = [:]
    // Loose key sequence → first alias with it, to report an alias shared by two entities.
    var aliasSites: [[UInt32]: (entity: String, location: FileLocation)] = [:]

    for rule in source.entitiesInPrecedenceOrder {
      // Reference packs (precedence < 0) share names on purpose, with each other and with
      // hand-written rules, which win: no warning for them.
      let checksSharedAliases = source.precedence(of: rule) >= 0
      if let first = idSites[rule.id] {
        diagnostics.append(.error(at: rule.location, "duplicate id '\(rule.id)' (first defined at \(first))"))
        continue
      }
      idSites[rule.id] = rule.location
      guard types.contains(rule.type) else {
        diagnostics.append(
          .error(
            at: rule.typeLocation ?? rule.location,
            "unknown type '\(rule.type)' (known: \(types.joined(separator: ", ")); declare new ones under 'types')"))
        continue
      }
      let entityIndex = Int32(entities.count)
      appendEntity(rule, normalizer: normalizer)

      let nameAlias = AliasRule(text: rule.name, location: rule.nameLocation)
      var seenHere: Set<[UInt32]> = []
      for alias in [nameAlias] + rule.aliases {
        guard
          var compiled = Self.compileAlias(
            alias, entity: entityIndex, entityID: rule.id, normalizer: normalizer, into: &self, cache: &vocabularyCache)
        else {
          diagnostics.append(.error(at: alias.location, "alias '\(alias.text)' has no word to match"))
          continue
        }
        // Within one entity a repeated alias (often the name again) is simply dropped;
        // variants that differ only in accents or case stay, so output credits the closest.
        let signature = Array(compiled.exact) + [UInt32(compiled.requiresCapital ? 1 : 0), UInt32(MatchMode.allCases.firstIndex(of: compiled.mode)!)]
        if !seenHere.insert(signature).inserted { continue }
        if !checksSharedAliases {
          compiled.priority = RuleSet.referenceAliasPriority
        } else if let first = aliasSites[Array(compiled.loose)], first.entity != rule.id {
          diagnostics.append(
            .warning(
              at: alias.location,
              "alias '\(alias.text)' of '\(rule.id)' is also an alias of '\(first.entity)' at \(first.location); the closest spelling, then the first defined, wins"
            ))
        } else if aliasSites[Array(compiled.loose)] == nil {
          aliasSites[Array(compiled.loose)] = (rule.id, alias.location)
        }
        aliases.append(compiled)
      }
    }
  }

  /// One entity (without its aliases): its fields, prior and context words.
  private mutating func appendEntity(_ rule: EntityRule, normalizer: Normalizer) {
    var entity = Entity(
      id: rule.id, type: rule.type, name: rule.name, attributes: rule.attributes,
      rule: RuleReference(file: rule.location.path, line: rule.location.line, anchor: rule.id))
    entity.prior = rule.prior
    entity.context = rule.context.map { word in
      normalizer.document(text: word).tokens.filter(\.isWordLike).map {
        vocabulary.intern(normalizer.lexicon.string($0.keys.loose))
      }
    }.filter { !$0.isEmpty }
    entities.append(entity)
  }

  /// The word lists and patterns (after the entities: they share the vocabulary).
  private mutating func compilePatterns(_ source: RuleSource, normalizer: Normalizer, diagnostics: inout [Diagnostic]) {
    // Output names a pattern by its id: two patterns with one id would be one rule to a reviewer.
    var firstPattern: [String: FileLocation] = [:]
    for rule in source.patterns where rule.hasExplicitID {
      if let first = firstPattern[rule.id] {
        diagnostics.append(.error(at: rule.location, "duplicate pattern id '\(rule.id)' (first defined at \(first))"))
      } else {
        firstPattern[rule.id] = rule.location
      }
    }
    var patterns = PatternCompiler(normalizer: normalizer, set: self)
    patterns.compile(lists: source.lists)
    patterns.compile(patterns: source.patterns, definitions: source.definitions)
    self = patterns.set
    diagnostics += patterns.diagnostics
  }

  /// The language profiles, and a warning for each language that lists or patterns name but
  /// no profile recognizes.
  private mutating func compileLanguages(
    _ source: RuleSource, normalizer: Normalizer, diagnostics: inout [Diagnostic]
  ) {
    languages = LanguageProfiles.compile(source.languageProfiles, normalizer: normalizer, diagnostics: &diagnostics)
    for code in Set(source.lists.compactMap(\.language) + source.patterns.compactMap(\.language)).sorted()
    where !languages.isEmpty && languages.number(of: code) == nil {
      let site = source.lists.first { $0.language == code }?.location ?? source.patterns.first { $0.language == code }!.location
      diagnostics.append(
        .warning(
          at: site,
          "no language profile for '\(code)': rules in that language run only where no language is recognized"))
    }
  }

  private static func compileAlias(
    _ alias: AliasRule, entity: Int32, entityID: String, normalizer: Normalizer, into set: inout RuleSet, cache: inout VocabularyCache
  ) -> CompiledAlias? {
    let doc = normalizer.document(text: alias.text)
    let tokens = doc.tokens
    guard tokens.contains(where: \.isWordLike) else { return nil }
    let lexicon = normalizer.lexicon
    let mode = alias.match ?? defaultMode(tokens)
    return CompiledAlias(
      entity: entity, text: alias.text, mode: mode,
      requiresCapital: !alias.allowsLowercase && tokens.contains { $0.shape.contains(.hasUpper) },
      loose: tokens.map { cache.id($0.keys.loose, lexicon: lexicon, vocabulary: &set.vocabulary) },
      folded: tokens.map { cache.id($0.keys.folded, lexicon: lexicon, vocabulary: &set.vocabulary) },
      exact: tokens.map { cache.id($0.keys.exact, lexicon: lexicon, vocabulary: &set.vocabulary) },
      rule: RuleReference(file: alias.location.path, line: alias.location.line, anchor: entityID))
  }

  /// `exact` for one short all-caps token ("US", "U.S.", "FOE", "EE.UU."), else `loose`.
  public static func defaultMode(_ tokens: [Token]) -> MatchMode {
    guard tokens.count == 1, let token = tokens.first, token.kind == .word,
      token.shape.contains(.hasUpper), !token.shape.contains(.hasLower),
      token.end - token.start <= 8
    else { return .loose }
    return .exact
  }
}
