import Foundation

/// Tests that need tools from outside the package (the shared reference scorer, Debian
/// packages): on a developer machine without them they are skipped; in CI (`CI=true`, as
/// GitHub Actions and `.ci/run` set it), where `.ci/deps` installs them, they run and fail.
///
///     @Test(.enabled(if: ExternalTools.runs(available)))
///     func f() throws {
///       try ExternalTools.require(available, "python3 and ../shared/gold/score.py")
///       …
///     }
public enum ExternalTools {
  /// Whether the tests run in CI, where a missing tool is a failure rather than a skip.
  public static let inCI: Bool = {
    let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
    return ["true", "1", "yes"].contains(value)
  }()

  /// Whether a test that needs tools runs: where they are `available`, and always in CI.
  public static func runs(_ available: Bool) -> Bool { available || inCI }

  /// Throws (failing the test) when the tools are not `available`; `what` names them.
  public static func require(_ available: Bool, _ what: String) throws {
    if !available { throw Missing(what: what) }
  }

  /// A tool a test needs is not installed (in CI, where the test must not skip).
  public struct Missing: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "missing in CI: \(what) (.ci/deps installs the Debian packages)" }
  }
}
