import Normalization

/// Every problem found in a set of rule files, sorted by location; thrown once, after
/// all files were read, when at least one is an error.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }

  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
