import Foundation

/// Writes a multilingual, news-like corpus: documents of 2–20 KB in English, Spanish,
/// Portuguese, Russian and Chinese, naming entities of the ``NamePool`` at a few percent of
/// tokens, with the noise of scraped text: URLs, hashtags, @handles, emoji, pasted tweets,
/// no-break and zero-width spaces, CRLF line ends, a byte-order mark now and then, and
/// paragraphs in a second language.
struct CorpusWriter {
  /// How often each band of the pool is drawn: real entities; in all gazetteers; in 100k
  /// and 1M; in 1M only; in none.
  static let bandWeights = [0.2, 0.3, 0.2, 0.22, 0.08]
  /// Share of sentences that name nobody; it sets the name density (a few percent of tokens).
  static let plainShare = 0.8
  static let languageWeights: [(Language, Double)] = [(.en, 0.3), (.es, 0.2), (.pt, 0.15), (.ru, 0.17), (.zh, 0.18)]
  static let emoji = ["😂", "🔥", "👍🏽", "🇵🇪", "🇧🇷", "❤️", "👨‍👩‍👧", "🙏", "😡", "✊🏾", "📢", "⚠️", "🎉", "😢", "👀", "🤝"]
  static let sites = [
    "www.diario-austral.com", "noticias.ejemplo-sur.pe", "www.folha-do-vale.com.br", "news.harbourtimes.co.uk",
    "www.vesti-region.ru", "m.xinwen-ribao.cn", "www.thepolicyledger.org", "t.co",
  ]

  let pool: NamePool
  var random: SplitMix64
  /// Lowercase made-up words per language, drawn with a skew: the long tail of a vocabulary.
  var tailWords: [Language: [String]] = [:]
  /// Rough word counts (runs of non-space, a Han run counted as one word per two ideographs):
  /// of names inserted, and of all text, to report the name density.
  private(set) var nameWords = 0
  private(set) var allWords = 0

  init(pool: NamePool, random: SplitMix64) {
    self.pool = pool
    self.random = random
    var forge = EntityForge(random: random.derived("tail"))
    for language in Language.allCases where language != .zh {
      let script: Script = language == .ru ? .cyrillic : .latin
      tailWords[language] = (0..<20_000).map { i in
        forge.word(script, syllables: 2 + i % 3, ending: [""]).lowercased()
      }
    }
  }

  /// Writes documents until `targetBytes` are written; returns (documents, bytes).
  mutating func write(to folder: URL, targetBytes: Int) throws -> (documents: Int, bytes: Int) {
    let fm = FileManager.default
    try? fm.removeItem(at: folder)
    var bytes = 0
    var count = 0
    while bytes < targetBytes {
      let language = Self.languageWeights[random.weighted(Self.languageWeights.map(\.1))].0
      // Log-uniform sizes between 2 and 20 KB: many short pieces, some long ones.
      let size = Int(2048 * Self.tenToThe(random.unit()))
      let text = document(language, targetBytes: min(size, targetBytes - bytes + 2048))
      allWords += Self.roughWordCount(text)
      let data = Data(text.utf8)
      count += 1
      let url = folder.appendingPathComponent(language.rawValue).appendingPathComponent(String(format: "%05d.txt", count))
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
      bytes += data.count
    }
    return (count, bytes)
  }

  // MARK: Documents

  mutating func document(_ language: Language, targetBytes: Int) -> String {
    var cast = Cast()
    for type in ["PERSON", "ORG", "PLACE"] {
      for _ in 0..<random.int(in: 2...5) { cast.add(type, drawEntity(type, language)) }
    }
    let newline = random.chance(0.3) ? "\r\n" : "\n"
    var text = random.chance(0.01) ? "\u{FEFF}" : ""
    text += fill(random.pick(Templates.headlines[language]!), language, &cast) + "\n\n"
    if random.chance(0.5) { text += fill("{L}, {D}. — ", language, &cast) }
    var sentencesInParagraph = 0
    var paragraphLanguage = language
    while text.utf8.count < targetBytes {
      text += sentence(paragraphLanguage, &cast)
      sentencesInParagraph += 1
      if sentencesInParagraph >= random.int(in: 3...7) {
        text += "\n\n"
        sentencesInParagraph = 0
        paragraphLanguage = random.chance(0.06) ? random.pick(Language.allCases) : language
        if random.chance(0.12) { text += tweet(language, &cast) + "\n\n" }
        if random.chance(0.05) { text += "\(readMore(language)) \(url())\n\n" }
      } else {
        text += paragraphLanguage == .zh ? "" : (random.chance(0.02) ? "\u{200B} " : " ")
      }
    }
    if random.chance(0.4) { text += "\n\n" + readMore(language) + " " + url() }
    if random.chance(0.2) { text += "\n" + followUs(language) }
    text += "\n"
    return newline == "\n" ? text : text.replacingOccurrences(of: "\n", with: newline)
  }

  private mutating func sentence(_ language: Language, _ cast: inout Cast) -> String {
    let templates = random.chance(Self.plainShare) ? Templates.plain : Templates.sentences
    var s = fill(random.pick(templates[language]!), language, &cast)
    if random.chance(0.03) { s += " " + random.pick(Self.emoji) }
    if random.chance(0.03) { s += " #" + hashtag(language, &cast) }
    return s
  }

  /// A tweet pasted into an article: retweet style or embed style.
  mutating func tweet(_ language: Language, _ cast: inout Cast) -> String {
    let body = fill(random.pick(Templates.tweets[language]!), language, &cast)
    let handle = self.handle()
    let tags = (0..<random.int(in: 0...2)).map { _ in " #" + hashtag(language, &cast) }.joined()
    let emoji = (0..<random.int(in: 0...3)).map { _ in random.pick(Self.emoji) }.joined()
    let link = "https://t.co/" + token(10)
    if random.chance(0.5) {
      return "RT @\(handle): \(body)\(tags) \(emoji) \(link)"
    }
    let month = random.pick(Templates.months[.en]!)
    let author = cast.pick("PERSON", &random).map { pool.entries[$0].forms[0] } ?? handle
    return "\(body) \(emoji)\(tags) pic.twitter.com/\(token(10))\n— \(author) (@\(handle)) \(month) \(random.int(in: 1...28)), 2024"
  }

  mutating func hashtag(_ language: Language, _ cast: inout Cast) -> String {
    if random.chance(0.5), let index = cast.pick("PLACE", &random) {
      return pool.entries[index].forms[0].filter { !$0.isWhitespace }
    }
    let topic = random.pick(Templates.topics[language]!)
    return topic.prefix(1).uppercased() + topic.dropFirst() + String(random.int(in: 2019...2025))
  }

  /// Fills the slots of a template.
  private mutating func fill(_ template: String, _ language: Language, _ cast: inout Cast) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let close = rest[open...].firstIndex(of: "}")!
      let slot = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      switch slot {
      case "P": out += mention("PERSON", language, &cast)
      case "O": out += mention("ORG", language, &cast)
      case "L": out += mention("PLACE", language, &cast)
      case "N": out += number(language)
      case "PCT": out += percent(language)
      case "D": out += date(language)
      case "T": out += random.pick(Templates.topics[language]!)
      case "W": out += tailWords[language].map { $0[random.skewed($0.count, skew: 2)] } ?? ""
      default: out += slot
      }
    }
    return out + rest
  }

  // MARK: Names

  /// An entity of `type` for a document: mostly from its cast (news repeats names), else new.
  private mutating func mention(_ type: String, _ language: Language, _ cast: inout Cast) -> String {
    let index: Int
    if random.chance(0.75), let known = cast.pick(type, &random) {
      index = known
    } else {
      index = drawEntity(type, language)
      cast.add(type, index)
    }
    let forms = pool.entries[index].forms.filter { !$0.hasPrefix("@") }
    var text = random.chance(0.6) || forms.count == 1 ? forms[0] : random.pick(Array(forms.dropFirst()))
    switch random.unit() {
    case ..<0.07: text = Self.strippingAccents(text)
    case ..<0.11: text = text.uppercased()
    case ..<0.13: text = text.lowercased()
    default: break
    }
    if language == .en && type == "PERSON" && random.chance(0.05) { text += "'s" }
    nameWords += Self.roughWordCount(text)
    return text
  }

  /// An entity index of `type` from a band chosen by ``bandWeights``, preferring the
  /// language's script, skewed toward the head of the band (a few entities are everywhere).
  private mutating func drawEntity(_ type: String, _ language: Language) -> Int {
    let preferScript = random.chance(0.75)
    var fallback = 0
    for attempt in 0..<64 {
      let band = random.weighted(Self.bandWeights)
      let range = pool.bands[band]..<pool.bands[band + 1]
      guard !range.isEmpty else { continue }
      let index = range.lowerBound + random.skewed(range.count, skew: 1.5)
      let entry = pool.entries[index]
      guard entry.type == type else { continue }
      fallback = index
      if !preferScript || entry.script == language.nameScript || attempt > 40 { return index }
    }
    return fallback
  }

  /// The entities a document is about, by type.
  struct Cast {
    private var byType: [String: [Int]] = [:]
    mutating func add(_ type: String, _ index: Int) { byType[type, default: []].append(index) }
    func pick(_ type: String, _ random: inout SplitMix64) -> Int? {
      guard let list = byType[type], !list.isEmpty else { return nil }
      return list[random.skewed(list.count, skew: 1.5)]
    }
  }
}
