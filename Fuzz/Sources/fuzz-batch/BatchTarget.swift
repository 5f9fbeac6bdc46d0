import Foundation
import FuzzSupport
import Output
import Pipeline
import Rules

/// The batch runner (`quipu run`, through ``BatchRunner``) over a random file tree.
///
/// The input is a ``TreeProgram``: a tree of files, folders and links (names with non-UTF-8
/// bytes, NFC/NFD pairs, dots, output suffixes, long names; contents in UTF-8, UTF-16 with
/// and without a BOM, broken, with NUL, empty; some unreadable), maybe foreign files in
/// `out/`, and changes. One input runs:
/// 1. a first run (A), then an unchanged second run (B): `out/` byte for byte the same;
/// 2. the changes, then an incremental run (C) and a fresh full run (F) over the final tree:
///    the same output for every document that was read, and the same `entities.jsonl`;
/// 3. with racing set, more changes from a second thread during a run (D), then a run (E)
///    that must equal a fresh one (invariants relaxed to: no crash, nothing foreign deleted,
///    the next run repairs).
/// After every run: the input tree is unchanged (but in D), every document has output or a
/// named failure, every failure names a document or something that could not be listed, no
/// failed document keeps output unless it could not be read, every file in `out/docs/` belongs
/// to a document or was there before, and files Quipu did not write are untouched.
enum BatchTarget {
  static let rules: RuleSet = {
    let directory = (ProcessInfo.processInfo.environment["QUIPU_FUZZ_RULES"] ?? "rules") + "/seeds"
    guard FileManager.default.fileExists(atPath: directory) else { fatalError("no seed rules at \(directory)") }
    do {
      return try RuleSet.compile(RuleLoader.load(directory: directory))
    } catch {
      fatalError("the seed rules do not compile: \(error)")
    }
  }()

  nonisolated(unsafe) static var runners: [OutputFormat: BatchRunner] = [:]

  static func runner(_ format: OutputFormat) -> BatchRunner {
    if let runner = runners[format] { return runner }
    let runner = BatchRunner(rules: rules, format: format)
    runners[format] = runner
    return runner
  }

  /// Collection files: written whole by every run, whoever wrote them before.
  static let collectionFiles: Set<String> = ["entities.jsonl", "spans.jsonl", "docs/annotation.conf"]

  static func run(_ bytes: [UInt8]) {
    let program = TreeProgram(bytes)
    var template = Array("/tmp/quipu-fuzz-batch.XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      fatalError("mkdtemp: \(String(cString: strerror(errno)))")
    }
    let tmp = Array(String(cString: made).utf8)
    defer { removeTree(tmp) }
    _ = withPath(tmp) { chmod($0, 0o755) }
    Identity.own(tmp)
    let input = tmp.joined(Array("in".utf8))
    _ = withPath(input) { mkdir($0, 0o755) }
    Identity.own(input)
    let tree = Tree(root: input)
    for entry in program.entries { tree.add(entry) }
    tree.applyModes()

    var session = Session(program: program, tmp: tmp, tree: tree)
    session.placeForeignFiles()
    trace("format \(program.settings.format), \(program.entries.count) entries, \(program.between.count) changes, \(program.during.count) racing, \(program.foreign.count) foreign, permissions apply: \(Identity.permissionsApply)")

    guard let a = session.run("A") else { return }
    let before = TreeSnapshot(session.out)
    guard let b = session.run("B") else { return }
    let after = TreeSnapshot(session.out)
    require(before == after, "an unchanged second run changed out/: \(before.difference(from: after))")
    require(a.summary.failures == b.summary.failures, "an unchanged second run failed differently: \(a.summary.failures) then \(b.summary.failures)")
    require(a.summary.mentions == b.summary.mentions && a.summary.entities == b.summary.entities,
      "an unchanged second run counts \(b.summary.mentions) mentions, \(b.summary.entities) entities, not \(a.summary.mentions), \(a.summary.entities)")
    if program.settings.format != .spans {
      let failedDocuments = b.summary.failures.count { b.oracle.isDocument(session.relative($0.path) ?? "") }
      require(b.summary.reused == b.summary.documents - failedDocuments,
        "an unchanged second run reused \(b.summary.reused) of \(b.summary.documents) documents (\(failedDocuments) failed)")
    }

    for change in program.between { tree.apply(change) }
    guard let c = session.run("C") else { return }
    session.compareWithFresh(c, name: "F")

    guard program.settings.racing else { return }
    let done = DispatchSemaphore(value: 0)
    let changes = program.during
    let thread = Thread {
      for change in changes {
        tree.apply(change)
        usleep(100)
      }
      done.signal()
    }
    thread.start()
    _ = session.run("D", racing: true)
    done.wait()
    guard let e = session.run("E") else { return }
    session.compareWithFresh(e, name: "F2")
  }

  /// One input's folders and what the runs so far left.
  struct Session {
    let program: TreeProgram
    let tmp: BytePath
    let tree: Tree
    var input: BytePath { tree.root }
    var out: BytePath { tmp.joined(Array("out".utf8)) }
    var inputName: String { String(decoding: input, as: UTF8.self) }
    /// Files in `out/` that Quipu did not write (relative to `out/`), with their bytes; a file
    /// where a listed document's output goes leaves this list (Quipu may overwrite it).
    /// Keyed by bytes, like every path here (`String ==` takes NFC and NFD for one name).
    var foreign: [BytePath: [UInt8]] = [:]
    /// Those that left it, with their bytes when they did.
    var claimed: [BytePath: [UInt8]] = [:]

    init(program: TreeProgram, tmp: BytePath, tree: Tree) {
      self.program = program
      self.tmp = tmp
      self.tree = tree
    }

    struct Result {
      var summary: BatchSummary
      var oracle: Oracle
    }

    var options: BatchOptions {
      var options = BatchOptions()
      options.jobs = 1  // the runner's work stays on this thread, with its file-system user
      options.explain = program.settings.explain
      options.replaceInvalid = program.settings.replaceInvalid
      return options
    }

    mutating func placeForeignFiles() {
      guard !program.foreign.isEmpty else { return }
      _ = withPath(out) { mkdir($0, 0o755) }
      Identity.own(out)
      for (relative, bytes) in program.foreign {
        let parts = relative.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Array.init)
        guard parts.allSatisfy(Tree.isName), let text = String(validating: relative, as: UTF8.self) else { continue }
        var folder = out
        for part in parts.dropLast() {
          folder = folder.joined(part)
          if lstatKind(folder) == nil {
            _ = withPath(folder) { mkdir($0, 0o755) }
            Identity.own(folder)
          }
        }
        let path = out.joined(relative)
        guard lstatKind(path) == nil, writeBytes(bytes, to: path) else { continue }
        Identity.own(path)
        if !BatchTarget.collectionFiles.contains(text) { foreign[relative] = bytes }
      }
    }

    /// The document a failure names, relative to the input folder ("" for the folder itself).
    func relative(_ failurePath: String) -> String? {
      if failurePath == inputName { return "" }
      let prefix = inputName + "/"
      return failurePath.hasPrefix(prefix) ? String(failurePath.dropFirst(prefix.count)) : nil
    }

    /// One run into `out/` (or `into`), with every check that holds after any run.
    mutating func run(_ name: String, racing: Bool = false, into output: BytePath? = nil, full: Bool = false) -> Result? {
      let target = output ?? out
      let format = program.settings.format
      let oracle = Identity.asRunner { Oracle(input: input) }
      let inputBefore = racing ? nil : TreeSnapshot(input)
      var options = options
      options.incremental = !full
      let summary: BatchSummary
      do {
        summary = try Identity.asRunner {
          try BatchTarget.runner(format).run(input: inputName, output: String(decoding: target, as: UTF8.self), options: options)
        }
      } catch {
        // Only a file of the user's in the way (`out/docs` a file) can stop a whole run.
        require(!program.foreign.isEmpty && output == nil, "run \(name) failed: \(error)")
        trace("run \(name): \(error)")
        checkForeign(name)
        return nil
      }
      trace("run \(name): \(summary.line); failures: \(summary.failures.map(\.description))")
      if let inputBefore {
        let inputAfter = TreeSnapshot(input)
        require(inputBefore == inputAfter, "run \(name) changed the input: \(inputBefore.difference(from: inputAfter))")
      }
      if output == nil {
        for document in oracle.documents.values {
          for suffix in format.documentSuffixes {
            let file = Array(("docs/" + document + suffix).utf8)
            if let bytes = foreign.removeValue(forKey: file) { claimed[file] = bytes }
          }
        }
        checkForeign(name)
      }
      if racing { return Result(summary: summary, oracle: oracle) }

      // Every failure names a document or a problem, once; every problem is a failure.
      var failed: [BytePath: DocumentFailure] = [:]
      for failure in summary.failures {
        guard let relative = relative(failure.path) else { require(false, "run \(name): failure outside the input: \(failure)"); continue }
        require(failed[Array(relative.utf8)] == nil, "run \(name): two failures for \(relative): \(summary.failures)")
        failed[Array(relative.utf8)] = failure
        require(oracle.isDocument(relative) || oracle.isProblem(relative),
          "run \(name): failure names neither a document nor a problem: \(failure); documents \(oracle.sortedDocuments), problems \(oracle.problems.values.sorted())")
      }
      for problem in oracle.problems.values { require(failed[Array(problem.utf8)] != nil, "run \(name): '\(problem)' cannot be listed, yet no failure names it: \(summary.failures)") }
      require(summary.documents == oracle.documents.count,
        "run \(name): \(summary.documents) documents, expected \(oracle.documents.count): \(oracle.sortedDocuments)")
      require(!summary.interrupted && summary.reused <= summary.documents, "run \(name): \(summary.line)")

      // Every document has output or a failure; a failed document keeps output only if it could not be read.
      let docs = target.joined(Array("docs".utf8))
      for document in oracle.documents.values {
        guard let main = format.documentSuffixes.first else { continue }
        let file = Array(("docs/" + document + main).utf8)
        let path = docs.joined(Array((document + main).utf8))
        let present = lstatKind(path)?.kind == S_IFREG
        let untouched = output == nil && claimed[file] != nil && readBytes(path) == claimed[file]
        if let failure = failed[Array(document.utf8)] {
          require(!present || untouched || failure.message.hasPrefix("cannot read"),
            "run \(name): \(document) failed (\(failure.message)), yet \(file.shown) is there")
        } else {
          require(present, "run \(name): \(document) neither failed nor has \(file.shown)")
        }
      }
      // Every file under out/docs/ is a listed document's (or one whose folder could not be
      // listed), a collection file, or the user's.
      for (relativeBytes, entry) in TreeSnapshot(docs).entries where entry.kind == S_IFREG {
        let relative = String(decoding: relativeBytes, as: UTF8.self)
        let file = "docs/" + relative
        let fileKey = Array(file.utf8)
        if BatchTarget.collectionFiles.contains(file) || (output == nil && (foreign[fileKey] != nil || claimed[fileKey] == entry.bytes)) { continue }
        let owner = format.documentSuffixes.lazy.filter { relative.hasSuffix($0) }.map { String(relative.dropLast($0.count)) }
          .first { oracle.isDocument($0) || oracle.isProblem($0) || oracle.isUnlisted($0) }
        require(owner != nil, "run \(name): \(file) belongs to no document: \(oracle.sortedDocuments)")
      }
      return Result(summary: summary, oracle: oracle)
    }

    /// Files Quipu did not write are as they were.
    func checkForeign(_ name: String) {
      for (relative, bytes) in foreign {
        let now = readBytes(out.joined(relative))
        require(now == bytes, "run \(name): \(now == nil ? "removed" : "changed") \(relative.shown), a file Quipu did not write")
      }
    }

    /// A fresh full run over the same tree writes what the incremental run wrote, for every
    /// document that was read; and the same collection files when every document was read.
    mutating func compareWithFresh(_ incremental: Result, name: String) {
      let fresh = tmp.joined(Array(name.lowercased().utf8))
      guard let full = run(name, into: fresh, full: true) else { return }
      let docs = out.joined(Array("docs".utf8))
      let freshDocs = fresh.joined(Array("docs".utf8))
      var kept = !incremental.oracle.problems.isEmpty
      // Colliding documents: which one is written depends on the earlier runs (Fuzz/README.md).
      let collisions = incremental.oracle.collisions(suffixes: program.settings.format.documentSuffixes)
      if !collisions.isEmpty { kept = true }
      // Documents whose output a file of the user's in `out/` blocks (a folder where the output
      // goes, `out/docs` a file): the fresh run, into an empty folder, writes them.
      var blocked: Set<BytePath> = []
      if !program.foreign.isEmpty {
        for failure in incremental.summary.failures where failure.message.hasPrefix("cannot write ") {
          blocked.insert(Array((relative(failure.path) ?? failure.path).utf8))
        }
      }
      if !blocked.isEmpty { kept = true }
      let failures = Dictionary(incremental.summary.failures.map { (Array((relative($0.path) ?? $0.path).utf8), $0) }) { a, _ in a }
        .filter { !collisions.contains($0.key) && !blocked.contains($0.key) }
      let freshFailures = Dictionary(full.summary.failures.map { (Array((relative($0.path) ?? $0.path).utf8), $0.message) }) { a, _ in a }
        .filter { !collisions.contains($0.key) && !blocked.contains($0.key) }
      for (document, failure) in failures {
        if failure.message.hasPrefix("cannot read") { kept = true }
        require(freshFailures[document] == failure.message, "\(document.shown): the incremental run failed with \(failure.message), a fresh one with \(freshFailures[document] ?? "nothing")")
      }
      require(freshFailures.count == failures.count, "a fresh run failed on \(full.summary.failures), the incremental one on \(incremental.summary.failures)")
      for document in incremental.oracle.sortedDocuments where failures[Array(document.utf8)] == nil && !collisions.contains(Array(document.utf8)) && !blocked.contains(Array(document.utf8)) {
        for suffix in program.settings.format.documentSuffixes {
          let path = Array((document + suffix).utf8)
          let a = readBytes(docs.joined(path))
          let b = readBytes(freshDocs.joined(path))
          require(a == b, "docs/\(document)\(suffix): the incremental run wrote \(a.map { String(decoding: $0, as: UTF8.self) } ?? "nothing"), a fresh one \(b.map { String(decoding: $0, as: UTF8.self) } ?? "nothing")")
        }
      }
      guard !kept else { return }
      for file in BatchTarget.collectionFiles {
        let a = readBytes(out.joined(Array(file.utf8)))
        let b = readBytes(fresh.joined(Array(file.utf8)))
        require(a == b, "\(file): the incremental run wrote \(a.map { String(decoding: $0, as: UTF8.self) } ?? "nothing"), a fresh one \(b.map { String(decoding: $0, as: UTF8.self) } ?? "nothing")")
      }
      require(incremental.summary.mentions == full.summary.mentions && incremental.summary.entities == full.summary.entities,
        "the incremental run counts \(incremental.summary.mentions) mentions and \(incremental.summary.entities) entities, a fresh one \(full.summary.mentions) and \(full.summary.entities)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBatch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  BatchTarget.run(bytes(data, size))
  return 0
}
