import Normalization
import Recognition
import Rules

/// The words around place mentions that say whether a name shared by a region and a city
/// means the region or the city (see ``Disambiguator``), for the mentions with several
/// candidates:
/// - a regional word just before the name, connectors skipped ("región de Lima", "the
///   department of Cusco", "Provinz", "области"), or just after it ("Arequipa州", "Lima
///   Region", "Arequipa, the southern state");
/// - a list of places in which first-level regions outnumber cities ("Lima, Callao, Loreto y
///   Ucayali"; "Apurímac (19 casos) y Cusco"): every name of the list is regional, and a
///   regional word before the list ("the regions of Lima, Callao …") counts for all of it;
/// - a city word before or after the name ("la ciudad de Lima", "Lima (capital)", "嘉義市").
/// Words are compared by their loose keys (lowercase, no accents, transliterated; Han kept).
struct PlaceCues {
  struct Found {
    var region: String?
    var city: String?
  }

  /// First token of a mention → its cues.
  private(set) var found: [Int32: Found] = [:]
  /// Countries (ISO codes) whose first-level regions the document speaks of as regions: in a
  /// list of regions or next to a regional word. A bare name shared by such a region and its
  /// city leans to the region there (see ``Disambiguator``).
  private(set) var regionalCountries: Set<String> = []

  /// Words that name a first-level region, in the languages of the packs (loose keys).
  static let regionWords: Set<String> = [
    "region", "regions", "regional", "regiones", "regione", "regioni", "regiao", "regioes", "regionen",
    "department", "departments", "departamento", "departamentos", "departement", "departements", "dipartimento",
    "province", "provinces", "provincia", "provincias", "provincie", "provinz", "provincial",
    "state", "states", "estado", "estados", "stato", "stati", "etat", "etats", "staat", "staates", "bundesstaat",
    "bundesland", "bundeslander", "land", "lander",
    "prefecture", "prefectures", "prefectura", "prefettura", "prefektur", "governorate", "governorates",
    "gouvernorat", "county", "oblast", "voivodeship", "canton", "kanton", "comunidad", "communaute", "comunidade",
    // Russian (ISO 9 loose keys): регион(а/е/ах), область/области, край, штат, провинция, департамент
    "regiona", "regiony", "regionah", "oblast'", "oblasti", "kraj", "kraa", "krae", "stat", "stata", "state",
    "provincii", "departament", "departamenta",
    // Greek: περιφέρεια, νομός, πολιτεία (a US state); Arabic: محافظة, ولاية, منطقة, إقليم
    "periphereia", "periphereias", "nomos", "nomou", "politeia", "politeias", "mhafzt", "wlayt", "mntqt", "aqlym",
    "州", "省", "县", "縣", "県", "地区", "地域", "地方", "大区", "邦", "道", "府",
  ]

  /// Words that name a city (loose keys).
  static let cityWords: Set<String> = [
    "city", "capital", "ciudad", "ville", "capitale", "citta", "cidade", "stadt", "hauptstadt",
    "gorod", "goroda", "gorode", "stolica", "stolice", "stolicy", "pole", "poles", "proteuousa", "mdynt", "ʿasmt",
    "市", "首都", "都", "城",
  ]

  /// Words skipped between a cue and the name: prepositions and articles (Greek της is "tes").
  static let connectors: Set<String> = [
    "of", "the", "de", "del", "di", "della", "du", "des", "d", "la", "el", "le", "l", "da", "do", "dos", "das", "der",
    "von", "im", "in", "en", "a", "to", "tis", "tes", "tou", "ton", "i", "al", "fy",
  ]

  init(document: Document, lexicon: Lexicon, rules: RuleSet, mentions: [Mention]) {
    let tokens = document.tokens
    func key(_ t: Int) -> String { lexicon.string(tokens[t].keys.loose) }
    func isSeparator(_ t: Int) -> Bool {
      let k = key(t)
      return [",", "、", ";", "/", "，", "and", "y", "e", "et", "und", "i", "kai", "w", "wa", "ve", "og"]
        .contains(k)
    }
    // A cue word next to the mention `m`, before (connectors skipped) or after.
    func cue(_ m: Mention, in words: Set<String>) -> String? {
      let sentence = tokens[Int(m.firstToken)].sentence
      var t = Int(m.firstToken) - 1
      var skipped = 0
      while t >= 0, tokens[t].sentence == sentence, skipped <= 2 {
        let k = key(t)
        if words.contains(k) { return k }
        guard Self.connectors.contains(k) else { break }
        t -= 1
        skipped += 1
      }
      // After: the next word, or ", the [adjective] word".
      var after = Int(m.endToken)
      var seen = 0
      while after < tokens.count, tokens[after].sentence == sentence, seen < 4 {
        let k = key(after)
        if words.contains(k) { return k }
        if seen == 0 && k != "," && k != "(" { break }
        if tokens[after].shape.contains(.initialUpper) { break }
        after += 1
        seen += 1
      }
      return nil
    }

    let places = mentions.filter { $0.type == "PLACE" }.sorted { $0.firstToken < $1.firstToken }
    // Lists: runs of place mentions joined by separators within a sentence.
    var lists: [[Int]] = []
    var open = -1  // the list a next name may join
    for (i, m) in places.enumerated() {
      if open >= 0, let last = lists[open].last {
        if Self.joined(places[last], m, tokens: tokens, key: key, isSeparator: isSeparator) {
          lists[open].append(i)
          continue
        }
        // A place inside a parenthetical after a list member ("Moquegua (pobladores de
        // Pachas …) y Piura") is a list of its own and leaves that list open.
        var depth = 0
        for t in Int(places[last].endToken)..<Int(m.firstToken) {
          switch key(t) {
          case "(", "（": depth += 1
          case ")", "）": depth = max(0, depth - 1)
          default: break
          }
        }
        if depth > 0 && Int(m.firstToken) - Int(places[last].endToken) <= 40 {
          lists.append([i])
          continue
        }
      }
      lists.append([i])
      open = lists.count - 1
    }
    for list in lists {
      var regions = 0
      var cities = 0
      var listCue: String?
      for i in list {
        let m = places[i]
        if m.entity >= 0 && m.candidates.isEmpty {
          switch Disambiguator.kind(of: rules.entities[Int(m.entity)]) {
          case .region: regions += 1
          case .city: cities += 1
          default: break
          }
        }
        if listCue == nil, list.count >= 2 { listCue = cue(m, in: Self.regionWords) }
      }
      let isRegionList = list.count >= 2 && regions > cities
      func regionCountries(_ m: Mention) -> [String] {
        (m.candidates.isEmpty ? [m.entity] : m.candidates).filter { $0 >= 0 }.map { rules.entities[Int($0)] }
          .filter { Disambiguator.kind(of: $0) == .region }.compactMap { $0.attribute("country") }
      }
      if isRegionList || listCue != nil {
        for i in list { regionalCountries.formUnion(regionCountries(places[i])) }
      }
      for i in list where places[i].candidates.count > 1 {
        let m = places[i]
        var f = Found()
        f.region = cue(m, in: Self.regionWords) ?? (list.count >= 2 ? listCue : nil) ?? (isRegionList ? "a list of regions" : nil)
        f.city = cue(m, in: Self.cityWords)
        if f.region != nil || f.city != nil { found[m.firstToken] = f }
        if f.region != nil && f.city == nil { regionalCountries.formUnion(regionCountries(m)) }
      }
    }
  }

  /// `b` follows `a` in a list: same sentence, with a separator between and at most 6 other
  /// tokens, none of them capitalized; a parenthetical after a name is skipped whole ("Cusco
  /// (huelga de docentes), Moquegua").
  static func joined(_ a: Mention, _ b: Mention, tokens: [Token], key: (Int) -> String, isSeparator: (Int) -> Bool) -> Bool {
    let gap = Int(a.endToken)..<Int(b.firstToken)
    guard gap.count >= 1, gap.count <= 60, tokens[Int(a.firstToken)].sentence == tokens[Int(b.firstToken)].sentence
    else { return false }
    var separator = false
    var depth = 0
    var counted = 0
    for t in gap {
      switch key(t) {
      case "(", "（": depth += 1; continue
      case ")", "）": depth = max(0, depth - 1); continue
      default: break
      }
      if depth > 0 { continue }
      if isSeparator(t) {
        separator = true
        continue
      }
      counted += 1
      if counted > 6 || tokens[t].shape.contains(.initialUpper) { return false }
    }
    return separator && depth == 0
  }
}
