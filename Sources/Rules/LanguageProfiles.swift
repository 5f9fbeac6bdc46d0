import Normalization

/// The compiled language profiles (`languages:` in rule files): for each frequent word, how
/// frequent it is in each language. ``LanguageIdentifier`` scores paragraphs with them.
///
/// Words are keyed by their folded key (NFKC + case folding, as documents' tokens are), so
/// "The", "THE" and "the" are one word, and Greek final sigma is σ as wordfreq writes it.
/// Only words that are one token count: a paragraph is scored token by token.
public struct LanguageProfiles: Hashable, Sendable {
  /// Language codes, sorted by code point. A language's number (``LanguageMap``) is its index
  /// + 1; 0 means no language was recognized.
  public internal(set) var codes: [String] = []
  /// Folded keys of the profile words, sorted by code point.
  public internal(set) var words: [String] = []
  /// `words.count × codes.count` weights, row by row: the word's Zipf frequency in that
  /// language times 10, rounded, or 0 when the language's profile does not list it.
  public internal(set) var weights: [UInt8] = []

  public init() {}

  init(codes: [String], words: [String], weights: [UInt8]) {
    self.codes = codes
    self.words = words
    self.weights = weights
  }

  public var isEmpty: Bool { codes.isEmpty }

  /// The number of language `code` (index + 1), or nil when no profile names it.
  public func number(of code: String) -> UInt8? {
    codes.firstIndex(of: code).map { UInt8($0 + 1) }
  }

  /// The code of language number `number`, or nil for 0 (unknown).
  public func code(of number: UInt8) -> String? {
    number == 0 || Int(number) > codes.count ? nil : codes[Int(number) - 1]
  }

  /// Most languages a rule set can identify: their numbers fit a byte with 0 for "unknown".
  public static let maxLanguages = 254

  /// Compiles profiles, later files' words overriding earlier ones of the same language.
  static func compile(_ rules: [LanguageProfileRule], normalizer: Normalizer, diagnostics: inout [Diagnostic]) -> LanguageProfiles {
    guard !rules.isEmpty else { return LanguageProfiles() }
    var byLanguage: [String: [String: Double]] = [:]
    for rule in rules {
      var table = byLanguage[rule.code, default: [:]]
      for (word, zipf) in rule.words {
        let document = normalizer.document(text: word)
        guard document.tokens.count == 1 else { continue }  // "z.b." or "一个" cut in two: no single token to score
        let key = normalizer.lexicon.string(document.tokens[0].keys.folded)
        table[key] = max(table[key] ?? 0, zipf)
      }
      byLanguage[rule.code] = table
    }
    var codes = byLanguage.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    if codes.count > maxLanguages {
      diagnostics.append(
        .error(at: rules[0].location, "\(codes.count) language profiles (at most \(maxLanguages))"))
      codes = Array(codes.prefix(maxLanguages))
    }
    let words = Set(byLanguage.values.flatMap(\.keys)).sorted {
      $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
    }
    var weights = [UInt8](repeating: 0, count: words.count * codes.count)
    for (w, word) in words.enumerated() {
      for (l, code) in codes.enumerated() {
        if let zipf = byLanguage[code]?[word] { weights[w * codes.count + l] = UInt8(max(1, min(90, (zipf * 10).rounded()))) }
      }
    }
    return LanguageProfiles(codes: codes, words: words, weights: weights)
  }
}
