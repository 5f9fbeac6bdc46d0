import Rules
import Testing
import TestSupport

@testable import Recognition

/// A language's pattern tables made from the tables of no language (only the rows of
/// language-gated keys filled again, other languages' patterns masked) say exactly what tables
/// built from scratch for the language say, for every key of the shipped rules.
struct LanguageTablesTests {
  @Test(arguments: ["de", "ru", "zh"])
  func derivedTablesEqualTablesBuiltForTheLanguage(_ language: String) throws {
    let rules = Fixture.shippedRules
    let analysis = PatternTables.Analysis(rules: rules, prefilter: true)
    let built = PatternTables(analysis: analysis, rules: rules, language: language)
    let base = PatternTables(analysis: analysis, rules: rules, language: nil)
    let derived = PatternTables(language: language, base: base, analysis: analysis, rules: rules)
    #expect(derived.patternMask == built.patternMask)
    #expect(derived.patternMask != base.patternMask)  // some pattern of the packs is of another language

    let width = built.rowWidth
    let starts = 2 * built.listWords..<2 * built.listWords + built.patternWords
    func row(_ tables: PatternTables, mode: Int, key: Int) -> [UInt64] {
      let id = key < tables.rowOf[mode].count ? Int(tables.rowOf[mode][key]) : 0
      var words = Array(tables.rows[id * width..<(id + 1) * width])
      for w in starts { words[w] &= tables.patternMask[w - starts.lowerBound] }
      return words
    }
    var differing = 0
    var gatedSeen = 0
    for mode in 0..<3 {
      for key in 0..<rules.vocabulary.count where row(derived, mode: mode, key: key) != row(built, mode: mode, key: key) {
        differing += 1
      }
      gatedSeen += analysis.gatedKeys[mode].reduce(0) { $0 + $1.nonzeroBitCount }
    }
    #expect(differing == 0)
    #expect(gatedSeen > 0)  // the shipped lists have language-gated entries to fill again
  }
}
