import Foundation

/// The version written into caches and manifests: a cache made by another version is ignored.
public let quipuVersion = "0.4.0"

/// How a batch run reads its input and writes its output.
public struct BatchOptions: Sendable {
  /// Worker threads. Output is the same for any value.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  /// Add a `why` key to every mention line.
  public var explain = false
  /// Decode invalid UTF-8 as U+FFFD instead of failing the document.
  public var replaceInvalid = false
  /// Globs of documents to read; nil means ``defaultExtensions`` and files without extension.
  public var include: [String]?
  /// Globs of documents to leave out.
  public var exclude: [String] = []
  /// Reuse the previous run's output for documents whose bytes did not change.
  public var incremental = true
  /// Redraw a progress line on standard error (for terminals).
  public var showProgress = false
  /// Documents at least this large are read in pieces, in bounded memory (see `LargeDocument`).
  public var largeDocumentBytes = LargeDocument.threshold
  /// The most input bytes the workers hold at once (``ByteGate``): a document read whole weighs
  /// its size, one read in pieces a piece. Memory then follows this budget, not `jobs`: two
  /// large documents take turns. One larger than the budget runs alone.
  public var bytesInFlight = LargeDocument.threshold
  /// A worker's extractor is renewed once its normalizer caches more distinct word forms than
  /// this: the caches grow with every document the worker reads. Lower in tests.
  var formsPerExtractor = 1 << 20
  /// For tests: the block and piece sizes of large documents.
  var largeDocumentBlock = (bytes: 4 << 20, units: 4 << 20)
  /// For tests: how input folders are listed (to make one unlistable, even as root).
  var folderReader = FolderReader.system
  /// For tests: how output bytes are written (to make the disk full at a chosen byte).
  var fileWriter = FileWriter.system
  /// For tests: how much older than the run a document's times must be for its file status to
  /// be recorded (``FileStamp/settled``; 0 trusts any file written before the run started).
  var settled = FileStamp.settled

  public init() {}

  /// What Quipu reads by default: text formats by extension, and files without one.
  public static let defaultExtensions: Set<String> = [
    "txt", "text", "md", "markdown", "rst", "html", "htm", "xhtml", "xml", "json", "jsonl", "ndjson", "csv", "tsv",
    "srt", "vtt", "eml", "tex", "log",
  ]

  /// What changes output besides documents and rules, for cache keys.
  var outputSettings: String { "explain=\(explain) replaceInvalid=\(replaceInvalid)" }
}

/// Include and exclude globs over relative paths.
///
/// A glob without `/` matches the file name (`*.txt` matches `a/b.txt`); one with `/` matches the
/// whole relative path (`drafts/*`). `*`, `?` and `[…]` work as in the shell.
struct InputFilter: Sendable {
  var include: [String]?
  var exclude: [String]

  func accepts(_ relative: String) -> Bool {
    if include == nil && exclude.isEmpty, let accepted = Self.hasDefaultExtension(relative) { return accepted }
    let name = relative.split(separator: "/").last.map(String.init) ?? relative
    if exclude.contains(where: { Self.matches($0, relative, name) }) { return false }
    guard let include else {
      let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
      return ext.isEmpty || BatchOptions.defaultExtensions.contains(ext)
    }
    return include.contains { Self.matches($0, relative, name) }
  }

  /// Whether the file name ends in one of ``BatchOptions/defaultExtensions`` (any case) or has
  /// no `.`, read from the bytes (a split of every path into strings was most of the listing's
  /// time); nil for an extension that is not ASCII, which the general path lowercases.
  static func hasDefaultExtension(_ relative: String) -> Bool? {
    var relative = relative
    return relative.withUTF8 { bytes -> Bool? in
      let dot = UInt8(ascii: ".")
      let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
      guard bytes[nameStart...].contains(dot) else { return true }
      // The last piece between dots that is not empty, as `split(separator: ".")` gives it.
      var end = bytes.count
      while end > nameStart && bytes[end - 1] == dot { end -= 1 }
      var start = end
      while start > nameStart && bytes[start - 1] != dot { start -= 1 }
      guard start < end, bytes[start..<end].allSatisfy({ $0 < 0x80 }) else { return nil }
      guard end - start <= 8 else { return false }  // no default extension is longer
      var packed: UInt64 = 0
      for byte in bytes[start..<end] { packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
      return defaultExtensionCodes.contains(packed)
    }
  }

  /// ``BatchOptions/defaultExtensions``, each as its ASCII bytes packed into an integer.
  static let defaultExtensionCodes = Set(
    BatchOptions.defaultExtensions.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

  static func matches(_ glob: String, _ relative: String, _ name: String) -> Bool {
    glob.contains("/") ? fnmatch(glob, relative, FNM_PATHNAME) == 0 : fnmatch(glob, name, 0) == 0
  }
}
