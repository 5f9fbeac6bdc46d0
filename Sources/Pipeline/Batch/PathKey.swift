/// A relative path as a dictionary key or set element, compared and hashed by its UTF-8 bytes.
///
/// Swift's `String ==` is canonical equivalence: `é.txt` written precomposed (NFC) and
/// decomposed (NFD) are equal strings, yet they name two files. Paths are bytes, so the run
/// state and the batch runner key documents with this, never with `String`.
struct PathKey: Hashable, Sendable {
  var path: String

  init(_ path: String) { self.path = path }

  static func == (a: PathKey, b: PathKey) -> Bool { a.path.utf8.elementsEqual(b.path.utf8) }

  func hash(into hasher: inout Hasher) {
    for byte in path.utf8 { hasher.combine(byte) }
  }

  /// Byte order, the order of every listing Quipu writes.
  static func byBytes(_ a: PathKey, _ b: PathKey) -> Bool { a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
}
