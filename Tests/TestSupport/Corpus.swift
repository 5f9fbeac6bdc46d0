/// A generated multilingual corpus with names that ``rules`` finds: listed entities in several
/// scripts, unlisted people found by patterns (spelled with and without accents in different
/// documents, with handles captured as attributes), nested folders, and the awkward files a
/// real folder has (empty, invalid UTF-8, UTF-16, hidden, names with spaces and non-ASCII).
///
/// The same `seed` always gives the same bytes.
public enum Corpus {
  public static let rules = """
    lists:
      title: [President, Presidente, Präsident, Président, Президент, Minister, Ministro, Ministre]
    patterns:
      - {id: person.title, type: PERSON, pattern: '@title <Cap{1,3}>'}
      - {id: person.handle, type: PERSON, pattern: '<Cap{2,3}> "(" <handle: /@\\w+/> ")"', priority: 1}
    entities:
      - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú, Pérou, Перу, 秘鲁], attributes: {iso3166: PE, wikidata: Q419}}
      - {id: country/bo, type: PLACE, name: Bolivia, aliases: [Bolivie, Боливия, 玻利维亚], attributes: {iso3166: BO}}
      - {id: place/lima, type: PLACE, name: Lima, aliases: [Лима, 利马], attributes: {country: PE}}
      - {id: place/cusco, type: PLACE, name: Cusco, aliases: [Cuzco, Куско], attributes: {country: PE}}
      - {id: org/un, type: ORG, name: United Nations, aliases: [Naciones Unidas, Nations Unies, ООН, 联合国, Vereinte Nationen]}
      - {id: org/cgtp, type: ORG, name: CGTP, aliases: [Confederación General de Trabajadores del Perú]}
      - {id: person/dina-boluarte, type: PERSON, name: Dina Boluarte, aliases: [Boluarte, Дина Болуарте], attributes: {country: PE}}
    """

  static let places = ["Peru", "Perú", "Pérou", "Перу", "Bolivia", "Bolivie", "Боливия", "Lima", "Лима", "Cusco", "Cuzco"]
  static let organizations = ["United Nations", "Naciones Unidas", "Nations Unies", "ООН", "Vereinte Nationen", "CGTP"]
  static let people = ["Aníbal Garzón", "Anibal Garzon", "Héctor Béjar", "Hector Bejar", "Marie Dupont", "Лариса Иванова"]
  static let handles = ["@agarzon", "@AnibalGarzon", "@hbejar", "@mdupont"]

  static let templates: [(language: String, sentences: [String])] = [
    ("en", ["President {person} met Dina Boluarte in {place}.", "The {org} said {place} would vote.",
            "{person} ({handle}) wrote about {place} and {place}.", "Minister {person} left {place} on Monday."]),
    ("es", ["El Presidente {person} visitó {place}.", "Boluarte habló con la {org} en {place}.",
            "La Confederación General de Trabajadores del Perú convocó una marcha en {place}.",
            "{person} ({handle}) escribió sobre {place}."]),
    ("fr", ["Le Président {person} a rencontré les Nations Unies à {place}.", "Ministre {person} est arrivé au Pérou."]),
    ("de", ["Präsident {person} reiste nach {place}.", "Die Vereinte Nationen tagten in {place}."]),
    ("ru", ["Президент {person} посетил {place}.", "Дина Болуарте выступила в ООН.", "Куско и Лима."]),
    ("zh", ["秘鲁和玻利维亚的代表在联合国会面。", "利马是秘鲁的首都。"]),
  ]

  /// Relative path → bytes.
  public static func generate(documents: Int = 48, seed: UInt64 = 9) -> [String: [UInt8]] {
    var random = SplitMix64(seed: seed)
    var files: [String: [UInt8]] = [:]
    for i in 0..<documents {
      let (language, sentences) = templates[i % templates.count]
      let folders = ["\(language)", "\(language)/\(2020 + i % 4)", "\(language)/\(2020 + i % 4)/\(["enero", "mars", "Ⅲ"][i % 3])"]
      let folder = folders[Int(random.next() % 3)]
      let name = i % 11 == 5 ? "nota \(i) — Perú.txt" : "doc\(i).txt"
      var text = ""
      for _ in 0..<(1 + Int(random.next() % 6)) {
        var sentence = sentences[Int(random.next() % UInt64(sentences.count))]
        for (slot, values) in [("{person}", people), ("{place}", places), ("{org}", organizations), ("{handle}", handles)] {
          while let range = sentence.range(of: slot) {
            sentence.replaceSubrange(range, with: values[Int(random.next() % UInt64(values.count))])
          }
        }
        text += sentence + (random.next() % 4 == 0 ? "\n\n" : " ")
      }
      files["\(folder)/\(name)"] = Array(text.utf8)
    }
    files["empty.txt"] = []
    files["broken/bad.txt"] = Array("Peru ".utf8) + [0xC3, 0x28]
    files[".hidden/skipped.txt"] = Array("President Hidden Person visited Peru.".utf8)
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in "President Aníbal Garzón visitó el Perú.".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    files["es/utf16.txt"] = utf16
    return files
  }
}

/// A small, fast, seedable generator (Steele, Lea, Flood 2014), so generated data is the same
/// on every machine.
public struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
