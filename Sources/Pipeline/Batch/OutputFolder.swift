import Foundation

/// The layout of an output folder, and safe writes into it.
///
/// ```
/// out/
///   entities.jsonl            one line per canonical entity
///   docs/<relative path>.jsonl one file per input document, mirroring the input tree
/// .out.quipu/                 beside it: run state (for incremental runs) and the lock
/// ```
/// The bookkeeping lives beside the output folder, not in it, so that `out/` holds exactly what
/// a run produces (it is committed and compared byte for byte).
/// Per-document files live under `docs/` so that no input name (not even one called
/// `entities`) can collide with `entities.jsonl`. A run removes the files of documents that
/// are gone or failed, and only files that its run state records Quipu writing (``RunState``):
/// a file it never wrote, even under `docs/`, is left alone.
public struct OutputFolder: Sendable {
  public let root: URL
  public init(_ root: URL) { self.root = root.standardizedFileURL }

  public var entitiesFile: URL { root.appendingPathComponent("entities.jsonl") }
  /// Quipu's own bookkeeping (run state, lock): `.out.quipu/` beside `out/`; git-ignore it.
  public var stateFolder: URL {
    root.deletingLastPathComponent().appendingPathComponent(".\(root.lastPathComponent).quipu", isDirectory: true)
  }
  public var stateFile: URL { stateFolder.appendingPathComponent("run-state") }
  public var documentsFolder: URL { root.appendingPathComponent("docs", isDirectory: true) }

  public func file(forDocument relativePath: String, suffix: String = ".jsonl") -> URL {
    documentsFolder.appendingPathComponent(relativePath + suffix, isDirectory: false)
  }

  /// How bytes reach the disk (for tests: a disk that fills up; see ``FileWriter``).
  var writer = FileWriter.system

  /// Writes `bytes` to a temporary file beside `url` and renames it into place, so a
  /// reader (or a run killed midway) sees the old file or the new one, never a torn one.
  ///
  /// `durable` files are flushed to disk before the rename (`fsync`); the others are not: a
  /// batch run's per-document files, where one `fsync` each cost 2 ms, a third of a run.
  /// On failure no temporary file is left, and the old file is as it was.
  public func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(WriteFailure) {
    let temporary = try writeTemporary(bytes, for: url, durable: durable)
    try moveIntoPlace(temporary, url)
  }

  /// The hidden temporary file that stands for `url` until it is renamed into place.
  func temporary(for url: URL) -> URL {
    url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent)\(Self.temporaryMarker)\(getpid())", isDirectory: false)
  }

  /// Writes `bytes` to the temporary file of `url` (``temporary(for:)``), creating folders as
  /// needed, and returns it; on failure, nothing is left.
  func writeTemporary(_ bytes: [UInt8], for url: URL, durable: Bool) throws(WriteFailure) -> URL {
    let temporary = temporary(for: url)
    var status = writer.put(bytes, to: temporary.path, durable: durable)
    if status == ENOENT {
      // Most folders exist already; create them only when a write says so.
      status = Self.makeFolders(url.deletingLastPathComponent().path)
      if status == 0 { status = writer.put(bytes, to: temporary.path, durable: durable) }
    }
    guard status == 0 else { throw WriteFailure(path: url.path, code: status) }
    return temporary
  }

  /// Renames a temporary file over `url`; on failure the temporary file is removed.
  func moveIntoPlace(_ temporary: URL, _ url: URL) throws(WriteFailure) {
    guard rename(temporary.path, url.path) == 0 else {
      let code = errno
      unlink(temporary.path)
      throw WriteFailure(path: url.path, code: code)
    }
  }

  /// `mkdir -p`: 0, or the `errno` of the folder that could not be made.
  static func makeFolders(_ path: String) -> Int32 {
    if mkdir(path, 0o755) == 0 || errno == EEXIST { return 0 }
    guard errno == ENOENT else { return errno }
    let parent = (path as NSString).deletingLastPathComponent
    guard !parent.isEmpty, parent != path else { return ENOENT }
    let status = makeFolders(parent)
    if status != 0 { return status }
    return mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : errno
  }

  /// Writes `bytes` to `path` (created or truncated) with no `fsync`; on failure the file is
  /// removed. For `quipu merge` (`BulkWriter`).
  static func writeWithoutSync<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String) throws {
    let status = FileWriter.system.put(bytes, to: path, durable: false)
    if status != 0 { throw posixError(status, path) }
  }

  static func posixError(_ code: Int32, _ path: String) -> Error {
    CocoaError(
      .fileWriteUnknown,
      userInfo: [
        NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(code)),
        NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO),
      ])
  }

  /// Part of the name of a file being written; a killed run can leave one behind.
  static let temporaryMarker = ".quipu-tmp-"

  /// Removes temporary files that a killed run left, in the output folder and beside it
  /// (the run state's; call with the lock held).
  func removeLeftoverTemporaryFiles() {
    for folder in [root, stateFolder] { Self.removeTemporaryFiles(under: folder.path) }
  }

  /// Walks the folder at `path` (not following links; `d_type` says which entries are folders,
  /// so a file costs no system call) and removes every entry whose name holds the marker.
  static func removeTemporaryFiles(under path: String) {
    guard let folder = opendir(path) else { return }
    defer { closedir(folder) }
    let marker = Array(temporaryMarker.utf8)
    while let entry = readdir(folder) {
      let listed = Int32(entry.pointee.d_type)
      // The name, as a string only when it is needed: a marked entry, or a folder to walk.
      let found: (name: String, marked: Bool)? = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
          let name = UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self)))
          if name.elementsEqual([0x2E]) || name.elementsEqual([0x2E, 0x2E]) { return nil }
          let marked = name.count >= marker.count && (0...(name.count - marker.count)).contains { start in
            name[start..<start + marker.count].elementsEqual(marker)
          }
          guard marked || listed == Int32(DT_DIR) || listed == Int32(DT_UNKNOWN) else { return nil }
          return (String(decoding: name, as: UTF8.self), marked)
        }
      }
      guard let (name, marked) = found else { continue }
      let child = path + "/" + name
      if marked {
        try? FileManager.default.removeItem(atPath: child)
        continue
      }
      var info = stat()
      if listed == Int32(DT_DIR) || (lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
        removeTemporaryFiles(under: child)
      }
    }
  }

  /// Removes the given per-document files (paths relative to `docs/`) that are regular files;
  /// returns how many. Callers pass only files a run state records Quipu writing: anything
  /// else under `docs/` is the user's.
  @discardableResult
  /// Removes the folders at `folders` (relative to `docs/`) that are empty, deepest first: a
  /// folder that still holds anything stays.
  func removeEmptyFolders(_ folders: [String]) {
    for folder in Set(folders).sorted(by: { $0.utf8.count > $1.utf8.count })
    where !folder.split(separator: "/").contains("..") {
      rmdir(documentsFolder.appendingPathComponent(folder, isDirectory: true).path)
    }
  }

  public func removeDocumentFiles(_ files: some Sequence<String>) -> Int {
    var removed = 0
    for file in files where !file.split(separator: "/").contains("..") {
      let path = documentsFolder.appendingPathComponent(file, isDirectory: false).path
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      if unlink(path) == 0 { removed += 1 }
    }
    return removed
  }
}
