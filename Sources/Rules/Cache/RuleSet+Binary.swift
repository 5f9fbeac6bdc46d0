import Foundation
import Normalization

/// The compiled rule set in the binary form of the rules cache (see ``RuleCache``): every
/// field, in declaration order, so that a decoded set equals the compiled one (tested).
extension RuleSet {
  func encode(into w: inout BinaryWriter) {
    w.write(entities) { w, e in
      w.write(raw: e.id)
      w.write(e.type)
      w.write(raw: e.name)
      w.write(e.attributes) { w, a in
        w.write(a.key)
        w.write(a.value)
      }
      w.write(e.rule)
      w.write(e.context) { w, c in w.write(c) }
      w.write(e.prior)
    }
    // The aliases, half of the set, as a block of their own (its own table of repeated
    // strings), which a loader can decode on another thread beside the rest.
    var aliasBlock = BinaryWriter()
    aliasBlock.write(aliases) { w, a in
      w.write(a.entity)
      w.write(raw: a.text)
      w.write(a.mode)
      w.write(a.requiresCapital)
      w.write(a.keyStorage)
      w.write(a.storesFolded)
      w.write(a.storesExact)
      w.write(a.rule)
      w.write(a.priority)
    }
    w.write(bytes: aliasBlock.bytes)
    let vocabularyStorage = vocabulary.storage
    w.write(bytes: vocabularyStorage.bytes)
    w.write(vocabularyStorage.ends)
    w.write(types) { w, s in w.write(s) }
    w.write(files) { w, s in w.write(s) }
    w.write(warnings) { w, d in
      w.write(d.location.path)
      w.write(d.location.line)
      w.write(d.location.column)
      w.write(d.severity == .error)
      w.write(d.message)
    }
    w.write(lists) { w, l in
      w.write(l.name)
      w.write(l.mode)
      w.write(l.singles.keys)
      let starts = l.phrases.keys.sorted()
      w.write(starts) { w, start in
        w.write(start)
        w.write(l.phrases[start]!) { w, rest in w.write(rest) }
      }
      w.write(l.phraseStarts.keys)
      w.write(l.rule)
      w.write(l.longest)
      let restricted = l.languages.keys.sorted { $0.lexicographicallyPrecedes($1) }
      w.write(restricted) { w, keys in
        w.write(keys)
        w.write(l.languages[keys]!) { w, code in w.write(code) }
      }
    }
    w.write(patterns) { w, p in
      w.write(p.id)
      w.write(p.type)
      w.write(p.priority)
      w.write(p.program.instructions) { w, i in w.write(i) }
      w.write(p.program.captures) { w, c in
        switch c {
        case .mention: w.write(0)
        case .alias: w.write(1)
        case .attribute(let name):
          w.write(2)
          w.write(name)
        }
      }
      w.write(p.rule)
      w.write(p.language)
    }
    w.write(tests) { w, t in w.write(t) }
    w.write(regexes) { w, s in w.write(s) }
    w.write(skippedPacks) { w, s in w.write(s) }
    w.write(digest.value)
    w.write(inputs) { w, s in w.write(s) }
    w.write(languages.codes) { w, s in w.write(s) }
    w.write(languages.words) { w, s in w.write(raw: s) }
    w.write(languages.weights.map(UInt32.init))
  }

  /// With `parallel`, the aliases' block is decoded on a thread of its own beside the rest.
  init(decoding r: inout BinaryReader, parallel: Bool = false) throws(BinaryReader.Damaged) {
    self.init()
    entities = try r.readArray { r throws(BinaryReader.Damaged) in
      Entity(
        id: try r.readRawString(), type: try r.readString(), name: try r.readRawString(),
        attributes: try r.readArray { r throws(BinaryReader.Damaged) in
          EntityRule.Attribute(key: try r.readString(), value: try r.readString())
        },
        rule: try r.readRule(), context: try r.readArray { r throws(BinaryReader.Damaged) in try r.readUInt32s() },
        prior: try r.readDouble())
    }
    // A copy of the block: `r` frees the pages it has read past.
    let aliasBlock = AliasBlock(bytes: try r.readBytes())
    if parallel {
      Thread { aliasBlock.decode() }.start()
    } else {
      aliasBlock.decode()
    }
    guard let keys = KeyVocabulary(bytes: try r.readBytes(), ends: try r.readUInt32s()) else { throw BinaryReader.Damaged() }
    vocabulary = keys
    types = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
    files = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
    warnings = try r.readArray { r throws(BinaryReader.Damaged) in
      let location = FileLocation(path: try r.readString(), line: try r.readInt(), column: try r.readInt())
      let severity: Diagnostic.Severity = try r.readBool() ? .error : .warning
      return Diagnostic(severity, at: location, try r.readString())
    }
    lists = try r.readArray { r throws(BinaryReader.Damaged) in
      let name = try r.readString()
      let mode = try r.readMode()
      let singles = try KeySet(sorted: r.readUInt32s())
      var phrases: [UInt32: [[UInt32]]] = [:]
      for (start, rests) in try r.readArray({ r throws(BinaryReader.Damaged) in
        (try r.readUInt32(), try r.readArray { r throws(BinaryReader.Damaged) in try r.readUInt32s() })
      }) {
        phrases[start] = rests
      }
      let phraseStarts = try KeySet(sorted: r.readUInt32s())
      var list = CompiledWordList(
        name: name, mode: mode, singles: singles, phrases: phrases, phraseStarts: phraseStarts, rule: try r.readRule(),
        longest: try r.readInt())
      for (keys, codes) in try r.readArray({ r throws(BinaryReader.Damaged) in
        (try r.readUInt32s(), try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() })
      }) {
        list.languages[keys] = codes
      }
      return list
    }
    patterns = try r.readArray { r throws(BinaryReader.Damaged) in
      let id = try r.readString()
      let type = try r.readString()
      let priority = try r.readInt()
      let instructions = try r.readArray { r throws(BinaryReader.Damaged) in try r.readInstruction() }
      let captures = try r.readArray { r throws(BinaryReader.Damaged) -> PatternProgram.CaptureRole in
        switch try r.readInt() {
        case 0: .mention
        case 1: .alias
        case 2: .attribute(try r.readString())
        default: throw BinaryReader.Damaged()
        }
      }
      return CompiledPattern(
        id: id, type: type, priority: priority,
        program: PatternProgram(instructions: instructions, captures: captures), rule: try r.readRule(),
        language: try r.readOptionalString())
    }
    tests = try r.readArray { r throws(BinaryReader.Damaged) in try r.readTest(depth: 0) }
    regexes = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
    skippedPacks = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
    digest = StableHash(value: try r.readUInt64())
    inputs = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
    let codes = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
    let words = try r.readArray { r throws(BinaryReader.Damaged) in try r.readRawString() }
    let weights = try r.readUInt32s()
    guard weights.count == words.count * codes.count, weights.allSatisfy({ $0 <= 255 }) else { throw BinaryReader.Damaged() }
    languages = LanguageProfiles(codes: codes, words: words, weights: weights.map { UInt8($0) })
    if parallel { aliasBlock.done.wait() }
    guard let decoded = aliasBlock.aliases else { throw BinaryReader.Damaged() }
    aliases = decoded
  }
}

extension CompiledAlias {
  /// An alias as the cache stored it.
  init(
    entity: Int32, text: String, mode: MatchMode, requiresCapital: Bool, keyStorage: [UInt32], storesFolded: Bool,
    storesExact: Bool, rule: RuleReference, priority: Int
  ) {
    self.init(
      entity: entity, text: text, mode: mode, requiresCapital: requiresCapital, loose: [], folded: [], exact: [],
      rule: rule, priority: priority)
    self.keyStorage = keyStorage
    self.storesFolded = storesFolded
    self.storesExact = storesExact
  }
}

extension BinaryWriter {
  fileprivate mutating func write(_ rule: RuleReference) {
    write(rule.file)
    write(rule.line)
    write(rule.anchor)
  }

  fileprivate mutating func write(_ mode: MatchMode) {
    switch mode {
    case .exact: write(0)
    case .folded: write(1)
    case .loose: write(2)
    }
  }

  fileprivate mutating func write(_ instruction: PatternProgram.Instruction) {
    switch instruction {
    case .test(let t):
      write(0)
      write(t)
    case .list(let l):
      write(1)
      write(l)
    case .entity(let type):
      write(2)
      write(type)
    case .split(let a, let b):
      write(3)
      write(a)
      write(b)
    case .jump(let a):
      write(4)
      write(a)
    case .open(let c):
      write(5)
      write(c)
    case .close(let c):
      write(6)
      write(c)
    case .accept:
      write(7)
    }
  }

  fileprivate mutating func write(_ test: CompiledTokenTest) {
    switch test {
    case .key(let mode, let id):
      write(0)
      write(mode)
      write(id)
    case .inList(let l):
      write(1)
      write(l)
    case .shape(let shape):
      write(2)
      write(shape.rawValue)
    case .script(let code):
      write(3)
      write(UInt64(code))
    case .regex(let r):
      write(4)
      write(r)
    case .any:
      write(5)
    case .not(let inner):
      write(6)
      write(inner)
    case .all(let parts):
      write(7)
      write(parts) { w, p in w.write(p) }
    }
  }
}

extension BinaryReader {
  fileprivate mutating func readRule() throws(Damaged) -> RuleReference {
    let file = try readString()
    let line = try readInt()
    return RuleReference(file: file, line: line, anchor: try readOptionalString())
  }

  fileprivate mutating func readMode() throws(Damaged) -> MatchMode {
    switch try readInt() {
    case 0: .exact
    case 1: .folded
    case 2: .loose
    default: throw Damaged()
    }
  }

  fileprivate mutating func readInstruction() throws(Damaged) -> PatternProgram.Instruction {
    switch try readInt() {
    case 0: .test(try readInt32())
    case 1: .list(try readInt32())
    case 2: .entity(try readString())
    case 3: .split(try readInt32(), try readInt32())
    case 4: .jump(try readInt32())
    case 5: .open(try readInt32())
    case 6: .close(try readInt32())
    case 7: .accept
    default: throw Damaged()
    }
  }

  fileprivate mutating func readTest(depth: Int) throws(Damaged) -> CompiledTokenTest {
    guard depth < 1_000 else { throw Damaged() }
    switch try readInt() {
    case 0: return .key(try readMode(), try readUInt32())
    case 1: return .inList(try readInt32())
    case 2:
      guard let shape = TokenShapeTest(rawValue: try readString()) else { throw Damaged() }
      return .shape(shape)
    case 3:
      guard let code = UInt8(exactly: try readUInt64()) else { throw Damaged() }
      return .script(code)
    case 4: return .regex(try readInt32())
    case 5: return .any
    case 6: return .not(try readTest(depth: depth + 1))
    case 7: return .all(try readArray { r throws(Damaged) in try r.readTest(depth: depth + 1) })
    default: throw Damaged()
    }
  }
}

/// The aliases' block of a rules cache, decoded on whichever thread calls ``decode()``.
private final class AliasBlock: @unchecked Sendable {
  let bytes: [UInt8]
  /// The aliases once decoded; nil before, or if the block is damaged.
  private(set) var aliases: [CompiledAlias]?
  /// Signalled when ``decode()`` is done.
  let done = DispatchSemaphore(value: 0)

  init(bytes: [UInt8]) { self.bytes = bytes }

  func decode() {
    defer { done.signal() }
    aliases = bytes.withUnsafeBytes { raw -> [CompiledAlias]? in
      var r = BinaryReader(raw)
      do throws(BinaryReader.Damaged) {
        let aliases = try r.readArray { r throws(BinaryReader.Damaged) in
          let entity = try r.readInt32()
          let text = try r.readRawString()
          let mode = try r.readMode()
          let requiresCapital = try r.readBool()
          let keys = try r.readUInt32s()
          let storesFolded = try r.readBool()
          let storesExact = try r.readBool()
          guard keys.count % (1 + (storesFolded ? 1 : 0) + (storesExact ? 1 : 0)) == 0 else { throw BinaryReader.Damaged() }
          return CompiledAlias(
            entity: entity, text: text, mode: mode, requiresCapital: requiresCapital, keyStorage: keys,
            storesFolded: storesFolded, storesExact: storesExact, rule: try r.readRule(), priority: try r.readInt())
        }
        return r.isAtEnd ? aliases : nil
      } catch {
        return nil
      }
    }
  }
}
