import Normalization
import Rules

/// Translates a document's key ids (its normalizer's ``Lexicon``) into rule-set
/// vocabulary ids, one string lookup per distinct key, then an array index per token.
///
/// Lexicon ids only grow, so the table is extended, never rebuilt. One per worker.
struct KeyTranslator {
  private var table: [UInt32] = []

  mutating func vocabularyID(_ key: KeyID, lexicon: Lexicon, vocabulary: KeyVocabulary) -> UInt32 {
    let index = Int(key)
    if index >= table.count { extend(to: lexicon.count, lexicon: lexicon, vocabulary: vocabulary) }
    return table[index]
  }

  private mutating func extend(to count: Int, lexicon: Lexicon, vocabulary: KeyVocabulary) {
    // Geometric growth: reserving just `count` moved the whole table (megabytes, as the
    // lexicon grows with every document) each time a document brought a new word.
    if count > table.capacity { table.reserveCapacity(max(count, 2 * table.capacity)) }
    for id in table.count..<count {
      table.append(vocabulary.id(of: lexicon.string(KeyID(id))))
    }
  }
}
