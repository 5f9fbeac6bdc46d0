import Foundation
import Normalization
import Recognition
import Rules

/// A mention with the canonical entity it refers to.
public struct ResolvedMention: Hashable, Sendable {
  public var firstToken: Int32
  public var endToken: Int32
  public var type: String
  /// Canonical id: a rule's (`person/dina-boluarte`), or for an entity no rule lists, one
  /// derived from its type and loose key (`~person/anibal-garzon`).
  public var entityID: String
  /// Canonical display name, e.g. "Dina Boluarte".
  public var name: String
  public var rule: RuleReference
  /// `alias`, `pattern`, `acronym` or `coref` (see ``Mention/How``).
  public var how: String
  /// The entity's attributes: the rule's, or what a pattern captured.
  public var attributes: [EntityRule.Attribute]
  /// The mention's text as written (NFC, white space collapsed), for the entity's aliases.
  public var text: String
  /// When the document's context could not decide between entities sharing an alias: their
  /// ids, best score first (the first is `entityID`). Empty when decided.
  public var candidates: [String]
  /// Why this entity was chosen, for `quipu run --explain`.
  public var why: String
  /// The language of the mention's paragraph (``LanguageIdentifier``), when one was recognized.
  public var language: String? = nil
  /// Index into ``RuleSet/aliases`` of the alias that matched (``Mention/alias``), or -1: for
  /// `quipu show`, which names it. Not written to out/.
  public var alias: Int32
  /// Index into ``RuleSet/patterns`` of the pattern that matched (``Mention/pattern``), or -1.
  /// Not written to out/. Both are -1 for a coreference mention, which no rule matched.
  public var pattern: Int32

  public init(
    firstToken: Int32, endToken: Int32, type: String, entityID: String, name: String, rule: RuleReference,
    how: String = "alias", attributes: [EntityRule.Attribute] = [], text: String = "", candidates: [String] = [],
    why: String = "", alias: Int32 = -1, pattern: Int32 = -1
  ) {
    self.firstToken = firstToken
    self.endToken = endToken
    self.type = type
    self.entityID = entityID
    self.name = name
    self.rule = rule
    self.how = how
    self.attributes = attributes
    self.text = text
    self.candidates = candidates
    self.why = why
    self.alias = alias
    self.pattern = pattern
  }
}

/// Decides which canonical entity each mention refers to: the Resolution stage.
///
/// In order:
/// 1. **Alias and pattern mentions.** A listed entity's alias gives that entity. An alias that
///    several entities share is decided by the document (see ``Disambiguator``); when it cannot
///    be, the mention keeps every candidate. A pattern match is an entity no rule lists.
/// 2. **Acronyms.** A name a pattern declared as another name (`<alias: …>`) takes the entity of
///    the mention it names.
/// 3. **Name variants** (after GATE's OrthoMatcher). A person's name whose words appear, in
///    order, in a fuller name in the same document joins it, before or after: "Morales" and
///    "Evo Morales" join "Evo Morales Ayma"; accents and case do not matter. An organization's
///    name that ends a fuller one mentioned earlier joins it ("Congress" after "Peruvian
///    Congress"). A variant that fits two different fuller names joins neither. A listed
///    entity in a group names the group; otherwise the fullest name does.
/// 4. **Coreference.** A capitalized word that no rule matched but that is the surname (or the
///    first name) of a person named in full in the document, or the last word of an
///    organization named earlier, becomes a mention of it (`how: coref`).
///
/// Ids of unlisted entities come from their type and the loose key of their fullest name in the
/// document (`~person/evo-morales-ayma`), so adding a document never changes another's ids.
public struct Resolver: Sendable {
  public let rules: RuleSet

  public init(rules: RuleSet) {
    self.rules = rules
    commonWords = rules.derived.value("Resolution.commonWords") { NameVariants.commonWords(rules.languages) }
  }

  /// Words frequent in some language (see ``NameVariants/commonWords(_:)``).
  private let commonWords: Set<String>

  /// Resolves a document's recognized mentions, with their tokens' loose keys as context words.
  public func resolve(_ recognized: RecognizedDocument, in document: Document, lexicon: Lexicon) -> [ResolvedMention] {
    resolve(recognized.mentions, in: document, lexicon: lexicon, looseKeys: recognized.looseKeys)
  }

  /// Resolves `mentions` (disjoint, from ``Recognizer``) and adds coreference mentions.
  ///
  /// `looseKeys` are the document tokens' loose vocabulary ids (``RecognizedDocument/looseKeys``),
  /// used for context words; pass `[]` to ignore them.
  public func resolve(
    _ mentions: [Mention], in document: Document, lexicon: Lexicon, looseKeys: [UInt32] = []
  ) -> [ResolvedMention] {
    let disambiguator = Disambiguator(rules: rules, mentions: mentions, looseKeys: looseKeys, document: document, lexicon: lexicon)
    var resolved = mentions.map { resolveAlone($0, document: document, lexicon: lexicon, disambiguator: disambiguator) }
    linkAcronyms(mentions, &resolved)
    var variants = NameVariants(document: document, lexicon: lexicon, mentions: resolved, commonWords: commonWords)
    variants.join(&resolved)
    // Grown and sorted in place: a large document's mentions are a long array of large values.
    let coref = variants.corefMentions(resolved)
    resolved.reserveCapacity(resolved.count + coref.count)
    resolved += coref
    resolved.sort { ($0.firstToken, $0.endToken) < ($1.firstToken, $1.endToken) }
    return resolved
  }

  private func resolveAlone(
    _ mention: Mention, document: Document, lexicon: Lexicon, disambiguator: Disambiguator
  ) -> ResolvedMention {
    let text = NameText.canonical(
      document.string(fromToken: Int(mention.firstToken), throughToken: Int(mention.endToken) - 1))
    if mention.entity >= 0 {
      var chosen = mention.entity
      var candidates: [String] = []
      // A pattern mention whose text a listed entity has (alias -1) names no alias of its own.
      var why =
        mention.alias >= 0
        ? "alias '\(rules.aliases[Int(mention.alias)].text)' of \(rules.entities[Int(chosen)].id)"
        : "pattern at \(mention.rule.located), the text of \(rules.entities[Int(chosen)].id)"
      if mention.candidates.count > 1 {
        let decision = disambiguator.decide(mention)
        chosen = decision.entity
        why = decision.why
        if !decision.isDecided { candidates = decision.ranked.map { rules.entities[Int($0)].id } }
      }
      let entity = rules.entities[Int(chosen)]
      return ResolvedMention(
        firstToken: mention.firstToken, endToken: mention.endToken, type: entity.type, entityID: entity.id,
        name: entity.name, rule: mention.rule, how: mention.how.rawValue, attributes: entity.attributes,
        text: text, candidates: candidates, why: why, alias: mention.alias, pattern: mention.pattern)
    }
    let tokens = document.tokens[Int(mention.firstToken)..<Int(mention.endToken)]
    return ResolvedMention(
      firstToken: mention.firstToken, endToken: mention.endToken, type: mention.type,
      entityID: Self.unlistedID(type: mention.type, tokens: tokens, lexicon: lexicon), name: text, rule: mention.rule,
      how: mention.how.rawValue, attributes: mention.attributes.sorted { $0.key < $1.key }, text: text,
      why: "pattern at \(mention.rule.located); no rule lists '\(text)'", alias: mention.alias, pattern: mention.pattern)
  }

  /// Names of other mentions (acronyms) take the entity of the mention they name.
  private func linkAcronyms(_ mentions: [Mention], _ resolved: inout [ResolvedMention]) {
    for (i, mention) in mentions.enumerated() where mention.entity < 0 && mention.antecedent >= 0 {
      guard
        let target = mentions.firstIndex(where: {
          $0.antecedent < 0 && $0.firstToken <= mention.antecedent && mention.antecedent < $0.endToken
        })
      else { continue }
      let text = resolved[i].text
      resolved[i] = resolved[target]
      resolved[i].firstToken = mention.firstToken
      resolved[i].endToken = mention.endToken
      resolved[i].how = mention.how.rawValue
      resolved[i].rule = mention.rule
      resolved[i].alias = mention.alias
      resolved[i].pattern = mention.pattern
      resolved[i].text = text
      resolved[i].why = "names '\(resolved[target].text)' (\(resolved[target].entityID)), as the pattern at \(mention.rule.located) declared"
    }
  }

  /// `~<type>/<slug of the loose keys>`, e.g. `~person/anibal-garzon`.
  static func unlistedID(type: String, tokens: ArraySlice<Token>, lexicon: Lexicon) -> String {
    let key = tokens.filter(\.isWordLike).map { Self.slug(lexicon.string($0.keys.loose)) }.joined(separator: "-")
    return "~\(type.lowercased())/\(key.isEmpty ? "_" : key)"
  }

  /// A loose key made safe for an id: letters and digits kept, anything else a hyphen.
  static func slug(_ key: String) -> String {
    var out = String.UnicodeScalarView()
    var dash = false  // a run of other characters since the last letter or digit
    for scalar in key.unicodeScalars {
      let v = scalar.value
      // ASCII without property lookups: its letters and digits are a-z, A-Z and 0-9.
      let kept =
        v < 0x80
        ? (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if kept {
        if dash { out.append("-") }
        dash = false
        out.append(scalar)
      } else if !out.isEmpty {
        dash = true
      }
    }
    return String(out)
  }
}

/// How a name found in text is displayed as a canonical name.
enum NameText {
  /// NFC, white space runs (line breaks, no-break spaces) collapsed to one space.
  static func canonical(_ text: String) -> String {
    // Most names are ASCII words with single spaces: already canonical (ASCII is NFC).
    var previous: UInt8 = 0x20
    var plain = true
    for byte in text.utf8 {
      if byte >= 0x80 || (byte < 0x20) || (byte == 0x20 && previous == 0x20) {
        plain = false
        break
      }
      previous = byte
    }
    if plain && previous != 0x20 { return text }
    var out = ""
    var space = false
    for scalar in text.canonicallyComposed.unicodeScalars {
      if scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
        space = !out.isEmpty
        continue
      }
      if space { out.append(" ") }
      space = false
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}
