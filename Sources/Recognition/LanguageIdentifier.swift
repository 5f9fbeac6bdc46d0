import Normalization
import Rules

/// The language of each paragraph of a document, as numbers of the rule set's
/// ``LanguageProfiles`` (0: none recognized).
public struct LanguageMap: Sendable, Equatable {
  /// Per token: the number of its paragraph's language.
  public let tokenLanguages: [UInt8]
  /// The number of the document's language, 0 when none was recognized.
  public let documentLanguage: UInt8
  /// Per token: whether it is one of the most frequent words of its paragraph's language
  /// (Zipf ``LanguageIdentifier/commonZipf`` or more): "Μετά", "Οι", "The".
  public let commonWords: [Bool]

  public init(tokenLanguages: [UInt8], documentLanguage: UInt8, commonWords: [Bool]? = nil) {
    self.tokenLanguages = tokenLanguages
    self.documentLanguage = documentLanguage
    self.commonWords = commonWords ?? Array(repeating: false, count: tokenLanguages.count)
  }

  /// A map where no language is recognized: every rule runs everywhere.
  public static func unknown(tokens: Int) -> LanguageMap {
    LanguageMap(tokenLanguages: Array(repeating: 0, count: tokens), documentLanguage: 0)
  }

  /// Maximal runs of tokens with one language, in text order.
  public var runs: [(language: UInt8, tokens: Range<Int>)] {
    var runs: [(UInt8, Range<Int>)] = []
    guard !tokenLanguages.isEmpty else { return runs }
    var start = 0
    for i in 1...tokenLanguages.count where i == tokenLanguages.count || tokenLanguages[i] != tokenLanguages[start] {
      if i > start { runs.append((tokenLanguages[start], start..<i)) }
      start = i
    }
    return runs
  }
}

/// Identifies the language of each paragraph from its frequent words (``LanguageProfiles``):
/// a paragraph's score in a language is the sum, over its tokens, of how far above a floor
/// the token's frequency in that language is (a naive Bayes score in which words absent from
/// a profile count as rare). Function words ("the", "de", "и", "的", "の") decide.
///
/// A paragraph with too little evidence, or two languages too close (a headline, a name
/// list, "de la" that Spanish and French share), takes the document's language; a document
/// without enough evidence has none (0), and every rule then runs on it, as if no language
/// were known. Deterministic: ties go to the language that sorts first.
///
/// Not thread-safe: one per worker (it caches, per lexicon key, the profile word it is).
public final class LanguageIdentifier {
  public let profiles: LanguageProfiles
  private let wordIndex: [String: Int32]
  /// Per word and language, what the word adds to the language's score: its weight above the
  /// floor, or nothing (the table, less the floor, so the per-token loop has no branch).
  private let gains: [UInt8]
  /// Per folded lexicon key: the profile word + 1, 0 for none, -1 not looked up yet.
  private var wordOfKey: [Int32] = []
  private var scores: [Int]
  private var documentScores: [Int]

  /// Zipf × 10 that a word absent from a profile is taken to have.
  static let floor = 30
  /// Least score for a language to be recognized: about three function words.
  static let minimumScore = 120
  /// How far (in percent) the best language must lead the second in a paragraph, and in the
  /// whole document.
  static let paragraphLead = 130
  static let documentLead = 115
  /// Zipf × 10 from which a word counts as one of its language's most frequent (about the
  /// top 300 words: function words, "after", "the").
  public static let commonZipf = 55

  public init(profiles: LanguageProfiles) {
    self.profiles = profiles
    var index: [String: Int32] = [:]
    for (i, word) in profiles.words.enumerated() { index[word] = Int32(i) }
    wordIndex = index
    gains = profiles.weights.map { $0 > UInt8(Self.floor) ? $0 - UInt8(Self.floor) : 0 }
    scores = Array(repeating: 0, count: profiles.codes.count)
    documentScores = scores
  }

  /// The language of each paragraph of `document`; `lexicon` is the one that tokenized it.
  public func identify(_ document: Document, lexicon: Lexicon) -> LanguageMap {
    let tokens = document.tokens
    let languages = profiles.codes.count
    guard languages > 0, !tokens.isEmpty else { return .unknown(tokens: tokens.count) }
    // Local arrays: writes to a class's stored arrays are checked for uniqueness each time.
    var scores: [Int] = []
    var documentScores: [Int] = []
    swap(&scores, &self.scores)
    swap(&documentScores, &self.documentScores)
    defer {
      swap(&scores, &self.scores)
      swap(&documentScores, &self.documentScores)
    }
    for l in 0..<languages { documentScores[l] = 0 }
    // Each word token's profile word (-1: none), looked up once.
    var words = [Int32](repeating: -1, count: tokens.count)
    var wordOfKey: [Int32] = []
    swap(&wordOfKey, &self.wordOfKey)
    for t in tokens.indices where tokens[t].isWordLike {
      words[t] = Self.profileWord(tokens[t].keys.folded, lexicon: lexicon, index: wordIndex, cache: &wordOfKey)
    }
    swap(&wordOfKey, &self.wordOfKey)
    var paragraphs: [(range: Range<Int>, language: UInt8)] = []
    var start = 0
    // Through pointers: a write to a local array is still a uniqueness check, here one per
    // word and language.
    gains.withUnsafeBufferPointer { gains in
      scores.withUnsafeMutableBufferPointer { scores in
        documentScores.withUnsafeMutableBufferPointer { documentScores in
          words.withUnsafeBufferPointer { words in
            for i in 1...tokens.count where i == tokens.count || tokens[i].flags.contains(.startsParagraph) {
              for l in 0..<languages { scores[l] = 0 }
              for t in start..<i where words[t] >= 0 {
                let row = Int(words[t]) * languages
                for l in 0..<languages { scores[l] &+= Int(gains[row + l]) }
              }
              for l in 0..<languages { documentScores[l] += scores[l] }
              paragraphs.append((start..<i, Self.decide(UnsafeBufferPointer(scores), lead: Self.paragraphLead)))
              start = i
            }
          }
        }
      }
    }
    let documentLanguage = documentScores.withUnsafeBufferPointer { Self.decide($0, lead: Self.documentLead) }
    var tokenLanguages = [UInt8](repeating: 0, count: tokens.count)
    var common = [Bool](repeating: false, count: tokens.count)
    for (range, language) in paragraphs {
      let chosen = language != 0 ? language : documentLanguage
      guard chosen != 0 else { continue }
      for t in range {
        tokenLanguages[t] = chosen
        let word = words[t]
        common[t] = word >= 0 && Int(profiles.weights[Int(word) * languages + Int(chosen) - 1]) >= Self.commonZipf
      }
    }
    return LanguageMap(tokenLanguages: tokenLanguages, documentLanguage: documentLanguage, commonWords: common)
  }

  /// The language number whose score is high enough and leads the others by `lead` percent,
  /// else 0.
  static func decide(_ scores: UnsafeBufferPointer<Int>, lead: Int) -> UInt8 {
    var best = -1
    var second = 0
    for (l, score) in scores.enumerated() {
      if best < 0 || score > scores[best] {
        if best >= 0 { second = max(second, scores[best]) }
        best = l
      } else {
        second = max(second, score)
      }
    }
    guard best >= 0, scores[best] >= minimumScore, scores[best] * 100 >= second * lead else { return 0 }
    return UInt8(best + 1)
  }

  /// The profile word of a folded lexicon key, or -1; `cache` holds, per lexicon id, the word
  /// + 1 (0: none, -1: not looked up yet).
  private static func profileWord(_ key: KeyID, lexicon: Lexicon, index: [String: Int32], cache: inout [Int32]) -> Int32 {
    let k = Int(key)
    if k >= cache.count { cache.append(contentsOf: repeatElement(-1, count: k + 1 - cache.count)) }
    if cache[k] < 0 { cache[k] = (index[lexicon.string(key)] ?? -1) + 1 }
    return cache[k] - 1
  }

}
