import Foundation
import Normalization

/// Warnings that `quipu check` adds to the compiler's: rules that compile and run, but that a
/// reviewer would want to know about. Computed only when asked (a run does not pay for them).
///
/// - A list entry that is the same as an earlier entry of the same list in the same file under
///   the list's match mode (`President` and `president` in a loose list), or an exact duplicate.
///   Lists with one name add up across files on purpose (every language pack adds its titles),
///   so only entries of one file are compared.
/// - A list entry that can never match: a phrase in a list that patterns use only inside `[ ]`
///   or after `!`, where a list tests one token. (An entry with no word in it at all is an
///   error of the compiler.)
/// - A one-word alias of a hand-written entity (not a reference pack) that is a common word
///   (`reference/common-words/<lang>.txt`, compared loosely): the alias's `lang` when it has
///   one, else every language with a list (aliases are not restricted by language). Exact-match
///   aliases (short acronyms) and aliases in scripts without case are left out: the first never
///   match the lowercase word, and the second have no capital that would set them apart.
public enum RuleLint {
  /// The warnings for `source`; `commonWords` maps a language to its words.
  public static func warnings(for source: RuleSource, commonWords: [String: [String]]) -> [Diagnostic] {
    guard let normalizer = try? Normalizer() else { return [] }
    var found: [Diagnostic] = []
    found += sameEntries(source, normalizer: normalizer)
    found += unmatchablePhrases(source, normalizer: normalizer)
    found += commonWordAliases(source, commonWords: commonWords, normalizer: normalizer)
    return found.sorted()
  }

  /// Reads `reference/common-words/*.txt` under `directory` (lines starting with `#` skipped).
  public static func commonWords(under directory: String) -> [String: [String]] {
    let folder = URL(fileURLWithPath: directory).appendingPathComponent("reference/common-words")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
    var words: [String: [String]] = [:]
    for name in names.sorted() where name.hasSuffix(".txt") {
      guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
      words[String(name.dropLast(4))] = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }
    return words
  }

  // MARK: Lists

  static func sameEntries(_ source: RuleSource, normalizer: Normalizer) -> [Diagnostic] {
    var modes: [String: MatchMode] = [:]
    for list in source.lists where modes[list.name] == nil { modes[list.name] = list.match }
    var found: [Diagnostic] = []
    // (list, file) → keys → first entry with them
    var seen: [String: [[String]: (text: String, location: FileLocation)]] = [:]
    var repeats: [String: (count: Int, location: FileLocation)] = [:]
    for list in source.lists {
      let mode = modes[list.name] ?? list.match
      let scope = list.name + "\u{0}" + list.location.path
      for (i, entry) in list.entries.enumerated() {
        let location = i < list.entryLocations.count ? list.entryLocations[i] : list.location
        let keys = PatternCompiler.keys(of: entry, mode: mode, normalizer: normalizer)
        guard !keys.isEmpty else { continue }
        if let first = seen[scope]?[keys] {
          // A generated lexicon can hold thousands (ё and е spellings): name a few, count the rest.
          let count = (repeats[scope]?.count ?? 0) + 1
          repeats[scope] = (count, repeats[scope]?.location ?? list.location)
          guard count <= Self.examplesPerList else { continue }
          found.append(
            .warning(
              at: location,
              first.text == entry
                ? "list '\(list.name)': '\(entry)' is listed twice (first at \(first.location))"
                : "list '\(list.name)': '\(entry)' is the same as '\(first.text)' at \(first.location) "
                  + "under the list's match mode (\(mode.rawValue))"
            ))
        } else {
          seen[scope, default: [:]][keys] = (entry, location)
        }
      }
    }
    for (scope, tally) in repeats where tally.count > Self.examplesPerList {
      let name = scope.split(separator: "\u{0}").first.map(String.init) ?? scope
      found.append(
        .warning(
          at: tally.location,
          "list '\(name)': \(tally.count - Self.examplesPerList) more entries in this file repeat an earlier one "
            + "under the list's match mode (\(tally.count) in all)"))
    }
    return found
  }

  static func unmatchablePhrases(_ source: RuleSource, normalizer: Normalizer) -> [Diagnostic] {
    var definitions = PatternDefinitions(source.definitions)
    var asSequence: Set<String> = []
    var asToken: Set<String> = []
    for rule in source.patterns {
      guard let tree = try? PatternParser.parse(rule.pattern), case .success(let expanded) = definitions.expand(tree)
      else { continue }
      collectLists(expanded, sequence: &asSequence, token: &asToken)
    }
    var modes: [String: MatchMode] = [:]
    for list in source.lists where modes[list.name] == nil { modes[list.name] = list.match }
    var found: [Diagnostic] = []
    for list in source.lists where asToken.contains(list.name) && !asSequence.contains(list.name) {
      var count = 0
      for (i, entry) in list.entries.enumerated() {
        let keys = PatternCompiler.keys(of: entry, mode: modes[list.name] ?? list.match, normalizer: normalizer)
        guard keys.count > 1 else { continue }
        count += 1
        // A generated lexicon can hold thousands: name a few, then count the rest.
        guard count <= Self.examplesPerList else { continue }
        let location = i < list.entryLocations.count ? list.entryLocations[i] : list.location
        found.append(
          .warning(
            at: location,
            "list '\(list.name)': '\(entry)' is \(keys.count) tokens, but patterns use the list only inside [ ], "
              + "where it tests one token: it never matches"
          ))
      }
      if count > Self.examplesPerList {
        found.append(
          .warning(
            at: list.location,
            "list '\(list.name)': \(count - Self.examplesPerList) more entries in this file are several tokens "
              + "and never match (\(count) in all)"))
      }
    }
    return found
  }

  private static func collectLists(_ node: PatternNode, sequence: inout Set<String>, token: inout Set<String>) {
    switch node {
    case .list(let name, _): sequence.insert(name)
    case .test(let test, _): collectLists(test, into: &token)
    case .literal, .entity, .reference: break
    case .sequence(let items), .alternation(let items):
      for item in items { collectLists(item, sequence: &sequence, token: &token) }
    case .repetition(let body, _, _, _), .capture(_, let body, _):
      collectLists(body, sequence: &sequence, token: &token)
    }
  }

  private static func collectLists(_ test: TokenTest, into token: inout Set<String>) {
    switch test {
    case .inList(let name, _): token.insert(name)
    case .not(let inner): collectLists(inner, into: &token)
    case .all(let parts): for part in parts { collectLists(part, into: &token) }
    case .literal, .shape, .script, .regex, .any, .reference: break
    }
  }

  /// How many entries of one kind of problem a list names before it counts the rest.
  static let examplesPerList = 5

  // MARK: Aliases

  static func commonWordAliases(
    _ source: RuleSource, commonWords: [String: [String]], normalizer: Normalizer
  ) -> [Diagnostic] {
    guard !commonWords.isEmpty else { return [] }
    let lexicon = normalizer.lexicon
    func looseKey(_ text: String) -> String? {
      let words = normalizer.document(text: text).tokens.filter(\.isWordLike)
      guard words.count == 1 else { return nil }
      return lexicon.string(words[0].keys.loose)
    }
    // loose key → languages where it is a common word
    var common: [String: [String]] = [:]
    for (language, words) in commonWords.sorted(by: { $0.key < $1.key }) {
      for word in words { if let key = looseKey(word) { common[key, default: []].append(language) } }
    }
    var found: [Diagnostic] = []
    for entity in source.entities where source.precedence(of: entity) >= 0 {
      let name = AliasRule(text: entity.name, location: entity.nameLocation)
      for alias in [name] + entity.aliases {
        let tokens = normalizer.document(text: alias.text).tokens
        // Scripts without case (Han, kana, Arabic) have no capital to tell a name from the word,
        // and their frequency lists count names among common words: nothing to warn about.
        guard tokens.count == 1, tokens[0].isWordLike, !tokens[0].shape.isDisjoint(with: [.hasUpper, .hasLower]) else { continue }
        let mode = alias.match ?? RuleSet.defaultMode(tokens)
        guard mode != .exact, let key = looseKey(alias.text), var languages = common[key] else { continue }
        if let language = alias.language {
          guard languages.contains(language) else { continue }
          languages = [language]
        }
        let lowercase = alias.allowsLowercase ? " and 'lowercase: true' lets it match the lowercase word" : ""
        found.append(
          .warning(
            at: alias.location,
            "alias '\(alias.text)' of '\(entity.id)' is a common word "
              + "(\(languages.joined(separator: ", ")))\(lowercase); "
              + "it also matches the word at the start of a sentence or in a headline"))
      }
    }
    return found
  }
}
