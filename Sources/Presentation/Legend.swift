/// The colour of each entity type, the same in the terminal and in HTML.
///
/// Types take colours in the rule set's order (`PERSON`, `ORG`, `PLACE`, then declared
/// types), so a type keeps its colour from one page to the next.
public struct TypePalette: Sendable {
  public var types: [String]

  public init(types: [String]) { self.types = types }

  /// The type's colour slot; types the palette does not list come after the listed ones.
  public func slot(of type: String) -> Int {
    types.firstIndex(of: type) ?? types.count
  }

  /// Bold ANSI foreground colours: magenta, cyan, green, yellow, blue, red, then bright ones.
  static let ansi = ["1;35", "1;36", "1;32", "1;33", "1;34", "1;31", "1;95", "1;96", "1;92", "1;93"]

  /// CSS (background, accent) pairs: pink, blue, green, yellow, violet, red, teal, orange.
  static let css = [
    ("#fde2ef", "#c2255c"), ("#dbeafe", "#1864ab"), ("#d3f9d8", "#2b8a3e"), ("#fff3bf", "#e67700"),
    ("#e5dbff", "#5f3dc4"), ("#ffe3e3", "#c92a2a"), ("#c5f6fa", "#0b7285"), ("#ffe8cc", "#d9480f"),
  ]

  func ansiCode(of type: String) -> String { Self.ansi[slot(of: type) % Self.ansi.count] }
  func cssColors(ofSlot slot: Int) -> (background: String, accent: String) { Self.css[slot % Self.css.count] }
}

/// One row of a legend: an entity, its mentions and the forms they took.
struct LegendEntry: Hashable {
  var entityID: String
  var type: String
  var name: String
  var mentions: Int
  /// Distinct surface forms, in order of first appearance, with how often each occurs.
  var forms: [Form]

  struct Form: Hashable {
    var text: String
    var count: Int
  }

  /// `Boluarte ×3, Dina Boluarte`
  var formsDescription: String {
    forms.map { $0.count > 1 ? "\($0.text) ×\($0.count)" : $0.text }.joined(separator: ", ")
  }

  /// The entities mentioned in `documents`, ordered by type (palette order), then id.
  static func entries(for documents: [AnnotatedDocument], palette: TypePalette) -> [LegendEntry] {
    var entries: [String: LegendEntry] = [:]
    for mention in documents.flatMap(\.mentions) {
      var entry =
        entries[mention.entityID]
        ?? LegendEntry(entityID: mention.entityID, type: mention.type, name: mention.name, mentions: 0, forms: [])
      entry.mentions += 1
      if let index = entry.forms.firstIndex(where: { $0.text == mention.text }) {
        entry.forms[index].count += 1
      } else {
        entry.forms.append(Form(text: mention.text, count: 1))
      }
      entries[mention.entityID] = entry
    }
    return entries.values.sorted {
      let (a, b) = (palette.slot(of: $0.type), palette.slot(of: $1.type))
      if a != b { return a < b }
      if $0.type != $1.type { return $0.type.utf8.lexicographicallyPrecedes($1.type.utf8) }
      return $0.entityID.utf8.lexicographicallyPrecedes($1.entityID.utf8)
    }
  }
}
