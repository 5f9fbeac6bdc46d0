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
  /// The document's output could not be written (a full disk): an I/O failure of the run,
  /// not a problem of the document.
  public var isWriteFailure = false
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
  /// `documents` then counts the documents done, and `listed` those the run had to do.
  public var interrupted = false
  public var listed: Int?
  /// False when the run could not write its last files (``BatchError/summary``): then
  /// nothing was renamed into place, and the output is as the previous run left it.
  public var written = true

  /// The documents whose output could not be written (a full disk): an I/O failure.
  public var writeFailures: Int { failures.count { $0.isWriteFailure } }

  /// `quipu: 2 documents (0 failed), 57 mentions, 20 entities, 0.04 s`; after Ctrl-C,
  /// `quipu: 120 of 3000 documents (0 failed), …; interrupted`; on a full disk,
  /// `quipu: 40 documents (3 failed, 3 not written), …`.
  public var line: String {
    let of = interrupted ? listed.map { " of \($0)" } ?? "" : ""
    var parts = "quipu: \(documents)\(of) documents (\(failures.count) failed"
    if writeFailures > 0 { parts += ", \(writeFailures) not written" }
    if reused > 0 { parts += ", \(reused) unchanged" }
    parts += "), \(mentions) mentions, \(entities) entities, " + String(format: "%.2f s", seconds)
    if skippedFiles > 0 { parts += "; \(skippedFiles) files skipped by the include/exclude globs" }
    if interrupted { parts += "; interrupted" }
    if !written { parts += "; nothing written, the output is as it was" }
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
  /// What the run did before it stopped, when it had processed documents: their failures are
  /// still to be reported, and the summary line printed.
  public var summary: BatchSummary?

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
/// Ctrl-C stops after the documents in progress with `out/` consistent. A full disk neither
/// loses nor hides anything: every file that cannot be written is a failure, and the new
/// files are renamed into place only once `entities.jsonl` and the run state are written
/// (``commit(_:states:out:jobs:)``), so `out/` is the old output or the new one.
///
/// A run goes in steps, one function each: ``listInput(_:excluding:options:list:)``,
/// ``openOutput(_:named:)``, ``loadRunState(_:documents:options:)``, ``removeGone(from:documents:states:)``,
/// ``process(_:with:options:)``
/// (each document reused only through
/// ``DocumentWork/reusable(_:stamp:hash:folders:)``), ``keepPrevious(in:documents:selection:states:input:interrupted:)``,
/// ``commit(_:states:out:jobs:)`` and ``summarize(_:selection:entities:interrupted:started:)``.
public struct BatchRunner: Sendable {
  /// The rules, read when a document first needs them (an unchanged re-run never does).
  public let source: RunRules
  /// What is written per document (`entities.jsonl` is written in every format).
  public let format: OutputFormat

  public init(rules: RuleSet, format: OutputFormat = .jsonl) {
    self.init(source: RunRules(rules), format: format)
  }

  public init(source: RunRules, format: OutputFormat = .jsonl) {
    self.source = source
    self.format = format
  }

  /// The rules, loaded now if they were not.
  public var rules: RuleSet {
    get throws { try source.get().rules }
  }

  /// The entity types that brat's annotation.conf lists (`run` loaded the rules for brat
  /// before anything else; other formats list none).
  var collectionTypes: [String] {
    guard format == .brat, let loaded = try? source.get() else { return [] }
    return loaded.rules.types
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
    var out = OutputFolder(URL(fileURLWithPath: output))
    out.writer = options.fileWriter
    if format == .brat {
      // Its annotation.conf lists the rules' entity types: a brat run reads the rules.
      do { _ = try source.get() } catch { throw BatchError(.error("cannot load the rules: \(error)"), kind: .usage) }
    }
    let selection = try listInput(input, excluding: out, options: options, list: list)
    let lock = try openOutput(out, named: output)
    defer { withExtendedLifetime(lock) {} }
    let states = try loadRunState(out, documents: selection.documents, options: options)
    removeGone(from: out, documents: selection, states: states)
    let work = DocumentWork(
      rules: source, format: format, options: options, out: out, previous: states.previous,
      startedAt: startedAt, inputRoot: URL(fileURLWithPath: input).standardizedFileURL,
      displayPrefix: input.hasSuffix("/") ? input : input + "/", gate: ByteGate(budget: options.bytesInFlight),
      entersReused: !states.unchangedIfReused)
    var (tally, interrupted) = try process(selection.documents, with: work, options: options)
    keepPrevious(
      in: &tally, documents: selection.documents, selection: selection, states: states, input: input,
      interrupted: interrupted)
    do {
      let entities = try commit(&tally, states: states, out: out, jobs: options.jobs)
      return summarize(tally, selection: selection, entities: entities, interrupted: interrupted, started: started)
    } catch {
      var failed = error
      let entities = lastFiles(tally, states: states, out: out, jobs: options.jobs).entities.count
      failed.summary = summarize(tally, selection: selection, entities: entities, interrupted: interrupted, started: started)
      failed.summary?.written = false
      throw failed
    }
  }

  // MARK: - The steps of a run

  /// The documents a run processes, and what the input listing could not reach.
  struct Selection {
    /// Relative paths, in listing order.
    var documents: [String]
    /// How many files were listed before the include and exclude globs.
    var listed: Int
    /// Folders and files that could not be listed (each a failure of the run).
    var problems: [InputCatalog.Problem]
  }

  /// Lists the input folder (or takes `list` as it is, for `--files` and `--shard`) and applies
  /// the include and exclude globs to a folder listing.
  func listInput(
    _ input: String, excluding out: OutputFolder, options: BatchOptions, list: [String]?
  ) throws(BatchError) -> Selection {
    var listing = InputCatalog.Listing()
    do {
      if let list {
        listing.documents = list
      } else {
        listing = try InputCatalog.listing(in: URL(fileURLWithPath: input), excluding: out.root, reader: options.folderReader)
      }
    } catch {
      throw BatchError(.error(file: input, "cannot list the input folder (\(error.localizedDescription))"))
    }
    let filter = InputFilter(include: options.include, exclude: options.exclude)
    // An explicit list (--files, --shard) is taken as it is; a folder listing is filtered.
    let documents = list == nil ? listing.documents.filter(filter.accepts) : listing.documents
    let problems = listing.problems.filter { $0.isFolder || filter.accepts($0.path) }
    return Selection(documents: documents, listed: listing.documents.count, problems: problems)
  }

  /// Creates the output folder, takes its lock (held as long as the returned value lives) and
  /// removes the temporary files a killed run left.
  func openOutput(_ out: OutputFolder, named output: String) throws(BatchError) -> OutputLock {
    do {
      try FileManager.default.createDirectory(at: out.root, withIntermediateDirectories: true)
    } catch {
      throw BatchError(.error(file: output, "cannot create the output folder (\(error.localizedDescription))"))
    }
    let lock = try OutputLock(folder: out.root)
    out.removeLeftoverTemporaryFiles()
    return lock
  }

  /// The run state as the last run left it, and what this run may reuse of it.
  struct States {
    /// This run's cache key.
    var key: String
    /// What the last run wrote (under any key): the only files this run may remove.
    var recorded: RunState
    /// The records this run may reuse: `recorded` when its key is this run's and the format
    /// allows reuse, else an empty state.
    var previous: RunState
    /// `previous` is `recorded`, and every document it records is listed again: a run in which
    /// every document keeps its record leaves the state as it is.
    var unchangedIfReused = false
  }

  /// Loads the run state and decides what may be reused, then, before anything is written,
  /// records every file this run may write: a run killed midway leaves no file that no state
  /// owns. Documents recorded here with no input hash are redone.
  func loadRunState(_ out: OutputFolder, documents: [String], options: BatchOptions) throws(BatchError) -> States {
    let key = RunState.key(rulesDigest: source.digest.hex, options: options) + "; format=\(format.rawValue)"
    // A format with a line per document in one collection file (spans.jsonl) needs every
    // document's line: no reuse. Every other format (jsonl, conll, brat) reuses.
    let reusable = options.incremental && !format.collectsDocumentLines
    let recorded = RunState.load(out.stateFile)
    let previous = reusable && recorded.key == key ? recorded : RunState(key: key)
    var pending = previous
    pending.suffixes = format.documentSuffixes
    var added = 0
    for relative in documents.lazy.map(PathKey.init) where pending.records[relative] == nil {
      pending.records[relative] = RunState.Record(input: "", entities: [])
      added += 1
    }
    pending.otherFiles = recorded.files(notIn: pending)
    // When it adds nothing to the recorded state (an unchanged re-run), it is that state.
    let unchanged =
      reusable && recorded.key == key && added == 0 && pending.suffixes == recorded.suffixes
      && pending.otherFiles == recorded.otherFiles
    do {
      if !unchanged { try out.write(pending.serialized(), to: out.stateFile) }
    } catch {
      throw BatchError(.error(file: out.stateFile.path, "cannot write (\(error.localizedDescription))"))
    }
    var states = States(key: key, recorded: recorded, previous: previous)
    // Every listed document is recorded (added == 0) and as many are listed as recorded.
    states.unchangedIfReused = unchanged && documents.count == recorded.records.count
    return states
  }

  /// Removes, before any document is written, the files of documents the last run recorded
  /// that this run does not list (gone, renamed, left out) and that lie where a listed
  /// document's output needs a folder (`a`, deleted, wrote `docs/a.jsonl`; `a.jsonl/b` needs
  /// that path as a folder). The end of the run removes every other gone file
  /// (``commit(_:states:out:jobs:)``), so a run that cannot finish (a full disk) leaves the old
  /// output as it was but for these. Only files of the current format, and none under a
  /// folder that could not be listed.
  func removeGone(from out: OutputFolder, documents selection: Selection, states: States) {
    // Every recorded document is listed: none is gone.
    if states.unchangedIfReused { return }
    let listed = Set(selection.documents.lazy.map(PathKey.init))
    let unlisted = selection.problems.map { $0.path.isEmpty ? "" : $0.path + "/" }
    var gone: [String] = []
    for document in states.recorded.records.keys where !listed.contains(document) {
      if selection.problems.contains(where: { PathKey($0.path) == document }) { continue }
      if unlisted.contains(where: { document.path.utf8.starts(with: $0.utf8) }) { continue }
      for suffix in states.recorded.suffixes where format.documentSuffixes.contains(where: { (document.path + suffix).hasSuffix($0) }) {
        gone.append(document.path + suffix)
      }
    }
    guard !gone.isEmpty else { return }
    // The folders that listed documents' outputs go in: each document's path's parents.
    var folders = Set<String>()
    for document in selection.documents {
      var path = Substring(document)
      while let slash = path.lastIndex(of: "/") {
        path = path[..<slash]
        guard folders.insert(String(path)).inserted else { break }
      }
    }
    // And the other way round: the files listed documents' outputs are. A gone document's
    // file under a folder of such a name goes now, and its folders with it once empty
    // (`a.jsonl/b` gone, `a` needs `docs/a.jsonl` as a file).
    var outputs = Set<String>()
    for document in selection.documents { for suffix in format.documentSuffixes { outputs.insert(document + suffix) } }
    var underOutputs: [String] = []
    var emptied: [String] = []
    for file in gone {
      var ancestors: [String] = []
      var path = Substring(file)
      while let slash = path.lastIndex(of: "/") {
        path = path[..<slash]
        ancestors.append(String(path))
        if outputs.contains(String(path)) {
          underOutputs.append(file)
          emptied += ancestors
          break
        }
      }
    }
    out.removeDocumentFiles(gone.filter { folders.contains($0) } + underOutputs)
    out.removeEmptyFolders(emptied)
  }

  /// Shares the documents out to worker threads, each with its own ``Extractor``, until all
  /// are done or Ctrl-C asks to stop; `interrupted` says some were not reached.
  func process(
    _ documents: [String], with work: DocumentWork, options: BatchOptions
  ) throws(BatchError) -> (tally: Tally, interrupted: Bool) {
    let shared = Shared()
    let interruption = Interruption()
    let progress = options.showProgress ? ProgressLine(total: documents.count) : nil
    let workers = max(1, min(options.jobs, documents.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var local = Tally()
      let folders = work.folders()
      let extractor = ExtractorSlot(work)
      while !interruption.isRequested, local.fatal == nil {
        let index = shared.next.add(1, ordering: .relaxed).oldValue
        if index >= documents.count { break }
        let bytes = work.process(documents[index], index: index, extractor: extractor, folders: folders, into: &local)
        if let bytes { progress?.advance(bytes: bytes) }
        // The normalizer's caches grow with the distinct words of every document the worker
        // read (as in ``LargeDocument``), and the recognizer keeps buffers as long as the
        // longest document: after a large document, or once the caches are large, a new
        // extractor starts afresh (output the same), and the freed memory goes back.
        let large = (bytes ?? 0) >= Self.trimAfterBytes
        if large || (extractor.made?.normalizer.cachedFormCount ?? 0) > options.formsPerExtractor { extractor.made = nil }
        if large { ResidentMemory.trim() }
      }
      shared.tally.withLock { $0.merge(local) }
    }
    progress?.finish()
    var tally = shared.tally.withLock { $0 }
    if let fatal = tally.fatal {
      tally.discardStaged()
      throw BatchError(.error(fatal))
    }
    return (tally, interruption.isRequested && tally.attempted.count < documents.count)
  }

  /// A worker's ``Extractor``, made when a document first needs one: an unchanged re-run, which
  /// reads no document, makes none (each costs building the pattern tables).
  final class ExtractorSlot {
    let work: DocumentWork
    /// The extractor made, if any; set to nil to start afresh with the next document.
    var made: Extractor?

    init(_ work: DocumentWork) { self.work = work }

    /// The extractor, made now if there is none; nil (with `tally.fatal` set) if it cannot be.
    func get(_ tally: inout Tally) -> Extractor? {
      if let made { return made }
      do {
        let (rules, gazetteer) = try work.rules.get()
        made = try Extractor(rules: rules, gazetteer: gazetteer)
      } catch {
        tally.fatal = "\(error)"
      }
      return made
    }
  }

  /// After a document of this many bytes, a worker takes a new extractor and freed memory goes
  /// back to the system (``ResidentMemory/trim()``).
  static let trimAfterBytes = 1 << 20

  /// A document not reached, not read, not written, or under a folder that could not be listed
  /// keeps its previous output and rows: a failure is never a deletion, and `out/` stays consistent.
  /// Each listing problem becomes a failure.
  func keepPrevious(
    in tally: inout Tally, documents: [String], selection: Selection, states: States, input: String,
    interrupted: Bool
  ) {
    let displayPrefix = input.hasSuffix("/") ? input : input + "/"
    func keep(_ relative: PathKey) {
      guard tally.records[relative] == nil else { return }
      if let old = states.previous.records[relative] {
        tally.records[relative] = old
        tally.unentered.append(relative)
      } else if states.recorded.records[relative] != nil, states.recorded.suffixes == format.documentSuffixes {
        // Written under another key: kept, and recorded so as to be redone next time.
        tally.records[relative] = RunState.Record(input: "", entities: [])
      }
    }
    if interrupted {
      let attempted = Set(tally.attempted)
      for (index, relative) in documents.enumerated() where !attempted.contains(index) { keep(PathKey(relative)) }
    }
    for relative in tally.kept { keep(relative) }
    for problem in selection.problems {
      tally.failures.append(
        DocumentFailure(path: problem.path.isEmpty ? input : displayPrefix + problem.path, message: problem.message))
      let under = problem.path.isEmpty ? "" : problem.path + "/"
      for relative in states.recorded.records.keys
      where relative == PathKey(problem.path) || relative.path.utf8.starts(with: under.utf8) {
        keep(relative)
      }
    }
  }

  /// Makes this run's output the output, all at once or not at all.
  ///
  /// First writes the last files, `entities.jsonl` (rebuilt from every record's summaries),
  /// the format's collection files and the run state, to temporary files. Only when they are
  /// all written does it rename the documents' new files into place, remove the files of
  /// documents that are gone or failed, and rename the last files into place, the run state
  /// last. If one cannot be written (a full disk), every temporary file is removed and the
  /// error thrown: `out/` is then as the previous run left it, and the run state the one
  /// written before the first document, under which the next run redoes what this one did.
  func commit(_ tally: inout Tally, states: States, out: OutputFolder, jobs: Int = 1) throws(BatchError) -> Int {
    if let count = unchanged(tally, states: states, out: out) { return count }
    tally.materialize(from: states.previous)
    var last = lastFiles(tally, states: states, out: out, jobs: jobs)
    var temporaries = try writeTemporaries(last.files, state: &last.state, body: last.stateBody, out: out, tally: &tally)
    if renameStaged(&tally, out: out, jobs: jobs) {
      // Some document's files could not be renamed into place: the last files say otherwise.
      for (temporary, _) in temporaries { unlink(temporary.path) }
      last = lastFiles(tally, states: states, out: out, jobs: jobs)
      temporaries = try writeTemporaries(last.files, state: &last.state, body: last.stateBody, out: out, tally: &tally)
    }
    out.removeDocumentFiles(states.recorded.files(notIn: last.state).map(\.path))
    for (index, (temporary, url)) in temporaries.enumerated() {
      do throws(WriteFailure) {
        try out.moveIntoPlace(temporary, url)
      } catch {
        for (temporary, _) in temporaries[(index + 1)...] { unlink(temporary.path) }
        throw BatchError(.error(file: url.path, "cannot write (\(error.reason))"))
      }
    }
    return last.entities.count
  }

  /// When every document kept its record as the last run left it (none added, gone, redone,
  /// failed or rehashed) and `entities.jsonl` is the file that run wrote (same size,
  /// modification time and inode), the last files
  /// would be written again byte for byte: they are left as they are. Returns the number of
  /// entities then, else nil.
  func unchanged(_ tally: Tally, states: States, out: OutputFolder) -> Int? {
    guard states.unchangedIfReused, tally.unchangedRecords == states.recorded.records.count,
      tally.records.isEmpty, tally.unentered.count == tally.unchangedRecords, tally.failures.isEmpty, tally.staged.isEmpty,
      tally.collected.isEmpty, format.collectionFiles(lines: [], types: []).isEmpty,
      let written = states.recorded.entitiesFile, RunState.EntitiesFile(out.entitiesFile.path, count: written.count) == written
    else { return nil }
    // The other files that the state keeps are those still there (``lastFiles``).
    for file in states.recorded.otherFiles where !format.documentSuffixes.contains(where: { file.path.hasSuffix($0) }) {
      guard access(out.documentsFolder.path + "/" + file.path, F_OK) == 0 else { return nil }
    }
    return written.count
  }

  /// The run state, `entities.jsonl` and the format's collection files as this run leaves
  /// them (`files`: `entities.jsonl` first, without the run state, which
  /// ``writeTemporaries(_:state:body:out:tally:)`` writes last).
  ///
  /// With `jobs` above 1, `entities.jsonl` is rendered in parts on the workers' threads while
  /// one of them encodes the run state (``RunStateFile/body(_:)``).
  func lastFiles(
    _ tally: Tally, states: States, out: OutputFolder, jobs: Int
  ) -> (state: RunState, entities: EntityTable, files: [(URL, [UInt8])], stateBody: RunStateFile.Body) {
    var state = RunState(key: states.key)
    state.records = tally.records
    state.suffixes = format.documentSuffixes
    // A document that is gone, or failed this time, must not keep an old result; files of
    // another format stay; a file that no run state records is not Quipu's to remove.
    state.otherFiles = states.recorded.files(notIn: state).filter { file in
      !format.documentSuffixes.contains { file.path.hasSuffix($0) }
        && access(out.documentsFolder.path + "/" + file.path, F_OK) == 0
    }
    var entities: EntityTable
    // Each record's rows counted once (a document listed twice would count twice).
    if tally.enteredAll && tally.entered + tally.unentered.count == tally.records.count {
      entities = tally.entities
      for document in tally.unentered {
        for summary in tally.records[document]?.entities ?? [] { entities.add(summary, document: document.path) }
      }
    } else {
      entities = EntityTable()
      for (document, record) in tally.records { for summary in record.entities { entities.add(summary, document: document.path) } }
    }
    state.entitiesFile = RunState.EntitiesFile(bytes: 0, modified: 0, inode: 0, count: entities.count)
    let rendering = entities.rendering()
    let rendered: [UInt8]
    let body: RunStateFile.Body
    if jobs > 1 {
      let parts = jobs * 4
      let pieces = Mutex([[UInt8]](repeating: [], count: parts))
      let encoded = Mutex<RunStateFile.Body?>(nil)
      let finished = state
      // The state first: the longest part.
      DispatchQueue.concurrentPerform(iterations: parts + 1) { index in
        if index == 0 {
          let body = RunStateFile.body(finished)
          encoded.withLock { $0 = body }
        } else {
          let piece = rendering.part(index - 1, of: parts)
          pieces.withLock { $0[index - 1] = piece }
        }
      }
      rendered = Array(pieces.withLock { $0 }.joined())
      body = encoded.withLock { $0 }!
    } else {
      rendered = rendering.part(0, of: 1)
      body = RunStateFile.body(state)
    }
    let collected = tally.collected.sorted { PathKey.byBytes($0.key, $1.key) }.map(\.value)
    let files =
      [(out.entitiesFile, rendered)]
      + format.collectionFiles(lines: collected, types: collectionTypes).map { (out.root.appendingPathComponent($0.path), $0.bytes) }
    return (state, entities, files, body)
  }

  /// Writes each file to its temporary file (flushed to disk), then the run state, which
  /// records the status of `entities.jsonl`'s temporary file (its first file; the rename keeps
  /// size, modification time and inode), and returns them, with the files they stand for.
  /// If one cannot be written, removes every temporary file of the run, the documents' too,
  /// and throws.
  func writeTemporaries(
    _ files: [(URL, [UInt8])], state: inout RunState, body: RunStateFile.Body, out: OutputFolder, tally: inout Tally
  ) throws(BatchError) -> [(temporary: URL, url: URL)] {
    var written: [(temporary: URL, url: URL)] = []
    for index in 0...files.count {
      let (url, bytes): (URL, [UInt8])
      if index < files.count {
        (url, bytes) = files[index]
      } else {
        if let entities = written.first {
          state.entitiesFile = RunState.EntitiesFile(entities.temporary.path, count: state.entitiesFile?.count ?? 0)
        }
        (url, bytes) = (out.stateFile, RunStateFile.finish(body, entitiesFile: state.entitiesFile))
      }
      do throws(WriteFailure) {
        written.append((try out.writeTemporary(bytes, for: url, durable: true), url))
      } catch {
        for (temporary, _) in written { unlink(temporary.path) }
        tally.discardStaged()
        throw BatchError(.error(file: url.path, "cannot write (\(error.reason))"))
      }
    }
    return written
  }

  /// Renames the documents' new files into place. Renaming takes no room: it fails only when
  /// something is in the way (a folder named like the file). Such a document is a failure:
  /// its new files are removed, and so, by ``commit(_:states:out:jobs:)``, are its old ones.
  /// Returns whether one failed.
  func renameStaged(_ tally: inout Tally, out: OutputFolder, jobs: Int = 1) -> Bool {
    let staged = tally.staged
    // With several jobs, the files are renamed in runs of whole documents (a document's files
    // are consecutive) on as many threads: renames in different folders do not wait on each other.
    var bounds = [0]
    let parts = jobs > 1 && staged.count >= 1_024 ? jobs * 4 : 1
    for part in 1..<parts {
      var i = max(staged.count * part / parts, bounds.last! + 1)
      while i < staged.count, staged[i].document == staged[i - 1].document { i += 1 }
      if i < staged.count { bounds.append(i) }
    }
    bounds.append(staged.count)
    let runs = bounds
    let failures = Mutex<[PathKey: DocumentFailure]>([:])
    DispatchQueue.concurrentPerform(iterations: runs.count - 1) { part in
      let files = staged[runs[part]..<runs[part + 1]]
      var failed: [PathKey: DocumentFailure] = [:]
      // Which files were renamed, looked at only when a document failed: no bookkeeping per
      // file otherwise.
      var renamed = [Bool](repeating: false, count: files.count)
      for (offset, file) in files.enumerated() {
        if !failed.isEmpty, failed[file.document] != nil {
          unlink(file.temporary)
          continue
        }
        if rename(file.temporary, file.target) == 0 {
          renamed[offset] = true
        } else {
          let code = errno
          unlink(file.temporary)
          let error = WriteFailure(path: file.target, code: code)
          failed[file.document] = DocumentFailure(path: file.display, message: error.description, isWriteFailure: true)
        }
      }
      guard !failed.isEmpty else { return }
      for (offset, file) in files.enumerated() where renamed[offset] && failed[file.document] != nil { unlink(file.target) }
      failures.withLock { $0.merge(failed) { first, _ in first } }
    }
    let failed = failures.withLock { $0 }
    tally.staged = []
    for (document, failure) in failed {
      tally.mentions -= tally.records[document]?.mentions ?? 0
      tally.records[document] = nil
      tally.enteredAll = false  // its rows are in the workers' tables
      tally.collected[document] = nil
      tally.failures.append(failure)
    }
    return !failed.isEmpty
  }

  /// What the run did, for the closing line.
  func summarize(
    _ tally: Tally, selection: Selection, entities: Int, interrupted: Bool, started: ContinuousClock.Instant
  ) -> BatchSummary {
    let failures = tally.failures.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let elapsed = ContinuousClock.now - started
    var summary = BatchSummary(
      documents: selection.documents.count, failures: failures, mentions: tally.mentions,
      entities: entities, tokens: tally.tokens, bytes: tally.bytes,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    summary.reused = tally.reused
    summary.skippedFiles = selection.listed - selection.documents.count
    summary.interrupted = interrupted
    if interrupted {
      // Only the documents a worker took count as done; the rest keep their previous output.
      summary.listed = selection.documents.count
      summary.documents = tally.attempted.count
    }
    return summary
  }

  // MARK: - One document

  /// What a worker needs to process a document: the same for every document of a run.
  struct DocumentWork: Sendable {
    let rules: RunRules
    let format: OutputFormat
    let options: BatchOptions
    let out: OutputFolder
    /// The records this run may reuse (see ``States/previous``).
    let previous: RunState
    /// When the run started (``FileStamp/now()``), for trusting file statuses.
    let startedAt: Int64
    let inputRoot: URL
    /// The input folder as the user named it, with a final `/`, for messages.
    let displayPrefix: String
    /// Bounds the bytes of the documents that the workers hold at once (``BatchOptions/bytesInFlight``).
    let gate: ByteGate
    /// Whether a worker counts the rows of a document reused with its record unchanged in its
    /// own table (``Tally/entities``): not when the run may turn out unchanged
    /// (``States/unchangedIfReused``), which rebuilds no table.
    let entersReused: Bool

    /// Processes one document into `tally`: reuses its previous output, or reads it (whole, or
    /// in pieces when large) and writes its files. Returns the input bytes it accounts for, for
    /// the progress line; nil when the document could not be read.
    func process(
      _ relative: String, index: Int, extractor: ExtractorSlot, folders: Folders, into tally: inout Tally
    ) -> Int? {
      let key = PathKey(relative)
      tally.attempted.append(index)
      // Taken before the bytes are read: if the file changes meanwhile, the next run sees
      // another status and hashes it again.
      let stamp = folders.input.status(relative).flatMap(FileStamp.init(regular:))
      if let stamp, let old = reusable(relative, stamp: stamp, hash: nil, folders: folders) {
        tally.reuse(old, for: key, enter: entersReused)
        tally.unchangedRecords += 1
        return Int(stamp.size)
      }
      let source = inputRoot.appendingPathComponent(relative, isDirectory: false)
      let size = stamp.map { Int($0.size) } ?? 0
      if format == .jsonl, size >= options.largeDocumentBytes {
        // Held a piece at a time: weighs a piece.
        let weight = gate.enter(min(size, options.largeDocumentBlock.units))
        defer { gate.leave(weight) }
        do {
          try processLarge(relative, source: source, stamp: stamp, folders: folders, into: &tally)
        } catch {
          tally.failures.append(error)
          if error.isWriteFailure { tally.kept.insert(key) }
        }
        return size
      }
      let weight = gate.enter(size)
      defer { gate.leave(weight) }
      return processWhole(relative, source: source, stamp: stamp, extractor: extractor, folders: folders, into: &tally)
    }

    /// The previous record of a document whose output can be kept, or nil. The document must
    /// have been done (it has an input hash) with the same bytes: the same trusted file status
    /// when `hash` is nil, else the same hash. And its files must still be whole: the main one
    /// of the recorded size (files are renamed into place without an `fsync`, so after a power
    /// loss one can be empty; it is then redone), the others present. Every document, read
    /// whole or in pieces, in every format, is reused only through here.
    func reusable(_ relative: String, stamp: FileStamp?, hash: String?, folders: Folders) -> RunState.Record? {
      guard let old = previous.records[PathKey(relative)], !old.input.isEmpty else { return nil }
      if let hash {
        guard old.input == hash else { return nil }
      } else {
        guard let stamp, old.stamp == stamp else { return nil }
      }
      let suffixes = format.documentSuffixes
      guard let size = folders.output.size(relative, suffix: suffixes.first ?? ".jsonl"), old.output == nil || old.output == size
      else { return nil }
      for suffix in suffixes.dropFirst() where folders.output.size(relative, suffix: suffix) == nil {
        return nil
      }
      return old
    }

    /// A worker's own open folders of the input and of `out/docs` (``FolderHandle``).
    struct Folders {
      let input: FolderHandle
      let output: FolderHandle
    }

    func folders() -> Folders {
      Folders(input: FolderHandle(root: inputRoot.path), output: FolderHandle(root: out.documentsFolder.path))
    }

    /// The document's main output file, whose size the run state records.
    func target(_ relative: String) -> URL {
      out.file(forDocument: relative, suffix: format.documentSuffixes.first ?? ".jsonl")
    }

    /// Reads a document whole, reuses its output if its hash is unchanged, else extracts its
    /// mentions and writes its files.
    func processWhole(
      _ relative: String, source: URL, stamp: FileStamp?, extractor slot: ExtractorSlot, folders: Folders,
      into tally: inout Tally
    ) -> Int? {
      let key = PathKey(relative)
      let display = displayPrefix + relative
      let bytes: [UInt8]
      do {
        bytes = try BatchRunner.read(source, display: display)
      } catch {
        tally.kept.insert(key)
        tally.failures.append(error)
        return nil
      }
      let hash = RunState.inputHash(bytes)
      let size = bytes.count
      let trusted = stamp?.trusted(at: startedAt, settled: options.settled)
      if var old = reusable(relative, stamp: nil, hash: hash, folders: folders) {
        old.stamp = trusted
        tally.reuse(old, for: key, enter: true)
        return size
      }
      guard let extractor = slot.get(&tally) else {
        tally.kept.insert(key)
        return nil
      }
      // The bytes go once decoded: the stages after hold the text, tokens and mentions.
      let document: Document
      do {
        document = try extractor.normalizer.document(path: relative, bytes: consume bytes, replacingInvalid: options.replaceInvalid)
      } catch {
        tally.failures.append(DocumentFailure(path: display, message: "\(error)"))
        return size
      }
      let extracted = extractor.extract(document)
      let target = target(relative)
      var outputBytes: Int?
      var staged: [Staged] = []
      do throws(WriteFailure) {
        for file in format.documentFiles(extracted.mentions, of: extracted.document, explain: options.explain) {
          let url = out.file(forDocument: relative, suffix: file.suffix)
          let temporary = try out.writeTemporary(file.bytes, for: url, durable: false)
          staged.append(Staged(document: key, temporary: temporary.path, target: url.path, display: display))
          if url == target { outputBytes = file.bytes.count }
        }
      } catch {
        for file in staged { unlink(file.temporary) }
        tally.unwritten(key, display: display, error)
        return size
      }
      tally.staged += staged
      if let line = format.collectionLine(extracted.mentions, of: extracted.document) { tally.collected[key] = line }
      var table = EntityTable()
      table.add(extracted.mentions, document: relative)
      let summaries = table.summaries
      tally.enter(summaries, document: key)
      tally.records[key] = RunState.Record(input: hash, entities: summaries, output: outputBytes, stamp: trusted)
      tally.mentions += extracted.mentions.count
      tally.tokens += extracted.document.tokens.count
      tally.bytes += size
      return size
    }

    /// Processes a document too large to read whole (see ``LargeDocument``): hashed in one
    /// pass, reused through ``reusable(_:stamp:hash:folders:)`` like any other, else extracted piece
    /// by piece.
    func processLarge(
      _ relative: String, source: URL, stamp: FileStamp?, folders: Folders, into tally: inout Tally
    ) throws(DocumentFailure) {
      let key = PathKey(relative)
      let document = LargeDocument(
        url: source, relative: relative, display: displayPrefix + relative, options: options,
        blockBytes: options.largeDocumentBlock.bytes, pieceUnits: options.largeDocumentBlock.units)
      let (hash, size) = try document.inputHash()
      let trusted = stamp?.trusted(at: startedAt, settled: options.settled)
      if var old = reusable(relative, stamp: nil, hash: hash, folders: folders) {
        old.stamp = trusted
        tally.reuse(old, for: key, enter: true)
        return
      }
      let loaded: (rules: RuleSet, gazetteer: Gazetteer)
      do {
        loaded = try rules.get()
      } catch {
        throw DocumentFailure(path: displayPrefix + relative, message: "cannot load the rules: \(error)")
      }
      let result = try document.extract(
        rules: loaded.rules, gazetteer: loaded.gazetteer, explain: options.explain, target: target(relative), out: out)
      tally.staged.append(
        Staged(
          document: key, temporary: result.temporary.path, target: target(relative).path, display: displayPrefix + relative))
      let summaries = result.entities.summaries
      tally.enter(summaries, document: key)
      tally.records[key] = RunState.Record(input: hash, entities: summaries, output: result.outputBytes, stamp: trusted)
      tally.mentions += result.mentions
      tally.tokens += result.tokens
      tally.bytes += size
    }
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
    // Read into uninitialized storage (no zeroing first); a file that grew since `fstat` is
    // read on below.
    var failed: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: max(0, Int(info.st_size))) { buffer, initialized in
      while initialized < buffer.count {
        let n = Foundation.read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
        if n < 0 {
          if errno == EINTR { continue }
          failed = errno
          return
        }
        if n == 0 { return }
        initialized += n
      }
    }
    if failed != 0 { throw failure(failed) }
    // Up to the end: usually one `read` that returns 0 (the array used to double, zeroed,
    // for it).
    while true {
      let n = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4_096) { more in
        let n = Foundation.read(fd, more.baseAddress!, more.count)
        if n > 0 { bytes.append(contentsOf: more[..<n]) }
        return n
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure(errno)
      }
      if n == 0 { break }
    }
    return bytes
  }

  /// What one worker accumulated.
  struct Tally: Sendable {
    var records: [PathKey: RunState.Record] = [:]
    var failures: [DocumentFailure] = []
    /// The documents a worker took, by index in the run's list.
    var attempted: [Int] = []
    /// Documents whose bytes could not be read, or whose output could not be written: their
    /// previous output is kept.
    var kept: Set<PathKey> = []
    /// The documents' new files, written to temporary files that ``BatchRunner/commit(_:states:out:jobs:)``
    /// renames into place.
    var staged: [Staged] = []
    /// Each document's line of the format's collection file (`spans.jsonl`), by path.
    var collected: [PathKey: [UInt8]] = [:]
    var mentions = 0
    var tokens = 0
    var bytes = 0
    var reused = 0
    /// Documents reused with their record as it was (the same file status): see
    /// ``BatchRunner/unchanged(_:states:out:)``.
    var unchangedRecords = 0
    /// The rows of the documents in `records`, counted by the workers as they went (in
    /// parallel), but for those in ``unentered``; when ``enteredAll`` is false (a record was
    /// taken out since), rebuilt from `records`.
    var entities = EntityTable()
    var unentered: [PathKey] = []
    var enteredAll = true
    /// How many documents' rows are in `entities`.
    var entered = 0
    var fatal: String?

    /// Puts the records of the documents reused as they were (in ``unentered``, not yet in
    /// `records`) into `records`.
    mutating func materialize(from previous: RunState) {
      for key in unentered where records[key] == nil { records[key] = previous.records[key] }
    }

    /// Counts a document's rows in ``entities``.
    mutating func enter(_ summaries: [EntityTable.Summary], document: PathKey) {
      for summary in summaries { entities.add(summary, document: document.path) }
      entered += 1
    }

    /// Keeps a document's previous record (its output files stay as they are), and counts its
    /// rows in `entities` now (`enter`), or later (``unentered``).
    mutating func reuse(_ record: RunState.Record, for key: PathKey, enter: Bool) {
      if enter {
        records[key] = record
        self.enter(record.entities, document: key)
      } else {
        // Into `records` only if the run turns out not unchanged (``materialize(from:)``).
        unentered.append(key)
      }
      reused += 1
      mentions += record.mentions
    }

    /// A document's output could not be written: a failure, and its previous output is kept.
    mutating func unwritten(_ key: PathKey, display: String, _ error: WriteFailure) {
      failures.append(DocumentFailure(path: display, message: error.description, isWriteFailure: true))
      kept.insert(key)
    }

    /// Removes the temporary files of the documents' new output (the run stops short).
    mutating func discardStaged() {
      for file in staged { unlink(file.temporary) }
      staged = []
    }

    mutating func merge(_ other: Tally) {
      if records.isEmpty { records = other.records } else { records.merge(other.records) { a, _ in a } }
      failures += other.failures
      attempted += other.attempted
      kept.formUnion(other.kept)
      staged += other.staged
      collected.merge(other.collected) { mine, _ in mine }
      mentions += other.mentions
      tokens += other.tokens
      bytes += other.bytes
      reused += other.reused
      unchangedRecords += other.unchangedRecords
      if entities.count == 0 { entities = other.entities } else { entities.merge(other.entities) }
      unentered += other.unentered
      enteredAll = enteredAll && other.enteredAll
      entered += other.entered
      fatal = fatal ?? other.fatal
    }
  }

  /// A new file of a document, written whole to a temporary file, waiting to be renamed.
  struct Staged: Sendable {
    var document: PathKey
    /// Paths (made by the worker that wrote the file, not by the thread that renames it).
    var temporary: String
    var target: String
    var display: String
  }

  final class Shared: Sendable {
    let next = Atomic<Int>(0)
    let tally = Mutex(Tally())
  }
}
