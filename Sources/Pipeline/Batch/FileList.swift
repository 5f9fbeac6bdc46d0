import Foundation

/// A line of a `--files` list that names no document of the input folder.
public struct FileListError: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based line (or, in a NUL-separated list, entry) number.
  public var line: Int
  public var message: String
  public var description: String { "line \(line): \(message)" }
}

/// The documents that a list of paths names (`quipu run FOLDER --files LIST`).
public enum FileList {
  /// Relative paths (with `/`) of the documents that `list` names, sorted by UTF-8 bytes,
  /// each once, the way ``InputCatalog`` names them, so that output is the same as for a run
  /// over the folder.
  ///
  /// - One path per line (`\n` or `\r\n`); blank lines are skipped. A list that contains a NUL
  ///   byte is NUL-separated instead (`find … -print0`), for names with line breaks.
  /// - A relative path is relative to `folder` (not to the working directory): `a/b.txt`, or
  ///   `./a/b.txt` (what `cd FOLDER && find . -type f` prints). `.` and `..` are resolved.
  /// - An absolute path must lie inside `folder`, directly or through symbolic links of
  ///   folders; it is made relative to it.
  /// - A path outside `folder` is an error. Listed files are taken as they are: hidden files are
  ///   not skipped, and a missing file fails like an unreadable one, when the run reaches it.
  public static func documents(from list: [UInt8], folder: String) throws(FileListError) -> [String] {
    let separator: UInt8 = list.contains(0) ? 0 : 0x0A
    let root = URL(fileURLWithPath: folder).standardizedFileURL
    var found: Set<PathKey> = []  // bytes: NFC and NFD names are two files
    for (offset, raw) in list.split(separator: separator, omittingEmptySubsequences: false).enumerated() {
      var entry = raw[...]
      if separator == 0x0A, entry.last == 0x0D { entry = entry.dropLast() }
      if entry.isEmpty { continue }
      guard let path = String(validating: entry, as: UTF8.self) else {
        throw FileListError(line: offset + 1, message: "the path is not UTF-8")
      }
      guard let relative = relativePath(path, in: root) else {
        throw FileListError(line: offset + 1, message: "'\(path)' is not inside the folder '\(folder)'")
      }
      found.insert(PathKey(relative))
    }
    return found.sorted(by: PathKey.byBytes).map(\.path)
  }

  /// `path` relative to `root`, or nil when it lies outside (or is `root` itself).
  static func relativePath(_ path: String, in root: URL) -> String? {
    guard path.hasPrefix("/") else { return normalized(path) }
    if let relative = relative(URL(fileURLWithPath: path).standardizedFileURL.path, under: root.path) {
      return relative
    }
    // The folder or the file's folder may be reached through a symbolic link; the file's own
    // name is kept (a link to a document is a document with the link's name).
    let file = URL(fileURLWithPath: path).standardizedFileURL
    let parent = file.deletingLastPathComponent().resolvingSymlinksInPath().path
    return relative(parent + "/" + file.lastPathComponent, under: root.resolvingSymlinksInPath().path)
  }

  private static func relative(_ path: String, under root: String) -> String? {
    let prefix = root.hasSuffix("/") ? root : root + "/"
    guard path.hasPrefix(prefix) else { return nil }
    return normalized(String(path.dropFirst(prefix.count)))
  }

  /// `a/./b//c/../d` → `a/b/d`; nil when `..` climbs out or nothing is left.
  private static func normalized(_ path: String) -> String? {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
      if part == ".." {
        if parts.popLast() == nil { return nil }
      } else {
        parts.append(part)
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }
}
