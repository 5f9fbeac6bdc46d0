import Foundation

/// Whole output folders, for byte-for-byte comparisons.
public enum Snapshot {
  /// Every regular file under `folder`, relative path → contents (empty when there is no folder).
  public static func files(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = folder.standardizedFileURL.path + "/"
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
    for case let url as URL in walker {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      files[String(url.standardizedFileURL.path.dropFirst(root.count))] = try Data(contentsOf: url)
    }
    return files
  }
}
