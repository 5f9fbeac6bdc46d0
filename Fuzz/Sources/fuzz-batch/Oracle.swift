import Foundation
import Pipeline

/// What a run over the input folder should see, found independently of `InputCatalog`: a walk
/// of the tree as the runner's user, with the rules of `quipu run` (docs/REFERENCE.md): hidden
/// names skipped, folders not followed through links, a link to a file or to nothing is a
/// document, the default extensions and files without one, a folder that cannot be listed
/// or an entry that cannot be named (not UTF-8) or examined is one failure.
struct Oracle {
  /// Relative paths of the documents a run processes, by their bytes (a `Set<String>` would
  /// take the NFC and NFD spellings of one name, two files, for one).
  var documents: [BytePath: String] = [:]
  /// Relative paths (escaped as `InputCatalog` shows them) of what could not be listed or named.
  var problems: [BytePath: String] = [:]
  /// Folders that could not be listed: the documents under them are unknown (their output is kept).
  var unlistedFolders: [String] = []

  init(input: BytePath) {
    var pending: [(BytePath, String)] = [([], "")]
    while let (relativeBytes, relative) = pending.popLast() {
      let folder = relative.isEmpty ? input : input.joined(relativeBytes)
      guard let found = names(in: folder) else {
        problems[Array(relative.utf8)] = relative
        unlistedFolders.append(relative)
        continue
      }
      for name in found where name.first != UInt8(ascii: ".") {
        let childBytes = relativeBytes.isEmpty ? name : relativeBytes.joined(name)
        guard let text = String(validating: name, as: UTF8.self) else {
          let shown = (relative.isEmpty ? "" : relative + "/") + InputCatalog.escaped(name)
          if Self.accepts(shown) { problems[Array(shown.utf8)] = shown }
          continue
        }
        let child = relative.isEmpty ? text : relative + "/" + text
        var info = stat()
        guard withPath(input.joined(childBytes), { lstat($0, &info) }) == 0 else {
          if Self.accepts(child) { problems[Array(child.utf8)] = child }
          continue
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: pending.append((childBytes, child))
        case S_IFREG: if Self.accepts(child) { documents[Array(child.utf8)] = child }
        case S_IFLNK:
          let target = withPath(input.joined(childBytes)) { stat($0, &info) }
          if (target != 0 || info.st_mode & S_IFMT == S_IFREG) && Self.accepts(child) { documents[Array(child.utf8)] = child }
        default: break
        }
      }
    }
  }

  /// The default filter: the extensions of ``BatchOptions/defaultExtensions`` and files without one.
  static func accepts(_ relative: String) -> Bool {
    let name = relative.split(separator: "/").last.map(String.init) ?? relative
    let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
    return ext.isEmpty || BatchOptions.defaultExtensions.contains(ext)
  }

  /// Whether a document's output may be kept without its document being read: it lies under
  /// a folder that could not be listed.
  func isDocument(_ relative: String) -> Bool { documents[Array(relative.utf8)] != nil }
  func isProblem(_ relative: String) -> Bool { problems[Array(relative.utf8)] != nil }
  /// The documents in byte order.
  var sortedDocuments: [String] { documents.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value) }

  /// Documents whose output paths collide: one's output file is a folder of another's
  /// (`a` → `docs/a.jsonl`, `a.jsonl/b` → `docs/a.jsonl/b.jsonl`). One of them cannot be
  /// written, and which one depends on what an earlier run left.
  func collisions(suffixes: [String]) -> Set<BytePath> {
    var owners: [BytePath: BytePath] = [:]
    for key in documents.keys { for suffix in suffixes { owners[key + suffix] = key } }
    var found: Set<BytePath> = []
    for key in documents.keys {
      var prefix: BytePath = []
      for component in key.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast() {
        prefix = prefix.isEmpty ? Array(component) : prefix.joined(Array(component))
        if let owner = owners[prefix] {
          found.insert(owner)
          found.insert(key)
        }
      }
    }
    return found
  }

  func isUnlisted(_ relative: String) -> Bool {
    unlistedFolders.contains { $0.isEmpty || relative.utf8.starts(with: ($0 + "/").utf8) }
  }
}
