/// Scores an output folder against a gold file: what `quipu eval` runs.
///
/// ```swift
/// let scores = try Evaluation.run(gold: "gold/seeds/gold.jsonl", predictions: "out")
/// print(ScoreReport.table(scores))
/// ```
public enum Evaluation {
  /// Reads gold and predictions and scores them (see ``Scorer`` for the counting rules).
  ///
  /// - Parameters:
  ///   - documentPattern: a regular expression; only gold documents whose `doc` contains a
  ///     match are scored (Python's `re.search`).
  ///   - types: the types to score; mentions of other types are ignored.
  /// - Throws: ``EvaluationError`` naming the file (and line) that cannot be read.
  public static func run(
    gold: String, predictions: String, documentPattern: Regex<AnyRegexOutput>? = nil,
    types: [String] = ["PERSON", "ORG", "PLACE"]
  ) throws(EvaluationError) -> Scores {
    let goldMentions = try MentionFiles.gold(path: gold, documentPattern: documentPattern)
    let predicted = try MentionFiles.predictions(folder: predictions)
    return Scorer(types: types).score(gold: goldMentions, predicted: predicted)
  }
}
