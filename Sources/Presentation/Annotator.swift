import Foundation
import Normalization
import Pipeline
import Rules

/// Runs documents through the pipeline (an ``Extractor``) and keeps what `quipu show`
/// displays about each mention: its entity, its rule, and how the rule matched.
///
/// Not thread-safe (it owns an extractor); make one per thread.
public final class Annotator {
  public let rules: RuleSet
  let extractor: Extractor

  public init(rules: RuleSet) throws(ICUError) {
    self.rules = rules
    self.extractor = try Extractor(rules: rules)
  }

  /// Decodes and annotates a document's bytes.
  public func annotate(path: String, bytes: [UInt8]) throws(DecodingError) -> AnnotatedDocument {
    annotate(try extractor.extract(path: path, bytes: bytes))
  }

  /// Annotates text that is already a string (tests).
  public func annotate(path: String, text: String) -> AnnotatedDocument {
    annotate(extractor.extract(path: path, text: text))
  }

  func annotate(_ extracted: ExtractedDocument) -> AnnotatedDocument {
    let document = extracted.document
    let tokens = document.tokens
    let highlights = extracted.mentions.map { mention in
      let first = tokens[Int(mention.firstToken)]
      let last = tokens[Int(mention.endToken) - 1]
      return Highlight(
        utf16Start: Int(first.utf16Start), utf16End: Int(last.utf16End), start: Int(first.start), end: Int(last.end),
        text: extracted.text(of: mention), type: mention.type, entityID: mention.entityID, name: mention.name,
        rule: mention.rule.located, how: how(alias: mention.alias, pattern: mention.pattern) ?? "")
    }
    return AnnotatedDocument(path: document.path, text: document.text, mentions: highlights)
  }

  /// `alias “Boluarte”, loose match`, `name “Dina Boluarte”, loose match`, or `pattern “org-acronym”`
  /// for the alias or pattern that matched a mention (``ResolvedMention/alias``, ``ResolvedMention/pattern``;
  /// a pattern mention has no alias: its `alias` is -1); nil when it names neither (coreference).
  func how(alias: Int32, pattern: Int32) -> String? {
    if alias >= 0 {
      let alias = rules.aliases[Int(alias)]
      let kind = alias.text == rules.entities[Int(alias.entity)].name ? "name" : "alias"
      return "\(kind) “\(alias.text)”, \(alias.mode.rawValue) match"
    }
    if pattern >= 0 { return "pattern “\(rules.patterns[Int(pattern)].id)”" }
    return nil
  }

  /// Annotates one file, or every document of a folder (as `quipu run` lists them: sorted,
  /// hidden files skipped). Documents are titled with the path as the user would type it
  /// (`docs/a.txt`); those that cannot be read are returned as `path: error: message`.
  public func annotateFiles(at path: String) -> (documents: [AnnotatedDocument], failures: [String]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return ([], ["\(path): error: no such file or folder"])
    }
    var files: [String]
    var failures: [String] = []
    if isDirectory.boolValue {
      do {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let listing = try InputCatalog.listing(in: URL(fileURLWithPath: path))
        files = listing.documents.map { prefix + $0 }
        failures = listing.problems.map { "\($0.path.isEmpty ? path : prefix + $0.path): error: \($0.message)" }
      } catch {
        return ([], ["\(path): error: cannot list the folder (\(error.localizedDescription))"])
      }
    } else {
      files = [path]
    }
    var documents: [AnnotatedDocument] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        failures.append("\(file): error: cannot read file")
        continue
      }
      do {
        documents.append(try annotate(path: file, bytes: [UInt8](data)))
      } catch {
        failures.append("\(file): error: \(error)")
      }
    }
    return (documents, failures)
  }
}
