import Foundation

/// Keeps the resident set near what is in use, with glibc's allocator (`quipu run` on Linux;
/// elsewhere these do nothing). Its two C functions are looked up at run time: Swift's Glibc
/// module does not declare them, and other C libraries have neither.
public enum ResidentMemory {
  /// glibc serves a block under its mmap threshold from its heap, and raises the threshold (up
  /// to 32 MB) each time a larger block is freed; so a large document's arrays, once freed,
  /// stay resident, and the next document's add to them. A fixed 1 MB threshold maps each
  /// large array on its own and unmaps it when freed (a 8 MB document: 499 MB peak RSS before,
  /// 437 MB after). Process-wide: the command line calls it, not the library.
  public static func returnLargeBlocks() {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let mallopt = function("mallopt") else { return }
    _ = unsafeBitCast(mallopt, to: Mallopt.self)(-3, 1 << 20)  // M_MMAP_THRESHOLD
  }

  /// Gives the pages of freed small blocks back to the system. Each worker thread allocates
  /// from a heap of its own, which keeps what a large document's strings and small arrays
  /// took once they are freed; two workers that each did a large document then hold both.
  /// A few milliseconds: called after documents of ``BatchRunner/trimAfterBytes`` or more.
  static func trim() {
    typealias MallocTrim = @convention(c) (Int) -> Int32
    guard let trim = function("malloc_trim") else { return }
    _ = unsafeBitCast(trim, to: MallocTrim.self)(0)
  }

  private static func function(_ name: String) -> UnsafeMutableRawPointer? {
    #if os(Linux)
    return dlsym(nil, name)  // a nil handle is RTLD_DEFAULT on Linux
    #else
    return nil
    #endif
  }
}
