import Foundation
import Normalization
import Rules

/// Shared helpers for the test targets.
public enum Fixture {
  /// The repository root (found from this file's path), for golden files and shipped rules.
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// The shipped `rules/` folder, compiled once per test process (the reference packs take
  /// seconds to load in a debug build).
  public static let shippedRules: RuleSet = {
    do {
      return try RuleSet.load(directory: repositoryRoot.appendingPathComponent("rules").path)
    } catch {
      fatalError("the shipped rules do not compile:\n\(error)")
    }
  }()

  /// Rules compiled from one YAML text, as if it were the file `rules/test.yaml`.
  public static func rules(_ yaml: String, path: String = "rules/test.yaml") throws -> RuleSet {
    try RuleSet.compile(RuleLoader.parse(yaml: yaml, path: path))
  }

  /// Diagnostics for one YAML text (empty when the rules compile cleanly without warnings).
  public static func diagnostics(_ yaml: String, path: String = "rules/test.yaml") -> [Diagnostic] {
    do {
      return try RuleSet.compile(RuleLoader.parse(yaml: yaml, path: path)).warnings
    } catch {
      return error.diagnostics
    }
  }

  /// A fresh temporary folder, removed by the caller's `defer { try? FileManager.default.removeItem(at:) }`.
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quipu-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes files (relative path → bytes) under `folder`.
  public static func write(_ files: [String: [UInt8]], under folder: URL) throws {
    for (relative, bytes) in files {
      let url = folder.appendingPathComponent(relative)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
  }
}

extension String {
  /// This string's code points from `start` to `end` (Python `s[start:end]`).
  public func codePoints(_ start: Int, _ end: Int) -> String {
    let scalars = Array(unicodeScalars)
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[start..<end])
    return String(out)
  }
}
