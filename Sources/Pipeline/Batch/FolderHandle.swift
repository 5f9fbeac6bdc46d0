import Foundation

/// The file status of documents, or of their output files, one `fstatat` each: a worker keeps
/// the folder of the last file it examined open, and examines the next file of that folder by
/// its name, not by a path the kernel walks component by component from `/`. Documents come in
/// listing order, so most share the folder of the one before; no path string is built.
///
/// One per worker and tree (input, `out/docs`); not shared between threads.
final class FolderHandle {
  /// The tree's root, as a path.
  let root: String
  /// The relative folder (bytes, no final `/`) that `descriptor` is open on, when one is.
  private var folder: [UInt8] = []
  private var descriptor: Int32 = -1
  private var opened = false
  /// The name of the file to examine, NUL-terminated.
  private var name: [CChar] = []

  init(root: String) { self.root = root }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// The status of `relative` + `suffix` under the root (following symbolic links), or nil
  /// when it cannot be examined.
  func status(_ relative: String, suffix: String = "") -> stat? {
    var relative = relative
    var suffix = suffix
    return relative.withUTF8 { path -> stat? in
      let slash = path.lastIndex(of: UInt8(ascii: "/"))
      let folderBytes = UnsafeBufferPointer(rebasing: path[..<(slash ?? 0)])
      if !opened || !folder.elementsEqual(folderBytes) { open(folderBytes) }
      guard descriptor >= 0 else { return nil }
      name.removeAll(keepingCapacity: true)
      for byte in path[(slash.map { $0 + 1 } ?? 0)...] { name.append(CChar(bitPattern: byte)) }
      suffix.withUTF8 { for byte in $0 { name.append(CChar(bitPattern: byte)) } }
      name.append(0)
      var info = stat()
      guard fstatat(descriptor, name, &info, 0) == 0 else { return nil }
      return info
    }
  }

  /// The size of the regular file `relative` + `suffix`, or nil.
  func size(_ relative: String, suffix: String = "") -> Int? {
    guard let info = status(relative, suffix: suffix), info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// Linux's `O_PATH` (a descriptor to name the folder by, which needs no read permission;
  /// Glibc's module leaves it out); elsewhere a read-only descriptor.
  #if os(Linux)
    static let pathOnly: Int32 = 0o10_000_000
  #else
    static let pathOnly: Int32 = O_RDONLY
  #endif

  private func open(_ bytes: UnsafeBufferPointer<UInt8>) {
    if descriptor >= 0 { close(descriptor) }
    folder = Array(bytes)
    let path = bytes.isEmpty ? root : root + "/" + String(decoding: bytes, as: UTF8.self)
    descriptor = Foundation.open(path, Self.pathOnly | O_DIRECTORY | O_CLOEXEC)
    // A folder that is not there (yet) is asked for again by the next file.
    opened = descriptor >= 0
  }
}
