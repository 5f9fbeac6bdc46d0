import Normalization
import Rules

/// The token shape tests (``TokenShapeTest``) as bits, computed once per token: a shape test is
/// then one AND, and a table indexed by the 10-bit code answers any question about shapes.
enum ShapeBits {
  static let count = TokenShapeTest.allCases.count
  /// Number of distinct codes (every combination of the bits).
  static let codes = 1 << count

  @inline(__always) static func bit(_ test: TokenShapeTest) -> UInt16 {
    switch test {
    case .cap: 1 << 0
    case .title: 1 << 1
    case .upper: 1 << 2
    case .lower: 1 << 3
    case .alpha: 1 << 4
    case .word: 1 << 5
    case .number: 1 << 6
    case .punctuation: 1 << 7
    case .symbol: 1 << 8
    case .start: 1 << 9
    }
  }

  /// The bits of every shape test `token` passes.
  @inline(__always) static func of(_ token: Token, startsSentence: Bool) -> UInt16 {
    let s = token.shape
    var bits: UInt16 = 0
    if s.contains(.initialUpper) {
      bits |= bit(.cap)
      if s.contains(.hasLower) { bits |= bit(.title) }
    }
    if s.contains(.hasUpper) && !s.contains(.hasLower) { bits |= bit(.upper) }
    if s.contains(.hasLower) && !s.contains(.hasUpper) { bits |= bit(.lower) }
    if token.isWordLike {
      bits |= bit(.word)
      if s.contains(.hasLetter) && !s.contains(.hasDigit) { bits |= bit(.alpha) }
    }
    switch token.kind {
    case .number: bits |= bit(.number)
    case .punctuation: bits |= bit(.punctuation)
    case .symbol: bits |= bit(.symbol)
    default: break
    }
    if startsSentence { bits |= bit(.start) }
    return bits
  }
}

/// A rule set's patterns, compiled once more for the matcher: instructions and token tests as
/// flat integer records, and the tables that say, from a token's keys, shape and gazetteer span,
/// which patterns can start there and which word lists hold it.
///
/// The point is the common case: most tokens start no pattern, and a token that starts none
/// must cost a few table reads, not one test per pattern. Immutable; shared by a matcher's
/// calls (one per worker, as it is cheap to build: its size follows the word lists, not the
/// gazetteer).
final class PatternTables: @unchecked Sendable {
  /// One instruction of ``PatternProgram``, without enum payloads (no reference counting in
  /// the VM's loop).
  struct Op {
    enum Code: UInt8 { case test, list, entity, split, jump, open, close, accept }
    var code: Code
    var a: Int32
    var b: Int32
  }

  /// One node of a token test tree (``CompiledTokenTest``).
  struct TestNode {
    enum Code: UInt8 { case key, inList, shape, script, regex, any, not, all }
    var code: Code
    /// For `key` and `inList`: the match mode (index into ``MatchMode/allCases``).
    var mode: UInt8
    /// `key`: the vocabulary id; `inList`: the list; `shape`: the bits; `script`: the code;
    /// `regex`: its index; `not`: the child node; `all`: the first child in `children`.
    var a: Int32
    /// `all`: the number of children.
    var b: Int32
  }

  let patternCount: Int
  let programs: [[Op]]
  let longestProgram: Int
  let nodes: [TestNode]
  let children: [Int32]
  /// Per test of ``RuleSet/tests``: its root node.
  let testRoots: [Int32]
  let lists: [CompiledWordList]
  /// Entity types that `.entity` instructions name, by index.
  let spanTypes: [String: Int32]

  /// Words of a list bitset and of a pattern bitset.
  let listWords: Int
  let patternWords: Int
  /// A row: which lists hold the key as a one-token entry (`listWords` words), which lists have
  /// a longer entry starting with it (`listWords`), which patterns can start at it
  /// (`patternWords`), and which requirement slots it fills (`slotWords`, see ``requiring``).
  /// Row 0 is all zeros.
  let rowWidth: Int
  let rows: [UInt64]
  /// Per match mode: the row of each vocabulary id, up to the largest id that has one.
  let rowOf: [[UInt32]]
  /// Match modes with rows.
  let activeModes: [Int]
  /// Per shape code: the patterns that can start at a token of that shape.
  let shapeStarts: [UInt64]
  /// Per span type: the patterns that can start at a gazetteer span of that type.
  let spanStarts: [UInt64]
  /// Patterns that can start anywhere (their first test says nothing about keys or shapes).
  let alwaysStarts: [UInt64]
  /// Per script code (256): the patterns that can start at a token of that script. A pattern
  /// every first test of which names a script (`script=Arab`) starts only at tokens of it,
  /// whatever else the tables say.
  let scriptStarts: [UInt64]
  /// Per shape code: the requirement slots that a token of that shape fills (a pattern that
  /// needs an all-capitals token, say).
  let shapeRequired: [UInt64]
  /// The patterns that run on this language's paragraphs (every pattern without a language).
  let patternMask: [UInt64]
  /// Per row, and per shape code: whether it fills any requirement slot.
  let rowFillsSlots: [Bool]
  let shapeFillsSlots: [Bool]
  /// Patterns every match of which consumes tokens the rows (or a span type) single out: a
  /// word of a list, a literal, a gazetteer span ("Cap+ @org.and Cap+ @org.head" needs an
  /// "and" word and a head word; `Cap{1,3} "," @relative` a comma within 3 tokens). Such a
  /// pattern can only start where each of those follows in the same paragraph, close enough
  /// when the pattern bounds the distance, which rules out most of the tokens its first test
  /// admits (the prefilter of regex engines that look for a required literal first). Each
  /// requirement of each pattern is a slot.
  let requiring: [UInt64]
  let slotWords: Int
  /// Per pattern: its slots are `slots[slotStarts[k]..<slotStarts[k + 1]]`.
  let slotStarts: [Int32]
  let slots: [Int32]
  /// Per slot: the most tokens a match consumes before the required one (`Int32.max`: no bound).
  let slotDistance: [Int32]
  /// Per span type: the slots that a span of that type fills.
  let spanRequired: [UInt64]
  /// At most this many requirements per pattern, the narrowest.
  static let requirementsPerPattern = 4

  /// What every match of a pattern's first token needs, as far as the tables can tell.
  fileprivate enum StartCondition: Equatable {
    case key(mode: Int, id: UInt32)
    case list(Int, phrases: Bool)
    case span(Int32)
    /// The shape codes where the test can pass.
    case shapes([Bool])
    case always
  }

  static func modeIndex(_ mode: MatchMode) -> Int {
    switch mode {
    case .exact: 0
    case .folded: 1
    case .loose: 2
    }
  }

  /// What the tables derive from a rule set's patterns whatever the language: the flat
  /// programs and tests, each pattern's start conditions and requirements. Built once per
  /// rule set (the requirement analysis is the costly part) and shared by every language's
  /// tables.
  final class Analysis: Sendable {
    let prefilter: Bool
    let patternCount: Int
    let programs: [[Op]]
    let longestProgram: Int
    let nodes: [TestNode]
    let children: [Int32]
    let testRoots: [Int32]
    let spanTypes: [String: Int32]
    let listWords: Int
    let patternWords: Int
    let slotWords: Int
    /// Per pattern: the conditions of its first consuming instructions.
    fileprivate let starts: [[StartCondition]]
    /// Per pattern: its requirements (none without the prefilter).
    fileprivate let requirements: [[Requirement]]
    /// Per pattern: the scripts its first tests require, nil when one of them requires none.
    let startScripts: [Set<UInt8>?]
    /// Per list: its language-gated entries (see ``Gates``).
    let gates: [Gates]
    /// Per match mode, a bitmap over vocabulary ids: the keys that some list's language-gated
    /// entry starts, the only keys whose rows differ from one language to another.
    let gatedKeys: [[UInt64]]

    /// A word list's one-token entries and first keys of longer entries that count only in
    /// some languages' paragraphs, sorted by key, with those languages: what a language's
    /// tables leave out, found by one pass over each list instead of one per language.
    struct Gates: Sendable {
      var singles: [(key: UInt32, languages: [String])] = []
      var phraseStarts: [(key: UInt32, languages: [String])] = []

      init(_ list: CompiledWordList) {
        guard !list.languages.isEmpty else { return }
        // For a first key: the languages of its phrases, nil once one counts everywhere.
        var starts: [UInt32: [String]?] = [:]
        for (first, rests) in list.phrases {
          var admitted: [String]? = []
          for rest in rests {
            guard let only = list.languages[[first] + rest] else { admitted = nil; break }
            admitted! += only
          }
          starts[first] = admitted
        }
        for (keys, only) in list.languages where keys.count == 1 { singles.append((keys[0], only)) }
        for case (let first, let only?) in starts { phraseStarts.append((first, only)) }
        singles.sort { $0.key < $1.key }
        phraseStarts.sort { $0.key < $1.key }
      }

      /// The keys of `entries` that do not count in paragraphs of `language`, ascending.
      static func excluded(_ entries: [(key: UInt32, languages: [String])], in language: String?) -> [UInt32] {
        guard let language else { return [] }
        return entries.compactMap { $0.languages.contains(language) ? nil : $0.key }
      }
    }

    /// With `prefilter` false, no pattern requires anything.
    init(rules: RuleSet, prefilter: Bool) {
      self.prefilter = prefilter
      patternCount = rules.patterns.count
      listWords = max(1, (rules.lists.count + 63) / 64)
      patternWords = max(1, (rules.patterns.count + 63) / 64)
      let tests = PatternTables.flattenTests(rules)
      nodes = tests.nodes
      children = tests.children
      testRoots = tests.roots
      let flat = PatternTables.flattenPrograms(rules)
      programs = flat.programs
      spanTypes = flat.spanTypes
      longestProgram = programs.map(\.count).max() ?? 0
      starts = rules.patterns.map { pattern in
        PatternTables.firstConsumers(pattern.program).map { pc in
          PatternTables.startCondition(pattern.program.instructions[Int(pc)], rules: rules, spanTypes: flat.spanTypes)
        }
      }
      startScripts = rules.patterns.map { pattern in
        var scripts = Set<UInt8>()
        for pc in PatternTables.firstConsumers(pattern.program) {
          guard case .test(let t) = pattern.program.instructions[Int(pc)],
            let script = PatternTables.requiredScript(rules.tests[Int(t)])
          else { return nil }
          scripts.insert(script)
        }
        return scripts
      }
      let requirements = rules.patterns.map { pattern in
        prefilter ? PatternTables.requirements(of: pattern, rules: rules, spanTypes: flat.spanTypes) : []
      }
      self.requirements = requirements
      gates = rules.lists.map(Gates.init)
      var gated = Array(repeating: [UInt64](repeating: 0, count: rules.vocabulary.count / 64 + 1), count: 3)
      for (l, list) in rules.lists.enumerated() {
        let mode = PatternTables.modeIndex(list.mode)
        for key in gates[l].singles.map(\.key) + gates[l].phraseStarts.map(\.key) where Int(key) < rules.vocabulary.count {
          gated[mode][Int(key) >> 6] |= 1 << UInt64(key & 63)
        }
      }
      gatedKeys = gated
      slotWords = max(1, (requirements.map(\.count).reduce(0, +) + 63) / 64)
    }
  }

  /// With `prefilter` false, every pattern may start at every token and none requires
  /// anything: the plain VM, which tests compare the tables against.
  ///
  /// With a `language`, the tables are those of that language's paragraphs: list entries that
  /// only other languages listed are not in their lists, and patterns of other languages never
  /// start. Without one (no language recognized), every entry and pattern counts.
  convenience init(rules: RuleSet, prefilter: Bool = true, language: String? = nil) {
    self.init(analysis: Analysis(rules: rules, prefilter: prefilter), rules: rules, language: language)
  }

  /// The tables of `language` from an analysis of `rules` (see ``init(rules:prefilter:language:)``).
  init(analysis: Analysis, rules: RuleSet, language: String?) {
    lists = rules.lists
    patternCount = analysis.patternCount
    listWords = analysis.listWords
    patternWords = analysis.patternWords
    slotWords = analysis.slotWords
    nodes = analysis.nodes
    children = analysis.children
    testRoots = analysis.testRoots
    programs = analysis.programs
    spanTypes = analysis.spanTypes
    longestProgram = analysis.longestProgram
    rowWidth = 2 * listWords + patternWords + slotWords

    var builder = TableBuilder(rules: rules, analysis: analysis, language: language)
    builder.addLists()
    builder.addPatterns()
    if !analysis.prefilter { builder.startEverywhere() }
    slotStarts = builder.slotStarts
    slots = builder.slots
    slotDistance = builder.slotDistance
    alwaysStarts = builder.alwaysStarts
    scriptStarts = builder.scriptStarts
    shapeRequired = builder.shapeRequired
    requiring = builder.requiring
    spanRequired = builder.spanRequired
    shapeStarts = builder.shapeStarts
    spanStarts = builder.spanStarts

    patternMask = builder.patternMask()
    let interned = builder.internedRows()
    rows = interned.rows
    rowOf = interned.rowOf
    activeModes = interned.activeModes
    let (width, slotOffset, slotWords) = (rowWidth, 2 * listWords + patternWords, slotWords)
    rowFillsSlots = (0..<interned.rows.count / width).map { r in
      (0..<slotWords).contains { interned.rows[r * width + slotOffset + $0] != 0 }
    }
    shapeFillsSlots = (0..<ShapeBits.codes).map { code in
      (0..<slotWords).contains { builder.shapeRequired[code * slotWords + $0] != 0 }
    }
  }

  /// The tables of `language` made from those of no language (`base`, built from the same
  /// `analysis`), as ``init(analysis:rules:language:)`` would build them: only the rows of the
  /// keys some language-gated list entry starts are filled again, for this language, and the
  /// patterns of other languages are masked out (``patternMask``) rather than left out of
  /// every start set. Filling every row again for each language a corpus holds was 3% of a run.
  init(language: String, base: PatternTables, analysis: Analysis, rules: RuleSet) {
    lists = base.lists
    patternCount = base.patternCount
    listWords = base.listWords
    patternWords = base.patternWords
    slotWords = base.slotWords
    nodes = base.nodes
    children = base.children
    testRoots = base.testRoots
    programs = base.programs
    spanTypes = base.spanTypes
    longestProgram = base.longestProgram
    rowWidth = base.rowWidth
    slotStarts = base.slotStarts
    slots = base.slots
    slotDistance = base.slotDistance
    alwaysStarts = base.alwaysStarts
    scriptStarts = base.scriptStarts
    shapeRequired = base.shapeRequired
    requiring = base.requiring
    spanRequired = base.spanRequired
    shapeStarts = base.shapeStarts
    spanStarts = base.spanStarts
    activeModes = base.activeModes
    shapeFillsSlots = base.shapeFillsSlots

    var builder = TableBuilder(rules: rules, analysis: analysis, language: language, only: analysis.gatedKeys)
    builder.addLists()
    builder.addPatterns()
    patternMask = builder.patternMask()
    let overrides = builder.internedRows()
    // The override rows after the base rows (their row 0, all zeros, stays row 0).
    let width = base.rowWidth
    let offset = UInt32(base.rows.count / width - 1)
    var rows = base.rows
    rows += overrides.rows[width...]
    var rowOf = base.rowOf
    for mode in 0..<3 {
      for (word, bits) in analysis.gatedKeys[mode].enumerated() where bits != 0 {
        var remaining = bits
        while remaining != 0 {
          let key = word << 6 | remaining.trailingZeroBitCount
          remaining &= remaining &- 1
          let own = key < overrides.rowOf[mode].count ? overrides.rowOf[mode][key] : 0
          let id = own == 0 ? 0 : own + offset
          if key >= rowOf[mode].count {
            guard id != 0 else { continue }
            rowOf[mode] += repeatElement(0, count: key + 1 - rowOf[mode].count)
          }
          rowOf[mode][key] = id
        }
      }
    }
    self.rows = rows
    self.rowOf = rowOf
    let slotOffset = 2 * listWords + patternWords
    rowFillsSlots = base.rowFillsSlots + (1..<overrides.rows.count / width).map { r in
      (0..<base.slotWords).contains { overrides.rows[r * width + slotOffset + $0] != 0 }
    }
  }

  /// The token tests of `rules` as flat nodes: every test's root, in ``RuleSet/tests`` order.
  private static func flattenTests(_ rules: RuleSet) -> (nodes: [TestNode], children: [Int32], roots: [Int32]) {
    var nodes: [TestNode] = []
    var children: [Int32] = []
    func flatten(_ test: CompiledTokenTest) -> Int32 {
      let index = Int32(nodes.count)
      switch test {
      case .key(let mode, let id):
        nodes.append(TestNode(code: .key, mode: UInt8(Self.modeIndex(mode)), a: Int32(bitPattern: id), b: 0))
      case .inList(let l):
        nodes.append(TestNode(code: .inList, mode: UInt8(Self.modeIndex(rules.lists[Int(l)].mode)), a: l, b: 0))
      case .shape(let s):
        nodes.append(TestNode(code: .shape, mode: 0, a: Int32(ShapeBits.bit(s)), b: 0))
      case .script(let code):
        nodes.append(TestNode(code: .script, mode: 0, a: Int32(code), b: 0))
      case .regex(let r):
        nodes.append(TestNode(code: .regex, mode: 0, a: r, b: 0))
      case .any:
        nodes.append(TestNode(code: .any, mode: 0, a: 0, b: 0))
      case .not(let inner):
        nodes.append(TestNode(code: .not, mode: 0, a: 0, b: 0))
        nodes[Int(index)].a = flatten(inner)
      case .all(let parts):
        nodes.append(TestNode(code: .all, mode: 0, a: 0, b: Int32(parts.count)))
        let childIndices = parts.map { flatten($0) }
        nodes[Int(index)].a = Int32(children.count)
        children += childIndices
      }
      return index
    }
    let roots = rules.tests.map { flatten($0) }
    return (nodes, children, roots)
  }

  /// The patterns' programs as flat ops, and the ids given to the entity types they name.
  private static func flattenPrograms(_ rules: RuleSet) -> (programs: [[Op]], spanTypes: [String: Int32]) {
    var spanTypes: [String: Int32] = [:]
    let programs = rules.patterns.map { pattern in
      pattern.program.instructions.map { instruction -> Op in
        switch instruction {
        case .test(let t): return Op(code: .test, a: t, b: 0)
        case .list(let l): return Op(code: .list, a: l, b: 0)
        case .entity(let type):
          let id = spanTypes[type] ?? Int32(spanTypes.count)
          spanTypes[type] = id
          return Op(code: .entity, a: id, b: 0)
        case .split(let x, let y): return Op(code: .split, a: x, b: y)
        case .jump(let x): return Op(code: .jump, a: x, b: 0)
        case .open(let c): return Op(code: .open, a: c, b: 0)
        case .close(let c): return Op(code: .close, a: c, b: 0)
        case .accept: return Op(code: .accept, a: 0, b: 0)
        }
      }
    }
    return (programs, spanTypes)
  }

  /// A pattern's requirements (the prefilter analysis): keyed conditions such that every path
  /// to `accept` consumes a token meeting one of them (through any of the instructions that
  /// test them: "(A | B) @head" and "A @head | B @head" both require a head word), the
  /// narrowest first, at most ``requirementsPerPattern``.
  private static func requirements(
    of pattern: CompiledPattern, rules: RuleSet, spanTypes: [String: Int32]
  ) -> [Requirement] {
    let instructions = pattern.program.instructions
    var groups: [Requirement] = []
    for pc in instructions.indices {
      switch instructions[pc] {
      case .test, .list, .entity: break
      default: continue
      }
      guard let condition = Self.keyedCondition(instructions[pc], rules: rules, spanTypes: spanTypes) else { continue }
      switch condition {
      case .key, .list, .span:
        if let g = groups.firstIndex(where: { $0.conditions == [condition] }) {
          groups[g].pcs.insert(pc)
        } else {
          groups.append(Requirement(conditions: [condition], pcs: [pc]))
        }
      default: break
      }
    }
    var found = groups.filter { !Self.acceptReachable(pattern.program, avoiding: $0.pcs) }
    if found.isEmpty, groups.count > 1 {
      // No one condition is needed, but maybe one of several is: `("shares" | "board")`.
      let union = Requirement(conditions: groups.flatMap(\.conditions), pcs: groups.reduce([]) { $0.union($1.pcs) })
      if !Self.acceptReachable(pattern.program, avoiding: union.pcs) { found = [union] }
    }
    found += shapeRequirements(of: pattern, rules: rules)
    for i in found.indices { found[i].distance = Self.longestDistance(pattern.program, to: found[i].pcs, rules: rules) }
    found.sort { ($0.breadth(rules), $0.distance) < ($1.breadth(rules), $1.distance) }
    return Array(found.prefix(Self.requirementsPerPattern))
  }

  /// Rare shapes that every match consumes: for each rare shape bit (all capitals, a number,
  /// a symbol), the tests that need it; when every path to `accept` goes through one of them,
  /// a token with that bit must follow the start. ("[!Upper] <ACRO>" starts at nearly every
  /// token, but only one before an all-capitals word can match.)
  private static func shapeRequirements(of pattern: CompiledPattern, rules: RuleSet) -> [Requirement] {
    let instructions = pattern.program.instructions
    var found: [Requirement] = []
    for bit in rareShapeBits {
      let pcs = Set(instructions.indices.filter { pc in
        if case .test(let t) = instructions[pc] { return needs(rules.tests[Int(t)], shape: bit) }
        return false
      })
      guard !pcs.isEmpty, !acceptReachable(pattern.program, avoiding: pcs) else { continue }
      let admitted = (0..<ShapeBits.codes).map { UInt16($0) & bit != 0 }
      found.append(Requirement(conditions: [.shapes(admitted)], pcs: pcs))
    }
    return found
  }

  /// Shape bits few tokens have: a test that needs one admits few tokens.
  static let rareShapeBits: [UInt16] = [ShapeBits.bit(.upper), ShapeBits.bit(.number), ShapeBits.bit(.symbol)]

  /// Whether every token that passes `test` has shape bit `bit` (`Upper`, alone or in a
  /// conjunction).
  private static func needs(_ test: CompiledTokenTest, shape bit: UInt16) -> Bool {
    switch test {
    case .shape(let s): ShapeBits.bit(s) == bit
    case .all(let parts): parts.contains { needs($0, shape: bit) }
    default: false
    }
  }

  /// The script a token must be of to pass `test` (`script=Arab`, alone or in a conjunction).
  static func requiredScript(_ test: CompiledTokenTest) -> UInt8? {
    switch test {
    case .script(let code): return code
    case .all(let parts):
      for part in parts { if case .script(let code) = part { return code } }
      return nil
    default: return nil
    }
  }

  /// The start and requirement tables while they are filled: rows per mode and key (word-list
  /// membership, keyed pattern starts, requirement slots), and the shape, span and "always"
  /// start sets.
  ///
  /// Rows live in one flat buffer, found through a per-mode table indexed by vocabulary id: a
  /// rule set's lists hold hundreds of thousands of keys, and a row allocated per key (in a
  /// dictionary hashing each) made building the tables a tenth of a run.
  private struct TableBuilder {
    let rules: RuleSet
    let analysis: Analysis
    let language: String?
    let listWords: Int
    let patternWords: Int
    let slotWords: Int
    let width: Int
    /// Per list: the one-token entries and phrase starts that only other languages listed,
    /// ascending.
    let excluded: [(singles: [UInt32], phraseStarts: [UInt32])]
    /// Per match mode: each key's row in `buffer` (-1: none), and the keys with a row.
    var rowIndex: [[Int32]] = Array(repeating: [], count: 3)
    var keysWithRows: [[UInt32]] = Array(repeating: [], count: 3)
    var buffer: [UInt64] = []
    var shapeStarts: [UInt64]
    var spanStarts: [UInt64]
    var alwaysStarts: [UInt64]
    var scriptStarts: [UInt64]
    var requiring: [UInt64]
    var spanRequired: [UInt64]
    var shapeRequired: [UInt64]
    var slotStarts: [Int32] = [0]
    var slots: [Int32] = []
    var slotDistance: [Int32] = []

    /// When set, per match mode, the keys (a bitmap over vocabulary ids) to fill rows for;
    /// every other key is left out.
    let only: [[UInt64]]?

    init(rules: RuleSet, analysis: Analysis, language: String?, only: [[UInt64]]? = nil) {
      self.rules = rules
      self.analysis = analysis
      self.language = language
      self.only = only
      listWords = analysis.listWords
      patternWords = analysis.patternWords
      slotWords = analysis.slotWords
      width = 2 * listWords + patternWords + slotWords
      excluded = analysis.gates.map {
        (Analysis.Gates.excluded($0.singles, in: language), Analysis.Gates.excluded($0.phraseStarts, in: language))
      }
      let spanCount = max(1, analysis.spanTypes.count)
      shapeStarts = [UInt64](repeating: 0, count: ShapeBits.codes * patternWords)
      spanStarts = [UInt64](repeating: 0, count: spanCount * patternWords)
      alwaysStarts = [UInt64](repeating: 0, count: patternWords)
      scriptStarts = [UInt64](repeating: 0, count: 256 * patternWords)
      requiring = [UInt64](repeating: 0, count: patternWords)
      spanRequired = [UInt64](repeating: 0, count: spanCount * slotWords)
      shapeRequired = [UInt64](repeating: 0, count: ShapeBits.codes * slotWords)
    }

    mutating func setBit(_ mode: Int, _ key: UInt32, word offset: Int, bit: Int) {
      guard key != KeyVocabulary.absent else { return }
      let k = Int(key)
      if let only, k >> 6 >= only[mode].count || only[mode][k >> 6] & 1 << UInt64(k & 63) == 0 { return }
      if k >= rowIndex[mode].count {
        let size = max(k + 1, rules.vocabulary.count, 2 * rowIndex[mode].count)
        rowIndex[mode] += repeatElement(-1, count: size - rowIndex[mode].count)
      }
      var row = Int(rowIndex[mode][k])
      if row < 0 {
        row = buffer.count / width
        rowIndex[mode][k] = Int32(row)
        buffer += repeatElement(0, count: width)
        keysWithRows[mode].append(key)
      }
      buffer[row * width + offset + bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Sets `bit` (at word `offset` of the rows) for every key a keyed condition admits.
    mutating func setBits(_ condition: StartCondition, word offset: Int, bit: Int) {
      switch condition {
      case .key(let mode, let id):
        setBit(mode, id, word: offset, bit: bit)
      case .list(let l, let phrases):
        let list = rules.lists[l]
        let mode = PatternTables.modeIndex(list.mode)
        for key in Self.kept(list.singles.keys, excluding: excluded[l].singles) {
          setBit(mode, key, word: offset, bit: bit)
        }
        if phrases {
          for key in Self.kept(list.phraseStarts.keys, excluding: excluded[l].phraseStarts) {
            setBit(mode, key, word: offset, bit: bit)
          }
        }
      default:
        break
      }
    }

    /// Word-list membership: one-token entries and first words of longer entries.
    mutating func addLists() {
      for (l, list) in rules.lists.enumerated() {
        let mode = PatternTables.modeIndex(list.mode)
        for key in Self.kept(list.singles.keys, excluding: excluded[l].singles) { setBit(mode, key, word: 0, bit: l) }
        for key in Self.kept(list.phraseStarts.keys, excluding: excluded[l].phraseStarts) {
          setBit(mode, key, word: listWords, bit: l)
        }
      }
    }

    /// `keys` without `out`, both ascending: a merge, with no hashing.
    static func kept(_ keys: [UInt32], excluding out: [UInt32]) -> [UInt32] {
      if out.isEmpty { return keys }
      var result: [UInt32] = []
      result.reserveCapacity(keys.count)
      var j = 0
      for key in keys {
        while j < out.count, out[j] < key { j += 1 }
        if j < out.count, out[j] == key { continue }
        result.append(key)
      }
      return result
    }

    /// The patterns that run on paragraphs of `language`, as bits.
    func patternMask() -> [UInt64] {
      var mask = [UInt64](repeating: 0, count: patternWords)
      for k in 0..<analysis.patternCount where runs(k) { mask[k >> 6] |= 1 << UInt64(k & 63) }
      return mask
    }

    /// Whether pattern `k` runs on paragraphs of `language`.
    func runs(_ k: Int) -> Bool {
      guard let language, let own = rules.patterns[k].language else { return true }
      return own == language
    }

    /// The rows, deduplicated: each distinct row once (row 0 all zeros), and per match mode the
    /// row of each key. Keys are taken in ascending order, so the numbering does not depend on
    /// the order of the lists' dictionaries.
    func internedRows() -> (rows: [UInt64], rowOf: [[UInt32]], activeModes: [Int]) {
      var interner = RowInterner(width: width)
      var rowOf: [[UInt32]] = Array(repeating: [], count: 3)
      var activeModes: [Int] = []
      buffer.withUnsafeBufferPointer { flat in
        for mode in 0..<3 where !keysWithRows[mode].isEmpty {
          activeModes.append(mode)
          let keys = keysWithRows[mode].sorted()
          var table = [UInt32](repeating: 0, count: Int(keys.last!) + 1)
          for key in keys {
            let start = Int(rowIndex[mode][Int(key)]) * width
            table[Int(key)] = interner.intern(UnsafeBufferPointer(rebasing: flat[start..<start + width]))
          }
          rowOf[mode] = table
        }
      }
      return (interner.rows, rowOf, activeModes)
    }

  /// Where each pattern can start, and the slots of its requirements.
    mutating func addPatterns() {
      let lw = listWords
      var slot = 0
      for k in 0..<analysis.patternCount {
        let word = k >> 6
        let bit: UInt64 = 1 << UInt64(k & 63)
        for script in 0..<256 where analysis.startScripts[k]?.contains(UInt8(script)) ?? true {
          scriptStarts[script * patternWords + word] |= bit
        }
        for condition in analysis.starts[k] where runs(k) {
          switch condition {
          case .key, .list:
            setBits(condition, word: 2 * lw, bit: k)
          case .span(let type):
            spanStarts[Int(type) * patternWords + word] |= bit
          case .shapes(let admitted):
            for code in 0..<ShapeBits.codes where admitted[code] { shapeStarts[code * patternWords + word] |= bit }
          case .always:
            alwaysStarts[word] |= bit
          }
        }
        let slotOffset = 2 * lw + patternWords
        for requirement in analysis.requirements[k] {
          let slotWord = slot >> 6
          let slotBit: UInt64 = 1 << UInt64(slot & 63)
          for condition in requirement.conditions {
            if case .span(let type) = condition {
              spanRequired[Int(type) * slotWords + slotWord] |= slotBit
            } else if case .shapes(let admitted) = condition {
              for code in 0..<ShapeBits.codes where admitted[code] { shapeRequired[code * slotWords + slotWord] |= slotBit }
            } else {
              setBits(condition, word: slotOffset, bit: slot)
            }
          }
          slots.append(Int32(slot))
          slotDistance.append(Int32(clamping: requirement.distance))
          requiring[word] |= bit
          slot += 1
        }
        slotStarts.append(Int32(slots.count))
      }
    }

    /// Without the prefilter: every pattern (of the language) may start anywhere, and none
    /// requires anything.
    mutating func startEverywhere() {
      for k in 0..<rules.patterns.count where runs(k) { alwaysStarts[k >> 6] |= 1 << UInt64(k & 63) }
      requiring = Array(repeating: 0, count: patternWords)
      scriptStarts = Array(repeating: ~0, count: 256 * patternWords)
    }
  }

  /// Distinct rows of equal width, numbered in the order first seen (row 0: all zeros), kept
  /// in one flat array and found by an open-addressing hash of their words.
  private struct RowInterner {
    let width: Int
    private(set) var rows: [UInt64]
    private var slots: [UInt32]
    private var count = 1

    init(width: Int) {
      self.width = width
      rows = [UInt64](repeating: 0, count: width)
      slots = [UInt32](repeating: .max, count: 1024)
      insert(0)
    }

    private func hash(_ words: UnsafeBufferPointer<UInt64>) -> Int {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for w in words { h = (h ^ w) &* 0x0000_0100_0000_01b3; h ^= h >> 29 }
      return Int(truncatingIfNeeded: h)
    }

    private func row(_ id: UInt32) -> ArraySlice<UInt64> {
      rows[Int(id) * width..<(Int(id) + 1) * width]
    }

    private mutating func insert(_ id: UInt32) {
      let mask = slots.count - 1
      var i = rows.withUnsafeBufferPointer { hash(UnsafeBufferPointer(rebasing: $0[Int(id) * width..<(Int(id) + 1) * width])) } & mask
      while slots[i] != .max { i = (i + 1) & mask }
      slots[i] = id
    }

    /// The number of `words` (a row of `width` words), added if new.
    mutating func intern(_ words: UnsafeBufferPointer<UInt64>) -> UInt32 {
      let mask = slots.count - 1
      var i = hash(words) & mask
      while slots[i] != .max {
        if row(slots[i]).elementsEqual(words) { return slots[i] }
        i = (i + 1) & mask
      }
      let id = UInt32(count)
      count += 1
      rows.append(contentsOf: words)
      if 2 * count > slots.count {
        slots = [UInt32](repeating: .max, count: 2 * slots.count)
        for known in 0..<UInt32(count) { insert(known) }
      } else {
        slots[i] = id
      }
      return id
    }
  }

  /// The consuming instructions reachable from the start without consuming anything.
  static func firstConsumers(_ program: PatternProgram) -> [Int32] {
    var seen = Set<Int32>()
    var stack: [Int32] = [0]
    var found: [Int32] = []
    while let pc = stack.popLast() {
      guard seen.insert(pc).inserted else { continue }
      switch program.instructions[Int(pc)] {
      case .jump(let target): stack.append(target)
      case .split(let a, let b): stack += [a, b]
      case .open, .close: stack.append(pc + 1)
      case .test, .list, .entity: found.append(pc)
      case .accept: break
      }
    }
    return found.sorted()
  }

  /// Keyed conditions of which every match consumes a token meeting one, the instructions that
  /// test them, and how far into a match that token can be.
  fileprivate struct Requirement {
    var conditions: [StartCondition]
    var pcs: Set<Int>
    var distance = Int.max

    func breadth(_ rules: RuleSet) -> Int {
      conditions.reduce(0) { sum, c in
        let b = PatternTables.breadth(c, rules)
        return b > Int.max - sum ? Int.max : sum + b
      }
    }
  }

  /// The most tokens a match consumes before it first reaches one of `targets`, or `Int.max`
  /// when a loop (or a gazetteer span, of any length) comes before them. Longest paths by
  /// relaxation: a distance still growing after as many rounds as instructions is a loop.
  static func longestDistance(_ program: PatternProgram, to targets: Set<Int>, rules: RuleSet) -> Int {
    let instructions = program.instructions
    let unbounded = Int.max
    var distance = [Int](repeating: -1, count: instructions.count)
    distance[0] = 0
    func weight(_ pc: Int) -> Int {
      switch instructions[pc] {
      case .test: 1
      case .list(let l): max(1, rules.lists[Int(l)].longest)
      case .entity: unbounded
      default: 0
      }
    }
    for _ in 0...instructions.count {
      var changed = false
      for pc in instructions.indices where distance[pc] >= 0 && !targets.contains(pc) {
        let w = weight(pc)
        let out = distance[pc] == unbounded || w == unbounded ? unbounded : distance[pc] + w
        var successors: [Int] = []
        switch instructions[pc] {
        case .accept: continue
        case .jump(let target): successors = [Int(target)]
        case .split(let a, let b): successors = [Int(a), Int(b)]
        default: successors = [pc + 1]
        }
        for next in successors where out > distance[next] {
          distance[next] = out
          changed = true
        }
      }
      if !changed {
        return targets.map { distance[$0] }.max() ?? unbounded
      }
    }
    return unbounded  // still growing: a loop before a target
  }

  /// Whether some path from the start reaches `accept` without going through `avoided`.
  static func acceptReachable(_ program: PatternProgram, avoiding avoided: Set<Int>) -> Bool {
    let instructions = program.instructions
    var seen = [Bool](repeating: false, count: instructions.count)
    var stack = [0]
    while let pc = stack.popLast() {
      guard !avoided.contains(pc), !seen[pc] else { continue }
      seen[pc] = true
      switch instructions[pc] {
      case .accept: return true
      case .jump(let target): stack.append(Int(target))
      case .split(let a, let b): stack += [Int(a), Int(b)]
      default: stack.append(pc + 1)
      }
    }
    return false
  }

  /// The consuming instructions that every path from the start to `accept` goes through.
  static func requiredConsumers(_ program: PatternProgram) -> [Int32] {
    program.instructions.indices.filter { pc in
      switch program.instructions[pc] {
      case .test, .list, .entity: !acceptReachable(program, avoiding: [pc])
      default: false
      }
    }.map { Int32($0) }
  }

  /// How many tokens a condition admits, roughly: the fewer, the better a requirement.
  fileprivate static func breadth(_ condition: StartCondition, _ rules: RuleSet) -> Int {
    switch condition {
    case .key: 1
    case .list(let l, let phrases):
      rules.lists[l].singles.count + (phrases ? rules.lists[l].phraseStarts.count : 0)
    case .span: 1_000_000
    case .shapes: 10_000_000
    case .always: Int.max
    }
  }

  /// A condition every token that `instruction` consumes first meets: the most selective the
  /// tables can index (a key, then a word list, then shapes).
  private static func startCondition(
    _ instruction: PatternProgram.Instruction, rules: RuleSet, spanTypes: [String: Int32]
  ) -> StartCondition {
    switch instruction {
    case .list(let l): return .list(Int(l), phrases: true)
    case .entity(let type): return .span(spanTypes[type]!)
    case .test(let t): return condition(of: rules.tests[Int(t)])
    default: return .always
    }
  }

  /// The keyed condition (key, word list or span) that `instruction` tests, if any: the
  /// start condition without the shape analysis, which requirements do not use.
  private static func keyedCondition(
    _ instruction: PatternProgram.Instruction, rules: RuleSet, spanTypes: [String: Int32]
  ) -> StartCondition? {
    switch instruction {
    case .list(let l): return .list(Int(l), phrases: true)
    case .entity(let type): return .span(spanTypes[type]!)
    case .test(let t): return keyedCondition(of: rules.tests[Int(t)])
    default: return nil
    }
  }

  private static func keyedCondition(of test: CompiledTokenTest) -> StartCondition? {
    switch test {
    case .key(let mode, let id): return .key(mode: modeIndex(mode), id: id)
    case .inList(let l): return .list(Int(l), phrases: false)
    case .all(let parts):
      for part in parts { if case .key(let mode, let id) = part { return .key(mode: modeIndex(mode), id: id) } }
      for part in parts { if case .inList(let l) = part { return .list(Int(l), phrases: false) } }
      return nil
    default: return nil
    }
  }

  private static func condition(of test: CompiledTokenTest) -> StartCondition {
    if let keyed = keyedCondition(of: test) { return keyed }
    let admitted = (0..<ShapeBits.codes).map { code in shapeValue(test, UInt16(code)) ?? true }
    return admitted.allSatisfy { $0 } ? .always : .shapes(admitted)
  }

  /// Whether `test` passes at a token of shape `code`, when the shape alone decides it.
  private static func shapeValue(_ test: CompiledTokenTest, _ code: UInt16) -> Bool? {
    switch test {
    case .shape(let s): return code & ShapeBits.bit(s) != 0
    case .any: return true
    case .not(let inner): return shapeValue(inner, code).map { !$0 }
    case .all(let parts):
      var decided = true
      for part in parts {
        switch shapeValue(part, code) {
        case false?: return false
        case nil: decided = false
        default: break
        }
      }
      return decided ? true : nil
    default: return nil
    }
  }
}
