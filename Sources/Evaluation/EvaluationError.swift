import Normalization

/// A problem with eval's input files, reported where the user must look: `path:line`.
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  /// 1-based line, or nil when the problem is with the whole file.
  public var line: Int?
  public var message: String

  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var diagnostic: Diagnostic { .error(at: FileLocation(path: path, line: line ?? 0), message) }

  /// `gold.jsonl:12: error: missing key 'type'`
  public var description: String { diagnostic.description }
}
