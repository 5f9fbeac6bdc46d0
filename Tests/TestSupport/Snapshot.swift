import Foundation

/// Golden files: whole outputs compared with a committed file, re-recorded on request.
public enum Snapshot {
  /// The contents of `Snapshots/<name>` beside the calling test file, or, when the
  /// environment sets `RECORD_SNAPSHOTS=1`, writes `actual` there and returns it (review
  /// the change with `git diff`).
  public static func expected(_ actual: String, named name: String, testFile: String = #filePath) throws -> String {
    let url = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return actual
    }
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// Every regular file under `folder`, relative path → contents (empty when there is no folder).
  public static func files(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = folder.standardizedFileURL.path + "/"
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
    for case let url as URL in walker {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(root.count))
      if relative.hasPrefix(".quipu/") { continue }  // run state and lock, not output
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }
}
