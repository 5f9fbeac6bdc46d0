import Foundation

/// File-system helpers over byte paths (names need not be UTF-8), and the user the runner
/// reads and writes as.

/// A path as bytes, without the terminating NUL.
typealias BytePath = [UInt8]

extension Array where Element == UInt8 {
  static func + (a: [UInt8], b: String) -> [UInt8] { a + Array(b.utf8) }
  /// `a/b`.
  func joined(_ name: [UInt8]) -> [UInt8] { self + [UInt8(ascii: "/")] + name }
  /// For messages: valid UTF-8 as it is, other bytes as `\xFF`.
  var shown: String {
    String(validating: self, as: UTF8.self) ?? map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
  }
}

/// Calls `body` with the path as a C string.
func withPath<R>(_ path: BytePath, _ body: (UnsafePointer<CChar>) -> R) -> R {
  (path + [0]).withUnsafeBufferPointer { buffer in
    buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
  }
}

func lstatKind(_ path: BytePath) -> (kind: mode_t, mode: mode_t)? {
  var info = stat()
  guard withPath(path, { lstat($0, &info) }) == 0 else { return nil }
  return (info.st_mode & S_IFMT, info.st_mode & 0o7777)
}

/// The entry names of a folder (bytes, without `.` and `..`), or nil when it cannot be listed.
func names(in folder: BytePath) -> [[UInt8]]? {
  guard let dir = withPath(folder, { opendir($0) }) else { return nil }
  defer { closedir(dir) }
  var result: [[UInt8]] = []
  while let entry = readdir(dir) {
    let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
      pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
    }
    if name == [0x2E] || name == [0x2E, 0x2E] { continue }
    result.append(name)
  }
  return result.sorted { $0.lexicographicallyPrecedes($1) }
}

func readBytes(_ path: BytePath) -> [UInt8]? {
  let fd = withPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65_536)
  while true {
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { return n < 0 ? nil : bytes }
    bytes += buffer[..<n]
  }
}

@discardableResult
func writeBytes(_ bytes: [UInt8], to path: BytePath, mode: mode_t = 0o644) -> Bool {
  let fd = withPath(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode) }
  guard fd >= 0 else { return false }
  defer { close(fd) }
  let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, $0.count) }
  return n == bytes.count
}

/// Removes a file or a whole folder, making folders writable first (works for any owner when
/// run as root, and for the caller's own 000 folders otherwise).
func removeTree(_ path: BytePath) {
  guard let (kind, _) = lstatKind(path) else { return }
  if kind == S_IFDIR {
    _ = withPath(path) { chmod($0, 0o700) }
    for name in names(in: path) ?? [] { removeTree(path.joined(name)) }
    _ = withPath(path) { rmdir($0) }
  } else {
    _ = withPath(path) { unlink($0) }
  }
}

/// Every entry under `root` (as root sees it): relative path → kind, mode and, for files, bytes
/// (nil when unreadable); symbolic links → their target.
struct TreeSnapshot: Equatable {
  struct Entry: Equatable {
    var kind: mode_t
    var mode: mode_t
    var bytes: [UInt8]?
  }
  var entries: [BytePath: Entry] = [:]

  init(_ root: BytePath, skipping skipped: Set<BytePath> = []) {
    var pending: [BytePath] = [[]]
    while let relative = pending.popLast() {
      let folder = relative.isEmpty ? root : root.joined(relative)
      for name in names(in: folder) ?? [] {
        let child = relative.isEmpty ? name : relative.joined(name)
        if skipped.contains(child) { continue }
        let path = root.joined(child)
        guard let (kind, mode) = lstatKind(path) else { continue }
        var entry = Entry(kind: kind, mode: mode, bytes: nil)
        switch kind {
        case S_IFDIR: pending.append(child)
        case S_IFREG: entry.bytes = readBytes(path)
        case S_IFLNK:
          var buffer = [UInt8](repeating: 0, count: 4096)
          let n = withPath(path) { p in buffer.withUnsafeMutableBufferPointer { readlink(p, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 4096) } }
          entry.bytes = n >= 0 ? Array(buffer[..<n]) : nil
        default: break
        }
        entries[child] = entry
      }
    }
  }

  /// What differs, for messages.
  func difference(from other: TreeSnapshot) -> String {
    var lines: [String] = []
    for (path, entry) in entries.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where other.entries[path] != entry {
      lines.append(other.entries[path] == nil ? "gone: \(path.shown)" : "changed: \(path.shown)")
    }
    for path in other.entries.keys where entries[path] == nil { lines.append("new: \(path.shown)") }
    return lines.prefix(10).joined(separator: "; ")
  }
}

/// The user the batch runner runs as. As root, `chmod 000` stops nothing: the runner's thread
/// then reads and writes with file-system user and group `nobody` (`setfsuid(2)`, per thread,
/// so libFuzzer's own files and the tree's set-up stay root's), and the tree is owned by
/// `nobody`. `jobs` stays 1 so that the runner does its work on the calling thread.
enum Identity {
  typealias SetID = @convention(c) (UInt32) -> Int32
  static let (setfsuid, setfsgid): (SetID?, SetID?) = {
    let handle = dlopen(nil, RTLD_NOW)
    return (
      dlsym(handle, "setfsuid").map { unsafeBitCast($0, to: SetID.self) },
      dlsym(handle, "setfsgid").map { unsafeBitCast($0, to: SetID.self) }
    )
  }()

  /// `nobody`'s user and group, when running as root and able to switch; else nil (then
  /// permissions are checked as the current user: as root, 000 files are read anyway).
  static let nobody: (uid: uid_t, gid: gid_t)? = {
    guard geteuid() == 0, setfsuid != nil, setfsgid != nil, let entry = getpwnam("nobody") else { return nil }
    return (entry.pointee.pw_uid, entry.pointee.pw_gid)
  }()

  /// Whether permission bits bind the runner (they do not for root without `nobody`).
  static var permissionsApply: Bool { nobody != nil || geteuid() != 0 }

  /// Runs `body` with file-system identity `nobody` on this thread (when available).
  static func asRunner<R>(_ body: () throws -> R) rethrows -> R {
    guard let nobody else { return try body() }
    _ = setfsgid!(nobody.gid)
    _ = setfsuid!(nobody.uid)
    defer {
      _ = setfsuid!(0)
      _ = setfsgid!(0)
    }
    return try body()
  }

  /// Gives a created file or folder to the runner's user.
  static func own(_ path: BytePath) {
    guard let nobody else { return }
    _ = withPath(path) { lchown($0, nobody.uid, nobody.gid) }
  }
}
