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
      let what = FileManager.default.fileExists(atPath: root.path) ? "is not a folder" : "does not exist"
      source.diagnostics.append(
        .error(
          at: FileLocation(path: directory, line: 0, column: 0),
          "no rules folder: '\(root.path)' \(what) (give the folder of rule files with --rules DIR)"))
      return source
    }
    // Read in order; parse the YAML files on all cores (parsing is most of a big gazetteer's
    // load); merge in order, so the result is the same as one file after another.
    let files = ruleFiles(under: root).map { relative -> FileJob in
      let path = display + "/" + relative
      let url = root.appendingPathComponent(relative)
      var job = FileJob(relative: relative, path: path, url: url)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        job.problem = .error(at: FileLocation(path: path, line: 1, column: 1), "cannot read file")
        return job
      }
      job.data = data
      do throws(DecodingError) {
        job.text = String(utf16: try TextDecoder.decode([UInt8](data)).utf16)
      } catch {
        let (line, column) = position(ofByte: error.byteOffset, in: [UInt8](data))
        job.problem = .error(at: FileLocation(path: path, line: line, column: column), error.description)
      }
      return job
    }
    let parsed = parseInParallel(files)
    for (job, file) in zip(files, parsed) {
      source.files.append(job.path)
      if let problem = job.problem, job.data == nil {
        source.diagnostics.append(problem)
        continue
      }
      source.digest.combine(job.path)
      source.digest.combine(bytes: job.data!)
      source.inputs.append(job.url.standardizedFileURL.path)
      if let problem = job.problem {
        source.diagnostics.append(problem)
        continue
      }
      let defaultPack = job.defaultPack
      if job.isSpacy {
        // spaCy EntityRuler patterns: the file is its pack.
        if skippedPacks.contains(defaultPack) {
          source.skippedPacks.append(defaultPack)
        } else {
          SpacyPatternFile(path: job.path, pack: defaultPack).parse(job.text, into: &source)
        }
        continue
      }
      if let file { merge(file, into: &source, skippingPacks: skippedPacks) }
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

  /// One rule file on its way in: read, decoded, then parsed.
  struct FileJob {
    var relative: String
    var path: String
    var url: URL
    var data: Data?
    var text = ""
    var problem: Diagnostic?

    var defaultPack: String { relative.split(separator: ".").dropLast().joined(separator: ".") }
    var isSpacy: Bool { relative.lowercased().hasSuffix(".jsonl") }
  }

  /// A parsed YAML file: its rules, and whether they count.
  struct ParsedFile: Sendable {
    var source: RuleSource
    var enabled: Bool
    var pack: String
  }

  /// The YAML files of `jobs` parsed, on all cores, in the order of `jobs` (nil for the others).
  static func parseInParallel(_ jobs: [FileJob]) -> [ParsedFile?] {
    [ParsedFile?](unsafeUninitializedCapacity: jobs.count) { buffer, count in
      buffer.initialize(repeating: nil)
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
        let job = jobs[i]
        guard job.problem == nil, job.data != nil, !job.isSpacy else { return }
        out[i] = parseFile(yaml: job.text, path: job.path, pack: job.defaultPack, fileURL: job.url)
      }
      count = jobs.count
    }
  }

  static func parseFile(yaml: String, path: String, pack: String?, fileURL: URL?) -> ParsedFile {
    var parser = RuleFileParser(path: path, pack: pack ?? path, into: RuleSource())
    parser.fileURL = fileURL
    parser.parse(yaml)
    return ParsedFile(source: parser.source, enabled: parser.enabled, pack: parser.pack)
  }

  /// Parses one file into `merged` in place (no copy of what earlier files loaded).
  static func merge(
    yaml: String, path: String, pack: String?, into merged: inout RuleSource, skippingPacks skippedPacks: Set<String>,
    fileURL: URL? = nil
  ) {
    merge(parseFile(yaml: yaml, path: path, pack: pack, fileURL: fileURL), into: &merged, skippingPacks: skippedPacks)
  }

  /// Adds one parsed file to `merged`.
  static func merge(_ parsed: ParsedFile, into merged: inout RuleSource, skippingPacks skippedPacks: Set<String>) {
    let file = parsed.source
    let parser = parsed
    merged.diagnostics += file.diagnostics
    // Definitions find nothing by themselves: they stay available when their pack is left
    // out, so that `--skip-pack common` leaves the other packs' patterns valid.
    merged.definitions += file.definitions
    if parser.enabled && !skippedPacks.contains(parser.pack) {
      merged.entities += file.entities
      merged.declaredTypes += file.declaredTypes
      merged.lists += file.lists
      merged.patterns += file.patterns
      merged.languageProfiles += file.languageProfiles
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
