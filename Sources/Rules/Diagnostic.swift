/// A 1-based position in a text file, printed the way compilers print it.
public struct FileLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int

  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `path:line:column`, or just `path` for a problem with a whole file or folder (line 0).
  public var description: String { line == 0 ? path : "\(path):\(line):\(column)" }

  public static func < (a: FileLocation, b: FileLocation) -> Bool {
    (a.path, a.line, a.column) < (b.path, b.line, b.column)
  }
}

/// A problem in a rule file, reported where the user must edit.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable { case error, warning }

  public var location: FileLocation
  public var severity: Severity
  public var message: String

  public init(_ severity: Severity, at location: FileLocation, _ message: String) {
    self.location = location
    self.severity = severity
    self.message = message
  }

  public static func error(at location: FileLocation, _ message: String) -> Diagnostic {
    Diagnostic(.error, at: location, message)
  }

  public static func warning(at location: FileLocation, _ message: String) -> Diagnostic {
    Diagnostic(.warning, at: location, message)
  }

  /// `path:line:column: error: message`
  public var description: String { "\(location): \(severity.rawValue): \(message)" }

  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    (a.location, a.severity == .error ? 0 : 1, a.message) < (b.location, b.severity == .error ? 0 : 1, b.message)
  }
}

/// Every problem found in a set of rule files, sorted by location; thrown once, after
/// all files were read, when at least one is an error.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }

  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
