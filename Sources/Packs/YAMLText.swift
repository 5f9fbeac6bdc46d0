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
    if text.contains(": ") || text.contains(" #") || text.contains(",") || text.contains("[") || text.contains("]")
      || text.contains("{") || text.contains("}")
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

  /// A flow-style alias: `Perú`, or `{ text: Perú, lang: es }`.
  static func alias(_ text: String, lang: String?) -> String {
    guard let lang else { return scalar(text) }
    return "{ text: \(scalar(text)), lang: \(scalar(lang)) }"
  }
}
