import Foundation
import Normalization
import Yams

/// Reads one YAML rule file into ``RuleSource`` entries, collecting every problem with its
/// `path:line:column` instead of stopping at the first.
///
/// The keys it accepts (the `...Keys` lists below, which its "unknown key" errors quote):
/// - top level: `entities` (a list of entity maps), `types` (extra type names), `lists` (named
///   word lists), `define` (named pattern fragments), `patterns` (token patterns), `pack` (the
///   pack's name), `enabled`, `lang` (the language of the file's lists and patterns), `languages`
///   (language profiles: per language code, a map from frequent words to their Zipf frequency),
///   and the reference-layer keys `precedence`, `extend` (entries with `id`, `name`, `aliases`,
///   `drop_aliases`, `attributes`) and `geonames` (RuleFileParser+Layers.swift);
/// - entity: `id`, `type`, `name`, `aliases`, `attributes`, `context`, `prior`;
/// - alias: a string, or a map with `text`, `lang`, `match`, `lowercase`;
/// - list: a list of words, or a map with `words`, `lang`, `match`;
/// - pattern: `id`, `type`, `pattern`, `priority`, `lang`.
struct RuleFileParser {
  static let topLevelKeys =
    ["entities", "types", "lists", "define", "patterns", "pack", "enabled", "lang", "languages"] + layerKeys
  static let listKeys = ["words", "lang", "match"]
  static let patternKeys = ["id", "type", "pattern", "priority", "lang"]
  static let entityKeys = ["id", "type", "name", "aliases", "attributes", "context", "prior"]
  static let aliasKeys = ["text", "lang", "match", "lowercase"]
  /// Longest alias accepted, in characters: a longer one is surely a mistake (or an attack).
  static let maxAliasLength = 512

  let path: String
  var source: RuleSource
  /// The pack this file belongs to: its `pack:` value, else its path in the rules folder
  /// without extension (`packs/en`).
  var pack: String
  var enabled = true
  /// The file's `lang:`: the language of its lists and patterns that name none themselves.
  var language: String?
  /// The rule file itself, when it is one on disk: `geonames` files are relative to it.
  var fileURL: URL?
  /// The file's text, and its lines once a block-scalar pattern needs them.
  private var yaml = ""
  private var yamlLines: [Substring] = []

  init(path: String, pack: String, into source: RuleSource) {
    self.path = path
    self.pack = pack
    self.source = source
  }

  /// Deepest nesting of YAML collections accepted: rule files are shallow, and the YAML
  /// composer recurses once per level, so a pathological file must be refused before it.
  static let maxDepth = 64

  mutating func parse(_ yaml: String) {
    self.yaml = yaml
    if let problem = Self.nestingProblem(yaml) {
      source.diagnostics.append(.error(at: FileLocation(path: path, line: problem.line, column: problem.column), problem.message))
      return
    }
    let root: Node?
    do {
      // The basic resolver tags every scalar a string: this parser reads numbers, booleans and
      // nulls itself, and the default resolver's regular expressions (run again whenever Yams
      // hashes a key for its duplicate check) were a third of a million-alias load.
      root = try Yams.compose(yaml: yaml, .basic)
    } catch let error as YamlError {
      source.diagnostics.append(Self.diagnostic(for: error, path: path, yaml: yaml))
      return
    } catch {
      source.diagnostics.append(.error(at: location(nil), "cannot read YAML: \(error)"))
      return
    }
    guard let root, !Self.isNull(root) else { return }  // an empty file (or only comments, or `---`) is fine
    guard let mapping = root.mapping else {
      error(root, "a rule file must be a map with the keys \(Self.list(Self.topLevelKeys))")
      return
    }
    for (key, value) in mapping {
      switch key.string {
      case "entities":
        if Self.isNull(value) { continue }  // `entities:` with nothing under it yet
        guard let items = value.sequence else {
          error(value, "'entities' must be a list of entities")
          continue
        }
        for item in items { parseEntity(item) }
      case "types":
        guard let items = value.sequence else {
          error(value, "'types' must be a list of type names")
          continue
        }
        for item in items {
          guard let name = scalar(item), !name.isEmpty else {
            error(item, "a type name must be a string")
            continue
          }
          guard name.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) else {
            error(item, "type '\(name)' must be written in capitals, like PERSON")
            continue
          }
          source.declaredTypes.append((name, location(item)))
        }
      case "lists":
        guard let map = value.mapping else {
          error(value, "'lists' must be a map from list names to word lists")
          continue
        }
        for (name, list) in map { parseList(name, list) }
      case "define":
        if Self.isNull(value) { continue }
        guard let map = value.mapping else {
          error(value, "'define' must be a map from names to pattern fragments")
          continue
        }
        for (name, body) in map { parseDefinition(name, body) }
      case "patterns":
        if Self.isNull(value) { continue }
        guard let items = value.sequence else {
          error(value, "'patterns' must be a list of patterns")
          continue
        }
        for item in items { parsePattern(item) }
      case "pack":
        if let name = requiredString(value, "pack") { pack = name }
      case "lang":
        if let code = requiredString(value, "lang") {
          if Self.isLanguageCode(code) { language = code } else { error(value, Self.languageCodeMessage(code)) }
        }
      case "languages":
        parseLanguageProfiles(value)
      case "enabled":
        switch scalar(value)?.lowercased() {
        case "true", "yes": enabled = true
        case "false", "no": enabled = false
        default: error(value, "'enabled' must be true or false")
        }
      case let key? where Self.layerKeys.contains(key):
        parseLayerKey(key, value)  // RuleFileParser+Layers.swift
      default:
        unknownKey(key, expected: Self.topLevelKeys)
      }
    }
    // `pack:` may come after the lists and patterns it names.
    for i in source.lists.indices where source.lists[i].location.path == path { source.lists[i].pack = pack }
    for i in source.patterns.indices where source.patterns[i].location.path == path { source.patterns[i].pack = pack }
    // So may `lang:`; it is the default of the file's lists and patterns.
    if let language {
      for i in source.lists.indices where source.lists[i].location.path == path && source.lists[i].language == nil {
        source.lists[i].language = language
      }
      for i in source.patterns.indices where source.patterns[i].location.path == path && source.patterns[i].language == nil {
        source.patterns[i].language = language
      }
    }
  }

  /// A language code as rules write it: ISO 639-1 (or 639-3), lowercase letters.
  static func isLanguageCode(_ code: String) -> Bool {
    (2...3).contains(code.count) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
  }

  static func languageCodeMessage(_ code: String) -> String {
    "'\(code)' is not a language code (two or three lowercase letters, ISO 639: en, es, ru, zh …)"
  }

  /// `languages: {en: {the: 7.73, of: 7.40, …}, …}`: the words that identify each language.
  private mutating func parseLanguageProfiles(_ node: Node) {
    guard let map = node.mapping else {
      error(node, "'languages' must be a map from language codes to maps of words and their Zipf frequencies")
      return
    }
    for (codeNode, wordsNode) in map {
      guard let code = scalar(codeNode), Self.isLanguageCode(code) else {
        error(codeNode, Self.languageCodeMessage(scalar(codeNode) ?? "?"))
        continue
      }
      guard let words = wordsNode.mapping else {
        error(wordsNode, "language '\(code)' must be a map from words to their Zipf frequency (like `the: 7.73`)")
        continue
      }
      var profile = LanguageProfileRule(code: code, words: [], location: location(codeNode))
      for (wordNode, zipfNode) in words {
        guard let word = scalar(wordNode), !word.isEmpty else {
          error(wordNode, "a language profile word must be a non-empty string")
          continue
        }
        guard let raw = scalar(zipfNode), let zipf = Double(raw), zipf >= 0, zipf <= 9 else {
          error(zipfNode, "the frequency of '\(word)' must be a Zipf value from 0 to 9")
          continue
        }
        profile.words.append((word, zipf))
      }
      source.languageProfiles.append(profile)
    }
  }

  /// `name: [words…]` or `name: {words: […], lang: xx, match: mode}`.
  private mutating func parseList(_ nameNode: Node, _ node: Node) {
    guard let name = scalar(nameNode), Self.isListName(name) else {
      error(nameNode, "a list name is letters, digits, '.', '_' or '-' (like en.titles)")
      return
    }
    var list = WordListRule(name: name, entries: [], location: location(nameNode), pack: pack)
    var wordsNode: Node?
    if node.sequence != nil {
      wordsNode = node
    } else if let map = node.mapping {
      for (key, value) in map {
        switch key.string {
        case "words": wordsNode = value
        case "lang":
          if let code = requiredString(value, "lang") {
            if Self.isLanguageCode(code) { list.language = code } else { error(value, Self.languageCodeMessage(code)) }
          }
        case "match":
          if let mode = matchMode(value) { list.match = mode }
        default: unknownKey(key, expected: Self.listKeys)
        }
      }
    } else {
      error(node, "list '\(name)' must be a list of words, or a map with 'words'")
      return
    }
    guard let items = wordsNode?.sequence else {
      error(wordsNode ?? node, "list '\(name)' needs 'words': a list of words or phrases")
      return
    }
    for item in items {
      guard let word = scalar(item), !word.trimmingCharacters(in: .whitespaces).isEmpty else {
        error(item, "a list entry must be a non-empty string")
        continue
      }
      guard word.count <= Self.maxAliasLength else {
        error(item, "list entry is \(word.count) characters long (at most \(Self.maxAliasLength))")
        continue
      }
      list.entries.append(word)
      list.entryLocations.append(location(item))
    }
    source.lists.append(list)
  }

  private mutating func parsePattern(_ node: Node) {
    guard let mapping = node.mapping else {
      error(node, "a pattern must be a map with the keys \(Self.list(Self.patternKeys))")
      return
    }
    var id: String?
    var type: String?
    var text: String?
    var textNode: Node?
    var typeNode: Node?
    var priority = RuleSet.patternPriority
    var language: String?
    var seen: Set<String> = []
    for (key, value) in mapping {
      if let k = key.string { seen.insert(k) }
      switch key.string {
      case "id": id = validID(value)
      case "type":
        type = requiredString(value, "type")
        typeNode = value
      case "pattern":
        text = requiredString(value, "pattern")
        textNode = value
      case "priority":
        guard let raw = scalar(value), let number = Int(raw), abs(number) <= 1000 else {
          error(value, "'priority' must be a whole number from -1000 to 1000")
          continue
        }
        priority = number
      case "lang":
        if let code = requiredString(value, "lang") {
          if Self.isLanguageCode(code) { language = code } else { error(value, Self.languageCodeMessage(code)) }
        }
      default: unknownKey(key, expected: Self.patternKeys)
      }
    }
    for field in ["type", "pattern"] where !seen.contains(field) {
      error(node, "pattern is missing '\(field)'")
    }
    guard let type, let text, let textNode else { return }
    let (start, singleLine) = patternStart(textNode, text)
    let here = location(node)
    var rule = PatternRule(
      id: id ?? "\(here.path):\(here.line)", type: type, pattern: text, patternLocation: start,
      patternIsSingleLine: singleLine, priority: priority, language: language, location: here, pack: pack)
    rule.hasExplicitID = id != nil
    rule.typeLocation = typeNode.map { location($0) }
    rule.patternLines = blockLines(textNode, text)
    source.patterns.append(rule)
  }

  /// `name: fragment` under `define:`.
  private mutating func parseDefinition(_ nameNode: Node, _ node: Node) {
    guard let name = scalar(nameNode), Self.isListName(name), !name.hasSuffix(".") else {
      error(nameNode, "a definition name is letters, digits, '.', '_' or '-' (like name.word)")
      return
    }
    guard let text = requiredString(node, "define: \(name)") else { return }
    let (start, singleLine) = patternStart(node, text)
    var definition = PatternDefinition(
      name: name, pattern: text, patternLocation: start, patternIsSingleLine: singleLine,
      location: location(nameNode), pack: pack)
    definition.patternLines = blockLines(node, text)
    source.definitions.append(definition)
  }

  /// Where each line of a block scalar (`>-`, `|`) begins in the file, or [] when its text
  /// is not simply its lines joined by one character each (blank lines, escapes).
  private mutating func blockLines(_ node: Node, _ text: String) -> [PatternLine] {
    guard case .scalar(let s) = node, s.style == .literal || s.style == .folded, let mark = node.mark else { return [] }
    if yamlLines.isEmpty { yamlLines = yaml.split(separator: "\n", omittingEmptySubsequences: false) }
    let characters = Array(text)
    var lines: [PatternLine] = []
    var offset = 0
    var indent: Int?
    var lineNumber = mark.line + 1  // the text begins on the line after the indicator
    while offset < characters.count, lineNumber <= yamlLines.count {
      let line = yamlLines[lineNumber - 1]
      let spaces = line.prefix { $0 == " " }.count
      guard spaces < line.count else { return [] }  // a blank line folds differently
      if indent == nil { indent = spaces }
      guard let indent, spaces >= indent else { return [] }
      let content = Array(line.dropFirst(indent))
      guard offset + content.count <= characters.count, Array(characters[offset..<offset + content.count]) == content
      else { return [] }
      let start = FileLocation(path: path, line: lineNumber, column: indent + 1)
      lines.append(PatternLine(offset: offset, location: start))
      offset += content.count + 1
      lineNumber += 1
    }
    return offset >= characters.count ? lines : []
  }

  /// Where a pattern scalar's first character is, and whether its columns map one to one.
  private func patternStart(_ textNode: Node, _ text: String) -> (FileLocation, Bool) {
    var start = location(textNode)
    var singleLine = !text.contains("\n")
    if case .scalar(let s) = textNode {
      switch s.style {
      case .singleQuoted, .doubleQuoted:
        start.column += 1
        // Escapes shift columns; only plain and simple quoted text maps one to one.
        if text.contains("\\") || text.contains("'") { singleLine = false }
      case .literal, .folded: singleLine = false
      default: break
      }
    }
    return (start, singleLine)
  }

  /// Characters an entity or pattern id may not contain: output names a rule as `file#id`
  /// and review tools print ids, so no white space, control character, quote, `#`, angle
  /// bracket or backslash.
  static func idProblem(_ id: String) -> String? {
    guard let bad = id.unicodeScalars.first(where: {
      $0.properties.isWhitespace || $0.properties.generalCategory == .control || "\"#<>\\`".unicodeScalars.contains($0)
    }) else { return nil }
    let shown = bad.properties.isWhitespace || bad.properties.generalCategory == .control
      ? String(format: "U+%04X", bad.value) : "'\(Character(bad))'"
    return "id '\(id.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined())' contains \(shown): "
      + "an id is letters, digits and - _ . / : + (no spaces, quotes, #, < >)"
  }

  /// The `id` value, or nil with an error when it is missing, empty or not a valid id.
  private mutating func validID(_ value: Node) -> String? {
    guard let id = requiredString(value, "id") else { return nil }
    if let problem = Self.idProblem(id) {
      error(value, problem)
      return nil
    }
    return id
  }

  static func isListName(_ name: String) -> Bool {
    !name.isEmpty && name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
    }
  }

  private mutating func parseEntity(_ node: Node) {
    guard let mapping = node.mapping else {
      error(node, "an entity must be a map with the keys \(Self.list(Self.entityKeys))")
      return
    }
    var id: String?
    var type: String?
    var name: String?
    var nameNode: Node?
    var typeNode: Node?
    var aliases: [AliasRule] = []
    var attributes: [EntityRule.Attribute] = []
    var context: [String] = []
    var prior: Double = 0
    var seen: Set<String> = []
    for (key, value) in mapping {
      if let k = key.string { seen.insert(k) }
      switch key.string {
      case "id": id = validID(value)
      case "type":
        type = requiredString(value, "type")
        typeNode = value
      case "name":
        name = requiredString(value, "name")
        nameNode = value
      case "aliases":
        guard let items = value.sequence else {
          error(value, "'aliases' must be a list")
          continue
        }
        for item in items { if let alias = parseAlias(item) { aliases.append(alias) } }
      case "attributes":
        guard let map = value.mapping else {
          error(value, "'attributes' must be a map of keys to values")
          continue
        }
        for (k, v) in map {
          guard let ks = scalar(k), let vs = scalar(v) else {
            error(v, "attribute values must be plain strings or numbers")
            continue
          }
          attributes.append(.init(key: ks, value: vs))
        }
      case "context":
        guard let items = value.sequence else {
          error(value, "'context' must be a list of words")
          continue
        }
        for item in items {
          if let word = scalar(item), !word.isEmpty { context.append(word) } else { error(item, "a context entry must be a word") }
        }
      case "prior":
        guard let raw = scalar(value), let number = Double(raw), number.isFinite, abs(number) <= 100 else {
          error(value, "'prior' must be a number from -100 to 100")
          continue
        }
        prior = number
      default:
        unknownKey(key, expected: Self.entityKeys)
      }
    }
    for field in ["id", "type", "name"] where !seen.contains(field) {
      error(node, "entity is missing '\(field)'")
    }
    guard let id, let type, let name else { return }
    var entity = EntityRule(
      id: id, type: type, name: name, aliases: aliases,
      attributes: attributes.sorted { $0.key < $1.key }, location: location(node),
      nameLocation: location(nameNode))
    entity.context = context
    entity.prior = prior
    entity.typeLocation = typeNode.map { location($0) }
    source.entities.append(entity)
  }

  mutating func parseAlias(_ node: Node) -> AliasRule? {
    if let text = scalar(node) {
      return checkedAlias(AliasRule(text: text, location: location(node)), node)
    }
    guard let mapping = node.mapping else {
      error(node, "an alias must be a string or a map with the keys \(Self.list(Self.aliasKeys))")
      return nil
    }
    var alias = AliasRule(text: "", location: location(node))
    var hasText = false
    var textSeen = false
    for (key, value) in mapping {
      switch key.string {
      case "text":
        textSeen = true
        if let text = requiredString(value, "text") {
          alias.text = text
          alias.location = location(value)
          hasText = true
        }
      case "lang":
        alias.language = requiredString(value, "lang")
      case "match":
        if let mode = matchMode(value) { alias.match = mode }
      case "lowercase":
        switch scalar(value)?.lowercased() {
        case "true", "yes": alias.allowsLowercase = true
        case "false", "no": alias.allowsLowercase = false
        default: error(value, "'lowercase' must be true or false")
        }
      default:
        unknownKey(key, expected: Self.aliasKeys)
      }
    }
    guard hasText else {
      // A 'text' that is there but not a usable string was already reported.
      if !textSeen { error(node, "alias is missing 'text'") }
      return nil
    }
    return checkedAlias(alias, node)
  }

  private mutating func checkedAlias(_ alias: AliasRule, _ node: Node) -> AliasRule? {
    if alias.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      error(node, "alias is empty")
      return nil
    }
    if alias.text.count > Self.maxAliasLength {
      error(node, "alias is \(alias.text.count) characters long (at most \(Self.maxAliasLength))")
      return nil
    }
    return alias
  }

  // MARK: Helpers

  func scalar(_ node: Node) -> String? {
    if case .scalar(let s) = node { return s.string }
    return nil
  }

  private mutating func requiredString(_ node: Node, _ field: String) -> String? {
    guard let s = scalar(node) else {
      error(node, "'\(field)' must be a string")
      return nil
    }
    guard !s.trimmingCharacters(in: .whitespaces).isEmpty else {
      error(node, "'\(field)' is empty")
      return nil
    }
    return s
  }

  /// A `match:` value, or nil after reporting an unknown one.
  private mutating func matchMode(_ value: Node) -> MatchMode? {
    guard let raw = requiredString(value, "match") else { return nil }
    guard let mode = MatchMode(rawValue: raw) else {
      error(value, "unknown match mode '\(raw)' (expected \(Self.list(MatchMode.allCases.map(\.rawValue))))")
      return nil
    }
    return mode
  }

  private mutating func unknownKey(_ key: Node, expected: [String]) {
    error(key, "unknown key '\(key.string ?? "?")' (expected \(Self.list(expected)))")
  }

  private mutating func error(_ node: Node, _ message: String) {
    source.diagnostics.append(.error(at: location(node), message))
  }

  func location(_ node: Node?) -> FileLocation {
    FileLocation(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  /// A quick scan for nesting deeper than ``maxDepth``: flow brackets (`[[[[…`) and block
  /// indentation (each deeper indentation level opens a collection). Quotes and comments are
  /// skipped roughly; the scan only has to bound the composer's recursion, not parse YAML.
  static func nestingProblem(_ yaml: String) -> (line: Int, column: Int, message: String)? {
    var line = 1
    var column = 0
    var flow = 0
    var indents: [Int] = []
    var atLineStart = true
    var indent = 0
    var quote: Character?
    var comment = false
    for c in yaml {
      column += 1
      if c == "\n" {
        line += 1
        column = 0
        atLineStart = true
        indent = 0
        comment = false
        if quote == "'" { quote = nil }  // single-quoted scalars rarely span lines in rule files
        continue
      }
      if comment { continue }
      if atLineStart {
        if c == " " {
          indent += 1
          continue
        }
        atLineStart = false
        if c != "#" {
          while let last = indents.last, last >= indent { indents.removeLast() }
          indents.append(indent)
        }
      }
      if let q = quote {
        if c == q { quote = nil }
        continue
      }
      switch c {
      case "\"", "'": quote = c
      case "#": comment = true
      case "[", "{": flow += 1
      case "]", "}": flow = max(0, flow - 1)
      default: break
      }
      if flow + indents.count > maxDepth {
        return (line, column, "YAML nests deeper than \(maxDepth) levels; rule files never need that")
      }
    }
    return nil
  }

  /// An empty scalar or `~`/`null`: what YAML gives for a key with nothing after it.
  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let s) = node else { return false }
    return s.tag.description == "tag:yaml.org,2002:null" || (s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string))
  }

  static func list(_ keys: [String]) -> String { keys.map { "'\($0)'" }.joined(separator: ", ") }

  /// Where `key` is written a second time in the block map whose first key is at
  /// `mapLine`:`mapColumn` (1-based), or nil (a flow map, or not found).
  static func secondOccurrence(of key: String, mapLine: Int, mapColumn: Int, in yaml: String) -> (line: Int, column: Int)? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard mapLine >= 1, mapColumn >= 1, mapLine <= lines.count else { return nil }
    let forms = [key + ":", "\"\(key)\":", "'\(key)':"]
    var seen = 0
    for index in (mapLine - 1)..<lines.count {
      let line = Array(lines[index])
      if index > mapLine - 1 {
        let indentation = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indentation)
        if rest.isEmpty || rest.first == "#" { continue }
        if indentation < mapColumn - 1 { break }  // the map ended
        if indentation > mapColumn - 1 { continue }  // inside a value
      }
      guard line.count >= mapColumn else { continue }
      let text = String(line.dropFirst(mapColumn - 1))
      if forms.contains(where: { text.hasPrefix($0) }) {
        seen += 1
        if seen == 2 { return (index + 1, mapColumn) }
      }
    }
    return nil
  }

  static func diagnostic(for error: YamlError, path: String, yaml: String = "") -> Diagnostic {
    switch error {
    case .scanner(_, let problem, let mark, _)
    where problem.contains("cannot start any token") || problem.contains("tab character"):
      // libyaml's words for a tab where it expects indentation: say what to do instead.
      let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
      if mark.line >= 1, mark.line <= lines.count {
        let text = lines[mark.line - 1]
        let indentation = text.prefix { $0 == " " || $0 == "\t" }
        if let tab = indentation.firstIndex(of: "\t") {
          return .error(
            at: FileLocation(path: path, line: mark.line, column: text.distance(from: text.startIndex, to: tab) + 1),
            "a tab in indentation: YAML does not allow tabs there; indent with spaces")
        }
      }
      return .error(at: FileLocation(path: path, line: mark.line, column: mark.column), "YAML syntax: \(problem)")
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // Where the parser gave up is usually the place to edit, except when it ran into the end
      // of the file (an unclosed quote or bracket): then the construct's start is.
      let at = problem.contains("end of stream") ? (context?.mark ?? mark) : mark
      let detail = context.map { "\(problem) \($0.text) (detected at \(mark.line):\(mark.column))" } ?? problem
      return .error(at: FileLocation(path: path, line: at.line, column: at.column), "YAML syntax: \(detail)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      // libyaml marks the map; the place to edit is the key written the second time.
      let at =
        duplicates.first.flatMap { secondOccurrence(of: $0, mapLine: context.mark.line, mapColumn: context.mark.column, in: yaml) }
        ?? (context.mark.line, context.mark.column)
      return .error(at: FileLocation(path: path, line: at.line, column: at.column), "duplicate key \(list(duplicates)) in a map")
    case .reader(let problem, let offset, _, _):
      return .error(at: FileLocation(path: path, line: 1, column: 1), "YAML: \(problem) at byte \(offset ?? 0)")
    default:
      return .error(at: FileLocation(path: path, line: 1, column: 1), "YAML: \(error)")
    }
  }
}
