import Foundation

/// The documents of an input folder, in a stable order.
public enum InputCatalog {
  /// Relative paths (with `/`) of the regular files under `folder`, sorted by their UTF-8
  /// bytes. Hidden files and folders (names starting with `.`) are skipped, and so is
  /// `excluding`, and any folder with a `.<name>.quipu/` state folder beside it: Quipu's output
  /// of an earlier run, not documents. Symbolic links
  /// to files are read; links to folders are not followed, so link loops cannot trap a run.
  public static func documents(in folder: URL, excluding excluded: URL? = nil) throws -> [String] {
    let root = folder.standardizedFileURL.resolvingSymlinksInPath()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
    }
    let skip = excluded?.standardizedFileURL.resolvingSymlinksInPath().path
    let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path]) }
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    var found: [String] = []
    for case let url as URL in walker {
      let path = url.standardizedFileURL.path
      if let skip, path == skip || path.hasPrefix(skip + "/") {
        walker.skipDescendants()
        continue
      }
      let values = try? url.resourceValues(forKeys: Set(keys))
      if values?.isDirectory == true, isOutputFolder(url) {
        walker.skipDescendants()
        continue
      }
      var isFile = values?.isRegularFile == true
      if values?.isSymbolicLink == true {
        var isDirectory: ObjCBool = false
        isFile = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
      }
      guard isFile, path.hasPrefix(prefix) else { continue }
      found.append(String(path.dropFirst(prefix.count)))
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Whether `url` is a folder that a run wrote: `.<name>.quipu/run-state` lies beside it.
  static func isOutputFolder(_ url: URL) -> Bool {
    let state = OutputFolder(url).stateFile.path
    return access(state, F_OK) == 0
  }
}
