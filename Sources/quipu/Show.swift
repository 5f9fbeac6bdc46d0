import ArgumentParser
import Foundation
import Normalization
import Presentation

/// `quipu show`: a document with its mentions highlighted, in the terminal or as a web page.
struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show documents with their mentions highlighted.",
    discussion: """
      Runs the pipeline on one document (or every document of a folder) and prints the text \
      with each mention in its type's colour, then a legend of entity ids. Without a terminal, \
      or with NO_COLOR set, mentions are marked [text]{TYPE entity-id} instead.
      With --html, writes a standalone page (no network resources) where hovering a mention \
      shows its entity id, canonical name, how it matched and its rule (file:line and id).
      Exit status: 0, 1 when some documents could not be read, 2 for usage or rule errors, \
      3 when the page cannot be written.
      """)

  @Argument(help: "A document, or a folder of documents.")
  var path: String

  @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

  @Option(help: ArgumentHelp("Write a standalone HTML page here instead of printing.", valueName: "page.html"))
  var html: String?

  func validate() throws {
    guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("'\(path)' does not exist") }
  }

  func run() throws {
    let ruleSet = try ruleOptions.load(cached: true)
    let annotator: Annotator
    do {
      annotator = try Annotator(rules: ruleSet)
    } catch {
      report(Diagnostic.error("\(error)").description)
      throw ExitCode.usageOrRules
    }
    let (documents, failures) = annotator.annotateFiles(at: path)
    for failure in failures { report(failure) }
    let palette = TypePalette(types: ruleSet.types)
    if let html {
      let page = HTMLRenderer(palette: palette).render(documents, title: path)
      do {
        try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
      } catch {
        report(Diagnostic.error(file: html, "cannot write (\(error.localizedDescription))").description)
        throw ExitCode.ioFailure
      }
      let mentions = documents.reduce(0) { $0 + $1.mentions.count }
      report("quipu: wrote \(html): \(documents.count) documents, \(mentions) mentions")
    } else {
      let renderer = TerminalRenderer(palette: palette, usesColor: Self.stdoutWantsColor)
      print(documents.map(renderer.render).joined(separator: "\n"), terminator: "")
    }
    if !failures.isEmpty { throw ExitCode.documentsFailed }
  }

  /// Colour only on a terminal, and never when `NO_COLOR` is set to anything (no-color.org).
  static var stdoutWantsColor: Bool {
    isatty(STDOUT_FILENO) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
  }
}
