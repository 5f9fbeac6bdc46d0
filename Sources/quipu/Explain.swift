import ArgumentParser
import Foundation
import Normalization
import Pipeline
import Presentation

/// `quipu explain`: why each mention was found and resolved as it was.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain the mentions of a file (or a text): rules, keys, entity choice, losing candidates.",
    discussion: """
      quipu explain seeds/001.txt 790-805   mentions at code points [790, 805)
      quipu explain --text "President Dina Boluarte habló en Lima"
      """)

  @Argument(help: "A document to explain.")
  var file: String?

  @Argument(help: "START-END: only mentions overlapping these code point offsets.")
  var range: String?

  @Option(help: "Explain this text instead of a file.")
  var text: String?

  @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

  @Flag(
    name: .customLong("no-rules-cache"),
    help: "Compile the rules even if the compiled-rules cache ($QUIPU_CACHE_DIR, else ~/.cache/quipu) holds them.")
  var noRulesCache = false

  func validate() throws {
    guard (file == nil) != (text == nil) else { throw ValidationError("give a file or --text, not both") }
    if let range { guard parse(range) != nil else { throw ValidationError("'\(range)' is not START-END") } }
  }

  func parse(_ range: String) -> Range<Int>? {
    let parts = range.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 2, parts[0] <= parts[1] else { return nil }
    return parts[0]..<parts[1]
  }

  func run() throws {
    let ruleSet = try ruleOptions.load(cached: !noRulesCache)
    let extractor = try Extractor(rules: ruleSet)
    var units: [UInt16]
    var path = "text"
    if let file {
      path = file
      guard let data = FileManager.default.contents(atPath: file) else {
        report(Diagnostic.error(file: file, "cannot read file").description)
        throw ExitCode.usageOrRules
      }
      do {
        units = try TextDecoder.decode([UInt8](data)).utf16
      } catch {
        report(Diagnostic.error(file: file, "\(error)").description)
        throw ExitCode.documentsFailed
      }
    } else {
      units = Array(text!.utf16)
    }
    print(TerminalText.escaped(Explanation.explain(path: path, text: units, range: range.flatMap(parse), extractor: extractor)))
  }
}
