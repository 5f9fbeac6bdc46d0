import Foundation
import Normalization
import Output
import Recognition
import Resolution
import Rules
import Synchronization

/// A document that could not be processed, and why. The batch goes on without it.
public struct DocumentFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The document's path as the user named it (input folder + relative path).
  public var path: String
  public var message: String
  public var diagnostic: Diagnostic { .error(file: path, message) }
  /// `in/a.txt: error: cannot read file (Permission denied)`
  public var description: String { diagnostic.description }
}

/// What a batch run did.
public struct BatchSummary: Sendable {
  public var documents: Int
  public var failures: [DocumentFailure]
  public var mentions: Int
  public var entities: Int
  public var tokens: Int
  public var bytes: Int
  public var seconds: Double
  /// Documents whose output was reused because neither they nor the rules changed.
  public var reused: Int = 0
  /// Files under the input folder left out by the include/exclude globs.
  public var skippedFiles: Int = 0
  /// The run was stopped by Ctrl-C; the documents done are written, the rest kept as before.
  public var interrupted = false

  /// `quipu: 2 documents (0 failed), 57 mentions, 20 entities, 0.04 s`
  public var line: String {
    var parts = "quipu: \(documents) documents (\(failures.count) failed"
    if reused > 0 { parts += ", \(reused) unchanged" }
    parts += "), \(mentions) mentions, \(entities) entities, " + String(format: "%.2f s", seconds)
    if skippedFiles > 0 { parts += "; \(skippedFiles) files skipped by the include/exclude globs" }
    if interrupted { parts += "; interrupted" }
    return parts
  }
}

/// Problems that stop a whole batch (as opposed to one document).
public struct BatchError: Error, CustomStringConvertible {
  public enum Kind: Sendable {
    /// The command line asks for something Quipu refuses (the output folder overlaps the input).
    case usage
    /// A file or folder could not be read or written.
    case io
  }

  public var diagnostic: Diagnostic
  public var kind: Kind

  public init(_ diagnostic: Diagnostic, kind: Kind = .io) {
    self.diagnostic = diagnostic
    self.kind = kind
  }


  /// `out: error: cannot create the output folder (…)`
  public var description: String { diagnostic.description }
}

/// Runs every document of an input folder through the pipeline and writes `out/`.
///
/// Documents are shared out to `jobs` worker threads, each with its own ``Extractor``;
/// every worker writes its documents' files itself, and the entity rows of each document are
/// kept in the run state, from which `entities.jsonl` is rebuilt at the end. Output is
/// byte-identical for any number of jobs: per-document files depend only on their document,
/// and `entities.jsonl` is sorted.
///
/// A run is incremental (``RunState``): documents whose bytes did not change, under the same
/// rules, Quipu version and settings, keep their output. It is safe to interrupt: every file
/// is written whole (temporary file + rename), a lock keeps two runs out of one folder, and
/// Ctrl-C stops after the documents in progress with `out/` consistent.
public struct BatchRunner: Sendable {
  public let rules: RuleSet
  public let gazetteer: Gazetteer
  /// What is written per document (`entities.jsonl` is written in every format).
  public let format: OutputFormat

  public init(rules: RuleSet, format: OutputFormat = .jsonl) {
    self.rules = rules
    self.gazetteer = Gazetteer(rules: rules)
    self.format = format
  }

  public func run(
    input: String, output: String, jobs: Int, explain: Bool = false, documents list: [String]? = nil
  ) throws(BatchError) -> BatchSummary {
    var options = BatchOptions()
    options.jobs = jobs
    options.explain = explain
    return try run(input: input, output: output, options: options, documents: list)
  }

  /// - Parameter list: the documents to process (relative paths), for `--files` and `--shard`;
  ///   nil processes every document of `input` (``InputCatalog``) that the include and exclude
  ///   globs accept.
  public func run(
    input: String, output: String, options: BatchOptions, documents list: [String]? = nil
  ) throws(BatchError) -> BatchSummary {
    let started = ContinuousClock.now
    let startedAt = FileStamp.now()
    if let problem = OutputFolder.overlap(input: input, output: output) {
      throw BatchError(.error(problem), kind: .usage)
    }
    let inputURL = URL(fileURLWithPath: input)
    let out = OutputFolder(URL(fileURLWithPath: output))
    var listing = InputCatalog.Listing()
    do {
      if let list {
        listing.documents = list
      } else {
        listing = try InputCatalog.listing(in: inputURL, excluding: out.root, reader: options.folderReader)
      }
    } catch {
      throw BatchError(.error(file: input, "cannot list the input folder (\(error.localizedDescription))"))
    }
    let listed = listing.documents
    let filter = InputFilter(include: options.include, exclude: options.exclude)
    // An explicit list (--files, --shard) is taken as it is; a folder listing is filtered.
    let documents = list == nil ? listed.filter(filter.accepts) : listed
    let problems = listing.problems.filter { $0.isFolder || filter.accepts($0.path) }
    do {
      try FileManager.default.createDirectory(at: out.root, withIntermediateDirectories: true)
    } catch {
      throw BatchError(.error(file: output, "cannot create the output folder (\(error.localizedDescription))"))
    }
    let lock = try OutputLock(folder: out.root)
    defer { withExtendedLifetime(lock) {} }
    out.removeLeftoverTemporaryFiles()

    let key = RunState.key(rulesDigest: rules.digest.hex, options: options) + "; format=\(format.rawValue)"
    // A format with one collection file (spans.jsonl) needs every document's line: no reuse.
    let reusable = options.incremental && format.collectionFiles(lines: [], types: []).isEmpty
    // What the last run wrote (under any key): the only files this run may remove.
    let recorded = RunState.load(out.stateFile)
    let previous = reusable && recorded.key == key ? recorded : RunState(key: key)
    // Before writing anything, record every file this run may write: a run killed midway
    // leaves no file that no state owns. Documents recorded here with no input hash are redone.
    var pending = previous
    pending.suffixes = format.documentSuffixes
    var added = 0
    for relative in documents.lazy.map(PathKey.init) where pending.records[relative] == nil {
      pending.records[relative] = RunState.Record(input: "", entities: [])
      added += 1
    }
    pending.otherFiles = recorded.files.subtracting(pending.files)
    // When it adds nothing to the recorded state (an unchanged re-run), it is that state.
    let unchanged =
      reusable && recorded.key == key && added == 0 && pending.suffixes == recorded.suffixes
      && pending.otherFiles == recorded.otherFiles
    do {
      if !unchanged { try out.write(pending.serialized(), to: out.stateFile) }
    } catch {
      throw BatchError(.error(file: out.stateFile.path, "cannot write (\(error.localizedDescription))"))
    }
    let shared = Shared()
    let interruption = Interruption()
    let progress = options.showProgress ? ProgressLine(total: documents.count) : nil
    let workers = max(1, min(options.jobs, documents.count))
    let inputRoot = inputURL.standardizedFileURL
    let displayPrefix = input.hasSuffix("/") ? input : input + "/"
    let rules = self.rules
    let gazetteer = self.gazetteer
    let format = self.format
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var local = Tally()
      let extractor: Extractor
      do {
        extractor = try Extractor(rules: rules, gazetteer: gazetteer)
      } catch {
        shared.tally.withLock { $0.fatal = "\(error)" }
        return
      }
      while !interruption.isRequested {
        let index = shared.next.add(1, ordering: .relaxed).oldValue
        if index >= documents.count { break }
        let relative = documents[index]
        let key = PathKey(relative)
        let display = displayPrefix + relative
        local.attempted.insert(key)
        let source = inputRoot.appendingPathComponent(relative, isDirectory: false)
        // Taken before the bytes are read: if the file changes meanwhile, the next run sees
        // another status and hashes it again.
        let stamp = FileStamp(path: source.path)
        let target = out.file(forDocument: relative, suffix: format.documentSuffixes.first ?? ".jsonl")
        if let stamp, let old = previous.records[key], !old.input.isEmpty, old.stamp == stamp,
          let size = Self.size(of: target), old.output == nil || old.output == size
        {
          local.records[key] = old
          local.reused += 1
          local.mentions += old.entities.reduce(0) { $0 + $1.mentions }
          progress?.advance(bytes: Int(stamp.size))
          continue
        }
        if format == .jsonl, let size = stamp.map({ Int($0.size) }), size >= options.largeDocumentBytes {
          let document = LargeDocument(
            url: source, relative: relative, display: display, options: options,
            blockBytes: options.largeDocumentBlock.bytes, pieceUnits: options.largeDocumentBlock.units)
          local.large(
            document, previous: previous,
            rules: rules, gazetteer: gazetteer, out: out, explain: options.explain)
          progress?.advance(bytes: size)
          continue
        }
        do {
          let bytes: [UInt8]
          do {
            bytes = try Self.read(source, display: display)
          } catch {
            local.unread.insert(key)
            throw error
          }
          defer { progress?.advance(bytes: bytes.count) }
          let hash = RunState.inputHash(bytes)
          let trusted = stamp?.trusted(at: startedAt)
          if var old = previous.records[key], old.input == hash,
            let size = Self.size(of: target), old.output == nil || old.output == size
          {
            old.stamp = trusted
            local.records[key] = old
            local.reused += 1
            local.mentions += old.entities.reduce(0) { $0 + $1.mentions }
            continue
          }
          let extracted: ExtractedDocument
          do {
            extracted = try extractor.extract(path: relative, bytes: bytes, replacingInvalid: options.replaceInvalid)
          } catch {
            throw DocumentFailure(path: display, message: "\(error)")
          }
          var outputBytes: Int?
          do {
            for file in format.documentFiles(extracted.mentions, of: extracted.document, explain: options.explain) {
              let url = out.file(forDocument: relative, suffix: file.suffix)
              try out.write(file.bytes, to: url, durable: false)
              if url == target { outputBytes = file.bytes.count }
            }
          } catch {
            throw DocumentFailure(path: display, message: "cannot write output: \(error.localizedDescription)")
          }
          if let line = format.collectionLine(extracted.mentions, of: extracted.document) { local.collected[key] = line }
          var table = EntityTable()
          table.add(extracted.mentions, document: relative)
          local.records[key] = RunState.Record(input: hash, entities: table.summaries, output: outputBytes, stamp: trusted)
          local.mentions += extracted.mentions.count
          local.tokens += extracted.document.tokens.count
          local.bytes += bytes.count
        } catch let failure as DocumentFailure {
          local.failures.append(failure)
        } catch {
          local.failures.append(DocumentFailure(path: display, message: "\(error)"))
        }
      }
      shared.tally.withLock { $0.merge(local) }
    }
    progress?.finish()

    var tally = shared.tally.withLock { $0 }
    if let fatal = tally.fatal { throw BatchError(.error(fatal)) }
    let interrupted = interruption.isRequested && tally.attempted.count < documents.count
    // A document not reached, not read, or under a folder that could not be listed keeps its
    // previous output and rows: a failure is never a deletion, and out/ stays consistent.
    func keepPrevious(_ relative: PathKey) {
      guard tally.records[relative] == nil else { return }
      if let old = previous.records[relative] {
        tally.records[relative] = old
      } else if recorded.records[relative] != nil, recorded.suffixes == format.documentSuffixes {
        // Written under another key: kept, and recorded so as to be redone next time.
        tally.records[relative] = RunState.Record(input: "", entities: [])
      }
    }
    if interrupted {
      for relative in documents.lazy.map(PathKey.init) where !tally.attempted.contains(relative) { keepPrevious(relative) }
    }
    for relative in tally.unread { keepPrevious(relative) }
    for problem in problems {
      tally.failures.append(
        DocumentFailure(path: problem.path.isEmpty ? input : displayPrefix + problem.path, message: problem.message))
      let under = problem.path.isEmpty ? "" : problem.path + "/"
      for relative in recorded.records.keys
      where relative == PathKey(problem.path) || relative.path.utf8.starts(with: under.utf8) {
        keepPrevious(relative)
      }
    }
    var state = RunState(key: key)
    state.records = tally.records
    state.suffixes = format.documentSuffixes
    // A document that is gone, or failed this time, must not keep an old result; files of
    // another format stay; a file that no run state records is not Quipu's to remove.
    state.otherFiles = recorded.files.subtracting(state.files).filter { file in
      !format.documentSuffixes.contains { file.path.hasSuffix($0) }
        && access(out.documentsFolder.path + "/" + file.path, F_OK) == 0
    }
    out.removeDocumentFiles(recorded.files.subtracting(state.files).map(\.path))
    var entities = EntityTable()
    for (document, record) in tally.records { for summary in record.entities { entities.add(summary, document: document.path) } }
    let collected = tally.collected.sorted { PathKey.byBytes($0.key, $1.key) }.map(\.value)
    let files = [(out.entitiesFile, entities.render()), (out.stateFile, state.serialized())]
      + format.collectionFiles(lines: collected, types: rules.types).map { (out.root.appendingPathComponent($0.path), $0.bytes) }
    for (url, bytes) in files {
      do {
        try out.write(bytes, to: url)
      } catch {
        throw BatchError(.error(file: url.path, "cannot write (\(error.localizedDescription))"))
      }
    }
    tally.failures.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let elapsed = ContinuousClock.now - started
    var summary = BatchSummary(
      documents: documents.count, failures: tally.failures, mentions: tally.mentions,
      entities: entities.count, tokens: tally.tokens, bytes: tally.bytes,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    summary.reused = tally.reused
    summary.skippedFiles = listed.count - documents.count
    summary.interrupted = interrupted
    return summary
  }

  /// The size of a regular file (following symbolic links), or nil. One `stat`: Foundation's
  /// attribute dictionary costs several system calls a file.
  static func size(of url: URL) -> Int? {
    var info = stat()
    guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// The bytes of a file: `open`, `fstat`, `read` into the array, `close` (Foundation's
  /// `Data(contentsOf:)` adds an extended-attribute listing and seeks to every read).
  static func read(_ url: URL, display: String) throws(DocumentFailure) -> [UInt8] {
    func failure(_ code: Int32) -> DocumentFailure {
      DocumentFailure(path: display, message: "cannot read file (\(String(cString: strerror(code))))")
    }
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(errno) }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw failure(EISDIR) }
    var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4_096, bytes.count))) }
      let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure(errno)
      }
      if n == 0 { break }
      count += n
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// What one worker accumulated.
  struct Tally: Sendable {
    var records: [PathKey: RunState.Record] = [:]
    var failures: [DocumentFailure] = []
    var attempted: Set<PathKey> = []
    /// Documents whose bytes could not be read (their previous output is kept).
    var unread: Set<PathKey> = []
    /// Each document's line of the format's collection file (`spans.jsonl`), by path.
    var collected: [PathKey: [UInt8]] = [:]
    var mentions = 0
    var tokens = 0
    var bytes = 0
    var reused = 0
    var fatal: String?

    /// Processes a document too large to read whole (see ``LargeDocument``).
    mutating func large(
      _ document: LargeDocument, previous: RunState, rules: RuleSet, gazetteer: Gazetteer, out: OutputFolder,
      explain: Bool
    ) {
      do {
        let (hash, size) = try document.inputHash()
        let target = out.file(forDocument: document.relative)
        if let old = previous.records[PathKey(document.relative)], old.input == hash,
          FileManager.default.fileExists(atPath: target.path)
        {
          records[PathKey(document.relative)] = old
          reused += 1
          mentions += old.entities.reduce(0) { $0 + $1.mentions }
          return
        }
        let result = try document.extract(rules: rules, gazetteer: gazetteer, explain: explain, target: target, out: out)
        records[PathKey(document.relative)] = RunState.Record(input: hash, entities: result.entities.summaries)
        mentions += result.mentions
        tokens += result.tokens
        bytes += size
      } catch {
        failures.append(error)
      }
    }

    mutating func merge(_ other: Tally) {
      records.merge(other.records) { a, _ in a }
      failures += other.failures
      attempted.formUnion(other.attempted)
      unread.formUnion(other.unread)
      collected.merge(other.collected) { mine, _ in mine }
      mentions += other.mentions
      tokens += other.tokens
      bytes += other.bytes
      reused += other.reused
      fatal = fatal ?? other.fatal
    }
  }

  final class Shared: Sendable {
    let next = Atomic<Int>(0)
    let tally = Mutex(Tally())
  }
}
