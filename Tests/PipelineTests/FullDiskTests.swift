import Foundation
import Output
import Synchronization
import Testing
import TestSupport
@testable import Pipeline

/// Nothing lost, nothing silent, on a full disk (issue 15): every write that fails is a named
/// failure, no temporary file is left, and `out/` is the old output or the new one, never a
/// mix: `entities.jsonl` always describes the files under `docs/`. The disk fills up through
/// ``FileWriter`` (no root, no small file system needed).
@Suite struct FullDiskTests {
  static let yaml = "entities:\n  - {id: place/lima, type: PLACE, name: Lima}\n"
  static let old = ["a.txt": "Lima", "b.txt": "Lima y Lima", "c.txt": "nada", "d.txt": "Lima"]
  /// Every old document changed, and one added: a run rewrites every file.
  static let new = ["a.txt": "Lima, Lima", "b.txt": "Lima", "c.txt": "Lima Lima Lima", "d.txt": "no", "e.txt": "Lima"]

  struct Workspace {
    let root: URL
    var input: URL { root.appendingPathComponent("in") }
    var out: URL { root.appendingPathComponent("out") }
    var state: URL { root.appendingPathComponent(".out.quipu") }

    init(_ files: [String: String]) throws {
      root = try Fixture.temporaryFolder()
      try write(files)
    }

    func write(_ files: [String: String]) throws {
      try? FileManager.default.removeItem(at: input)
      try Fixture.write(files.mapValues { Array($0.utf8) }, under: input)
    }

    func run(
      _ writer: FileWriter = .system, format: OutputFormat = .jsonl, large: Bool = false, jobs: Int = 1
    ) throws(BatchError) -> BatchSummary {
      var options = BatchOptions()
      options.jobs = jobs
      options.fileWriter = writer
      if large { options.largeDocumentBytes = 1 }
      let runner: BatchRunner
      do { runner = try BatchRunner(rules: Fixture.rules(FullDiskTests.yaml), format: format) } catch {
        fatalError("\(error)")
      }
      return try runner.run(input: input.path, output: out.path, options: options)
    }

    /// Every file under `out/` (hidden ones too), with its bytes.
    func snapshot() -> [String: Data] {
      var files: [String: Data] = [:]
      for relative in FileManager.default.subpaths(atPath: out.path) ?? [] {
        var isDirectory: ObjCBool = false
        let url = out.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
          files[relative] = try? Data(contentsOf: url)
        }
      }
      return files
    }

    /// Files a run left half-written, in `out/` or beside it.
    func temporaryFiles() -> [String] {
      [out, state].flatMap { folder in
        (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { $0.contains(OutputFolder.temporaryMarker) }
      }
    }

    /// Whether `entities.jsonl` describes the files under `docs/`: its mention counts add up
    /// to their lines, document by document.
    func entitiesMatchDocuments() throws -> Bool {
      var fromDocuments: [String: Int] = [:]
      for relative in FileManager.default.subpaths(atPath: out.appendingPathComponent("docs").path) ?? []
      where relative.hasSuffix(".jsonl") && !relative.hasPrefix(".") {
        guard let text = try? String(contentsOf: out.appendingPathComponent("docs/" + relative), encoding: .utf8) else {
          continue  // a folder
        }
        let lines = text.split(separator: "\n").count
        if lines > 0 { fromDocuments[String(relative.dropLast(".jsonl".count))] = lines }
      }
      // One entity here (Lima): it lists the documents that mention it, and their lines.
      let entities = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
      let rows = try entities.split(separator: "\n").map { line in
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
      }
      guard let row = rows.first else { return fromDocuments.isEmpty }
      return rows.count == 1 && Set(row["documents"] as? [String] ?? []) == Set(fromDocuments.keys)
        && row["mentions"] as? Int == fromDocuments.values.reduce(0, +)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  /// The output a clean run over `files` writes, to compare a repaired folder with.
  func cleanOutput(_ files: [String: String]) throws -> [String: Data] {
    let clean = try Workspace(files)
    defer { clean.remove() }
    _ = try clean.run()
    return clean.snapshot()
  }

  /// A document whose file cannot be written is a failure that names the file and the
  /// system's reason, counted in the summary; it keeps its previous output (a failure is never
  /// a deletion) and `entities.jsonl` describes what is under `docs/`.
  @Test func aDocumentThatCannotBeWrittenIsReportedAndKeepsItsOutput() throws {
    let space = try Workspace(Self.old)
    defer { space.remove() }
    _ = try space.run()
    let before = space.snapshot()
    try space.write(Self.new)
    let summary = try space.run(.failing { path in path.contains("b.txt.jsonl") })
    #expect(summary.failures.count == 1)
    let failure = try #require(summary.failures.first)
    #expect(failure.isWriteFailure)
    #expect(failure.path.hasSuffix("in/b.txt"))
    #expect(failure.message == "cannot write \(space.out.path)/docs/b.txt.jsonl (No space left on device)")
    #expect(summary.line.contains("(1 failed, 1 not written)"), "\(summary.line)")
    #expect(space.snapshot()["docs/b.txt.jsonl"] == before["docs/b.txt.jsonl"], "b's previous output is lost")
    #expect(try space.entitiesMatchDocuments())
    #expect(space.temporaryFiles().isEmpty, "\(space.temporaryFiles())")
    // With room again, the next run redoes b, and only b.
    let repaired = try space.run()
    #expect(repaired.failures.isEmpty && repaired.reused == 4)
    #expect(space.snapshot() == (try cleanOutput(Self.new)))
  }

  /// `entities.jsonl` cannot be written: the run changes nothing in `out/` (the documents it
  /// wrote are not renamed into place), reports the error with the summary, and the next run
  /// with room writes everything.
  @Test(arguments: ["entities.jsonl", "run-state"])
  func whenTheLastFilesCannotBeWrittenOutIsAsItWas(file: String) throws {
    let space = try Workspace(Self.old)
    defer { space.remove() }
    _ = try space.run()
    let before = space.snapshot()
    try space.write(Self.new)
    do {
      // The run state is written once before the first document (it adds e.txt): the disk
      // is full when it is written again, at the end.
      let writes = Atomic(0)
      _ = try space.run(
        .failing { path in
          path.contains("/.\(file)") && writes.add(1, ordering: .relaxed).newValue > (file == "run-state" ? 1 : 0)
        })
      Issue.record("the run wrote no \(file) and did not say so")
    } catch {
      #expect(error.kind == .io)
      #expect(error.description.hasSuffix("\(file): error: cannot write (No space left on device)"), "\(error)")
      #expect(error.summary != nil, "no summary")
      if let summary = error.summary {
        #expect(summary.documents == 5 && summary.failures.isEmpty)
        #expect(summary.line.hasSuffix("; nothing written, the output is as it was"), "\(summary.line)")
      }
    }
    #expect(space.snapshot() == before, "out/ changed")
    #expect(try space.entitiesMatchDocuments())
    #expect(space.temporaryFiles().isEmpty, "\(space.temporaryFiles())")
    let repaired = try space.run()
    #expect(repaired.failures.isEmpty)
    #expect(space.snapshot() == (try cleanOutput(Self.new)))
  }

  /// The disk fills up midway: the documents that no longer fit are each reported, then
  /// `entities.jsonl` cannot be written either; `out/` is the old output, whole.
  @Test(arguments: [false, true])
  func aDiskThatFillsUpMidwayReportsEveryDocument(large: Bool) throws {
    let space = try Workspace(Self.old)
    defer { space.remove() }
    _ = try space.run()
    let before = space.snapshot()
    try space.write(Self.new)
    // Room for the run state written before the first document (the old one and a record for
    // e.txt) and for the files of a.txt and b.txt (written first, with one job); not for c.txt
    // nor e.txt (d.txt's file is empty: it takes no room).
    let state = try Data(contentsOf: space.state.appendingPathComponent("run-state")).count
    let clean = try cleanOutput(Self.new)
    let room = state + 100 + (clean["docs/a.txt.jsonl"]?.count ?? 0) + (clean["docs/b.txt.jsonl"]?.count ?? 0)
    do {
      _ = try space.run(.disk(room: room), large: large)
      Issue.record("the run filled the disk and did not say so")
    } catch {
      #expect(error.kind == .io)
      #expect(error.description.contains("entities.jsonl: error: cannot write (No space left on device)"), "\(error)")
      #expect(error.summary != nil, "no summary")
      let failures = error.summary?.failures ?? []
      #expect(failures.map { $0.path.suffix(5) } == ["c.txt", "e.txt"], "\(failures)")
      for failure in failures {
        #expect(failure.isWriteFailure)
        #expect(failure.message.hasSuffix(".txt.jsonl (No space left on device)"), "\(failure)")
      }
    }
    #expect(space.snapshot() == before, "out/ changed")
    #expect(space.temporaryFiles().isEmpty, "\(space.temporaryFiles())")
    let repaired = try space.run()
    #expect(repaired.failures.isEmpty)
    #expect(space.snapshot() == clean)
  }

  /// A file that cannot be renamed into place (a folder in its way) fails its document; the
  /// folder is left alone, and `entities.jsonl`, written after, leaves the document out.
  @Test func aDocumentWhoseFileCannotBeRenamedIsReported() throws {
    let space = try Workspace(Self.old)
    defer { space.remove() }
    try FileManager.default.createDirectory(
      at: space.out.appendingPathComponent("docs/b.txt.jsonl/mine"), withIntermediateDirectories: true)
    let summary = try space.run()
    #expect(summary.failures.map(\.description) == [
      "\(space.input.path)/b.txt: error: cannot write \(space.out.path)/docs/b.txt.jsonl (Is a directory)"
    ])
    #expect(summary.writeFailures == 1)
    #expect(FileManager.default.fileExists(atPath: space.out.appendingPathComponent("docs/b.txt.jsonl/mine").path))
    #expect(try space.entitiesMatchDocuments())
    #expect(space.temporaryFiles().isEmpty, "\(space.temporaryFiles())")
  }

  /// With several jobs and many files, staged files are renamed on several threads, in runs of
  /// whole documents: a document whose file cannot be renamed fails as with one job, and the
  /// output is the same.
  @Test func filesRenamedOnSeveralThreadsFailAsOnOne() throws {
    var files: [String: String] = [:]
    for i in 0..<1_500 { files["f\(i % 3)/\(i).txt"] = i % 2 == 0 ? "Lima" : "nada" }
    var outputs: [[String: Data]] = []
    var failures: [[String]] = []
    for jobs in [1, 2] {
      let space = try Workspace(files)
      defer { space.remove() }
      for blocked in ["f0/0.txt.jsonl", "f1/700.txt.jsonl", "f2/1499.txt.jsonl"] {
        try FileManager.default.createDirectory(
          at: space.out.appendingPathComponent("docs/\(blocked)/mine"), withIntermediateDirectories: true)
      }
      let summary = try space.run(jobs: jobs)
      #expect(summary.writeFailures == 3)
      failures.append(summary.failures.map { $0.description.replacingOccurrences(of: space.root.path, with: "") })
      outputs.append(space.snapshot())
      #expect(try space.entitiesMatchDocuments())
      #expect(space.temporaryFiles().isEmpty, "\(space.temporaryFiles())")
    }
    #expect(failures[0] == failures[1])
    #expect(outputs[0] == outputs[1])
  }

  /// A first run on a full disk stops at the run state, before any document, and leaves
  /// nothing behind.
  @Test func aFirstRunOnAFullDiskLeavesNothingBehind() throws {
    let space = try Workspace(Self.new)
    defer { space.remove() }
    do {
      _ = try space.run(.disk(room: 10))
      Issue.record("the run wrote nothing and did not say so")
    } catch {
      #expect(error.kind == .io)
      #expect(error.description.hasSuffix("run-state: error: cannot write (No space left on device)"), "\(error)")
    }
    #expect(space.temporaryFiles().isEmpty, "\(space.temporaryFiles())")
    #expect(space.snapshot().isEmpty, "\(space.snapshot().keys.sorted())")
    _ = try space.run()
    #expect(space.snapshot() == (try cleanOutput(Self.new)))
  }
}
