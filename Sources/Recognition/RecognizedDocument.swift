/// What recognition found in one document (``Recognizer/mentions(in:lexicon:languages:keepingCandidates:)``).
public struct RecognizedDocument: Sendable {
  /// The mentions, disjoint and in text order.
  public var mentions: [Mention]

  /// The loose key of each token as a vocabulary id (``RuleSet/vocabulary``; the id of an
  /// unknown word when no rule uses the key): what resolution reads to find an entity's
  /// context words.
  ///
  /// Ownership: this array shares its storage with the recognizer's scratch buffer, which the
  /// next document overwrites. Copy-on-write keeps the value intact, but a value still alive at
  /// the next call makes that call allocate a new buffer; drop it (as ``Extractor`` does, once
  /// resolution has read it) before recognizing the next document to keep the buffer reused.
  public var looseKeys: [UInt32]

  /// When asked for (`keepingCandidates`, for `quipu explain`): every candidate the rules
  /// proposed before overlaps were settled, that is for each start token the longest alias
  /// match, then every pattern mention. Nil otherwise (batch runs).
  public var candidates: [Mention]?

  public init(mentions: [Mention], looseKeys: [UInt32], candidates: [Mention]? = nil) {
    self.mentions = mentions
    self.looseKeys = looseKeys
    self.candidates = candidates
  }
}
