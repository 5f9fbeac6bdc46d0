import ArgumentParser
import Foundation
import Pipeline
import Presentation

/// The `quipu` command: parses arguments and hands off to the pipeline.
///
/// Exit status: 0 all good, 1 some documents failed, 2 usage or rule errors, 3 an input or output
/// folder could not be read or written (a full disk, a locked or unwritable output folder).
@main
struct Quipu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quipu",
    abstract: "Find the people, organizations and places that rule files describe, in folders of text.",
    discussion: """
      Rules live in YAML files (default ./rules); every output line says which rule fired.
      Exit status: 0 all good, 1 some documents failed, 2 usage or rule errors, 3 an input or \
      output folder could not be read or written (I/O error; retrying may help).
      """,
    version: QuipuVersion.current,
    subcommands: [Run.self, Check.self, Explain.self, Eval.self, Show.self, Merge.self, Diff.self])

  /// Like `ParsableCommand.main()`, but usage errors exit with status 2, as documented.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// Writes a line to standard error.
func report(_ line: String) {
  FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
}

extension ExitCode {
  /// Some documents could not be processed; the others were.
  static let documentsFailed = ExitCode(1)
  /// The rules are invalid, or the command line is.
  static let usageOrRules = ExitCode(2)
  /// A folder could not be read or written as a whole (not one document's failure).
  static let ioFailure = ExitCode(3)
}

extension BatchError {
  /// The documented exit status for this error.
  var exitCode: ExitCode { kind == .usage ? .usageOrRules : .ioFailure }

  /// Reports the error; when the run had processed documents, first their failures, and then
  /// its summary line (unless `quiet`).
  func report(quiet: Bool, shard: String = "") {
    for failure in summary?.failures ?? [] { quipu.report(failure.description) }
    quipu.report(description)
    if let summary, !quiet { quipu.report(summary.line + shard) }
  }
}

extension BatchSummary {
  /// The documented exit status for a run that finished: 130 after Ctrl-C, 3 when a
  /// document's output could not be written (a full disk), 1 when a document failed, else 0.
  var exitCode: ExitCode {
    if interrupted { return ExitCode(130) }
    if writeFailures > 0 { return .ioFailure }
    return failures.isEmpty ? .success : .documentsFailed
  }
}
