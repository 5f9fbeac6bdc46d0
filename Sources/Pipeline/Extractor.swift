import Normalization
import Recognition
import Resolution
import Rules

/// A document with the canonical mentions found in it.
public struct ExtractedDocument: Sendable {
  public var document: Document
  public var mentions: [ResolvedMention]
  /// The language of each paragraph (see ``LanguageIdentifier``).
  public var languages: LanguageMap

  /// The original text of a mention.
  public func text(of mention: ResolvedMention) -> String {
    document.string(fromToken: Int(mention.firstToken), throughToken: Int(mention.endToken) - 1)
  }
}

/// Runs one document through every stage: normalize → recognize → resolve.
///
/// Owns the per-thread state of each stage; make one per worker thread. The rule set and
/// gazetteer it reads are immutable and shared.
public final class Extractor {
  public let normalizer: Normalizer
  public let recognizer: Recognizer
  public let resolver: Resolver
  public let languages: LanguageIdentifier
  private let rules: RuleSet

  public init(rules: RuleSet, gazetteer: Gazetteer) throws(ICUError) {
    normalizer = try Normalizer()
    recognizer = Recognizer(rules: rules, gazetteer: gazetteer)
    resolver = Resolver(rules: rules)
    languages = LanguageIdentifier(profiles: rules.languages)
    self.rules = rules
  }

  public convenience init(rules: RuleSet) throws(ICUError) {
    try self.init(rules: rules, gazetteer: Gazetteer(rules: rules))
  }

  public func extract(path: String, bytes: [UInt8], replacingInvalid: Bool = false) throws(DecodingError) -> ExtractedDocument {
    extract(try normalizer.document(path: path, bytes: bytes, replacingInvalid: replacingInvalid))
  }

  public func extract(path: String = "", text: String) -> ExtractedDocument {
    extract(normalizer.document(path: path, text: text))
  }

  public func extract(path: String, utf16: [UInt16]) -> ExtractedDocument {
    extract(normalizer.document(path: path, utf16: utf16))
  }

  /// The mentions of a document already tokenized by ``normalizer``.
  public func extract(_ document: Document) -> ExtractedDocument {
    extract(document, keepingCandidates: false).extracted
  }

  /// The document's mentions and, with `keepingCandidates`, every candidate recognition
  /// proposed before overlaps were settled (``RecognizedDocument/candidates``; nil otherwise).
  func extract(_ document: Document, keepingCandidates: Bool) -> (extracted: ExtractedDocument, candidates: [Mention]?) {
    let languageMap = languages.identify(document, lexicon: normalizer.lexicon)
    // `recognized` shares the recognizer's loose-key buffer; it ends with this call, before the
    // next document refills the buffer, so the buffer is reused rather than copied.
    let recognized = recognizer.mentions(
      in: document, lexicon: normalizer.lexicon, languages: languageMap, keepingCandidates: keepingCandidates)
    var resolved = resolver.resolve(recognized, in: document, lexicon: normalizer.lexicon)
    for i in resolved.indices {
      resolved[i].language = rules.languages.code(of: languageMap.tokenLanguages[Int(resolved[i].firstToken)])
    }
    return (ExtractedDocument(document: document, mentions: resolved, languages: languageMap), recognized.candidates)
  }
}
