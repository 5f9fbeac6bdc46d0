import ArgumentParser
import Evaluation

/// `quipu eval`: score an output folder against gold mentions.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score predictions against hand-checked gold mentions.",
    discussion: """
      Reads every *.jsonl under the output folder (except entities.jsonl) and scores it \
      against the gold file, with the counting rules of shared/gold/score.py: precision, \
      recall and F1 per type and overall, strict (same span and type) and lenient \
      (overlapping span, same type), and resolution as B-cubed over strictly matched \
      mentions. Gold lines carry `canonical` (shared gold format) or `entity` (out/ format) \
      and may set "optional": true. Documents are matched by base name.
      Exit status: 0, or 1 when --min-f1 is given and strict overall F1 is below it; \
      2 for usage errors and unreadable or malformed files (path:line).
      """)

  @Option(help: "Gold mentions (JSON Lines).")
  var gold: String

  @Option(help: "Output folder of `quipu run`.")
  var out = "out"

  @Option(name: .customLong("min-f1"), help: ArgumentHelp("Exit 1 when strict overall F1 is below this.", valueName: "x"))
  var minF1: Double?

  @Flag(help: "Print one JSON object instead of the table.")
  var json = false

  @Option(help: ArgumentHelp("Score only gold documents whose name matches this regular expression.", valueName: "regex"))
  var docs: String?

  @Option(help: "Comma-separated types to score.")
  var types = "PERSON,ORG,PLACE"

  func validate() throws {
    if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must be between 0 and 1") }
    if let docs, (try? Regex(docs)) == nil { throw ValidationError("--docs: '\(docs)' is not a valid regular expression") }
    let list = typeList
    if list.isEmpty || list.contains(where: \.isEmpty) { throw ValidationError("--types must list type names, e.g. PERSON,ORG") }
    if list.contains("ALL") { throw ValidationError("--types: ALL is the name of the total row, not a type") }
  }

  var typeList: [String] { types.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

  func run() throws {
    let pattern = try docs.map { try Regex($0) }  // validate() has checked that it compiles
    let scores: Scores
    do {
      scores = try Evaluation.run(gold: gold, predictions: out, documentPattern: pattern, types: typeList)
    } catch {
      report(error.description)
      throw ExitCode.usageOrRules
    }
    print(json ? ScoreReport.json(scores) : ScoreReport.table(scores), terminator: "")
    if let minF1, scores.overall.strict.f1 < minF1 {
      report("quipu: strict F1 \(scores.overall.strict.f1) is below --min-f1 \(minF1)")
      throw ExitCode.belowThreshold
    }
  }
}

extension ExitCode {
  /// `quipu eval --min-f1`: the score is below the threshold.
  static let belowThreshold = ExitCode(1)
}
