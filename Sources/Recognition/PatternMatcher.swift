import Normalization
import Rules

/// Everything about one document that pattern tests read, computed once per document.
struct TokenContext {
  let document: Document
  let lexicon: Lexicon
  /// Vocabulary ids of each token's keys (``KeyVocabulary/absent`` when no rule uses the key).
  let loose: [UInt32]
  let folded: [UInt32]
  let exact: [UInt32]
  /// Per token: the end of the gazetteer mention starting there, or -1 (they are disjoint, so
  /// at most one starts at a token), and its type as ``PatternMatcher/spanTypeID(_:)`` numbers
  /// it (-1 for a type no pattern asks for).
  let spanEnd: [Int32]
  let spanType: [Int32]

  var tokens: [Token] { document.tokens }
}

/// Runs compiled patterns over a document: a Pike VM (Thompson NFA simulation).
///
/// All threads advance one token at a time and a program counter is visited at most once
/// per position, so a pattern costs O(tokens × instructions) whatever it says: no
/// backtracking, no blow-up (`(Cap*)*` is as cheap as `Cap*`). Word-list entries and
/// gazetteer spans may be several tokens long; threads that consume them wait in a queue
/// for the position where they resume.
///
/// Semantics are those of a leftmost-first regex engine: the earliest start wins, then the
/// alternative written first, with greedy quantifiers (so `Cap+` takes every capitalized word
/// it can). After a match, the search resumes after it, so one pattern's matches never overlap.
/// Regular-expression tests run under ICU's time limit; one that times out counts as failed.
///
/// Speed: ``prepare(_:)`` reads each token once against ``PatternTables`` (its keys' rows, its
/// shape code, its gazetteer span) and lists, per pattern, the tokens where a match can begin;
/// the VM then jumps from one such token to the next, so a token where no pattern can start
/// costs a few table reads in all, not a test per pattern. Instructions, tests and thread lists
/// are flat integer records: no reference counting or hashing in the loop.
///
/// Not thread-safe: one per worker (it owns scratch buffers, and its ``RegexVerdicts`` ICU
/// regular expressions).
final class PatternMatcher {
  struct Thread {
    var pc: Int32
    var start: Int32
    /// Where the currently open capture began, or -1.
    var open: Int32
    /// Head of this thread's capture records in `arena`, or -1.
    var captures: Int32
  }

  struct CaptureRecord {
    var capture: Int32
    var start: Int32
    var end: Int32
    var previous: Int32
  }

  /// A match: where it is and what its captures were.
  struct Match {
    var start: Int32
    var end: Int32
    var captures: [CaptureRecord]
  }

  let rules: RuleSet
  let tables: PatternTables
  /// The worker's verdicts of regular-expression tests, shared with its other matchers.
  private let regexes: RegexVerdicts

  // Thread lists and the `add` stack: fixed buffers, as a list never holds a program counter
  // twice (so `longestProgram` threads), and `add` pushes at most two per instruction it visits.
  private let capacity: Int
  private var current: UnsafeMutablePointer<Thread>
  private var next: UnsafeMutablePointer<Thread>
  private var stack: UnsafeMutablePointer<Thread>
  private var currentCount = 0
  private var nextCount = 0
  private var stamps: UnsafeMutablePointer<UInt32>
  private var stamp: UInt32 = 0
  /// Threads inside a multi-token list entry or span, with the position where they resume.
  private var pending: [(end: Int32, thread: Thread)] = []
  private var arena: [CaptureRecord] = []
  private var ends: [Int32] = []

  // The current document.
  private var context: TokenContext?
  private var tokenCount: Int32 = 0
  private var shapeBits: [UInt16] = []
  private var flags: [TokenFlags] = []
  private var scripts: [UInt8] = []
  private var exactKeys: [UInt32] = []
  private var foldedKeys: [UInt32] = []
  private var looseKeys: [UInt32] = []
  private var spanEnd: [Int32] = []
  private var spanType: [Int32] = []
  /// Per token, per match mode: its row in ``PatternTables/rows`` (0: none).
  private var tokenRows: [UInt32] = []
  /// The tokens where a match can begin, ascending per pattern, pattern after pattern
  /// (``candidateStarts`` says where each pattern's run begins; `patternCount + 1` offsets).
  private var candidates: [Int32] = []
  private var candidateStarts: [Int32]
  /// Per token, the patterns that can start there (`patternWords` words each).
  private var masks: [UInt64] = []
  /// The tokens with a start (a mask not all zero), descending, as ``findStarts(allowed:)``
  /// meets them: most tokens start nothing, and ``listCandidates()`` reads only these.
  private var startTokens: [Int32] = []
  private var nearest: [Int32] = []

  /// `language`: see ``PatternTables/init(rules:prefilter:language:)``. `regexes`: the
  /// worker's verdicts, shared by its matchers (a new set when nil).
  init(rules: RuleSet, prefilter: Bool = true, language: String? = nil, regexes: RegexVerdicts? = nil) {
    self.rules = rules
    // Built once per rule set (and language), shared by every worker's matcher; two workers
    // wait for each other only for the same table.
    tables = Self.sharedTables(rules: rules, prefilter: prefilter, language: language)
    self.regexes = regexes ?? RegexVerdicts(rules: rules)
    capacity = max(1, tables.longestProgram)
    current = .allocate(capacity: capacity)
    next = .allocate(capacity: capacity)
    stack = .allocate(capacity: 2 * capacity + 2)
    stamps = .allocate(capacity: capacity)
    stamps.initialize(repeating: 0, count: capacity)
    candidateStarts = Array(repeating: 0, count: tables.patternCount + 1)
    cachedAt = .allocate(capacity: max(1, rules.tests.count))
    cachedAt.initialize(repeating: -1, count: max(1, rules.tests.count))
    cachedResult = .allocate(capacity: max(1, rules.tests.count))
    cachedResult.initialize(repeating: false, count: max(1, rules.tests.count))
    listModes = tables.lists.map { PatternTables.modeIndex($0.mode) }
  }

  /// The tables of `language` (nil: of no language) for `rules`, from the rule set's derived
  /// cache, built there the first time.
  static func sharedTables(rules: RuleSet, prefilter: Bool, language: String?) -> PatternTables {
    let analysis = rules.derived.value("PatternTables.Analysis/\(prefilter)") {
      PatternTables.Analysis(rules: rules, prefilter: prefilter)
    }
    let base = rules.derived.value("PatternTables/\(prefilter)/") {
      PatternTables(analysis: analysis, rules: rules, language: nil)
    }
    guard let language else { return base }
    return rules.derived.value("PatternTables/\(prefilter)/\(language)") {
      PatternTables(language: language, base: base, analysis: analysis, rules: rules)
    }
  }

  deinit {
    current.deallocate()
    next.deallocate()
    stack.deallocate()
    stamps.deallocate()
    cachedAt.deallocate()
    cachedResult.deallocate()
  }

  /// The number that ``TokenContext/spanType`` uses for entity type `type`, or -1 when no
  /// pattern asks for spans of that type.
  func spanTypeID(_ type: String) -> Int32 { tables.spanTypes[type] ?? -1 }

  /// Call once per document before ``matches(ofPatternAt:)``: reads every token against the
  /// tables and lists, per pattern, where a match can begin. With `runs`, matches begin only
  /// in those token ranges (whole paragraphs, in text order: no match crosses a blank line, so
  /// none leaves them).
  func prepare(_ context: TokenContext, runs: [Range<Int>]? = nil) {
    self.context = context
    documentGeneration += 1
    let n = context.document.tokens.count
    tokenCount = Int32(n)
    var allowed: [Bool] = []
    if let runs {
      allowed = Array(repeating: false, count: n)
      for run in runs { for i in run { allowed[i] = true } }
    }
    readTokens(context)
    lookUpRows(runs: runs ?? [0..<n])
    findStarts(allowed: allowed)
    listCandidates()
  }

  /// Copies what the VM reads of each token (keys, flags, script, shape bits) into flat arrays.
  private func readTokens(_ context: TokenContext) {
    let tokens = context.document.tokens
    let n = tokens.count
    exactKeys = context.exact
    foldedKeys = context.folded
    looseKeys = context.loose
    spanEnd = context.spanEnd
    spanType = context.spanType
    // One allocation per array, written through pointers: appending was a uniqueness check
    // per token and array.
    tokens.withUnsafeBufferPointer { tokens in
      flags = [TokenFlags](unsafeUninitializedCapacity: n) { out, count in
        for i in 0..<n { out[i] = tokens[i].flags }
        count = n
      }
      scripts = [UInt8](unsafeUninitializedCapacity: n) { out, count in
        for i in 0..<n { out[i] = tokens[i].script }
        count = n
      }
      shapeBits = [UInt16](unsafeUninitializedCapacity: n) { out, count in
        var previousSentence: Int32 = -1
        for i in 0..<n {
          out[i] = ShapeBits.of(tokens[i], startsSentence: tokens[i].sentence != previousSentence)
          previousSentence = tokens[i].sentence
        }
        count = n
      }
    }
  }

  /// Each token's table row per match mode (`tokenRows`, 3 per token; 0 outside `runs`).
  private func lookUpRows(runs: [Range<Int>]) {
    let n = Int(tokenCount)
    var rowsOfTokens: [UInt32] = []
    swap(&rowsOfTokens, &self.tokenRows)
    rowsOfTokens.removeAll(keepingCapacity: true)
    rowsOfTokens.append(contentsOf: repeatElement(0, count: 3 * n))
    rowsOfTokens.withUnsafeMutableBufferPointer { rowsOfTokens in
      for mode in tables.activeModes {
        let keys = mode == 0 ? exactKeys : mode == 1 ? foldedKeys : looseKeys
        keys.withUnsafeBufferPointer { keys in
          tables.rowOf[mode].withUnsafeBufferPointer { table in
            let limit = UInt32(table.count)
            for run in runs {
              for i in run where keys[i] < limit { rowsOfTokens[3 * i + mode] = table[Int(keys[i])] }
            }
          }
        }
      }
    }
    swap(&rowsOfTokens, &self.tokenRows)
  }

  /// Per token, the patterns that can start there (`masks`): those its keys, shape or span
  /// admit, less those a requirement of which is not met close enough after it in its
  /// paragraph. Tokens outside `allowed` (when not empty) start nothing.
  private func findStarts(allowed: [Bool]) {
    let n = Int(tokenCount)
    // Backwards, so that `nearest` holds, per requirement slot, the first token at or after
    // this one in its paragraph that fills it; forwards again to list the starts in order.
    // (Local arrays: stored properties would be checked for uniqueness at every write.)
    var masks: [UInt64] = []
    swap(&masks, &self.masks)
    masks.removeAll(keepingCapacity: true)
    masks.append(contentsOf: repeatElement(0, count: n * tables.patternWords))
    var nearest: [Int32] = []
    swap(&nearest, &self.nearest)
    nearest.removeAll(keepingCapacity: true)
    nearest.append(contentsOf: repeatElement(Int32.max, count: tables.slotDistance.count))
    var startTokens: [Int32] = []
    swap(&startTokens, &self.startTokens)
    startTokens.removeAll(keepingCapacity: true)
    startTokens.append(contentsOf: repeatElement(0, count: n))
    var startCount = 0
    // Every array the loop reads or writes, through pointers: bounds and overflow checks were
    // half of its instructions (indexes come from the tables, built to fit), and a write to
    // a local array is still a uniqueness check.
    let t = tables
    masks.withUnsafeMutableBufferPointer { masks in
      nearest.withUnsafeMutableBufferPointer { nearest in
        startTokens.withUnsafeMutableBufferPointer { startTokens in
          withBuffers(t.rows, t.shapeStarts, t.scriptStarts) { rows, shapeStarts, scriptStarts in
            withBuffers(t.alwaysStarts, t.patternMask, t.requiring) { always, patternMask, requiring in
              withBuffers(t.spanStarts, t.spanRequired, t.shapeRequired) { spanStarts, spanRequired, shapeRequired in
                withBuffers(t.slotStarts, t.slots, t.slotDistance) { slotStarts, slots, slotDistance in
                  withBuffers(tokenRows, shapeBits, scripts) { tokenRows, shapeBits, scripts in
                    withBuffers(flags, spanEnd, spanType) { flags, spanEnd, spanType in
                      withBuffers(t.rowFillsSlots, t.shapeFillsSlots, allowed) { rowFillsSlots, shapeFillsSlots, allowed in
                        startCount = Self.findStarts(
                          StartInputs(
                            n: n, words: t.patternWords, slotWords: t.slotWords, width: t.rowWidth,
                            startOffset: 2 * t.listWords, rows: rows, shapeStarts: shapeStarts, scriptStarts: scriptStarts,
                            always: always, patternMask: patternMask, requiring: requiring, spanStarts: spanStarts,
                            spanRequired: spanRequired, shapeRequired: shapeRequired, slotStarts: slotStarts, slots: slots,
                            slotDistance: slotDistance, rowFillsSlots: rowFillsSlots, shapeFillsSlots: shapeFillsSlots,
                            tokenRows: tokenRows, shapeBits: shapeBits, scripts: scripts, flags: flags, spanEnd: spanEnd,
                            spanType: spanType, allowed: allowed),
                          masks: masks, nearest: nearest, startTokens: startTokens)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    startTokens.removeSubrange(startCount...)
    swap(&masks, &self.masks)
    swap(&nearest, &self.nearest)
    swap(&startTokens, &self.startTokens)
  }

  /// What ``findStarts(allowed:)``'s loop reads: the tables' arrays and the document's.
  private struct StartInputs {
    var n, words, slotWords, width, startOffset: Int
    var rows, shapeStarts, scriptStarts, always, patternMask, requiring: UnsafeBufferPointer<UInt64>
    var spanStarts, spanRequired, shapeRequired: UnsafeBufferPointer<UInt64>
    var slotStarts, slots, slotDistance: UnsafeBufferPointer<Int32>
    var rowFillsSlots, shapeFillsSlots: UnsafeBufferPointer<Bool>
    var tokenRows: UnsafeBufferPointer<UInt32>
    var shapeBits: UnsafeBufferPointer<UInt16>
    var scripts: UnsafeBufferPointer<UInt8>
    var flags: UnsafeBufferPointer<TokenFlags>
    var spanEnd, spanType: UnsafeBufferPointer<Int32>
    var allowed: UnsafeBufferPointer<Bool>
  }

  /// ``findStarts(allowed:)``'s loop. Indexes are computed with wrapping arithmetic: every
  /// one is a row, shape, script or slot number times a width the tables were built with.
  /// Returns how many tokens it wrote to `startTokens`.
  private static func findStarts(
    _ v: StartInputs, masks: UnsafeMutableBufferPointer<UInt64>, nearest: UnsafeMutableBufferPointer<Int32>,
    startTokens: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    var startCount = 0
    let words = v.words
    let slotWords = v.slotWords
    let startOffset = v.startOffset
    let slotOffset = startOffset &+ words
    // Tokens at or after `paragraphEnd` are in a later paragraph: a slot's nearest token
    // there counts as none (cheaper than clearing every slot at each paragraph).
    var paragraphEnd = Int32.max
    var i = v.n - 1
    while i >= 0 {
      if !v.allowed.isEmpty && !v.allowed[i] {
        if v.flags[i].contains(.startsParagraph) { paragraphEnd = Int32(i) }
        i -= 1
        continue
      }
      let span = v.spanEnd[i] >= 0 && v.spanType[i] >= 0 ? Int(v.spanType[i]) : -1
      let row0 = Int(v.tokenRows[3 &* i])
      let row1 = Int(v.tokenRows[3 &* i &+ 1])
      let row2 = Int(v.tokenRows[3 &* i &+ 2])
      let r0 = row0 &* v.width
      let r1 = row1 &* v.width
      let r2 = row2 &* v.width
      let shape = Int(v.shapeBits[i])
      // Most tokens fill no requirement: skip the slot words for them.
      let fills =
        v.rowFillsSlots[row0] || v.rowFillsSlots[row1] || v.rowFillsSlots[row2] || v.shapeFillsSlots[shape] || span >= 0
      for s in 0..<(fills ? slotWords : 0) {
        var filled = v.rows[r0 &+ slotOffset &+ s] | v.rows[r1 &+ slotOffset &+ s] | v.rows[r2 &+ slotOffset &+ s]
        if span >= 0 { filled |= v.spanRequired[span &* slotWords &+ s] }
        filled |= v.shapeRequired[shape &* slotWords &+ s]
        while filled != 0 {
          nearest[s << 6 | filled.trailingZeroBitCount] = Int32(i)
          filled &= filled &- 1
        }
      }
      let script = Int(v.scripts[i]) &* words
      var any: UInt64 = 0
      for w in 0..<words {
        var start =
          v.always[w] | v.shapeStarts[shape &* words &+ w] | v.rows[r0 &+ startOffset &+ w]
          | v.rows[r1 &+ startOffset &+ w] | v.rows[r2 &+ startOffset &+ w]
        if span >= 0 { start |= v.spanStarts[span &* words &+ w] }
        start &= v.scriptStarts[script &+ w] & v.patternMask[w]
        var check = start & v.requiring[w]
        while check != 0 {
          let k = w << 6 | check.trailingZeroBitCount
          for index in Int(v.slotStarts[k])..<Int(v.slotStarts[k &+ 1]) {
            let slot = Int(v.slots[index])
            let at = nearest[slot]
            if at >= paragraphEnd || (v.slotDistance[slot] != Int32.max && at &- Int32(i) > v.slotDistance[slot]) {
              start &= ~(1 << UInt64(k & 63))
              break
            }
          }
          check &= check &- 1
        }
        masks[i &* words &+ w] = start
        any |= start
      }
      if any != 0 {
        startTokens[startCount] = Int32(i)
        startCount &+= 1
      }
      if v.flags[i].contains(.startsParagraph) { paragraphEnd = Int32(i) }
      i -= 1
    }
    return startCount
  }

  /// Per pattern, the tokens where a match can begin (`candidates`), from `masks`, ascending:
  /// a counting sort into one flat array (pattern `k`'s starts are
  /// `candidates[candidateStarts[k]..<candidateStarts[k + 1]]`), with no array per pattern
  /// to grow one start at a time.
  private func listCandidates() {
    let words = tables.patternWords
    let patterns = tables.patternCount
    var offsets: [Int32] = []
    swap(&offsets, &self.candidateStarts)
    var starts: [Int32] = []
    swap(&starts, &self.candidates)
    offsets.removeAll(keepingCapacity: true)
    offsets.append(contentsOf: repeatElement(0, count: patterns + 1))
    let tokens = startTokens
    masks.withUnsafeBufferPointer { masks in
      offsets.withUnsafeMutableBufferPointer { offsets in
        for i in tokens.lazy.map(Int.init) {
          for w in 0..<words {
            var mask = masks[i * words + w]
            while mask != 0 {
              offsets[(w << 6 | mask.trailingZeroBitCount) + 1] += 1
              mask &= mask &- 1
            }
          }
        }
        for k in 0..<patterns { offsets[k + 1] += offsets[k] }
      }
      starts.removeAll(keepingCapacity: true)
      starts.append(contentsOf: repeatElement(0, count: Int(offsets[patterns])))
      // `fill[k]`: where pattern k's next start goes (its offset, moved along).
      var fill = Array(offsets.dropLast())
      starts.withUnsafeMutableBufferPointer { starts in
        fill.withUnsafeMutableBufferPointer { fill in
          for i in tokens.reversed().lazy.map(Int.init) {
            for w in 0..<words {
              var mask = masks[i * words + w]
              while mask != 0 {
                let k = w << 6 | mask.trailingZeroBitCount
                starts[Int(fill[k])] = Int32(i)
                fill[k] += 1
                mask &= mask &- 1
              }
            }
          }
        }
      }
    }
    swap(&offsets, &self.candidateStarts)
    swap(&starts, &self.candidates)
  }

  /// The number of patterns, indexed from 0 as in the rule set.
  var patternCount: Int { tables.patternCount }

  /// Whether pattern `k` can begin anywhere in the document of the last ``prepare(_:)``.
  func canMatch(patternAt k: Int) -> Bool { candidateStarts[k] < candidateStarts[k + 1] }

  /// Every match of pattern `k` in the document of the last ``prepare(_:)``, left to right,
  /// non-overlapping.
  func matches(ofPatternAt k: Int) -> [Match] {
    let range = Int(candidateStarts[k])..<Int(candidateStarts[k + 1])
    guard !range.isEmpty else { return [] }
    return tables.programs[k].withUnsafeBufferPointer { program in
      candidates[range].withUnsafeBufferPointer { starts in
        var found: [Match] = []
        var cursor = 0
        var p = starts[0]
        while p <= tokenCount {
          guard let match = firstMatch(program, starts: starts, cursor: &cursor, from: p) else { break }
          found.append(match)
          p = max(match.end, match.start + 1)
        }
        return found
      }
    }
  }

  /// The leftmost match starting at or after `from`, or nil. `cursor` indexes `starts` and
  /// only moves forward.
  private func firstMatch(
    _ program: UnsafeBufferPointer<PatternTables.Op>, starts: UnsafeBufferPointer<Int32>, cursor: inout Int,
    from: Int32
  ) -> Match? {
    let n = tokenCount
    currentCount = 0
    pending.removeAll(keepingCapacity: true)
    arena.removeAll(keepingCapacity: true)
    var matched: Match?
    var p = from
    var currentStamp = freshStamp()
    while p <= n {
      if !pending.isEmpty { arrive(at: p, stamp: currentStamp, program) }
      while cursor < starts.count && starts[cursor] < p { cursor += 1 }
      let canStart = cursor < starts.count && starts[cursor] == p
      if matched == nil && currentCount == 0 && pending.isEmpty && !canStart {
        // Nothing alive: jump to the next token where a match can begin.
        guard cursor < starts.count else { break }
        p = starts[cursor]
        currentStamp = freshStamp()
        continue
      }
      if matched == nil && canStart {
        add(Thread(pc: 0, start: p, open: -1, captures: -1), toNext: false, at: p, stamp: currentStamp, program)
      }
      if currentCount == 0 {
        if matched != nil && pending.isEmpty { break }
        if pending.isEmpty {
          p += 1
          currentStamp = freshStamp()
          continue
        }
      }
      nextCount = 0
      let nextStamp = freshStamp()
      var i = 0
      stepping: while i < currentCount {
        let thread = current[i]
        i += 1
        let op = program[Int(thread.pc)]
        switch op.code {
        case .test:
          if p < n, canConsume(p, thread), passes(test: Int(op.a), at: Int(p)) {
            var advanced = thread
            advanced.pc += 1
            add(advanced, toNext: true, at: p + 1, stamp: nextStamp, program)
          }
        case .list:
          guard p < n, canConsume(p, thread) else { continue }
          listEnds(Int(op.a), at: Int(p))
          for end in ends { resume(thread, at: end, from: p, stamp: nextStamp, program) }
        case .entity:
          let at = Int(p)
          guard p < n, canConsume(p, thread), spanEnd[at] >= 0, spanType[at] == op.a else { continue }
          resume(thread, at: spanEnd[at], from: p, stamp: nextStamp, program)
        case .accept:
          matched = Match(start: thread.start, end: p, captures: records(from: thread.captures))
          // Leftmost-first: threads after this one have lower priority; drop them.
          break stepping
        case .split, .jump, .open, .close:
          break  // resolved in `add`
        }
      }
      swap(&current, &next)
      currentCount = nextCount
      currentStamp = nextStamp
      p += 1
      if currentCount == 0 && pending.isEmpty && matched != nil { break }
    }
    return matched
  }

  /// Advances `thread` past what it consumed from `p` up to `end`: into the next list when that
  /// is one token, else into the queue of threads waiting for position `end`.
  @inline(__always)
  private func resume(
    _ thread: Thread, at end: Int32, from p: Int32, stamp: UInt32, _ program: UnsafeBufferPointer<PatternTables.Op>
  ) {
    var advanced = thread
    advanced.pc += 1
    if end == p + 1 {
      add(advanced, toNext: true, at: p + 1, stamp: stamp, program)
    } else {
      pending.append((end, advanced))
    }
  }

  /// Moves the pending threads that resume at `p` into the current list, in the order they
  /// were queued.
  private func arrive(at p: Int32, stamp: UInt32, _ program: UnsafeBufferPointer<PatternTables.Op>) {
    var kept = 0
    for index in pending.indices {
      let entry = pending[index]
      if entry.end == p {
        add(entry.thread, toNext: false, at: p, stamp: stamp, program)
      } else {
        pending[kept] = entry
        kept += 1
      }
    }
    pending.removeLast(pending.count - kept)
  }

  /// Adds `thread` and everything reachable from it without consuming a token to the current
  /// or the next list.
  @inline(__always)
  private func add(
    _ thread: Thread, toNext: Bool, at p: Int32, stamp: UInt32, _ program: UnsafeBufferPointer<PatternTables.Op>
  ) {
    let list = toNext ? next : current
    var count = toNext ? nextCount : currentCount
    var top = 0
    stack[0] = thread
    top = 1
    while top > 0 {
      top -= 1
      let t = stack[top]
      let pc = Int(t.pc)
      if stamps[pc] == stamp { continue }
      stamps[pc] = stamp
      let op = program[pc]
      switch op.code {
      case .jump:
        var u = t
        u.pc = op.a
        stack[top] = u
        top += 1
      case .split:
        var a = t
        a.pc = op.a
        var b = t
        b.pc = op.b
        stack[top] = b  // popped second: lower priority
        stack[top + 1] = a
        top += 2
      case .open:
        var u = t
        u.pc += 1
        u.open = p
        stack[top] = u
        top += 1
      case .close:
        var u = t
        u.pc += 1
        arena.append(CaptureRecord(capture: op.a, start: t.open, end: p, previous: t.captures))
        u.captures = Int32(arena.count - 1)
        u.open = -1
        stack[top] = u
        top += 1
      default:
        list[count] = t
        count += 1
      }
    }
    if toNext { nextCount = count } else { currentCount = count }
  }

  private func records(from head: Int32) -> [CaptureRecord] {
    var out: [CaptureRecord] = []
    var at = head
    while at >= 0 {
      out.append(arena[Int(at)])
      at = arena[Int(at)].previous
    }
    return out.reversed()
  }

  private func freshStamp() -> UInt32 {
    stamp &+= 1
    if stamp == 0 {
      stamps.update(repeating: 0, count: capacity)
      stamp = 1
    }
    return stamp
  }

  /// A match never spans a blank line.
  @inline(__always) private func canConsume(_ i: Int32, _ thread: Thread) -> Bool {
    i == thread.start || !flags[Int(i)].contains(.startsParagraph)
  }

  // MARK: Tests

  /// Per test of ``RuleSet/tests``: the position and document its cached result is for.
  /// (Raw storage, as the thread lists: the VM writes them at every test it evaluates.)
  private let cachedAt: UnsafeMutablePointer<Int64>
  private let cachedResult: UnsafeMutablePointer<Bool>
  /// Per word list of the tables, ``PatternTables/modeIndex(_:)`` of its match mode.
  private let listModes: [Int]
  private var documentGeneration: Int64 = 0

  /// Test `t` at token `i`, evaluated once per token whatever the number of patterns using it.
  @inline(__always) private func passes(test t: Int, at i: Int) -> Bool {
    let key = documentGeneration << 32 | Int64(i)
    if cachedAt[t] == key { return cachedResult[t] }
    let result = evaluate(tables.testRoots[t], at: i)
    cachedAt[t] = key
    cachedResult[t] = result
    return result
  }

  @inline(__always) private func key(mode: UInt8, _ i: Int) -> UInt32 {
    mode == 0 ? exactKeys[i] : mode == 1 ? foldedKeys[i] : looseKeys[i]
  }

  /// Whether token `i` is a one-token entry of list `l` (whose match mode is `mode`), or with
  /// `phrase`, the first word of a longer one.
  @inline(__always) private func inList(_ l: Int, mode: Int, _ i: Int, phrase: Bool = false) -> Bool {
    let row = Int(tokenRows[3 * i + mode])
    let offset = phrase ? tables.listWords : 0
    return tables.rows[row * tables.rowWidth + offset + l >> 6] & (1 << UInt64(l & 63)) != 0
  }

  private func evaluate(_ index: Int32, at i: Int) -> Bool {
    let node = tables.nodes[Int(index)]
    switch node.code {
    case .key: return key(mode: node.mode, i) == UInt32(bitPattern: node.a)
    case .inList: return inList(Int(node.a), mode: Int(node.mode), i)
    case .shape: return shapeBits[i] & UInt16(truncatingIfNeeded: node.a) != 0
    case .script: return scripts[i] == UInt8(truncatingIfNeeded: node.a)
    case .regex: return regex(Int(node.a), at: i)
    case .any: return true
    case .not: return !evaluate(node.a, at: i)
    case .all:
      for c in Int(node.a)..<Int(node.a + node.b) where !evaluate(tables.children[c], at: i) { return false }
      return true
    }
  }

  private func regex(_ r: Int, at i: Int) -> Bool {
    guard let lexicon = context?.lexicon, let key = context?.document.tokens[i].keys.exact else { return false }
    return regexes.matches(r, key: key, lexicon: lexicon)
  }

  /// Sets `ends` to the token positions just after each entry of list `l` that matches at `i`,
  /// longest first.
  private func listEnds(_ l: Int, at i: Int) {
    ends.removeAll(keepingCapacity: true)
    let mode = listModes[l]
    // (The list's phrases read in place: a copy of the list record was a retain and release
    // of each of its fields.)
    if inList(l, mode: mode, i, phrase: true), let phrases = tables.lists[l].phrases[key(mode: UInt8(mode), i)] {
      let n = Int(tokenCount)
      for rest in phrases where i + rest.count < n {
        var ok = true
        for (k, key) in rest.enumerated() {
          let j = i + 1 + k
          if self.key(mode: UInt8(mode), j) != key || flags[j].contains(.startsParagraph) {
            ok = false
            break
          }
        }
        let end = Int32(i + 1 + rest.count)
        if ok, !ends.contains(end) { ends.append(end) }
      }
    }
    if inList(l, mode: mode, i) { ends.append(Int32(i + 1)) }
  }
}

/// `body` with pointers to the storage of three arrays (fewer nested closures for hot loops).
@inline(__always)
func withBuffers<A, B, C, R>(
  _ a: [A], _ b: [B], _ c: [C],
  _ body: (UnsafeBufferPointer<A>, UnsafeBufferPointer<B>, UnsafeBufferPointer<C>) -> R
) -> R {
  a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in c.withUnsafeBufferPointer { c in body(a, b, c) } } }
}
