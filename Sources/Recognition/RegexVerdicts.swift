import Normalization
import Rules

/// What each regular-expression test of a rule set (`/…/` in a pattern) says of each word form,
/// found once per worker and form.
///
/// Every ``PatternMatcher`` of a worker (one per language present) reads the same verdicts: a
/// byte per regular expression and lexicon key, so a test is an array read after its first
/// time, and each expression is compiled once, when first needed.
///
/// Not thread-safe (it owns ICU regular expressions): one per ``Recognizer``.
final class RegexVerdicts {
  private let patterns: [String]
  private var compiled: [ICURegex?]
  private var tried: [Bool]
  /// Per expression, per lexicon key: 0 not asked yet, 1 no, 2 yes.
  private var verdicts: [[UInt8]]
  /// Matches that ran out of ICU's time limit (each counted as failed).
  private(set) var timeouts = 0

  init(rules: RuleSet) {
    patterns = rules.regexes
    compiled = Array(repeating: nil, count: patterns.count)
    tried = Array(repeating: false, count: patterns.count)
    verdicts = Array(repeating: [], count: patterns.count)
  }

  /// Whether expression `r` matches the whole of the text of `key` (an exact key of
  /// `lexicon`, the worker's).
  func matches(_ r: Int, key: KeyID, lexicon: Lexicon) -> Bool {
    let k = Int(key)
    if k < verdicts[r].count, verdicts[r][k] != 0 { return verdicts[r][k] == 2 }
    if !tried[r] {
      compiled[r] = try? ICURegex(patterns[r])
      tried[r] = true
    }
    var result = false
    if let regex = compiled[r] {
      let text = Array(lexicon.string(key).utf16)
      let found = text.withUnsafeBufferPointer { regex.matches($0) }
      if found == nil { timeouts += 1 }
      result = found ?? false
    }
    if k >= verdicts[r].count {
      // Grown to the lexicon's size (ids are dense), at least doubling.
      verdicts[r].append(contentsOf: repeatElement(0, count: max(lexicon.count, 2 * verdicts[r].count, k + 1) - verdicts[r].count))
    }
    verdicts[r][k] = result ? 2 : 1
    return result
  }
}
