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

  /// Writes `bytes` to a temporary file beside `url` and renames it into place, so a
  /// reader (or a run killed midway) sees the old file or the new one, never a torn one.
  ///
  /// `durable` files are flushed to disk before the rename (Foundation's write, with an
  /// `fsync`); the others are not, and the caller calls `sync()` once after many of them: a
  /// batch run's per-document files, where one `fsync` each cost 2 ms, a third of a run.
  public func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent)\(Self.temporaryMarker)\(getpid())", isDirectory: false)
    func put() throws {
      if durable {
        try Data(bytes).write(to: temporary)
      } else {
        try Self.writeWithoutSync(bytes, to: temporary.path)
      }
    }
    do {
      try put()
    } catch {
      // Most folders exist already; create them only when a write says so.
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try put()
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: reason])
    }
  }

  /// Writes `bytes` to `path` (created or truncated) with no `fsync`; on failure the file is
  /// removed. Shared by batch runs and `quipu merge` (`BulkWriter`).
  static func writeWithoutSync<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw posixError(errno, path) }
    var written = 0
    let status: Int32 = bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += n
      }
      return 0
    }
    let closed = close(fd) == 0 ? 0 : errno
    if status != 0 || closed != 0 {
      unlink(path)
      throw posixError(status != 0 ? status : closed, path)
    }
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

  /// Removes temporary files that a killed run left (call with the lock held).
  func removeLeftoverTemporaryFiles() {
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
    for case let relative as String in walker where relative.contains(Self.temporaryMarker) {
      try? FileManager.default.removeItem(atPath: root.path + "/" + relative)
    }
  }

  /// Removes the given per-document files (paths relative to `docs/`) that are regular files;
  /// returns how many. Callers pass only files a run state records Quipu writing: anything
  /// else under `docs/` is the user's.
  @discardableResult
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
