/// A 1-based position in a text file, printed the way compilers print it.
public struct FileLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var path: String
  /// 1-based, or 0 for a problem with a whole file or folder.
  public var line: Int
  /// 1-based, or 0 for a problem with a whole line.
  public var column: Int

  public init(path: String, line: Int = 0, column: Int = 0) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `path:line:column`; `path:line` for a whole line (column 0); just `path` for a whole file
  /// or folder (line 0); empty for a problem that is nowhere in particular (empty path).
  public var description: String {
    line == 0 ? path : column == 0 ? "\(path):\(line)" : "\(path):\(line):\(column)"
  }

  public static func < (a: FileLocation, b: FileLocation) -> Bool {
    (a.path, a.line, a.column) < (b.path, b.line, b.column)
  }
}

/// A problem reported to the user, where they must look or edit: Quipu's one error vocabulary.
///
/// Rule files report their problems as diagnostics, and every runtime error (``DecodingError``
/// aside, which is a message about bytes) converts to one, so that all print the one way that
/// ``description`` renders, as compilers print theirs: `path:line:column: error: message`.
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

  /// An error about a whole file or folder: `path: error: message`.
  public static func error(file path: String, _ message: String) -> Diagnostic {
    Diagnostic(.error, at: FileLocation(path: path), message)
  }

  /// An error about no file in particular (the command line, a run as a whole): `error: message`.
  public static func error(_ message: String) -> Diagnostic {
    Diagnostic(.error, at: FileLocation(path: ""), message)
  }

  public static func warning(at location: FileLocation, _ message: String) -> Diagnostic {
    Diagnostic(.warning, at: location, message)
  }

  /// `path:line:column: error: message`, or `error: message` when the location's path is empty.
  public var description: String {
    location.path.isEmpty ? "\(severity.rawValue): \(message)" : "\(location): \(severity.rawValue): \(message)"
  }

  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    (a.location, a.severity == .error ? 0 : 1, a.message) < (b.location, b.severity == .error ? 0 : 1, b.message)
  }
}

/// A problem at a file (and line) of what a command reads, thrown by `eval` (gold and output
/// files) and `diff` (output folders, revisions) and printed as a ``Diagnostic``:
/// `out/docs/a.txt.jsonl:3: error: not a mention line`.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  /// 1-based line, or nil when the problem is with the whole file or folder.
  public var line: Int?
  public var message: String

  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var diagnostic: Diagnostic { .error(at: FileLocation(path: path, line: line ?? 0), message) }

  public var description: String { diagnostic.description }
}
