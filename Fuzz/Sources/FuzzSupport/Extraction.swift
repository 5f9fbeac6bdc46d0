import Normalization
import Recognition
import Resolution
import Rules

/// One normalizer for every input: creating one (ICU break iterators and transliterator)
/// costs more than a small input's whole extraction. Renewed when its form cache grows large.
nonisolated(unsafe) private var sharedNormalizer: Normalizer?

/// What `Extractor.extract(path:text:)` does (normalize → recognize → resolve), with the
/// shared normalizer; also returns the recognizer's mentions before resolution.
public func extract(_ text: String, rules: RuleSet) -> (document: Document, mentions: [Mention], resolved: [ResolvedMention]) {
  if sharedNormalizer == nil || sharedNormalizer!.cachedFormCount > 100_000 {
    do { sharedNormalizer = try Normalizer() } catch { fatalError("ICU: \(error)") }
  }
  let normalizer = sharedNormalizer!
  let document = normalizer.document(path: "fuzz.txt", text: text)
  let recognizer = Recognizer(rules: rules)
  let recognized = recognizer.mentions(in: document, lexicon: normalizer.lexicon)
  let resolved = Resolver(rules: rules).resolve(recognized, in: document, lexicon: normalizer.lexicon)
  return (document, recognized.mentions, resolved)
}
