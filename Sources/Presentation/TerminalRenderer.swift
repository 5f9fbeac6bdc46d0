/// Prints a document with its mentions highlighted, then a legend of its entities.
///
/// With colour, each mention is written in its type's colour (bold ANSI) and the legend
/// names each entity's id; without (`NO_COLOR`, or output that is not a terminal), each
/// mention carries a plain marker instead:
///
/// ```
/// docs/a.txt: 2 mentions, 2 entities
///
/// [Boluarte]{PERSON person/dina-boluarte} visitó el [Perú]{PLACE country/pe}.
///
/// legend:
///   PERSON  person/dina-boluarte  Dina Boluarte  Boluarte
///   PLACE   country/pe            Peru           Perú
/// ```
///
/// Control characters of the document (an escape sequence could take over the terminal)
/// are shown as `�`, and `\r\n` or `\r` line ends as `\n`.
public struct TerminalRenderer: Sendable {
  public var palette: TypePalette
  public var usesColor: Bool

  public init(palette: TypePalette, usesColor: Bool) {
    self.palette = palette
    self.usesColor = usesColor
  }

  public func render(_ document: AnnotatedDocument) -> String {
    let legend = LegendEntry.entries(for: [document], palette: palette)
    var out = bold("\(safe(document.path)):") + " \(document.mentions.count) mentions, \(legend.count) entities\n\n"
    var body = ""
    for piece in document.pieces {
      switch piece {
      case .plain(let text): body += safe(text)
      case .mention(let m):
        body += usesColor ? colored(safe(m.text), m.type) : "[\(safe(m.text))]{\(safe(m.type)) \(safe(m.entityID))}"
      }
    }
    out += body
    if !body.hasSuffix("\n") { out += "\n" }
    guard !legend.isEmpty else { return out }
    out += "\n" + bold("legend:") + "\n"
    let typeWidth = legend.map { $0.type.count }.max() ?? 0
    let idWidth = legend.map { $0.entityID.count }.max() ?? 0
    let nameWidth = legend.map { $0.name.count }.max() ?? 0
    for entry in legend {
      let type = colored(safe(entry.type), entry.type) + pad(entry.type, typeWidth)
      out += "  \(type)  \(safe(entry.entityID))\(pad(entry.entityID, idWidth))  \(safe(entry.name))\(pad(entry.name, nameWidth))"
      out += "  \(safe(entry.formsDescription))\n"
    }
    return out
  }

  func colored(_ text: String, _ type: String) -> String {
    usesColor ? "\u{1B}[\(palette.ansiCode(of: type))m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String {
    usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count))
  }

  /// `text` with line ends as `\n`, other control characters (but tab) as U+FFFD, and
  /// bidirectional overrides written out (``TerminalText``).
  func safe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { Self.isControl($0) || TerminalText.isBidiControl($0) }) else { return text }
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      if scalar == "\n" && previousWasCR { continue }  // "\r\n": the "\r" already wrote "\n"
      if scalar == "\r" || scalar == "\n" {
        out.append("\n")
      } else if TerminalText.isBidiControl(scalar) {
        out.append(contentsOf: TerminalText.escaped(String(scalar)).unicodeScalars)
      } else {
        out.append(Self.isControl(scalar) ? "\u{FFFD}" : scalar)
      }
    }
    return String(out)
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
  }
}
