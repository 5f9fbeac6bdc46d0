/// One alias of a generated entity (the name itself is matched too and is not repeated here).
struct SyntheticAlias: Sendable {
  var text: String
  var lang: String?
}

/// A made-up entity: what a large gazetteer holds besides the repo's real names.
struct SyntheticEntity: Sendable {
  var id: String
  var type: String
  var script: Script
  var name: String
  var aliases: [SyntheticAlias]

  /// The name and the aliases, each a separate alias once compiled.
  var aliasCount: Int { 1 + aliases.count }
  /// Every text a document may write for this entity (the name first).
  var surfaceForms: [String] { [name] + aliases.map(\.text) }
}

/// Makes an endless, deterministic stream of distinct entities: people, organizations and
/// places, in Latin, Cyrillic, Greek and Han script, single- and multi-token, some with
/// acronyms, handles, transliterations and long forms as aliases.
struct EntityForge {
  private var random: SplitMix64
  private var counter = 0
  /// Every alias text issued so far, so no two entities share one (a real gazetteer has a
  /// few shared aliases; `quipu check` warns about each, which would only add noise here).
  private var taken: Set<String> = []

  init(random: SplitMix64) { self.random = random }

  /// Marks texts (the repo's real names) as already taken.
  mutating func reserve<S: Sequence>(_ texts: S) where S.Element == String {
    for text in texts { taken.insert(text.lowercased()) }
  }

  mutating func next() -> SyntheticEntity {
    while true {
      counter += 1
      let kind = random.weighted([0.5, 0.25, 0.25])
      let script = Script.allCases[random.weighted([0.62, 0.18, 0.05, 0.15])]
      var entity: SyntheticEntity
      switch kind {
      case 0: entity = person(script)
      case 1: entity = organization(script)
      default: entity = place(script)
      }
      // Claim the name; drop aliases already taken (and repeats within the entity).
      guard taken.insert(entity.name.lowercased()).inserted else { continue }
      entity.aliases = entity.aliases.filter { taken.insert($0.text.lowercased()).inserted }
      return entity
    }
  }

  // MARK: Kinds

  private mutating func person(_ script: Script) -> SyntheticEntity {
    let id = "person/g\(counter)"
    switch script {
    case .han:
      let (family, familyPinyin) = random.pick(Syllables.hanSurnames)
      var given = "", givenPinyin = ""
      for _ in 0..<random.int(in: 1...2) {
        let (c, p) = random.pick(Syllables.hanGiven)
        given += c
        givenPinyin += p
      }
      var aliases = [SyntheticAlias(text: "\(familyPinyin) \(capitalized(givenPinyin))", lang: "en")]
      if random.chance(0.3) { aliases.append(SyntheticAlias(text: "\(capitalized(givenPinyin)) \(familyPinyin)", lang: "en")) }
      return SyntheticEntity(id: id, type: "PERSON", script: .han, name: family + given, aliases: aliases)
    default:
      let given = word(script, syllables: random.int(in: 1...3), ending: givenEndings(script))
      let family = word(script, syllables: random.int(in: 1...3), ending: familyEndings(script))
      let name = "\(given) \(family)"
      var aliases: [SyntheticAlias] = []
      if random.chance(0.35) {
        let middle = word(script, syllables: random.int(in: 1...2), ending: givenEndings(script))
        let second = word(script, syllables: random.int(in: 2...3), ending: familyEndings(script))
        aliases.append(SyntheticAlias(text: "\(given) \(middle) \(family) \(second)", lang: lang(script)))
      }
      if random.chance(0.3) { aliases.append(SyntheticAlias(text: family, lang: nil)) }
      if script != .latin && random.chance(0.6) {
        aliases.append(SyntheticAlias(text: "\(romanized(given)) \(romanized(family))", lang: "en"))
      }
      if random.chance(0.15) {
        let handle = romanized(given).prefix(1).lowercased() + romanized(family).lowercased().filter(\.isLetter)
        aliases.append(SyntheticAlias(text: "@" + handle + (random.chance(0.5) ? "" : String(random.int(in: 1...99))), lang: nil))
      }
      return SyntheticEntity(id: id, type: "PERSON", script: script, name: name, aliases: aliases)
    }
  }

  private mutating func organization(_ script: Script) -> SyntheticEntity {
    let id = "org/g\(counter)"
    switch script {
    case .han:
      var core = "", pinyin = ""
      for _ in 0..<2 {
        let (c, p) = random.pick(Syllables.hanGiven)
        core += c
        pinyin += p
      }
      let (suffix, english) = random.pick(Syllables.hanOrgSuffixes)
      let aliases = [SyntheticAlias(text: "\(capitalized(pinyin)) \(english)", lang: "en")]
      return SyntheticEntity(id: id, type: "ORG", script: .han, name: core + suffix, aliases: aliases)
    default:
      var words: [String]
      let count = random.int(in: 1...2)
      let cores = (0..<count).map { _ in word(script, syllables: random.int(in: 2...3), ending: [""]) }
      if random.chance(0.5), let prefixes = Syllables.orgPrefixes[script] {
        words = [random.pick(prefixes)] + (random.chance(0.3) && script == .latin ? ["de"] : []) + cores
      } else {
        words = cores + [random.pick(Syllables.orgWords[script] ?? ["Group"])]
      }
      let name = words.joined(separator: " ")
      var aliases: [SyntheticAlias] = []
      if words.count >= 2 && random.chance(0.6) {
        // An acronym: the capitals of the significant words ("Banco Tarvelo Mendaz" → "BTM").
        let letters = words.filter { $0 != "de" }.compactMap(\.first).map { String($0).uppercased() }
        aliases.append(SyntheticAlias(text: letters.joined(), lang: nil))
      }
      if random.chance(0.25) {
        aliases.append(SyntheticAlias(text: cores.joined(separator: " "), lang: nil))
      }
      if script != .latin && random.chance(0.5) {
        aliases.append(SyntheticAlias(text: words.map(romanized).joined(separator: " "), lang: "en"))
      }
      return SyntheticEntity(id: id, type: "ORG", script: script, name: name, aliases: aliases)
    }
  }

  private mutating func place(_ script: Script) -> SyntheticEntity {
    let id = "place/g\(counter)"
    switch script {
    case .han:
      var core = "", pinyin = ""
      for _ in 0..<2 {
        let (c, p) = random.pick(Syllables.hanGiven)
        core += c
        pinyin += p
      }
      let (suffix, english) = random.pick(Syllables.hanPlaceSuffixes)
      let latin = capitalized(pinyin) + (english.isEmpty ? "" : " " + english)
      return SyntheticEntity(
        id: id, type: "PLACE", script: .han, name: core + suffix, aliases: [SyntheticAlias(text: latin, lang: "en")])
    default:
      var core = word(script, syllables: random.int(in: 2...3), ending: script == .cyrillic ? Syllables.cyrillicPlaceEndings : [""])
      if script == .latin && random.chance(0.3) { core += random.pick(["ia", "ville", "burgo", "polis", "ana", "ton"]) }
      var name = core
      if random.chance(0.3), let prefixes = Syllables.placePrefixes[script] { name = random.pick(prefixes) + " " + core }
      var aliases: [SyntheticAlias] = []
      if script != .latin && random.chance(0.6) {
        aliases.append(SyntheticAlias(text: name.split(separator: " ").map { romanized(String($0)) }.joined(separator: " "), lang: "en"))
      }
      if script == .latin && name == core && random.chance(0.2) {
        aliases.append(SyntheticAlias(text: random.pick(["Provincia de ", "Região de ", "Distrito de "]) + core, lang: random.pick(["es", "pt"])))
      }
      return SyntheticEntity(id: id, type: "PLACE", script: script, name: name, aliases: aliases)
    }
  }

  // MARK: Words

  private func givenEndings(_ script: Script) -> [String] {
    switch script {
    case .latin, .han: Syllables.latinGivenEndings
    case .cyrillic: Syllables.cyrillicGivenEndings
    case .greek: Syllables.greekGivenEndings
    }
  }

  private func familyEndings(_ script: Script) -> [String] {
    switch script {
    case .latin, .han: Syllables.latinFamilyEndings
    case .cyrillic: Syllables.cyrillicFamilyEndings
    case .greek: Syllables.greekFamilyEndings
    }
  }

  private func lang(_ script: Script) -> String? {
    switch script {
    case .latin: nil
    case .cyrillic: "ru"
    case .greek: "el"
    case .han: "zh"
    }
  }

  /// A capitalized word of `syllables` syllables in `script`, plus one of `ending`.
  mutating func word(_ script: Script, syllables: Int, ending: [String]) -> String {
    var text = ""
    for _ in 0..<syllables {
      switch script {
      case .latin, .han:
        text += random.pick(Syllables.latinOnsets)
        text += random.chance(0.12) ? random.pick(Syllables.latinAccented) : random.pick(Syllables.latinVowels)
        if random.chance(0.3) { text += random.pick(Syllables.latinCodas) }
      case .cyrillic:
        text += random.pick(Syllables.cyrillicOnsets) + random.pick(Syllables.cyrillicVowels)
      case .greek:
        text += random.pick(Syllables.greekOnsets) + random.pick(Syllables.greekVowels)
      }
    }
    text += random.pick(ending)
    return capitalized(text)
  }

  private func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// A rough romanization (a newsroom's, not ICU's: so it is a separate alias).
  func romanized(_ text: String) -> String {
    var out = ""
    for ch in text {
      let lower = Character(ch.lowercased())
      let latin = Self.romanization[lower] ?? String(lower)
      out += ch.isUppercase ? capitalized(latin) : latin
    }
    return out
  }

  static let romanization: [Character: String] = [
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y",
    "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ά": "a", "έ": "e", "ί": "i", "ό": "o", "ή": "i", "ύ": "y", "ώ": "o",
  ]
}
