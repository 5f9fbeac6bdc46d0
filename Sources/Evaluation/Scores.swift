/// Precision, recall and their harmonic mean; all 0 when undefined (no predictions, no gold).
public struct PRF: Hashable, Sendable {
  public var precision: Double
  public var recall: Double
  public var f1: Double

  /// F1 of `precision` and `recall`, computed as the reference scorer does (`2 * p * r / (p + r)`),
  /// so that the two agree to the last bit.
  public init(precision: Double, recall: Double) {
    self.precision = precision
    self.recall = recall
    self.f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
  }

  init(_ hits: Int, of predicted: Int, _ recalled: Int, of gold: Int) {
    self.init(
      precision: predicted > 0 ? Double(hits) / Double(predicted) : 0,
      recall: gold > 0 ? Double(recalled) / Double(gold) : 0)
  }
}

/// What was counted for one type (or for all types together).
public struct Counts: Hashable, Sendable {
  /// Scored gold mentions (not optional, of a scored type).
  public var gold = 0
  /// Scored predictions (of a scored type, not ignored for overlapping an optional span).
  public var predicted = 0
  /// Predictions with exactly a gold mention's span and type.
  public var strictMatches = 0
  /// Predictions overlapping some gold mention of their type.
  public var lenientPredicted = 0
  /// Gold mentions overlapped by some prediction of their type (optional-overlapping
  /// predictions included, as the reference scorer counts them).
  public var lenientGold = 0

  public init() {}

  /// Same span and same type.
  public var strict: PRF { PRF(strictMatches, of: predicted, strictMatches, of: gold) }
  /// Overlapping span and same type; precision and recall count different things (predictions
  /// that hit, gold that was hit), so one long prediction over two gold spans recalls both.
  public var lenient: PRF { PRF(lenientPredicted, of: predicted, lenientGold, of: gold) }
}

/// The result of scoring predictions against gold.
public struct Scores: Hashable, Sendable {
  /// The label of the row that sums every scored type.
  public static let allTypes = "ALL"

  /// Scored types in the order asked for (without ``allTypes``).
  public var types: [String]
  /// Per type, and under ``allTypes`` for all of them.
  public var counts: [String: Counts]
  /// Resolution quality: B-cubed over the strictly matched mentions.
  public var resolution: PRF
  /// How many (gold, prediction) pairs the B-cubed score is over.
  public var matchedMentions: Int
  /// Gold documents scored.
  public var documents: Int
  /// Gold documents with no predicted line at all (an empty output file counts as none).
  public var documentsWithoutPredictions: Int

  /// The counts for all scored types together.
  public var overall: Counts { counts[Self.allTypes] ?? Counts() }
}
