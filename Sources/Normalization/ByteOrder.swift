#if canImport(Glibc)
  import Glibc
#endif

/// Strings in the order of their UTF-8 bytes: the order of every listing and table Quipu writes
/// (not Swift's `<`, which compares by Unicode canonical equivalence).
public enum ByteOrder {
  /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, equal or after `b`'s
  /// (`memcmp`; the standard library's generic comparison of UTF-8 views goes a byte at a time).
  public static func compare(_ a: String, _ b: String) -> Int {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        let n = min(x.count, y.count)
        let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
        return c != 0 ? Int(c) : x.count - y.count
      }
    }
  }

  /// `a` before `b` in byte order.
  public static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }
}
