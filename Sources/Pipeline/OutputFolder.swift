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
/// `entities`) can collide with `entities.jsonl`. Everything under `docs/` ending in
/// `.jsonl` is Quipu's: a run removes such files whose document is gone or failed.
/// Other formats (`quipu run --format`) use their own suffixes there, and clean up only those.
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

  /// Removes per-document files (ending in `suffix`) whose relative path is not in `keep`;
  /// returns how many.
  @discardableResult
  public func removeDocumentFiles(notIn keep: Set<String>, suffix: String = ".jsonl") -> Int {
    let folder = documentsFolder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
    var removed = 0
    for case let relative as String in walker where relative.hasSuffix(suffix) {
      let document = String(relative.dropLast(suffix.count))
      if keep.contains(document) { continue }
      var isDirectory: ObjCBool = false
      let path = folder + "/" + relative
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        if (try? FileManager.default.removeItem(atPath: path)) != nil { removed += 1 }
      }
    }
    return removed
  }
}
