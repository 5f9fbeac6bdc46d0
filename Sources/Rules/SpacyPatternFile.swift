import Foundation
import Normalization

/// Reads spaCy EntityRuler pattern files (`*.jsonl` in the rules folder), so spaCy users can
/// bring their rules as they are.
///
/// Each line is `{"label": …, "pattern": …, "id": …}`:
/// - a **phrase pattern** (`"pattern": "Apple Inc."`) becomes an alias of an entity: lines with
///   the same `id` (or, without one, the same label and text) are one entity, named by its first
///   phrase, with id `id` or `<label>/<slug>`;
/// - a **token pattern** (`"pattern": [{"LOWER": "president"}, {"IS_TITLE": true, "OP": "+"}]`)
///   becomes a Quipu pattern rule. Supported token keys: `ORTH`, `TEXT` (exact), `LOWER`
///   (case-folded), each with a string or `{"IN": […]}`; `IS_TITLE`, `IS_UPPER`, `IS_LOWER`,
///   `IS_ALPHA`, `IS_DIGIT`, `IS_PUNCT` (true or false); `SHAPE` ("Xxxx", "dd.dd"); and `OP`
///   (`?`, `*`, `+`, `1`). Anything else is an error naming the line.
///
/// Labels map to Quipu types: `PER` and `PERSON` → PERSON, `ORG` → ORG, `GPE`, `LOC` and `FAC`
/// → PLACE; other labels must be declared under `types` in a YAML rule file. Phrase patterns
/// match with Quipu's default mode (loose; short all-caps acronyms exact), not spaCy's ORTH.
struct SpacyPatternFile {
  static let keys: Set<String> = ["label", "pattern", "id"]
  static let tokenKeys: Set<String> = [
    "ORTH", "TEXT", "LOWER", "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "SHAPE", "OP",
  ]

  let path: String
  let pack: String

  func parse(_ text: String, into source: inout RuleSource) {
    var entities: [String: Int] = [:]  // entity key → index in source.entities
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      let at = FileLocation(path: path, line: index + 1, column: 1)
      if line.isEmpty { continue }
      guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
        source.diagnostics.append(.error(at: at, "not a JSON object: expected {\"label\": …, \"pattern\": …}"))
        continue
      }
      for key in object.keys.sorted() where !Self.keys.contains(key) {
        source.diagnostics.append(.error(at: at, "unknown key '\(key)' (expected 'label', 'pattern', 'id')"))
      }
      guard let label = object["label"] as? String, !label.isEmpty else {
        source.diagnostics.append(.error(at: at, "missing 'label'"))
        continue
      }
      let type = Self.type(for: label)
      let id = object["id"] as? String
      if let phrase = object["pattern"] as? String {
        guard !phrase.trimmingCharacters(in: .whitespaces).isEmpty else {
          source.diagnostics.append(.error(at: at, "empty 'pattern'"))
          continue
        }
        let key = id ?? "\(type)\u{0}\(phrase)"
        let alias = AliasRule(text: phrase, location: at)
        if let existing = entities[key] {
          source.entities[existing].aliases.append(alias)
        } else {
          entities[key] = source.entities.count
          source.entities.append(
            EntityRule(
              id: id ?? "\(label.lowercased())/\(Self.slug(phrase))", type: type, name: phrase, aliases: [],
              location: at, nameLocation: at))
        }
      } else if let tokens = object["pattern"] as? [Any] {
        do {
          let pattern = try Self.translate(tokens)
          var rule = PatternRule(
            id: id ?? "\(path):\(index + 1)", type: type, pattern: pattern, patternLocation: at,
            patternIsSingleLine: false, location: at, pack: pack)
          rule.hasExplicitID = id != nil
          source.patterns.append(rule)
        } catch {
          source.diagnostics.append(.error(at: at, error.message))
        }
      } else {
        source.diagnostics.append(.error(at: at, "'pattern' must be a string (phrase) or a list of token objects"))
      }
    }
  }

  static func type(for label: String) -> String {
    switch label {
    case "PER", "PERSON": "PERSON"
    case "GPE", "LOC", "FAC": "PLACE"
    default: label
    }
  }

  struct TranslationError: Error {
    var message: String
  }

  /// A spaCy token pattern in Quipu's pattern language.
  static func translate(_ tokens: [Any]) throws(TranslationError) -> String {
    guard !tokens.isEmpty else { throw TranslationError(message: "empty token pattern") }
    var parts: [String] = []
    for (n, item) in tokens.enumerated() {
      guard let spec = item as? [String: Any] else {
        throw TranslationError(message: "token \(n + 1) of the pattern is not an object")
      }
      var tests: [String] = []
      var quantifier = ""
      for key in spec.keys.sorted() {
        guard tokenKeys.contains(key) else {
          throw TranslationError(
            message: "token \(n + 1): unsupported key '\(key)' (supported: \(tokenKeys.sorted().joined(separator: ", ")))")
        }
        let value = spec[key]!
        switch key {
        case "OP":
          guard let op = value as? String, ["?", "*", "+", "1"].contains(op) else {
            throw TranslationError(
              message: "token \(n + 1): OP \(value) is not supported (use ?, *, + or 1; for '!' write a negated test such as {\"IS_PUNCT\": false})")
          }
          quantifier = op == "1" ? "" : op
        case "ORTH", "TEXT", "LOWER":
          let mode = key == "LOWER" ? "folded" : "exact"
          tests.append(try words(value, mode: mode, token: n + 1))
        case "SHAPE":
          guard let shape = value as? String else { throw TranslationError(message: "token \(n + 1): SHAPE must be a string") }
          tests.append("/\(shapeRegex(shape))/")
        default:
          guard let flag = value as? Bool else { throw TranslationError(message: "token \(n + 1): \(key) must be true or false") }
          let shape =
            switch key {
            case "IS_TITLE": "Title"
            case "IS_UPPER": "Upper"
            case "IS_LOWER": "Lower"
            case "IS_ALPHA": "Alpha"
            case "IS_DIGIT": "Num"
            default: "Punct"
            }
          tests.append(flag ? shape : "!\(shape)")
        }
      }
      if tests.count > 1, tests.contains(where: { $0.hasPrefix("(") }) {
        throw TranslationError(message: "token \(n + 1): an IN list cannot be combined with other keys on one token")
      }
      let test = tests.isEmpty ? "." : tests.count == 1 ? tests[0] : "[" + tests.joined(separator: " & ") + "]"
      parts.append((quantifier.isEmpty || test.hasPrefix("[") || !test.contains(" ") ? test : "(\(test))") + quantifier)
    }
    return parts.joined(separator: " ")
  }

  /// One word, or an alternation of words (`{"IN": […]}`), as a one-token test.
  private static func words(_ value: Any, mode: String, token: Int) throws(TranslationError) -> String {
    if let word = value as? String { return literal(word, mode: mode) }
    if let map = value as? [String: Any], map.count == 1, let list = map["IN"] as? [String], !list.isEmpty {
      // Inside [ ] a test is one token; an alternation of one-token literals stays one.
      return "(" + list.map { literal($0, mode: mode) }.joined(separator: " | ") + ")"
    }
    throw TranslationError(message: "token \(token): expected a string or {\"IN\": [strings]}")
  }

  private static func literal(_ word: String, mode: String) -> String {
    "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\":" + mode
  }

  /// spaCy's word shape ("Xxxx", "dd", "X.X.") as an ICU regex: X → uppercase, x → lowercase,
  /// d → digit, runs of four stand for four or more (spaCy truncates longer runs), other
  /// characters literally.
  static func shapeRegex(_ shape: String) -> String {
    var out = ""
    let chars = Array(shape)
    var i = 0
    while i < chars.count {
      var j = i
      while j < chars.count && chars[j] == chars[i] { j += 1 }
      let run = j - i
      let cls: String
      switch chars[i] {
      case "X": cls = "\\p{Lu}"
      case "x": cls = "\\p{Ll}"
      case "d": cls = "\\d"
      default: cls = NSRegularExpression.escapedPattern(for: String(chars[i])).replacingOccurrences(of: "/", with: "\\/")
      }
      out += cls + (run >= 4 ? "{4,}" : run == 1 ? "" : "{\(run)}")
      i = j
    }
    return out
  }

  static func slug(_ text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty && !out.hasSuffix("-") {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "_" : out
  }
}
