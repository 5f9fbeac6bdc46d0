import Foundation
import Normalization
import Output
import Recognition
import Rules

/// Reads a document too large to hold in memory piece by piece, so memory stays bounded
/// however large the file (a 1 GB log, a whole book): decode a block, cut it after its last
/// line break, run the pipeline on the piece, append its mention lines with offsets made
/// global, carry the rest over.
///
/// What is per document elsewhere is per piece here: coreference and acronyms reach only as
/// far as a piece (about four million characters, cut at line breaks), which is what a
/// document of that size can afford. The output file is written to a temporary file, renamed
/// into place with the run's other files, like every output file.
struct LargeDocument {
  /// Files at least this large are read piece by piece (``BatchOptions/largeDocumentBytes``).
  static let threshold = 32 << 20
  /// The normalizer's caches grow with distinct words; start afresh every this many pieces.
  static let piecesPerExtractor = 16

  let url: URL
  let relative: String
  let display: String
  let options: BatchOptions
  /// Bytes read at a time.
  var blockBytes = 4 << 20
  /// A piece is cut after the last line break once it holds this many UTF-16 units.
  var pieceUnits = 4 << 20

  /// The stable hash of the file's bytes (what ``RunState`` keys documents by), in one pass.
  func inputHash() throws(DocumentFailure) -> (hash: String, bytes: Int) {
    var hash = StableHash()
    var total = 0
    try forEachBlock { block, _ in
      hash.combine(bytes: block)
      total += block.count
    }
    hash.combine(String(total))
    return (hash.hex, total)
  }

  /// Runs the pipeline over the file, writing mention lines to the temporary file of `target`
  /// (renamed into place with the run's other files); `outputBytes` is the size of the file
  /// written (recorded in the run state, like a whole document's).
  func extract(
    rules: RuleSet, gazetteer: Gazetteer, explain: Bool, target: URL, out: OutputFolder
  ) throws(DocumentFailure) -> (entities: EntityTable, mentions: Int, tokens: Int, outputBytes: Int, temporary: URL) {
    let temporary = out.temporary(for: target)
    func unwritten(_ code: Int32) -> DocumentFailure {
      DocumentFailure(path: display, message: WriteFailure(path: target.path, code: code).description, isWriteFailure: true)
    }
    let folders = OutputFolder.makeFolders(target.deletingLastPathComponent().path)
    guard folders == 0 else { throw unwritten(folders) }
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw unwritten(errno) }
    var entities = EntityTable()
    var mentions = 0
    var tokens = 0
    var written = 0
    var extractor: Extractor?
    var pieces = 0
    var carry: [UInt16] = []
    var pendingBytes: [UInt8] = []
    var codePointBase = 0
    var first = true

    func process(_ piece: [UInt16]) throws(DocumentFailure) {
      if extractor == nil || pieces % Self.piecesPerExtractor == 0 {
        do {
          extractor = try Extractor(rules: rules, gazetteer: gazetteer)
        } catch {
          throw DocumentFailure(path: display, message: "\(error)")
        }
      }
      pieces += 1
      let extracted = extractor!.extract(path: relative, utf16: piece)
      let lines = MentionLines.render(extracted.mentions, of: extracted.document, explain: explain, offset: codePointBase)
      let status = lines.withUnsafeBytes { out.writer.writeAll(fd, $0, path: temporary.path) }
      guard status == 0 else { throw unwritten(status) }
      written += lines.count
      entities.add(extracted.mentions, document: relative)
      mentions += extracted.mentions.count
      tokens += extracted.document.tokens.count
      codePointBase += piece.count { !UTF16.isTrailSurrogate($0) }
    }

    do throws(DocumentFailure) {
      try forEachBlock { (block: [UInt8], blockStart: Int) throws(DocumentFailure) in
        var bytes = pendingBytes + block
        var start = 0
        if first {
          first = false
          if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DocumentFailure(path: display, message: "UTF-16 files over \(options.largeDocumentBytes >> 20) MB are not supported; convert to UTF-8")
          }
          if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        }
        // Keep an incomplete UTF-8 sequence at the end for the next block.
        var end = bytes.count
        var back = 0
        while back < 3, end - back - 1 >= start, bytes[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        let lead = end - back - 1
        if lead >= start {
          let b = bytes[lead]
          let need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
          if need > back { end = lead }
        }
        pendingBytes = Array(bytes[end...])
        bytes.removeSubrange(end...)
        let baseOffset = blockStart - (bytes.count + pendingBytes.count - block.count)
        do throws(DecodingError) {
          carry += try TextDecoder.decodeUTF8(bytes, from: start, replacingInvalid: options.replaceInvalid)
        } catch {
          var global = error
          global.byteOffset += baseOffset
          throw DocumentFailure(path: display, message: global.description)
        }
        while carry.count >= pieceUnits {
          let cut = (carry.lastIndex(of: 0x0A) ?? carry.lastIndex(of: 0x20)).map { $0 + 1 } ?? safeCut(carry)
          let piece = Array(carry[..<cut])
          carry.removeFirst(cut)
          try process(piece)
          if cut < pieceUnits / 4 { break }  // a short piece: read more before cutting again
        }
      }
      if !pendingBytes.isEmpty && options.replaceInvalid {
        carry.append(0xFFFD)
      } else if !pendingBytes.isEmpty {
        throw DocumentFailure(path: display, message: DecodingError(byteOffset: try fileSize() - pendingBytes.count, reason: .invalidUTF8).description)
      }
      if !carry.isEmpty { try process(carry) }
    } catch {
      close(fd)
      unlink(temporary.path)
      throw error
    }
    guard close(fd) == 0 else {
      let code = errno
      unlink(temporary.path)
      throw unwritten(code)
    }
    return (entities, mentions, tokens, written, temporary)
  }

  /// A cut that does not split a surrogate pair.
  func safeCut(_ units: [UInt16]) -> Int {
    var cut = pieceUnits
    if cut < units.count, UTF16.isTrailSurrogate(units[cut]) { cut -= 1 }
    return cut
  }

  private func fileSize() throws(DocumentFailure) -> Int {
    do {
      return (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      throw DocumentFailure(path: display, message: "cannot read file (\(error.localizedDescription))")
    }
  }

  /// Calls `body` with each block of the file and the byte offset where it starts.
  private func forEachBlock(_ body: ([UInt8], Int) throws(DocumentFailure) -> Void) throws(DocumentFailure) {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw DocumentFailure(path: display, message: "cannot read file (\(error.localizedDescription))")
    }
    defer { try? handle.close() }
    var offset = 0
    while true {
      let data: Data?
      do {
        data = try handle.read(upToCount: blockBytes)
      } catch {
        throw DocumentFailure(path: display, message: "cannot read file (\(error.localizedDescription))")
      }
      guard let data, !data.isEmpty else { break }
      let block = [UInt8](data)
      if let nul = block.firstIndex(of: 0) {
        let reason: DecodingError.Reason =
          offset == 0 ? TextDecoder.utf16Order(block).map { .utf16WithoutBOM(bigEndian: $0) } ?? .binary : .binary
        throw DocumentFailure(path: display, message: DecodingError(byteOffset: offset + nul, reason: reason).description)
      }
      try body(block, offset)
      offset += block.count
    }
  }
}
