import Foundation
import FuzzSupport
import Normalization
import Rules

/// Pattern compiler and matcher: the input's first line is a pattern, the rest a text.
///
/// The pattern joins a fixed rule set (three entities, four word lists, an acronym pattern)
/// and is compiled as `PERSON`; when it compiles, the whole pipeline (recognizer with its
/// Pike VM, resolution, JSON lines) runs over the text, or over a sample text when the input
/// has none. Compilation errors are fine; crashes and hangs (libFuzzer's `-timeout`) are not.
enum PatternTarget {
  static let file = "rules/fuzz.yaml"

  static func location(_ line: Int, _ column: Int = 1) -> FileLocation {
    FileLocation(path: file, line: line, column: column)
  }

  /// Everything but the fuzzed pattern.
  static let base: RuleSource = {
    var source = RuleSource()
    source.files = [file]
    source.declaredTypes = [("EVENT", location(1))]
    func list(_ name: String, _ match: MatchMode, _ words: [String], line: Int) -> WordListRule {
      WordListRule(name: name, language: nil, match: match, entries: words, location: location(line), pack: "fuzz")
    }
    source.lists = packLists() + [
      list("title", .loose, ["President", "Prime Minister", "Minister", "presidenta", "ministre de l'Intérieur"], line: 2),
      list("head", .loose, ["Confederation", "Command", "Forces", "Confederación General", "Congreso"], line: 3),
      list("stop", .folded, ["The", "A", "El", "La", "L'", "'s"], line: 4),
      list("en.org-head", .exact, ["ONU", "CGTP", "U.S."], line: 5),
    ]
    func entity(_ id: String, _ type: String, _ name: String, _ aliases: [String], line: Int) -> EntityRule {
      EntityRule(
        id: id, type: type, name: name,
        aliases: aliases.enumerated().map { AliasRule(text: $1, location: location(line + 1 + $0)) },
        attributes: [.init(key: "country", value: "PE")], location: location(line), nameLocation: location(line))
    }
    source.entities = [
      entity("country/pe", "PLACE", "Peru", ["Perú", "Перу", "秘鲁"], line: 10),
      entity("region/pe-lim", "PLACE", "Lima", ["Lima Region"], line: 20),
      entity("org/cgtp", "ORG", "CGTP", ["Peruvian Workers Confederation"], line: 30),
      entity("person/dina-boluarte", "PERSON", "Dina Boluarte", ["Boluarte"], line: 40),
    ]
    source.patterns = [
      PatternRule(
        id: "fuzz.acronym", type: "ORG", pattern: #"<Cap+ @head> "(" <alias: Upper> ")""#,
        patternLocation: location(50, 14), location: location(50), pack: "fuzz")
    ]
    return source
  }()

  /// The word lists of the rule packs, so that patterns copied from them compile: their
  /// first entries only (phrases included), to keep compiling cheap. Read from `rules/` in the
  /// working directory (`Fuzz/run.sh` runs from the repository root), or `$QUIPU_FUZZ_RULES`.
  static func packLists() -> [WordListRule] {
    let directory = ProcessInfo.processInfo.environment["QUIPU_FUZZ_RULES"] ?? "rules"
    guard FileManager.default.fileExists(atPath: directory) else { return [] }
    var lists: [String: WordListRule] = [:]
    for var list in RuleLoader.load(directory: directory).lists where lists[list.name] == nil {
      let phrases = list.entries.filter { $0.contains(" ") || $0.contains("'") || $0.contains("’") }.prefix(3)
      list.entries = Array(list.entries.prefix(6)) + phrases
      list.location = location(6)
      lists[list.name] = list
    }
    return lists.values.sorted { $0.name < $1.name }
  }

  static func run(_ bytes: [UInt8]) {
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let pattern = String(decoding: bytes[..<newline], as: UTF8.self)
    let text = newline < bytes.count ? String(decoding: bytes[(newline + 1)...], as: UTF8.self) : sampleText
    var source = base
    source.patterns.append(
      PatternRule(
        id: "fuzz.pattern", type: "PERSON", pattern: pattern, patternLocation: location(60, 14),
        location: location(60), pack: "fuzz"))
    let rules: RuleSet
    do {
      rules = try RuleSet.compile(source)
    } catch {
      trace("\(error.errorCount) errors, first: \(error.diagnostics.first { $0.severity == .error }.map(String.init(describing:)) ?? "none")")
      require(error.errorCount > 0, "compilation failed without an error")
      for d in error.diagnostics {
        // Every problem is in the fuzzed pattern (line 60), at a column inside it or just after.
        require(d.location.path == file && d.location.line == 60, "error outside the fuzzed pattern: \(d)")
        require(d.location.column >= 14 && d.location.column <= 14 + pattern.count + 1, "error column \(d)")
      }
      return
    }
    checkExtraction(extract(text, rules: rules))
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPatterns(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  PatternTarget.run(bytes(data, size))
  return 0
}
