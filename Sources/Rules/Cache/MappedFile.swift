import Foundation
import Normalization

#if canImport(Glibc)
  import Glibc
#endif

/// A file mapped read-only into memory, whose pages can be handed back as they are consumed,
/// so that reading a 100 MB cache front to back adds a few megabytes to the peak memory, not
/// a hundred (file pages count in the resident set once touched).
final class MappedFile {
  let bytes: UnsafeRawBufferPointer
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  init?(path: String) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let count = Int(info.st_size)
    guard count > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
    _ = madvise(address, count, MADV_SEQUENTIAL)
    bytes = UnsafeRawBufferPointer(start: address, count: count)
  }

  deinit {
    if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
  }

  /// Drops the resident pages that lie wholly before `pointer` (they are read again from the
  /// file if touched again).
  static func release(from start: UnsafeRawPointer, upTo pointer: UnsafeRawPointer) {
    let low = (UInt(bitPattern: start) + UInt(pageSize - 1)) & ~UInt(pageSize - 1)
    let high = UInt(bitPattern: pointer) & ~UInt(pageSize - 1)
    guard high > low, let address = UnsafeMutableRawPointer(bitPattern: low) else { return }
    _ = madvise(address, Int(high - low), MADV_DONTNEED)
  }

  /// The FNV hash of a range, read page by page and released behind.
  static func hash(_ range: UnsafeRawBufferPointer) -> StableHash {
    var hash = StableHash()
    let chunk = 8 << 20
    var offset = 0
    while offset < range.count {
      let end = min(range.count, offset + chunk)
      hash.combine(bytes: UnsafeRawBufferPointer(rebasing: range[offset..<end]))
      release(from: range.baseAddress! + offset, upTo: range.baseAddress! + end)
      offset = end
    }
    return hash
  }
}

/// Size and FNV hash of a file, read through one small buffer (mapping a 60 MB table to hash
/// it would add 60 MB to the peak memory of every run).
func fileDigest(path: String) -> (size: UInt64, hash: UInt64)? {
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  var hash = StableHash()
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
    hash.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    size += UInt64(n)
  }
  return (size, hash.value)
}
