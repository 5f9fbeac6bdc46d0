/// Writing YAML by hand, so that generated packs have one entry a line, in a fixed order.
enum YAMLText {
  /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
  static func scalar(_ text: String) -> String {
    isPlainSafe(text) ? text : quoted(text)
  }

  /// A double-quoted YAML scalar (JSON-style escapes, which YAML accepts).
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format
          || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += scalar.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static let reserved: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
  ]

  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    if reserved.contains(text.lowercased()) { return false }
    if first == " " || last == " " || last == ":" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    // Quote marks inside are legal in a plain scalar, but simple YAML scanners (such as the
    // nesting guard that reads rule files before Yams does) take them for a quoted string.
    if text.contains(": ") || text.contains(" #") || text.contains(",") || text.contains("[") || text.contains("]")
      || text.contains("{") || text.contains("}") || text.contains("'") || text.contains("\"")
    {
      return false
    }
    if first.properties.numericType != nil || first == "." || first == "+" { return false }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x20 || v == 0x7F || v == 0x85 || v == 0xA0 || v == 0x2028 || v == 0x2029 || v == 0xFEFF { return false }
      if scalar.properties.generalCategory == .format || scalar.properties.isWhitespace && scalar != " " { return false }
    }
    return true
  }

  /// A flow-style alias: `Perú`, `{ text: Perú, lang: es }`, `{ text: Перу, lang: ru, match: folded }`.
  ///
  /// A name in a script other than Latin matches `folded` (in its own script only): its
  /// transliteration is often an unrelated Latin word (see `Script.isLatin` in Rules).
  /// A one-word Latin name of at most 3 letters matches `exact` (see ``NameForms``).
  static func alias(_ text: String, lang: String?) -> String {
    let match = !isLatin(text) ? "folded" : NameForms.isShortWord(text) ? "exact" : nil
    guard lang != nil || match != nil else { return scalar(text) }
    var fields = ["text: \(scalar(text))"]
    if let lang { fields.append("lang: \(scalar(lang))") }
    if let match { fields.append("match: \(match)") }
    return "{ " + fields.joined(separator: ", ") + " }"
  }

  /// Same test as `Script.isLatin` in the Rules module (which Packs does not depend on).
  static func isLatin(_ text: String) -> Bool {
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      guard scalar.properties.isAlphabetic else { continue }
      switch scalar.value {
      case 0x00C0...0x02AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF5A: continue
      case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF: continue
      default: return false
      }
    }
    return true
  }
}

/// One generated entity of a pack (countries, regions, continents), as ``YAMLText/entities(_:)``
/// writes it: id, type PLACE, name, aliases (each with its languages), the names dropped and
/// why (as comments, so a reviewer sees them in the diff), attributes.
struct PackEntity {
  var id: String
  var name: String
  /// Alias text and the languages that use it, sorted; one language makes a `lang:` alias, more
  /// are listed in a comment.
  var aliases: [(text: String, languages: [String])]
  var dropped: [(text: String, reason: String)] = []
  /// Attribute keys and their values, already written as YAML.
  var attributes: [(key: String, value: String)]
}

extension YAMLText {
  /// The `entities:` items of a pack, one entry a line.
  static func entities(_ entities: [PackEntity]) -> String {
    var out = ""
    for entity in entities {
      out += "  - id: \(entity.id)\n"
      out += "    type: PLACE\n"
      out += "    name: \(scalar(entity.name))\n"
      if !entity.aliases.isEmpty {
        out += "    aliases:\n"
        for alias in entity.aliases {
          let lang = alias.languages.count == 1 ? alias.languages[0] : nil
          out += "      - \(Self.alias(alias.text, lang: lang))"
          if lang == nil, !alias.languages.isEmpty { out += "  # \(languageList(alias.languages))" }
          out += "\n"
        }
      }
      for drop in entity.dropped {
        out += "    # dropped: \(scalar(drop.text)) (\(drop.reason))\n"
      }
      out += "    attributes:\n"
      for (key, value) in entity.attributes { out += "      \(key): \(value)\n" }
    }
    return out
  }

  /// `de en es fr`, or the first 12 and `+N`.
  static func languageList(_ languages: [String]) -> String {
    languages.count <= 12 ? languages.joined(separator: " ")
      : languages.prefix(12).joined(separator: " ") + " +\(languages.count - 12)"
  }
}
