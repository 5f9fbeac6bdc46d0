import FuzzSupport
import Normalization

/// Arbitrary bytes → ``TextDecoder`` (strict and replacing) → ``Normalizer``.
///
/// Decoding is checked against the standard library's UTF-8 decoder, which replaces each
/// maximal invalid subpart with one U+FFFD, as `TextDecoder.decode(replacingInvalid:)` documents;
/// tokens are checked with ``checkTokens(_:)``. Two normalizers with different histories must
/// key every token alike: the per-form cache must never change an answer.
enum NormalizerTarget {
  /// Long-lived: its form cache holds whatever earlier inputs left there.
  nonisolated(unsafe) static var cached = makeNormalizer()
  /// Renewed every few hundred inputs, so its cache differs from `cached`'s.
  nonisolated(unsafe) static var fresh = makeNormalizer()
  nonisolated(unsafe) static var runs = 0

  static func makeNormalizer() -> Normalizer {
    do { return try Normalizer() } catch { fatalError("ICU: \(error)") }
  }

  static func run(_ bytes: [UInt8]) {
    runs += 1
    if runs % 256 == 0 { fresh = makeNormalizer() }
    if cached.cachedFormCount > 200_000 { cached = makeNormalizer() }  // bounded memory over a long run

    let strict = Result { () throws(DecodingError) in try TextDecoder.decode(bytes, replacingInvalid: false) }
    let replacing = Result { () throws(DecodingError) in try TextDecoder.decode(bytes, replacingInvalid: true) }
    checkDecoding(bytes, strict: strict, replacing: replacing)

    switch (strict, replacing) {
    case (.success(let text), _), (.failure, .success(let text)):
      let document = cached.document(path: "fuzz.txt", utf16: text.utf16)
      checkTokens(document)
      let again = fresh.document(path: "fuzz.txt", utf16: text.utf16)
      require(again.sentenceCount == document.sentenceCount, "sentence count depends on the cache")
      require(again.tokens.count == document.tokens.count, "token count depends on the cache")
      for (a, b) in zip(document.tokens, again.tokens) {
        require(
          a.utf16Start == b.utf16Start && a.utf16End == b.utf16End && a.kind == b.kind && a.shape == b.shape
            && a.flags == b.flags && a.script == b.script && a.sentence == b.sentence,
          "token [\(a.utf16Start), \(a.utf16End)) differs between normalizers")
        for key in [\TokenKeys.exact, \.folded, \.loose] {
          require(
            cached.lexicon.string(a.keys[keyPath: key]) == fresh.lexicon.string(b.keys[keyPath: key]),
            "token [\(a.utf16Start), \(a.utf16End)) keys differ between normalizers")
        }
      }
    case (.failure, .failure):
      break
    }
  }

  static func checkDecoding(
    _ bytes: [UInt8], strict: Result<DecodedText, DecodingError>, replacing: Result<DecodedText, DecodingError>
  ) {
    for case .failure(let error) in [strict, replacing] {
      require(error.byteOffset >= 0 && error.byteOffset < max(bytes.count, 1), "error offset \(error.byteOffset) of \(bytes.count)")
    }
    if bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) {
      // UTF-16: replacing changes nothing.
      switch (strict, replacing) {
      case (.success(let a), .success(let b)): require(a.utf16 == b.utf16, "UTF-16 decoding depends on replacingInvalid")
      case (.failure(let a), .failure(let b)): require(a == b, "UTF-16 errors depend on replacingInvalid")
      default: require(false, "UTF-16 decoding succeeds in one mode only")
      }
      if case .success(let text) = strict {
        require(String(validating: text.utf16, as: UTF16.self) != nil, "decoded UTF-16 holds an unpaired surrogate")
      }
      return
    }
    if let nul = bytes.firstIndex(of: 0) {
      for result in [strict, replacing] {
        guard case .failure(let error) = result else { return require(false, "a NUL byte was decoded") }
        // A NUL is binary, or the sign of UTF-16 without a byte-order mark (named as such).
        let utf16 = if case .utf16WithoutBOM = error.reason { true } else { false }
        require(error.byteOffset == nul && (error.reason == .binary || utf16), "NUL at \(nul): \(error)")
      }
      return
    }
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let body = bytes[(hasBOM ? 3 : 0)...]
    let expectedEncoding: TextEncoding = hasBOM ? .utf8BOM : .utf8
    if let valid = String(validating: body, as: UTF8.self) {
      guard case .success(let text) = strict else { return require(false, "valid UTF-8 refused: \(strict)") }
      require(text.utf16 == Array(valid.utf16) && text.encoding == expectedEncoding, "valid UTF-8 decoded wrongly")
    } else {
      guard case .failure(let error) = strict else { return require(false, "invalid UTF-8 accepted") }
      require(error.reason == .invalidUTF8, "invalid UTF-8 reported as \(error.reason)")
      // The offset is the first invalid sequence's: everything before it is valid.
      let prefix = bytes[(hasBOM ? 3 : 0)..<max(error.byteOffset, hasBOM ? 3 : 0)]
      require(String(validating: prefix, as: UTF8.self) != nil, "invalid UTF-8 reported late, at \(error.byteOffset)")
    }
    guard case .success(let replaced) = replacing else { return require(false, "replacing decoding failed: \(replacing)") }
    require(
      replaced.utf16 == Array(String(decoding: body, as: UTF8.self).utf16) && replaced.encoding == expectedEncoding,
      "replacing decoding differs from the standard library's (one U+FFFD per maximal invalid subpart)")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  NormalizerTarget.run(bytes(data, size))
  return 0
}
