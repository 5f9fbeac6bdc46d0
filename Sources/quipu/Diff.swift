import ArgumentParser
import Foundation
import Review

/// `quipu diff`: what a rule change did to the output, mention by mention.
struct Diff: ParsableCommand {
  // Paragraphs are single lines (`\` joins source lines): argument-parser wraps them itself.
  static let configuration = CommandConfiguration(
    abstract: "Compare two output folders: mentions added, removed, retyped and relinked.",
    discussion: """
      Compares two output folders of `quipu run`, or with --rev A..B the output folder (--out) as \
      committed at two git revisions (read with git, without a checkout). Mentions are matched by \
      document and span: retyped means same span, other type; relinked means same span and type, \
      other entity. A mention whose only change is its rule reference (a line added above its \
      rule) is counted as "rule renamed" and listed only with --renamed.

      Prints summary counts per type and per rule, then each change with the words around it (from \
      the documents under --input, else the mention text alone), grouped by rule and by entity.

      Exit status: 0 when no mention changed (a rule renamed alone is no change), 1 when some did, \
      2 for usage errors (a missing \
      folder, a folder that is not an output folder, an unknown revision).
      """)

  @Argument(help: ArgumentHelp("The output folders before and after the change.", valueName: "folder"))
  var folders: [String] = []

  @Option(help: ArgumentHelp("Compare the output folder at two git revisions instead.", valueName: "A..B"))
  var rev: String?

  @Option(help: ArgumentHelp("With --rev, the output folder in the checkout.", valueName: "folder"))
  var out = "out"

  @Option(help: ArgumentHelp("Folder of input documents, to show the words around each mention.", valueName: "folder"))
  var input: String?

  @Option(help: "Output format: text, or markdown for a pull-request comment.")
  var format = DiffReport.Format.text

  @Option(help: ArgumentHelp("List at most this many changes per group (0: all).", valueName: "n"))
  var limit = 10

  @Flag(help: "Also list mentions whose only change is their rule reference.")
  var renamed = false

  func validate() throws {
    if rev == nil, folders.count != 2 { throw ValidationError("give two output folders (OLD NEW), or --rev A..B") }
    if rev != nil, !folders.isEmpty { throw ValidationError("give either two output folders or --rev, not both") }
    if let rev, Self.revisions(rev) == nil { throw ValidationError("--rev must be A..B (an empty side means HEAD)") }
    if limit < 0 { throw ValidationError("--limit must be 0 or more") }
    if let input {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("--input: '\(input)' is not a folder")
      }
    }
  }

  /// `A..B` → (A, B), an empty side meaning HEAD as in git; nil unless there is exactly one "..".
  static func revisions(_ text: String) -> (String, String)? {
    let parts = text.components(separatedBy: "..")
    guard parts.count == 2, !parts[0].hasSuffix("."), !parts[1].hasPrefix("."), parts != ["", ""] else { return nil }
    return (parts[0].isEmpty ? "HEAD" : parts[0], parts[1].isEmpty ? "HEAD" : parts[1])
  }

  func run() throws {
    let old: [OutputMention]
    let new: [OutputMention]
    let labels: (String, String)
    do {
      if let rev, let (a, b) = Self.revisions(rev) {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        old = try OutputSource.mentions(revision: a, folder: out, in: here)
        new = try OutputSource.mentions(revision: b, folder: out, in: here)
        labels = ("\(a):\(out)", "\(b):\(out)")
      } else {
        old = try OutputSource.mentions(folder: folders[0])
        new = try OutputSource.mentions(folder: folders[1])
        labels = (folders[0], folders[1])
      }
    } catch {
      report(error.description)
      throw ExitCode.usageOrRules
    }
    let diff = OutputDiff(old: old, new: new)
    let context = MentionContext(inputFolder: input)
    let report = DiffReport(
      diff: diff, oldLabel: labels.0, newLabel: labels.1, limit: limit, listsRenamed: renamed, context: context.line)
    print(report.render(format), terminator: "")
    if diff.hasChanges { throw ExitCode.outputChanged }
  }
}

extension DiffReport.Format: ExpressibleByArgument {}

extension ExitCode {
  /// `quipu diff`: some mention was added, removed, retyped or relinked.
  static let outputChanged = ExitCode(1)
}
