import Normalization

/// Compiles pattern rules and word lists into a ``RuleSet``, collecting diagnostics.
///
/// Literals and list entries are tokenized by the same ``Normalizer`` as documents and
/// aliases, and their keys interned in the rule set's vocabulary.
struct PatternCompiler {
  /// Largest program accepted; bounded repetitions are expanded, so this bounds their product.
  static let maxInstructions = 4000

  let normalizer: Normalizer
  var set: RuleSet
  var diagnostics: [Diagnostic] = []
  private var listIndex: [String: Int32] = [:]
  private var regexIndex: [String: Int32] = [:]
  fileprivate var testIndex: [CompiledTokenTest: Int32] = [:]
  private var definitions = PatternDefinitions([])

  init(normalizer: Normalizer, set: RuleSet) {
    self.normalizer = normalizer
    self.set = set
  }

  // MARK: Word lists

  mutating func compile(lists: [WordListRule]) {
    for list in lists {
      let rule = RuleReference(file: list.location.path, line: list.location.line, anchor: list.name)
      if let existing = listIndex[list.name] {
        // Packs may extend a list another pack began (en.titles in two files): entries add up.
        var merged = set.lists[Int(existing)]
        add(list.entries, mode: list.mode(merging: merged.mode), language: list.language, to: &merged, at: list.location)
        set.lists[Int(existing)] = merged
        continue
      }
      var compiled = CompiledWordList(
        name: list.name, mode: list.match, singles: KeySet(), phrases: [:], rule: rule, longest: 0)
      add(list.entries, mode: list.match, language: list.language, to: &compiled, at: list.location)
      listIndex[list.name] = Int32(set.lists.count)
      set.lists.append(compiled)
    }
  }

  /// Adds entries to a list; with a `language`, they count only in that language's paragraphs,
  /// unless the same entry is (or was) listed without one.
  private mutating func add(
    _ entries: [String], mode: MatchMode, language: String?, to list: inout CompiledWordList, at location: FileLocation
  ) {
    for entry in entries {
      let keys = self.keys(of: entry, mode: mode)
      if keys.isEmpty {
        diagnostics.append(.error(at: location, "list '\(list.name)': entry '\(entry)' has no word to match"))
        continue
      }
      let known =
        keys.count == 1 ? list.singles.contains(keys[0]) : list.phrases[keys[0]]?.contains(Array(keys.dropFirst())) ?? false
      if let language {
        if !known {
          list.languages[keys] = [language]
        } else if var only = list.languages[keys], !only.contains(language) {
          only.append(language)
          list.languages[keys] = only.sorted()
        }
      } else {
        list.languages[keys] = nil
      }
      list.longest = max(list.longest, keys.count)
      if keys.count == 1 {
        list.singles.insert(keys[0])
      } else {
        list.phraseStarts.insert(keys[0])
        var phrases = list.phrases[keys[0], default: []]
        if !phrases.contains(Array(keys.dropFirst())) { phrases.append(Array(keys.dropFirst())) }
        phrases.sort { $0.count > $1.count }
        list.phrases[keys[0]] = phrases
      }
    }
  }

  /// Vocabulary ids of `text`'s tokens in `mode`.
  ///
  /// A possessive or an elision written alone ("'s", "l'") is keyed as it is in running text,
  /// where it is split off a word: alone, UAX #29 would cut it differently.
  private mutating func keys(of text: String, mode: MatchMode) -> [UInt32] {
    Self.keys(of: text, mode: mode, normalizer: normalizer).map { set.vocabulary.intern($0) }
  }

  /// The keys of `text`'s tokens in `mode`, as a list entry or a literal is matched.
  static func keys(of text: String, mode: MatchMode, normalizer: Normalizer) -> [String] {
    let glued = text.first == "'" || text.first == "’"
    let attached = text.last == "'" || text.last == "’"
    var doc = normalizer.document(text: glued ? "x" + text : attached ? text + "x" : text)
    if glued { doc.tokens.removeFirst() }
    if attached { doc.tokens.removeLast() }
    let lexicon = normalizer.lexicon
    return doc.tokens.map { token in
      let key: KeyID =
        switch mode {
        case .exact: token.keys.exact
        case .folded: token.keys.folded
        case .loose: token.keys.loose
        }
      return lexicon.string(key)
    }
  }

  // MARK: Patterns

  /// Compiles `patterns`, expanding the `$name`s of `definitions` first (PatternDefinitions.swift).
  mutating func compile(patterns: [PatternRule], definitions: [PatternDefinition] = []) {
    self.definitions = PatternDefinitions(definitions)
    diagnostics += self.definitions.diagnostics
    for rule in patterns {
      guard set.types.contains(rule.type) else {
        diagnostics.append(
          .error(at: rule.typeLocation ?? rule.location, "unknown type '\(rule.type)' (known: \(set.types.joined(separator: ", ")))"))
        continue
      }
      var tree: PatternNode
      do {
        tree = try PatternParser.parse(rule.pattern)
      } catch {
        diagnostics.append(.error(at: rule.location(ofCharacter: error.offset), "pattern: \(error.message)"))
        continue
      }
      switch self.definitions.expand(tree) {
      case .success(let expanded): tree = expanded
      case .failure(let problems):
        for (offset, message) in problems.list {
          let (at, note) = self.definitions.location(of: offset, in: rule)
          diagnostics.append(.error(at: at, "pattern: \(message)\(note)"))
        }
        continue
      }
      var emitter = Emitter(compiler: self, rule: rule)
      emitter.emit(tree, captureDepth: 0)
      if Emitter.isNullable(tree) {
        emitter.problems.append(.error(at: rule.patternLocation, "pattern: it can match no tokens at all"))
      }
      emitter.instructions.append(.accept)
      if emitter.instructions.count > Self.maxInstructions {
        emitter.problems.append(
          .error(
            at: rule.patternLocation,
            "pattern: compiles to \(emitter.instructions.count) instructions (at most \(Self.maxInstructions)); lower its repetition counts"
          ))
      }
      self = emitter.compiler
      if !emitter.problems.isEmpty {
        diagnostics += emitter.problems
        continue
      }
      set.patterns.append(
        CompiledPattern(
          id: rule.id, type: rule.type, priority: rule.priority,
          program: PatternProgram(instructions: emitter.instructions, captures: emitter.captures),
          rule: RuleReference(
            file: rule.location.path, line: rule.location.line, anchor: rule.hasExplicitID ? rule.id : nil),
          language: rule.language))
    }
  }

  /// Emits one pattern's instructions.
  private struct Emitter {
    var compiler: PatternCompiler
    let rule: PatternRule
    var instructions: [PatternProgram.Instruction] = []
    var captures: [PatternProgram.CaptureRole] = []
    var problems: [Diagnostic] = []

    init(compiler: PatternCompiler, rule: PatternRule) {
      self.compiler = compiler
      self.rule = rule
    }

    mutating func emit(_ node: PatternNode, captureDepth: Int) {
      guard instructions.count <= PatternCompiler.maxInstructions else { return }
      switch node {
      case .test(let test, let offset):
        if let compiled = compileTest(test, offset: offset) { instructions.append(.test(index(of: compiled))) }
      case .literal(let text, let mode, let offset):
        let tokens = compiler.normalizer.document(text: text).tokens
        let mode = mode ?? RuleSet.defaultMode(tokens)
        let keys = compiler.keys(of: text, mode: mode)
        if keys.isEmpty { fail(offset, "literal \"\(text)\" has no word to match") }
        for key in keys { instructions.append(.test(index(of: .key(mode, key)))) }
      case .list(let name, let offset):
        guard let list = compiler.listIndex[name] else { return fail(offset, "unknown list '@\(name)'") }
        instructions.append(.list(list))
      case .entity(let type, let offset):
        guard compiler.set.types.contains(type) else {
          return fail(offset, "unknown type '\(type)' (known: \(compiler.set.types.joined(separator: ", ")))")
        }
        instructions.append(.entity(type))
      case .sequence(let items):
        for item in items { emit(item, captureDepth: captureDepth) }
      case .alternation(let branches):
        var jumpsToEnd: [Int] = []
        for (i, branch) in branches.enumerated() {
          if i < branches.count - 1 {
            let split = instructions.count
            instructions.append(.split(0, 0))
            emit(branch, captureDepth: captureDepth)
            jumpsToEnd.append(instructions.count)
            instructions.append(.jump(0))
            instructions[split] = .split(Int32(split + 1), Int32(instructions.count))
          } else {
            emit(branch, captureDepth: captureDepth)
          }
        }
        for j in jumpsToEnd { instructions[j] = .jump(Int32(instructions.count)) }
      case .repetition(let body, let min, let max, _):
        // Each copy of the body is emitted anew. A body with an error has it in every copy:
        // report it once and stop, or `((@typo{50}){50}){50}` would report it 125,000 times
        // (and a few more levels would exhaust memory), since a failing body emits no
        // instructions for the size limit to stop.
        let problemCount = problems.count
        for _ in 0..<min {
          emit(body, captureDepth: captureDepth)
          if problems.count > problemCount { return }
        }
        if let max {
          // x{0,k} greedy: split(take, end) x split(take, end) x … end
          var splits: [Int] = []
          for _ in 0..<(max - min) {
            splits.append(instructions.count)
            instructions.append(.split(0, 0))
            emit(body, captureDepth: captureDepth)
            if problems.count > problemCount { return }
          }
          for s in splits { instructions[s] = .split(Int32(s + 1), Int32(instructions.count)) }
        } else {
          let loop = instructions.count
          instructions.append(.split(0, 0))
          emit(body, captureDepth: captureDepth)
          instructions.append(.jump(Int32(loop)))
          instructions[loop] = .split(Int32(loop + 1), Int32(instructions.count))
        }
      case .capture(let name, let body, let offset):
        guard captureDepth == 0 else { return fail(offset, "captures cannot be nested") }
        let role: PatternProgram.CaptureRole =
          switch name {
          case nil: .mention
          case "alias": .alias
          case let other?: .attribute(other)
          }
        let index = Int32(captures.count)
        captures.append(role)
        instructions.append(.open(index))
        emit(body, captureDepth: captureDepth + 1)
        instructions.append(.close(index))
      case .reference:
        break  // expanded before emission (a pattern with an unknown one is not emitted)
      }
    }

    mutating func compileTest(_ test: TokenTest, offset: Int) -> CompiledTokenTest? {
      switch test {
      case .any: return .any
      case .shape(let shape): return .shape(shape)
      case .not(let inner): return compileTest(inner, offset: offset).map { .not($0) }
      case .all(let parts):
        let compiled = parts.compactMap { compileTest($0, offset: offset) }
        return compiled.count == parts.count ? .all(compiled) : nil
      case .literal(let text, let mode, let at):
        let tokens = compiler.normalizer.document(text: text).tokens
        let mode = mode ?? RuleSet.defaultMode(tokens)
        let keys = compiler.keys(of: text, mode: mode)
        guard keys.count == 1 else {
          fail(at, "inside [ ], a literal must be one token (\"\(text)\" is \(keys.count))")
          return nil
        }
        return .key(mode, keys[0])
      case .inList(let name, let at):
        guard let list = compiler.listIndex[name] else {
          fail(at, "unknown list '@\(name)'")
          return nil
        }
        return .inList(list)
      case .script(let name, let at):
        guard let code = scriptCode(named: name) else {
          fail(at, "unknown script '\(name)' (use ISO 15924 codes such as Latn, Cyrl, Grek, Arab, Hani)")
          return nil
        }
        return .script(code)
      case .regex(let source, let at):
        if let existing = compiler.regexIndex[source] { return .regex(existing) }
        do {
          _ = try ICURegex(source)
        } catch {
          fail(at + (error.offset ?? 0), "regular expression /\(source)/: \(error.message)")
          return nil
        }
        let index = Int32(compiler.set.regexes.count)
        compiler.set.regexes.append(source)
        compiler.regexIndex[source] = index
        return .regex(index)
      case .reference:
        return nil  // expanded before emission
      }
    }

    mutating func index(of test: CompiledTokenTest) -> Int32 {
      if let i = compiler.testIndex[test] { return i }
      let i = Int32(compiler.set.tests.count)
      compiler.set.tests.append(test)
      compiler.testIndex[test] = i
      return i
    }

    mutating func fail(_ offset: Int, _ message: String) {
      let (at, note) = compiler.definitions.location(of: offset, in: rule)
      problems.append(.error(at: at, "pattern: \(message)\(note)"))
    }

    static func isNullable(_ node: PatternNode) -> Bool {
      switch node {
      case .test, .literal, .list, .entity, .reference: false
      case .sequence(let items): items.allSatisfy(isNullable)
      case .alternation(let branches): branches.contains(where: isNullable)
      case .repetition(let body, let min, _, _): min == 0 || isNullable(body)
      case .capture(_, let body, _): isNullable(body)
      }
    }
  }
}

extension WordListRule {
  /// When two packs add to one list, the first one's mode stands.
  fileprivate func mode(merging existing: MatchMode) -> MatchMode { existing }
}
