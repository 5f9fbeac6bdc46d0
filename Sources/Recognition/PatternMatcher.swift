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
  /// Gazetteer mentions by first token: (end token, type).
  let spans: [Int32: [(end: Int32, type: String)]]

  var tokens: [Token] { document.tokens }

  @inline(__always) func key(_ mode: MatchMode, _ i: Int) -> UInt32 {
    switch mode {
    case .exact: exact[i]
    case .folded: folded[i]
    case .loose: loose[i]
    }
  }
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
/// Not thread-safe: one per worker (it owns ICU regex clones and scratch buffers).
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
  private var regexes: [ICURegex?]
  /// Per regex: results by the token's exact lexicon key.
  private var regexResults: [[KeyID: Bool]]
  private(set) var regexTimeouts = 0

  private var current: [Thread] = []
  private var next: [Thread] = []
  private var stamps: [UInt32] = []
  private var stamp: UInt32 = 0
  private var pending: [Int32: [Thread]] = [:]
  private var arena: [CaptureRecord] = []
  private var stack: [Thread] = []

  /// Per pattern: the instructions that can consume the first token of a match.
  private let startInstructions: [[Int32]]

  init(rules: RuleSet) {
    self.rules = rules
    regexes = rules.regexes.map { try? ICURegex($0) }
    regexResults = Array(repeating: [:], count: rules.regexes.count)
    startInstructions = rules.patterns.map { Self.firstConsumers($0.program) }
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

  /// Whether a match of pattern `index` can begin at token `p`: a quick test that lets the VM
  /// skip the many positions where no pattern starts.
  private func canStart(_ program: PatternProgram, index: Int, at p: Int, _ context: TokenContext) -> Bool {
    guard p < context.tokens.count else { return false }
    for pc in startInstructions[index] {
      switch program.instructions[Int(pc)] {
      case .test(let t):
        if passes(program.tests[Int(t)], at: p, context) { return true }
      case .list(let l):
        let list = rules.lists[Int(l)]
        let key = context.key(list.mode, p)
        if list.singles.contains(key) || list.phraseStarts.contains(key) { return true }
      case .entity(let type):
        if context.spans[Int32(p)]?.contains(where: { $0.type == type }) == true { return true }
      default:
        break
      }
    }
    return false
  }

  /// Every match of `pattern` in the document, left to right, non-overlapping.
  func matches(of pattern: CompiledPattern, index: Int, in context: TokenContext) -> [Match] {
    let program = pattern.program
    let n = Int32(context.tokens.count)
    if stamps.count < program.instructions.count { stamps = Array(repeating: 0, count: program.instructions.count) }
    var found: [Match] = []
    var p: Int32 = 0
    while p <= n {
      guard let match = firstMatch(program, index: index, from: p, context: context) else { break }
      found.append(match)
      p = max(match.end, match.start + 1)
    }
    return found
  }

  /// The leftmost match starting at or after `from`, or nil.
  private func firstMatch(_ program: PatternProgram, index: Int, from: Int32, context: TokenContext) -> Match? {
    let n = Int32(context.tokens.count)
    current.removeAll(keepingCapacity: true)
    pending.removeAll(keepingCapacity: true)
    arena.removeAll(keepingCapacity: true)
    var matched: Match?
    var p = from
    var currentStamp = freshStamp()
    while p <= n {
      if let arrivals = pending.removeValue(forKey: p) {
        for thread in arrivals { add(thread, to: &current, at: p, stamp: currentStamp, program) }
      }
      if matched == nil && current.isEmpty && pending.isEmpty && !canStart(program, index: index, at: Int(p), context) {
        p += 1  // nothing alive, and no match can begin here
        continue
      }
      if matched == nil { add(Thread(pc: 0, start: p, open: -1, captures: -1), to: &current, at: p, stamp: currentStamp, program) }
      if current.isEmpty {
        if matched != nil && pending.isEmpty { break }
        if pending.isEmpty {
          // Nothing alive: skip ahead to the next token where the program can start.
          p += 1
          currentStamp = freshStamp()
          continue
        }
      }
      next.removeAll(keepingCapacity: true)
      let nextStamp = freshStamp()
      var i = 0
      stepping: while i < current.count {
        let thread = current[i]
        i += 1
        switch program.instructions[Int(thread.pc)] {
        case .test(let t):
          if p < n, canConsume(Int(p), thread), passes(program.tests[Int(t)], at: Int(p), context) {
            var advanced = thread
            advanced.pc += 1
            add(advanced, to: &next, at: p + 1, stamp: nextStamp, program)
          }
        case .list(let l):
          guard p < n, canConsume(Int(p), thread) else { continue }
          for end in listEnds(rules.lists[Int(l)], at: Int(p), context) {
            var advanced = thread
            advanced.pc += 1
            if end == Int(p) + 1 {
              add(advanced, to: &next, at: p + 1, stamp: nextStamp, program)
            } else {
              pending[Int32(end), default: []].append(advanced)
            }
          }
        case .entity(let type):
          guard p < n, canConsume(Int(p), thread), let spans = context.spans[p] else { continue }
          for span in spans where span.type == type {
            var advanced = thread
            advanced.pc += 1
            if span.end == p + 1 {
              add(advanced, to: &next, at: p + 1, stamp: nextStamp, program)
            } else {
              pending[span.end, default: []].append(advanced)
            }
          }
        case .accept:
          matched = Match(start: thread.start, end: p, captures: records(from: thread.captures))
          // Leftmost-first: threads after this one have lower priority; drop them.
          break stepping
        case .split, .jump, .open, .close:
          break  // resolved in `add`
        }
      }
      swap(&current, &next)
      currentStamp = nextStamp
      p += 1
      if current.isEmpty && pending.isEmpty && matched != nil { break }
    }
    return matched
  }

  /// Adds `thread` and everything reachable from it without consuming a token.
  private func add(_ thread: Thread, to list: inout [Thread], at p: Int32, stamp: UInt32, _ program: PatternProgram) {
    stack.removeAll(keepingCapacity: true)
    stack.append(thread)
    while let t = stack.popLast() {
      let pc = Int(t.pc)
      if stamps[pc] == stamp { continue }
      stamps[pc] = stamp
      switch program.instructions[pc] {
      case .jump(let target):
        var u = t
        u.pc = target
        stack.append(u)
      case .split(let preferred, let other):
        var a = t
        a.pc = preferred
        var b = t
        b.pc = other
        stack.append(b)  // popped second: lower priority
        stack.append(a)
      case .open:
        var u = t
        u.pc += 1
        u.open = p
        stack.append(u)
      case .close(let capture):
        var u = t
        u.pc += 1
        arena.append(CaptureRecord(capture: capture, start: t.open, end: p, previous: t.captures))
        u.captures = Int32(arena.count - 1)
        u.open = -1
        stack.append(u)
      default:
        list.append(t)
      }
    }
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
      for i in stamps.indices { stamps[i] = 0 }
      stamp = 1
    }
    return stamp
  }

  /// A match never spans a blank line.
  @inline(__always) private func canConsume(_ i: Int, _ thread: Thread) -> Bool {
    Int32(i) == thread.start || !contextTokensFlags(i).contains(.startsParagraph)
  }

  private var flags: [TokenFlags] = []
  @inline(__always) private func contextTokensFlags(_ i: Int) -> TokenFlags { flags[i] }

  /// Call once per document before ``matches(of:in:)``.
  func prepare(_ context: TokenContext) {
    flags = context.tokens.map(\.flags)
  }

  // MARK: Tests

  func passes(_ test: CompiledTokenTest, at i: Int, _ context: TokenContext) -> Bool {
    switch test {
    case .key(let mode, let id):
      return context.key(mode, i) == id
    case .inList(let l):
      let list = rules.lists[Int(l)]
      return list.singles.contains(context.key(list.mode, i))
    case .shape(let shape):
      let token = context.tokens[i]
      let s = token.shape
      switch shape {
      case .cap: return s.contains(.initialUpper)
      case .title: return s.contains(.initialUpper) && s.contains(.hasLower)
      case .upper: return s.contains(.hasUpper) && !s.contains(.hasLower)
      case .lower: return s.contains(.hasLower) && !s.contains(.hasUpper)
      case .alpha: return token.isWordLike && s.contains(.hasLetter) && !s.contains(.hasDigit)
      case .word: return token.isWordLike
      case .number: return token.kind == .number
      case .punctuation: return token.kind == .punctuation
      case .symbol: return token.kind == .symbol
      case .start: return i == 0 || context.tokens[i - 1].sentence != token.sentence
      }
    case .script(let code):
      return context.tokens[i].script == code
    case .regex(let r):
      let key = context.tokens[i].keys.exact
      if let known = regexResults[Int(r)][key] { return known }
      guard let regex = regexes[Int(r)] else { return false }
      let text = Array(context.lexicon.string(key).utf16)
      let result = text.withUnsafeBufferPointer { regex.matches($0) }
      if result == nil { regexTimeouts += 1 }
      regexResults[Int(r)][key] = result ?? false
      return result ?? false
    case .any:
      return true
    case .not(let inner):
      return !passes(inner, at: i, context)
    case .all(let parts):
      for part in parts where !passes(part, at: i, context) { return false }
      return true
    }
  }

  /// Token positions just after each list entry that matches at `i`, longest first.
  private func listEnds(_ list: CompiledWordList, at i: Int, _ context: TokenContext) -> [Int] {
    let first = context.key(list.mode, i)
    var ends: [Int] = []
    if list.phraseStarts.contains(first), let phrases = list.phrases[first] {
      let n = context.tokens.count
      for rest in phrases where i + rest.count < n {
        var ok = true
        for (k, key) in rest.enumerated() {
          let j = i + 1 + k
          if context.key(list.mode, j) != key || flags[j].contains(.startsParagraph) {
            ok = false
            break
          }
        }
        if ok, !ends.contains(i + 1 + rest.count) { ends.append(i + 1 + rest.count) }
      }
    }
    if list.singles.contains(first) { ends.append(i + 1) }
    return ends
  }
}
