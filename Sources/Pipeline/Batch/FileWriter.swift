import Foundation
import Synchronization

/// How output bytes reach a file: `write(2)`, or, for tests, a disk that fills up.
///
/// Every byte a run writes under `out/` and `.out.quipu/` goes through one of these
/// (``OutputFolder/writer``), so that a test can make the disk full at any point, without root
/// and without a small file system.
struct FileWriter: Sendable {
  /// Writes some of `bytes` to `fd`, open on the file at `path`: the count written (short when
  /// the disk fills up), or minus the `errno`.
  var write: @Sendable (_ path: String, _ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int

  static let system = FileWriter { _, fd, bytes in
    let n = Foundation.write(fd, bytes.baseAddress, bytes.count)
    return n < 0 ? -Int(errno) : n
  }

  /// For tests: a disk with room for `room` more bytes. A write that does not fit writes what
  /// fits, and the next one fails with `ENOSPC`, as on a full file system; nothing is freed.
  static func disk(room: Int) -> FileWriter {
    let left = Mutex(room)
    return FileWriter { path, fd, bytes in
      let allowed = left.withLock { left in
        let allowed = min(left, bytes.count)
        left -= allowed
        return allowed
      }
      if allowed == 0 && bytes.count > 0 { return -Int(ENOSPC) }
      return FileWriter.system.write(path, fd, UnsafeRawBufferPointer(rebasing: bytes[..<allowed]))
    }
  }

  /// For tests: writes to the files whose path `full` accepts put half their bytes on disk,
  /// then fail with `ENOSPC` (the half-written file is the caller's to remove).
  static func failing(where full: @escaping @Sendable (String) -> Bool) -> FileWriter {
    FileWriter { path, fd, bytes in
      guard full(path) else { return FileWriter.system.write(path, fd, bytes) }
      _ = FileWriter.system.write(path, fd, UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count / 2)]))
      return -Int(ENOSPC)
    }
  }

  /// Writes all of `bytes` to `fd` (open on `path`), again after `EINTR` and short writes: 0,
  /// or the `errno`.
  func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) -> Int32 {
    var written = 0
    while written < bytes.count {
      let n = write(path, fd, UnsafeRawBufferPointer(rebasing: bytes[written...]))
      if n == -Int(EINTR) { continue }
      if n < 0 { return Int32(-n) }
      written += n
    }
    return 0
  }

  /// Writes `bytes` to a new file at `path` (created or truncated), flushed to disk first when
  /// `durable`: 0, or the `errno` of the call that failed, with the file removed.
  func put<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String, durable: Bool) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return errno }
    var status = bytes.withUnsafeBytes { writeAll(fd, $0, path: path) }
    if status == 0 && durable && fsync(fd) != 0 { status = errno }
    if close(fd) != 0 && status == 0 { status = errno }
    if status != 0 { unlink(path) }
    return status
  }
}

/// An output file that could not be written: its path and the system's reason.
public struct WriteFailure: Error, LocalizedError, CustomStringConvertible, Sendable {
  /// The file Quipu meant to write (not the temporary file it was writing).
  public var path: String
  public var code: Int32

  /// `No space left on device`
  public var reason: String { String(cString: strerror(code)) }
  public var errorDescription: String? { reason }
  /// `cannot write out/docs/a.txt.jsonl (No space left on device)`
  public var description: String { "cannot write \(path) (\(reason))" }
}
