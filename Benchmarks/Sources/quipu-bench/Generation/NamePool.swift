import Normalization
import Rules

/// Every entity a corpus may name, in gazetteer order: the repo's real entities first, then
/// the synthetic stream. A gazetteer of N aliases holds a prefix of this list, so the
/// 10k gazetteer is inside the 100k one, which is inside the 1M one.
struct NamePool {
  struct Entry {
    var type: String
    var script: Script
    /// Texts a document may write for the entity; the canonical name first.
    var forms: [String]
  }

  var entries: [Entry] = []
  /// `entries[bands[i]..<bands[i+1]]` is band i (real; first, second, third gazetteer
  /// increment; names in no gazetteer).
  var bands: [Int] = [0]

  mutating func append(_ entry: Entry) { entries.append(entry) }
  mutating func closeBand() { bands.append(entries.count) }

  /// The real entities of a compiled rule set, each with its compiled alias texts.
  static func realEntries(_ rules: RuleSet) -> [Entry] {
    var forms = Array(repeating: [String](), count: rules.entities.count)
    for alias in rules.aliases { forms[Int(alias.entity)].append(alias.text) }
    return rules.entities.enumerated().map { index, entity in
      let first = entity.name.unicodeScalars.first { $0.properties.isAlphabetic }
      let script: Script =
        switch first.map(scriptName(of:)) {
        case "Cyrl": .cyrillic
        case "Grek": .greek
        case "Hani": .han
        default: .latin
        }
      return Entry(type: entity.type, script: script, forms: forms[index].isEmpty ? [entity.name] : forms[index])
    }
  }
}
