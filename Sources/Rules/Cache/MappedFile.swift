import Foundation
import Normalization

#if canImport(Glibc)
  import Glibc
#endif

/// A file read whole into private anonymous memory, whose pages can be handed back as they
/// are consumed, so that decoding a 100 MB cache front to back frees its bytes as it goes.
///
/// The file is read, not mapped: a mapped file truncated in place by someone else while a run
/// reads it kills the run with SIGBUS, and a damaged cache must only ever be ignored (issue 15).
/// A file that shrinks while it is read gives fewer bytes, which the cache's checksum refuses.
final class MappedFile {
  let bytes: UnsafeRawBufferPointer
  /// The file's size (more than `bytes.count` when a limit cut it).
  let fileCount: Int
  private let mappedCount: Int
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// With `limit`, only the file's first `limit` bytes (a header).
  init?(path: String, limit: Int? = nil) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let count = min(Int(info.st_size), limit ?? Int.max)
    fileCount = Int(info.st_size)
    guard count > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      mappedCount = 0
      return
    }
    guard let address = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      address != MAP_FAILED
    else { return nil }
    var filled = 0
    while filled < count {
      let n = read(fd, address + filled, count - filled)
      if n < 0 {
        if errno == EINTR { continue }
        munmap(address, count)
        return nil
      }
      if n == 0 { break }  // the file shrank under us
      filled += n
    }
    bytes = UnsafeRawBufferPointer(start: address, count: filled)
    mappedCount = count
  }

  deinit {
    if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), mappedCount) }
  }

  /// Frees the pages that lie wholly before `pointer` (they read as zeros if touched again:
  /// only for a reader that never goes back).
  static func release(from start: UnsafeRawPointer, upTo pointer: UnsafeRawPointer) {
    let low = (UInt(bitPattern: start) + UInt(pageSize - 1)) & ~UInt(pageSize - 1)
    let high = UInt(bitPattern: pointer) & ~UInt(pageSize - 1)
    guard high > low, let address = UnsafeMutableRawPointer(bitPattern: low) else { return }
    _ = madvise(address, Int(high - low), MADV_DONTNEED)
  }

}

/// Size and ``Checksum`` of a file, read through one small buffer (mapping a 60 MB table to hash
/// it would add 60 MB to the peak memory of every run).
func fileDigest(path: String) -> (size: UInt64, hash: UInt64)? {
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  var hash = Checksum()
  var size: UInt64 = 0
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
  defer { buffer.deallocate() }
  while true {
    let n = read(fd, buffer.baseAddress!, buffer.count)
    if n < 0 {
      if errno == EINTR { continue }
      return nil
    }
    if n == 0 { break }
    hash.combine(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    size += UInt64(n)
  }
  return (size, hash.value)
}
