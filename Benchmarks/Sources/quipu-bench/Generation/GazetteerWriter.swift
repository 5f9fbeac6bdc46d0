import Foundation
import Rules

/// Writes gazetteers of N aliases as Quipu rule folders (YAML) and as TSV files for the peers.
///
/// A gazetteer folder holds `real/` (a copy of the repo's rule files) and `synthetic/`
/// (generated entities, 5,000 per file). Its TSV lists one alias a line:
/// `entity id <TAB> type <TAB> alias text`, the name included.
struct GazetteerWriter {
  static let entitiesPerFile = 5_000

  let name: String
  let folder: URL
  let targetAliases: Int
  private(set) var aliasCount = 0
  private var tsv = ""
  private var yaml = ""
  private var entitiesInFile = 0
  private var fileIndex = 0
  private var tsvHandle: FileHandle

  /// Starts a gazetteer: copies the real rule files and lists their aliases.
  init(name: String, root: URL, targetAliases: Int, realRules: RuleSet, rulesFolder: URL, relativeRuleFiles: [String]) throws {
    self.name = name
    self.folder = root.appendingPathComponent(name, isDirectory: true)
    self.targetAliases = targetAliases
    let fm = FileManager.default
    try? fm.removeItem(at: folder)
    for relative in relativeRuleFiles {
      let target = folder.appendingPathComponent("real").appendingPathComponent(relative)
      try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try fm.copyItem(at: rulesFolder.appendingPathComponent(relative), to: target)
    }
    try fm.createDirectory(at: folder.appendingPathComponent("synthetic"), withIntermediateDirectories: true)
    let tsvURL = root.appendingPathComponent("\(name).tsv")
    _ = fm.createFile(atPath: tsvURL.path, contents: nil)
    tsvHandle = try FileHandle(forWritingTo: tsvURL)
    for alias in realRules.aliases {
      let entity = realRules.entities[Int(alias.entity)]
      tsv += "\(entity.id)\t\(entity.type)\t\(Self.tsvField(alias.text))\n"
    }
    aliasCount = realRules.aliases.count
  }

  var isFull: Bool { aliasCount >= targetAliases }

  /// Adds `entity`, trimming its aliases so the gazetteer ends at exactly `targetAliases`.
  /// Returns false (and adds nothing) once the gazetteer is full.
  mutating func add(_ entity: SyntheticEntity) throws -> Bool {
    guard !isFull else { return false }
    var entity = entity
    let room = targetAliases - aliasCount
    if entity.aliasCount > room { entity.aliases.removeLast(entity.aliasCount - room) }
    aliasCount += entity.aliasCount
    if entitiesInFile == 0 {
      yaml = "# Made-up entities for benchmarking, written by `quipu-bench generate`.\nentities:\n"
    }
    yaml += "  - id: \(entity.id)\n    type: \(entity.type)\n    name: \(Self.quoted(entity.name))\n"
    if !entity.aliases.isEmpty {
      yaml += "    aliases:\n"
      for alias in entity.aliases {
        if let lang = alias.lang {
          yaml += "      - { text: \(Self.quoted(alias.text)), lang: \(lang) }\n"
        } else {
          yaml += "      - \(Self.quoted(alias.text))\n"
        }
      }
    }
    for text in [entity.name] + entity.aliases.map(\.text) {
      tsv += "\(entity.id)\t\(entity.type)\t\(Self.tsvField(text))\n"
    }
    entitiesInFile += 1
    if entitiesInFile == Self.entitiesPerFile { try flushFile() }
    if tsv.utf8.count > 1 << 20 { flushTSV() }
    return true
  }

  mutating func finish() throws {
    if entitiesInFile > 0 { try flushFile() }
    flushTSV()
    try tsvHandle.close()
  }

  private mutating func flushFile() throws {
    fileIndex += 1
    let url = folder.appendingPathComponent("synthetic").appendingPathComponent(String(format: "%04d.yaml", fileIndex))
    try Data(yaml.utf8).write(to: url)
    yaml = ""
    entitiesInFile = 0
  }

  private mutating func flushTSV() {
    tsvHandle.write(Data(tsv.utf8))
    tsv = ""
  }

  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  static func tsvField(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
