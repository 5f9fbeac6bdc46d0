import Normalization

/// Lexicon id → vocabulary id, for compiling aliases: each distinct key string is hashed
/// into the ``KeyVocabulary`` once, not once per alias token (a million GeoNames aliases
/// share few keys, and hashing a non-ASCII Swift string normalizes it first).
struct VocabularyCache {
  private var ids: [UInt32] = []  // vocabulary id + 1; 0 = not yet looked up

  mutating func id(_ key: KeyID, lexicon: Lexicon, vocabulary: inout KeyVocabulary) -> UInt32 {
    let index = Int(key)
    if index >= ids.count { ids += repeatElement(0, count: max(index + 1 - ids.count, ids.count)) }
    if ids[index] == 0 { ids[index] = vocabulary.intern(lexicon.string(key)) + 1 }
    return ids[index] - 1
  }
}
