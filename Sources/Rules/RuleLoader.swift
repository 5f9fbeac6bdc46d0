import Foundation
import Normalization

/// Finds and reads rule files.
public enum RuleLoader {
  /// Reads every `*.yaml` (or `*.yml`) file, and every spaCy pattern file (`*.jsonl`, see
  /// `SpacyPatternFile`), under `directory` (recursively, hidden files skipped) in
  /// sorted path order. Never throws: unreadable files and bad YAML become diagnostics.
  ///
  /// Paths in diagnostics and in output `rule` fields are display paths: the folder's own
  /// name, then the path inside it (`rules/seeds/places.yaml`), so they are the same
  /// whatever the working directory and never absolute.
  ///
  /// A file whose pack is in `skippedPacks`, or that says `enabled: false`, contributes no
  /// rules (its problems are still reported). A pack is named by the file's `pack:` key, else
  /// by its path in the folder without extension: `rules/packs/en.yaml` is pack `packs/en`.
  public static func load(directory: String, skippingPacks skippedPacks: Set<String> = []) -> RuleSource {
    var source = RuleSource()
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let display = root.lastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      source.diagnostics.append(
        .error(at: FileLocation(path: directory, line: 1, column: 1), "rules folder not found"))
      return source
    }
    for relative in ruleFiles(under: root) {
      let path = display + "/" + relative
      source.files.append(path)
      let url = root.appendingPathComponent(relative)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        source.diagnostics.append(.error(at: FileLocation(path: path, line: 1, column: 1), "cannot read file"))
        continue
      }
      source.digest.combine(path)
      source.digest.combine(bytes: data)
      source.inputs.append(url.standardizedFileURL.path)
      let text: String
      do {
        text = String(utf16: try TextDecoder.decode([UInt8](data)).utf16)
      } catch {
        let (line, column) = position(ofByte: error.byteOffset, in: [UInt8](data))
        source.diagnostics.append(.error(at: FileLocation(path: path, line: line, column: column), error.description))
        continue
      }
      let defaultPack = relative.split(separator: ".").dropLast().joined(separator: ".")
      if relative.lowercased().hasSuffix(".jsonl") {
        // spaCy EntityRuler patterns: the file is its pack.
        if skippedPacks.contains(defaultPack) {
          source.skippedPacks.append(defaultPack)
        } else {
          SpacyPatternFile(path: path, pack: defaultPack).parse(text, into: &source)
        }
        continue
      }
      merge(yaml: text, path: path, pack: defaultPack, into: &source, skippingPacks: skippedPacks, fileURL: url)
    }
    for pack in skippedPacks.sorted() { source.digest.combine("skip:" + pack) }
    return source
  }

  /// Parses one file's YAML text into `source` (exposed for tests and tools).
  public static func parse(
    yaml: String, path: String, pack: String? = nil, into source: RuleSource = RuleSource(),
    skippingPacks skippedPacks: Set<String> = [], fileURL: URL? = nil
  ) -> RuleSource {
    var merged = source
    merge(yaml: yaml, path: path, pack: pack, into: &merged, skippingPacks: skippedPacks, fileURL: fileURL)
    return merged
  }

  /// Parses one file into `merged` in place (no copy of what earlier files loaded).
  static func merge(
    yaml: String, path: String, pack: String?, into merged: inout RuleSource, skippingPacks skippedPacks: Set<String>,
    fileURL: URL? = nil
  ) {
    var parser = RuleFileParser(path: path, pack: pack ?? path, into: RuleSource())
    parser.fileURL = fileURL
    parser.parse(yaml)
    let file = parser.source
    merged.diagnostics += file.diagnostics
    if parser.enabled && !skippedPacks.contains(parser.pack) {
      merged.entities += file.entities
      merged.declaredTypes += file.declaredTypes
      merged.lists += file.lists
      merged.patterns += file.patterns
      merged.mergeLayers(of: file)  // RuleSource+Layers.swift
    } else if !merged.skippedPacks.contains(parser.pack) {
      merged.skippedPacks.append(parser.pack)
    }
  }

  /// Relative paths of the `*.yaml` files under `root`, sorted.
  static func ruleFiles(under root: URL) -> [String] {
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    var found: [String] = []
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    for case let url as URL in walker where ["yaml", "yml", "jsonl"].contains(url.pathExtension.lowercased()) {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let full = url.standardizedFileURL.path
      found.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent)
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// 1-based line and column (in characters) of a byte offset.
  static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    let column = bytes[lineStart..<min(offset, bytes.count)].count { $0 & 0xC0 != 0x80 } + 1
    return (line, column)
  }
}
