import Normalization

/// A problem with eval's input files, reported where the user must look: `gold.jsonl:12:
/// error: missing key 'type'`.
public typealias EvaluationError = FileProblem
