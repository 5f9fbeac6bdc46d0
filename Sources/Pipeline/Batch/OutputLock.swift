import Foundation
import Normalization

/// An exclusive lock on an output folder, so that two runs never write the same `out/`.
///
/// `flock(2)` on `.out.quipu/lock`: the kernel releases it when the process ends, however it
/// ends, so a killed run never leaves a stale lock behind.
final class OutputLock {
  private let descriptor: Int32

  /// Takes the lock, or throws a message naming the folder when another run holds it.
  ///
  /// The lock is taken on the folder's real path, so that `--out link` and `--out out`, with
  /// `link` a symbolic link to `out` (or to a folder above it), are one folder and one lock.
  init(folder: URL) throws(BatchError) {
    let state = OutputFolder(Self.realPath(folder)).stateFolder
    try? FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    let path = state.appendingPathComponent("lock").path
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw BatchError(
        .error(file: folder.path, "cannot create the lock file \(path) (\(String(cString: strerror(errno))))"))
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw BatchError(
        .error(file: folder.path, "another quipu run is writing this output folder; wait for it to finish"))
    }
    descriptor = fd
  }

  /// `url` with every symbolic link resolved: `realpath(3)` of the folder, or, while it does not
  /// exist yet, of the nearest folder above it that does, followed by the rest of the path.
  static func realPath(_ url: URL) -> URL {
    var missing: [String] = []
    var current = url.standardizedFileURL
    while current.path != "/" {
      if let resolved = realpath(current.path, nil) {
        defer { free(resolved) }
        var real = URL(fileURLWithPath: String(cString: resolved), isDirectory: true)
        for component in missing.reversed() { real.appendPathComponent(component, isDirectory: true) }
        return real
      }
      missing.append(current.lastPathComponent)
      current.deleteLastPathComponent()
    }
    return url.standardizedFileURL
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
