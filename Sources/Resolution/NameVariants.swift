import Normalization
import Rules

/// In-document name-variant coreference for people and organizations (see ``Resolver``).
struct NameVariants {
  let document: Document
  let lexicon: Lexicon
  /// Per mention: the loose keys of its words (punctuation and possessives left out).
  private let names: [[KeyID]]
  /// Per mention: the script of its first word (ICU's UScriptCode; Latin is 25).
  private let scripts: [UInt8]

  /// Folded words frequent in some language: a capitalized one that opens a sentence ("Según",
  /// "Selon") is not part of the name after it.
  let commonWords: Set<String>

  init(document: Document, lexicon: Lexicon, mentions: [ResolvedMention], commonWords: Set<String> = []) {
    self.document = document
    self.lexicon = lexicon
    self.commonWords = commonWords
    names = mentions.map { m in
      document.tokens[Int(m.firstToken)..<Int(m.endToken)].filter(\.isWordLike).map(\.keys.loose)
    }
    scripts = mentions.map { m in
      document.tokens[Int(m.firstToken)..<Int(m.endToken)].first(where: \.isWordLike)?.script ?? 0
    }
  }

  static let latinScript: UInt8 = 25
  /// Scripts without letter case (ICU's UScriptCode: Han 17, Hangul 18, Hiragana 20, Katakana
  /// 22): a name there shows no capital, so a repeated whole person's name counts without one
  /// (马杜罗 … 马杜罗). Lone words still need a capital: a Han character alone is as often a word.
  /// (A switch, not a set: it is asked for every token of a document.)
  @inline(__always) static func isUncased(_ script: UInt8) -> Bool {
    switch script {
    case 17, 18, 20, 22: true
    default: false
    }
  }
  /// Marks that join the parts of a foreign name written in those scripts (哈里·凯恩, ペドロ・カスティージョ).
  static let nameJoiners: Set<String> = ["·", "・", "･", "=", "＝", "-"]

  /// A word of a script without capitals (Arabic, Hebrew, Chinese …): letters, no case.
  static func isCaseless(_ token: Token) -> Bool {
    token.shape.contains(.hasLetter) && !token.shape.contains(.hasUpper) && !token.shape.contains(.hasLower)
  }

  /// The words of `profiles` at Zipf frequency 5 or more in some language: "según", "selon",
  /// "however", but not given names.
  static func commonWords(_ profiles: LanguageProfiles) -> Set<String> {
    let languages = profiles.codes.count
    var found = Set<String>()
    for (w, word) in profiles.words.enumerated() where (0..<languages).contains(where: { profiles.weights[w * languages + $0] >= 50 }) {
      found.insert(word)
    }
    return found
  }

  /// Joins variants to fuller names, rewriting their entity.
  mutating func join(_ resolved: inout [ResolvedMention]) {
    var parent = Array(resolved.indices)
    func root(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]  // path halving keeps chains short in long documents
        i = parent[i]
      }
      return i
    }
    // Mentions already resolved to one entity (an alias, an acronym's link) stay together.
    var firstWithID: [String: Int] = [:]
    for i in resolved.indices {
      if let j = firstWithID[resolved[i].entityID] { parent[root(i)] = root(j) } else { firstWithID[resolved[i].entityID] = i }
    }
    // Compare distinct names, not mentions: a long document repeats a few names many times.
    for type in ["PERSON", "ORG"] {
      var occurrences: [[KeyID]: [Int]] = [:]  // name → mention indexes, in text order
      for i in resolved.indices where resolved[i].type == type && !names[i].isEmpty {
        occurrences[names[i], default: []].append(i)
      }
      let distinct = occurrences.keys.sorted { ($0.count, occurrences[$0]![0]) < ($1.count, occurrences[$1]![0]) }
      // A person's name in one script and the same name in another (see ``SpellingSkeleton``).
      var skeletons: [[KeyID]: (script: UInt8, words: [String])] = [:]
      if type == "PERSON" && Set(distinct.map { scripts[occurrences[$0]![0]] }).count > 1 {
        for name in distinct {
          let script = scripts[occurrences[name]![0]]
          skeletons[name] = (script, name.map { SpellingSkeleton.of(lexicon.string($0), latin: script == Self.latinScript) })
        }
      }
      // A name in an inflecting script in two cases (see ``CaseForms``).
      var caseForms: [[KeyID]: (script: UInt8, words: [Set<String>])] = [:]
      if type == "PERSON" {
        for name in distinct {
          let first = occurrences[name]![0]
          guard CaseForms.scripts.contains(scripts[first]) else { continue }
          let folded = document.tokens[Int(resolved[first].firstToken)..<Int(resolved[first].endToken)]
            .filter(\.isWordLike).map { CaseForms.stems(of: lexicon.string($0.keys.folded)) }
          caseForms[name] = (scripts[first], folded)
        }
      }
      func isVariant(_ a: [KeyID], of b: [KeyID], type: String) -> Bool {
        if self.isVariant(a, of: b, type: type) { return true }
        if let ca = caseForms[a], let cb = caseForms[b], ca.script == cb.script, CaseForms.isVariant(ca.words, of: cb.words) {
          return true
        }
        guard let sa = skeletons[a], let sb = skeletons[b], sa.script != sb.script else { return false }
        return SpellingSkeleton.isVariant(sa.words, of: sb.words)
      }
      // Every fuller name of which a name is a variant holds its first word: the same key, a
      // case form of it, or its skeleton. Indexing names by those compares each name with the
      // few that share its first word, not with every other (pairwise was quadratic: 84 s for
      // the distinct names of a 16 MB document).
      var byKey: [KeyID: [Int]] = [:]
      var byStem: [String: [Int]] = [:]
      var bySkeleton: [String: [Int]] = [:]
      for (n, name) in distinct.enumerated() {
        for key in Set(name) { byKey[key, default: []].append(n) }
        for stem in Set(caseForms[name]?.words.flatMap { $0 } ?? []) { byStem[stem, default: []].append(n) }
        for word in Set(skeletons[name]?.words ?? []) { bySkeleton[word, default: []].append(n) }
      }
      for a in distinct {
        // Fuller names this one is a variant of.
        var sharing = Set(byKey[a[0]] ?? [])
        for stem in caseForms[a]?.words.first ?? [] { sharing.formUnion(byStem[stem] ?? []) }
        if let word = skeletons[a]?.words.first { sharing.formUnion(bySkeleton[word] ?? []) }
        let fuller = sharing.sorted().map { distinct[$0] }.filter { b in b != a && isVariant(a, of: b, type: type) }
        guard !fuller.isEmpty else { continue }
        // A variant of two names that are not variants of each other (two Lopezes) joins neither.
        let longest = fuller.max { ($0.count, -occurrences[$0]![0]) < ($1.count, -occurrences[$1]![0]) }!
        let longestID = resolved[occurrences[longest]![0]].entityID
        let consistent = fuller.allSatisfy {
          resolved[occurrences[$0]![0]].entityID == longestID || isVariant($0, of: longest, type: type)
        }
        guard consistent else { continue }
        let firstFull = occurrences[longest]![0]
        for i in occurrences[a]! {
          // An organization's short form joins only a full name mentioned before it.
          if type == "ORG" && resolved[firstFull].firstToken >= resolved[i].firstToken { continue }
          let (ra, rb) = (root(i), root(firstFull))
          if ra != rb { parent[ra] = rb }
        }
      }
    }
    var groups: [Int: [Int]] = [:]
    for i in resolved.indices { groups[root(i), default: []].append(i) }
    for (_, group) in groups.sorted(by: { $0.key < $1.key }) where group.count > 1 {
      let listed = Set(group.map { resolved[$0].entityID }.filter { !$0.hasPrefix("~") })
      let source: Int
      if listed.count == 1 {
        source = group.first { resolved[$0].entityID == listed.first! }!
      } else if listed.isEmpty {
        // The fullest name, among mentions found as names (not as acronyms or short forms).
        // Between a name's forms in two scripts, the Latin one names the group (so the id is
        // the same as where only that form occurs). Without case, ICU cuts an unknown name
        // into characters, so a name counts its parts between middle dots (藤森谦也 is one
        // word, 哈里·凯恩 two), then its length.
        let named = group.filter { resolved[$0].how == "pattern" || resolved[$0].how == "alias" }
        func rank(_ i: Int) -> (Int, Int, Int, Int) {
          guard Self.isUncased(scripts[i]) else {
            return (names[i].count, scripts[i] == Self.latinScript ? 1 : 0, 0, -i)
          }
          let range = Int(resolved[i].firstToken)..<Int(resolved[i].endToken)
          let parts = 1 + range.filter { Self.nameJoiners.contains(document.string(of: document.tokens[$0])) }.count
          return (parts, 0, resolved[i].text.count, -i)
        }
        source = (named.isEmpty ? group : named).max { rank($0) < rank($1) }!
      } else {
        continue  // two listed entities: their rules disagree, leave each alone
      }
      let model = resolved[source]
      let unlistedID =
        listed.isEmpty
        ? Resolver.unlistedID(
          type: model.type, tokens: document.tokens[Int(model.firstToken)..<Int(model.endToken)], lexicon: lexicon)
        : model.entityID
      for i in group where resolved[i].entityID != unlistedID {
        resolved[i].entityID = unlistedID
        resolved[i].name = model.name
        resolved[i].attributes = model.attributes.isEmpty ? resolved[i].attributes : model.attributes
        resolved[i].candidates = []
        resolved[i].why = "a variant of '\(model.text)' in this document"
      }
    }
  }

  /// `a` is a shorter form of `b`: for people, its words appear in order in `b` (or they are the
  /// same name); for organizations, it ends `b`.
  private func isVariant(_ a: [KeyID], of b: [KeyID], type: String) -> Bool {
    if a == b { return true }
    guard a.count < b.count else { return false }
    if type == "ORG" { return Array(b.suffix(a.count)) == a }
    var j = 0
    for key in b where j < a.count && key == a[j] { j += 1 }
    return j == a.count
  }

  /// In scripts without case, the last part of a person's name joined by a middle dot, as a
  /// name of its own (凯恩 after 哈里·凯恩, カスティージョ after ペドロ・カスティージョ): the
  /// surname that a foreign name goes by. A part that ends two people's names is left out.
  private func lastPartsOfJoinedNames(_ resolved: [ResolvedMention]) -> [(keys: [KeyID], model: ResolvedMention)] {
    let tokens = document.tokens
    var parts: [(keys: [KeyID], model: ResolvedMention)] = []
    var entities: [[KeyID]: Set<String>] = [:]
    for m in resolved where m.type == "PERSON" {
      let range = Int(m.firstToken)..<Int(m.endToken)
      guard Self.isUncased(tokens[range.lowerBound].script),
        let joiner = range.last(where: { Self.nameJoiners.contains(document.string(of: tokens[$0])) }),
        joiner + 1 < range.upperBound
      else { continue }
      let part = tokens[(joiner + 1)..<range.upperBound]
      guard part.reduce(0, { $0 + document.string(of: $1).count }) >= 2 else { continue }
      let keys = part.map(\.keys.loose)
      if entities[keys, default: []].insert(m.entityID).inserted, entities[keys]!.count == 1 { parts.append((keys, m)) }
    }
    return parts.filter { entities[$0.keys]!.count == 1 }
  }

  /// Mentions that only coreference finds, where no rule matched:
  /// - the whole name of an entity no rule lists, again ("Takeda … Takeda", "Carlos Santos
  ///   Silva … Carlos Santos Silva", "总统马杜罗 … 马杜罗在"): rules find listed entities
  ///   everywhere, but a pattern only where its context is; capitalized, or in a script
  ///   without case (``isUncased(_:)``);
  /// - a lone capitalized word that is the surname or first name of a person named in full
  ///   here, or the last word of an organization named earlier ("Congress" after "Peruvian
  ///   Congress", but not "Perú" after "Ejército del Perú": a word after a connector is not
  ///   the organization's own).
  /// A lone word next to another capitalized word is part of some other name ("López
  /// Aliaga"), an all-caps word is a heading or dateline ("MADRID."), and a word that could be
  /// either of two entities is left alone.
  func corefMentions(_ resolved: [ResolvedMention]) -> [ResolvedMention] {
    let tokens = document.tokens
    var covered = [Bool](repeating: false, count: tokens.count)
    for m in resolved { for t in Int(m.firstToken)..<Int(m.endToken) { covered[t] = true } }
    var firstSeen: [String: Int32] = [:]
    for m in resolved { firstSeen[m.entityID] = min(firstSeen[m.entityID] ?? .max, m.firstToken) }
    var found: [ResolvedMention] = []

    // Whole names of unlisted entities, longest first.
    var names: [(keys: [KeyID], model: ResolvedMention)] = []
    var seenNames: Set<[KeyID]> = []
    for (i, m) in resolved.enumerated()
    where m.entityID.hasPrefix("~") && (m.type == "PERSON" || m.type == "ORG") && m.text.count >= 2 {
      let keys = document.tokens[Int(m.firstToken)..<Int(m.endToken)].map(\.keys.loose)
      if !keys.isEmpty, seenNames.insert(keys).inserted { names.append((keys, resolved[i])) }
    }
    names += lastPartsOfJoinedNames(resolved).filter { seenNames.insert($0.keys).inserted }
    names.sort { $0.keys.count > $1.keys.count }
    // Names by first key, so each token costs one lookup.
    var byFirst: [KeyID: [Int]] = [:]
    for (n, name) in names.enumerated() { byFirst[name.keys[0], default: []].append(n) }
    func isNameJoiner(_ i: Int) -> Bool {
      i >= 0 && i < tokens.count && Self.nameJoiners.contains(document.string(of: tokens[i]))
    }
    var t = 0
    while t < tokens.count {
      var advanced = false
      let uncased = Self.isUncased(tokens[t].script)
      if !covered[t], tokens[t].shape.contains(.initialUpper) || uncased, let candidates = byFirst[tokens[t].keys.loose] {
        for n in candidates where t + names[n].keys.count <= tokens.count {
          let keys = names[n].keys
          guard (0..<keys.count).allSatisfy({ !covered[t + $0] && tokens[t + $0].keys.loose == keys[$0] }) else { continue }
          let model = names[n].model
          // Without case, only a person's name, and not as part of a longer name joined by a
          // middle dot (カスティージョ in ペドロ・カスティージョ): a Han organization's name
          // also ends longer ones (民主党 in 国民民主党).
          if uncased, model.type != "PERSON" || isNameJoiner(t - 1) || isNameJoiner(t + keys.count) { continue }
          var mention = model
          mention.firstToken = Int32(t)
          mention.endToken = Int32(t + keys.count)
          mention.how = "coref"
      mention.alias = -1
      mention.pattern = -1
          mention.text = NameText.canonical(document.string(fromToken: t, throughToken: t + keys.count - 1))
          mention.candidates = []
          mention.why = "the name '\(model.text)' again"
          found.append(mention)
          for k in t..<t + keys.count { covered[k] = true }
          t += keys.count
          advanced = true
          break
        }
      }
      if !advanced { t += 1 }
    }

    // Lone words: surnames, first names, organizations' last words.
    var fullest: [String: Int] = [:]  // entity id → mention with its longest name
    for (i, m) in resolved.enumerated() where (m.type == "PERSON" || m.type == "ORG") && self.names[i].count >= 2 {
      if let j = fullest[m.entityID], self.names[j].count >= self.names[i].count { continue }
      fullest[m.entityID] = i
    }
    var byKey: [KeyID: Set<String>] = [:]
    var byStem: [String: Set<String>] = [:]
    for (id, i) in fullest {
      let words = self.names[i]
      let m = resolved[i]
      var keys: [KeyID] = []
      if m.type == "PERSON" {
        keys.append(words.last!)
        // A given name alone is the person only where capitals mark names: in Arabic, one
        // "محمد" is no more this Muhammad than another.
        let cased = tokens[Int(m.firstToken)..<Int(m.endToken)].first(where: \.isWordLike).map { !Self.isCaseless($0) } ?? true
        if cased, lexicon.string(words[0]).count >= 3 { keys.append(words[0]) }
      } else {
        // The last word counts only if the word before it is part of the name, not a connector.
        let wordTokens = tokens[Int(m.firstToken)..<Int(m.endToken)].filter(\.isWordLike)
        if wordTokens.count >= 2, wordTokens[wordTokens.count - 2].shape.contains(.initialUpper) {
          keys.append(words.last!)
        }
      }
      for key in keys { byKey[key, default: []].insert(id) }
      // In Cyrillic and Greek, the same words in any case ("Путина" after "Владимир Путин").
      if m.type == "PERSON", let first = tokens[Int(m.firstToken)..<Int(m.endToken)].first(where: \.isWordLike),
        CaseForms.scripts.contains(first.script)
      {
        let wordTokens = tokens[Int(m.firstToken)..<Int(m.endToken)].filter(\.isWordLike)
        for word in [wordTokens.last!, wordTokens[0]] {
          for stem in CaseForms.stems(of: lexicon.string(word.keys.folded)) { byStem[stem, default: []].insert(id) }
        }
      }
    }
    guard !byKey.isEmpty else { return found }
    func capitalizedWord(_ i: Int) -> Bool {
      i >= 0 && i < tokens.count && tokens[i].kind == .word && tokens[i].shape.contains(.initialUpper)
    }
    // "Según Díaz": a frequent word capitalized only because it opens the sentence.
    func opensSentenceAsCommonWord(_ i: Int) -> Bool {
      (i == 0 || tokens[i].sentence != tokens[i - 1].sentence) && commonWords.contains(lexicon.string(tokens[i].keys.folded))
    }
    var stemsOfKey: [KeyID: Set<String>] = [:]  // a document repeats its words
    for (t, token) in tokens.enumerated() where !covered[t] {
      guard token.kind == .word,
        token.shape.contains(.initialUpper) && token.shape.contains(.hasLower) || Self.isCaseless(token) && token.end - token.start >= 3,
        token.end - token.start >= 2, !capitalizedWord(t - 1) || covered[t - 1] || opensSentenceAsCommonWord(t - 1),
        !capitalizedWord(t + 1) || covered[t + 1]
      else { continue }
      var ids = byKey[token.keys.loose] ?? []
      if ids.isEmpty, !byStem.isEmpty, CaseForms.scripts.contains(token.script) {
        let key = token.keys.folded
        if stemsOfKey[key] == nil { stemsOfKey[key] = CaseForms.stems(of: lexicon.string(key)) }
        for stem in stemsOfKey[key]! { ids.formUnion(byStem[stem] ?? []) }
      }
      guard ids.count == 1, let id = ids.first, let model = fullest[id].map({ resolved[$0] }) else { continue }
      if model.type == "ORG", Int32(t) < firstSeen[id]! { continue }
      var mention = model
      mention.firstToken = Int32(t)
      mention.endToken = Int32(t + 1)
      mention.how = "coref"
      mention.alias = -1
      mention.pattern = -1
      mention.text = NameText.canonical(document.string(of: token))
      mention.candidates = []
      mention.why = "a short form of '\(model.text)' in this document"
      found.append(mention)
    }
    return found
  }
}

/// A lossy spelling key that survives transliteration and inflection, to tell that two names
/// written in different scripts are the same name: "Путина" (loose "putina") and "Putin",
/// "Μητσοτάκη" and "Mitsotakis", "Шольца" (loose "sol'ca") and "Scholz", "Зеленского" and
/// "Zelensky", "Макрона" and "Macron". From a word's loose key (already Latin, transliterated
/// the ISO 9 way: ц c, ш s, ж z, х h): a case ending is cut (Russian -ом -ым -ого -ах, Greek
/// and Latin -s), the hissing sounds are made one ("sch", "sh", "ch", "zh", "ts", "tz", "z",
/// and a "c" that the transliteration made or that is soft in Latin spelling, before e i y,
/// are all "s"; else Latin "c" is "k"), kh is h, ph f, w v, x ks, and only the consonants
/// stay, doubled ones once.
///
/// Only ever compared across scripts: within one script two names with one skeleton
/// ("Lopez", "Lapaz") are different names.
enum SpellingSkeleton {
  static let endings: [[UInt8]] = ["iami", "iakh", "ogo", "ego", "omu", "emu", "ami", "akh", "ikh", "ykh", "om", "em", "ym", "im", "s"]
    .map { Array($0.utf8) }
  /// Applied in this order, each to the whole word, left to right.
  static let replacements: [(from: [UInt8], to: [UInt8])] = [
    ("sch", "s"), ("tch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("ts", "s"), ("tz", "s"), ("kh", "h"),
    ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"), ("z", "s"),
  ].map { (Array($0.utf8), Array($1.utf8)) }

  /// The skeleton of a loose key (its ASCII letters; a Latin name's, or a romanized one's when
  /// `latin` is false). Works on bytes: it runs for every distinct name of a document that
  /// names people in two scripts.
  static func of(_ loose: String, latin: Bool = true) -> String {
    var word: [UInt8] = []
    for scalar in loose.unicodeScalars where scalar.isASCII && scalar.properties.isAlphabetic {
      word.append(UInt8(scalar.value) | 0x20)  // ASCII letters: lower case
    }
    for ending in endings where word.count - ending.count >= 3 && word.suffix(ending.count).elementsEqual(ending) {
      word.removeLast(ending.count)
      break
    }
    for (from, to) in replacements { word = replacing(from, with: to, in: word) }
    var out: [UInt8] = []
    for (k, byte) in word.enumerated() {
      var c = byte
      if c == UInt8(ascii: "c") {
        let next = k + 1 < word.count ? word[k + 1] : UInt8(ascii: " ")
        c = !latin || Self.frontVowels.contains(next) ? UInt8(ascii: "s") : UInt8(ascii: "k")
      }
      if Self.dropped.contains(c) || out.last == c { continue }
      out.append(c)
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static let frontVowels = Array("eiy".utf8)
  private static let dropped = Array("aeiouyj".utf8)

  /// `word` with each occurrence of `from` (left to right, not overlapping) replaced by `to`.
  private static func replacing(_ from: [UInt8], with to: [UInt8], in word: [UInt8]) -> [UInt8] {
    guard word.count >= from.count else { return word }
    var out: [UInt8] = []
    out.reserveCapacity(word.count + 1)
    var i = 0
    while i < word.count {
      if i + from.count <= word.count, word[i..<i + from.count].elementsEqual(from) {
        out += to
        i += from.count
      } else {
        out.append(word[i])
        i += 1
      }
    }
    return out
  }

  /// `a`'s skeletons appear in order in `b`'s (or are `b`'s), each with at least two consonants.
  static func isVariant(_ a: [String], of b: [String]) -> Bool {
    guard !a.isEmpty, a.count <= b.count, a.allSatisfy({ $0.count >= 2 }) else { return false }
    var j = 0
    for word in b where j < a.count && word == a[j] { j += 1 }
    return j == a.count
  }
}

/// The case forms of a name in Cyrillic or Greek, to tell that "Путина" and "Путин", "Анны" and
/// "Анна", "Μητσοτάκη" and "Μητσοτάκης" are one name in two grammatical cases. A word's stems
/// are the word and the word less each case ending it ends with (leaving three letters at
/// least); two words are one name when their stems meet. Endings only, never derivational
/// suffixes: "Иванов" is not "Иван".
enum CaseForms {
  /// Cyrillic and Greek (ICU's UScriptCode 8 and 14).
  static let scripts: Set<UInt8> = [8, 14]

  /// Russian noun and adjective case endings, and Greek ones (folded: final sigma is σ).
  static let endings = [
    "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им", "ую", "ою", "ах", "ях",
    "а", "я", "у", "ю", "е", "ы", "и", "й",
    "ουσ", "ου", "οσ", "ησ", "ασ", "εσ", "ων", "σ", "ο", "α", "η", "ε",
  ]

  /// The endings as scalars, compared from the end of a word's scalars: a word's last letters
  /// are single scalars here (composed, no combining marks), so this is `hasSuffix` without
  /// grapheme breaking, which made stems a tenth of resolution.
  private static let endingScalars = endings.map { Array($0.unicodeScalars) }

  static func stems(of word: String) -> Set<String> {
    var found: Set<String> = [word]
    let scalars = Array(word.unicodeScalars)
    var letterCount: Int?
    for ending in endingScalars where scalars.count > ending.count && scalars.suffix(ending.count).elementsEqual(ending) {
      if letterCount == nil { letterCount = word.count }
      guard letterCount! - ending.count >= 3 else { continue }
      var stem = String.UnicodeScalarView()
      stem.append(contentsOf: scalars.dropLast(ending.count))
      found.insert(String(stem))
    }
    return found
  }

  /// `a`'s words are, in order, case forms of words of `b` (or the two are the same length).
  static func isVariant(_ a: [Set<String>], of b: [Set<String>]) -> Bool {
    guard a.count <= b.count, a != b else { return false }
    var j = 0
    for word in b where j < a.count && !word.isDisjoint(with: a[j]) { j += 1 }
    return j == a.count
  }
}

