import Foundation
import Yams

/// Reads one YAML rule file into ``RuleSource`` entries, collecting every problem with its
/// `path:line:column` instead of stopping at the first.
///
/// Top-level keys: `entities` (a list of entity maps) and `types` (extra type names).
/// Entity keys: `id`, `type`, `name`, `aliases`, `attributes`.
/// Alias: a string, or a map with `text`, `lang`, `match`, `lowercase`.
struct RuleFileParser {
  static let topLevelKeys = ["entities", "types"] + layerKeys
  static let entityKeys = ["id", "type", "name", "aliases", "attributes"]
  static let aliasKeys = ["text", "lang", "match", "lowercase"]
  /// Longest alias accepted, in characters: a longer one is surely a mistake (or an attack).
  static let maxAliasLength = 512

  let path: String
  var source: RuleSource
  /// The rule file itself, when it is one on disk: `geonames` files are relative to it.
  var fileURL: URL?

  init(path: String, into source: RuleSource) {
    self.path = path
    self.source = source
  }

  mutating func parse(_ yaml: String) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      source.diagnostics.append(Self.diagnostic(for: error, path: path))
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
      case let key? where Self.layerKeys.contains(key):
        parseLayerKey(key, value)  // RuleFileParser+Layers.swift
      default:
        unknownKey(key, expected: Self.topLevelKeys)
      }
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
    var aliases: [AliasRule] = []
    var attributes: [EntityRule.Attribute] = []
    var seen: Set<String> = []
    for (key, value) in mapping {
      if let k = key.string { seen.insert(k) }
      switch key.string {
      case "id": id = requiredString(value, "id")
      case "type": type = requiredString(value, "type")
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
      default:
        unknownKey(key, expected: Self.entityKeys)
      }
    }
    for field in ["id", "type", "name"] where !seen.contains(field) {
      error(node, "entity is missing '\(field)'")
    }
    guard let id, let type, let name else { return }
    source.entities.append(
      EntityRule(
        id: id, type: type, name: name, aliases: aliases,
        attributes: attributes.sorted { $0.key < $1.key }, location: location(node),
        nameLocation: location(nameNode)))
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
        guard let raw = requiredString(value, "match") else { continue }
        guard let mode = MatchMode(rawValue: raw) else {
          error(value, "unknown match mode '\(raw)' (expected \(Self.list(MatchMode.allCases.map(\.rawValue))))")
          continue
        }
        alias.match = mode
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

  private func scalar(_ node: Node) -> String? {
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

  private mutating func unknownKey(_ key: Node, expected: [String]) {
    error(key, "unknown key '\(key.string ?? "?")' (expected \(Self.list(expected)))")
  }

  private mutating func error(_ node: Node, _ message: String) {
    source.diagnostics.append(.error(at: location(node), message))
  }

  func location(_ node: Node?) -> FileLocation {
    FileLocation(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  /// An empty scalar or `~`/`null`: what YAML gives for a key with nothing after it.
  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let s) = node else { return false }
    return s.tag.description == "tag:yaml.org,2002:null" || (s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string))
  }

  static func list(_ keys: [String]) -> String { keys.map { "'\($0)'" }.joined(separator: ", ") }

  static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // Where the parser gave up is usually the place to edit, except when it ran into the end
      // of the file (an unclosed quote or bracket): then the construct's start is.
      let at = problem.contains("end of stream") ? (context?.mark ?? mark) : mark
      let detail = context.map { "\(problem) \($0.text) (detected at \(mark.line):\(mark.column))" } ?? problem
      return .error(at: FileLocation(path: path, line: at.line, column: at.column), "YAML syntax: \(detail)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .error(
        at: FileLocation(path: path, line: context.mark.line, column: context.mark.column),
        "duplicate key \(list(duplicates)) in a map")
    case .reader(let problem, let offset, _, _):
      return .error(at: FileLocation(path: path, line: 1, column: 1), "YAML: \(problem) at byte \(offset ?? 0)")
    default:
      return .error(at: FileLocation(path: path, line: 1, column: 1), "YAML: \(error)")
    }
  }
}
