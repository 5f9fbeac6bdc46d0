import Foundation
import Normalization

/// A relative path as a dictionary key or set element, compared and hashed by its UTF-8 bytes.
///
/// Swift's `String ==` is canonical equivalence: `é.txt` written precomposed (NFC) and
/// decomposed (NFD) are equal strings, yet they name two files. Paths are bytes, so the run
/// state and the batch runner key documents with this, never with `String`.
struct PathKey: Hashable, Sendable {
  var path: String

  init(_ path: String) { self.path = path }

  static func == (a: PathKey, b: PathKey) -> Bool { PathKey.compare(a.path, b.path) == 0 }

  /// The bytes hashed at once (a byte at a time, hashing was a tenth of an unchanged re-run).
  func hash(into hasher: inout Hasher) {
    var path = path
    path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Byte order, the order of every listing Quipu writes.
  static func byBytes(_ a: PathKey, _ b: PathKey) -> Bool { compare(a.path, b.path) < 0 }

  /// `a` before `b` in byte order.
  static func precedes(_ a: String, _ b: String) -> Bool { ByteOrder.precedes(a, b) }

  /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, equal or after `b`'s.
  static func compare(_ a: String, _ b: String) -> Int { ByteOrder.compare(a, b) }
}
