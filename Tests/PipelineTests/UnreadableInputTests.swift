import Foundation
import Testing
import TestSupport
@testable import Pipeline

/// Nothing is silent: what cannot be listed or read is a failure, named with its path, and
/// keeps its previous output (issue 15).
@Suite struct UnreadableInputTests {
  static let yaml = "entities:\n  - {id: place/lima, type: PLACE, name: Lima}\n"

  func corpus(_ files: [String: String]) throws -> (input: URL, out: URL) {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(files.mapValues { Array($0.utf8) }, under: tmp.appendingPathComponent("corpus"))
    return (tmp.appendingPathComponent("corpus"), tmp.appendingPathComponent("out"))
  }

  func exists(_ url: URL, _ path: String) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
  }

  /// Tests run as root, whom `chmod 000` does not stop: the listing failure is injected through
  /// the catalog's file-system seam (``FolderReader``). `CommandLineTests` has the real thing.
  @Test func anUnlistableFolderIsAFailureAndKeepsItsOutput() throws {
    let (input, out) = try corpus(["a.txt": "Lima", "sub/b.txt": "Lima", "sub/deeper/c.txt": "Lima"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    #expect(try runner.run(input: input.path, output: out.path, jobs: 1).failures.isEmpty)
    var options = BatchOptions()
    options.jobs = 1
    options.folderReader = FolderReader { path in
      path.hasSuffix("/sub") ? .failure(POSIXError(.EACCES)) : FolderReader.system.names(path)
    }
    let second = try runner.run(input: input.path, output: out.path, options: options)
    #expect(second.failures.map(\.description) == ["\(input.path)/sub: error: cannot list the folder (Permission denied)"])
    #expect(exists(out, "docs/sub/b.txt.jsonl") && exists(out, "docs/sub/deeper/c.txt.jsonl"))
    let entities = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
    #expect(entities.contains(#""documents":["a.txt","sub/b.txt","sub/deeper/c.txt"]"#), "\(entities)")
    // Readable again: nothing was lost, and the next run is whole.
    let third = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(third.failures.isEmpty && third.reused == 3)
  }

  /// A document that cannot be read (here a link that now leads nowhere) is named, and its
  /// output from the previous run is kept.
  @Test func anUnreadableDocumentIsAFailureAndKeepsItsOutput() throws {
    let (input, out) = try corpus(["a.txt": "Lima", "b.txt": "Lima"])
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    _ = try runner.run(input: input.path, output: out.path, jobs: 1)
    let b = input.appendingPathComponent("b.txt")
    try FileManager.default.removeItem(at: b)
    try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: "nowhere.txt")
    let second = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(second.failures.map(\.description) == ["\(input.path)/b.txt: error: cannot read file (No such file or directory)"])
    #expect(exists(out, "docs/b.txt.jsonl"))
  }

  @Test func aFileNameThatIsNotUTF8IsReported() throws {
    let (input, out) = try corpus(["a.txt": "Lima"])
    let name: [UInt8] = Array((input.path + "/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
    let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
    #expect(fd >= 0)
    close(fd)
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: out.path, jobs: 1)
    #expect(
      summary.failures.map(\.description) == [#"\#(input.path)/caf\xE9.txt: error: the file name is not valid UTF-8; rename the file"#])
  }

  /// A path longer than PATH_MAX (4096 bytes) cannot be opened by name: it is reported, not skipped.
  @Test func aPathLongerThanPathMaxIsReported() throws {
    let (input, out) = try corpus(["a.txt": "Lima"])
    let part = String(repeating: "d", count: 250)
    var folder = open(input.path, O_RDONLY | O_DIRECTORY)
    for _ in 0..<18 {
      #expect(mkdirat(folder, part, 0o755) == 0)
      let next = openat(folder, part, O_RDONLY | O_DIRECTORY)
      close(folder)
      folder = next
    }
    close(openat(folder, "deep.txt", O_CREAT | O_WRONLY, 0o644))
    close(folder)
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: out.path, jobs: 1)
    #expect(summary.failures.count == 1)
    #expect(summary.failures.first?.message.contains("File name too long") == true, "\(summary.failures)")
  }
}

/// Paths are bytes: names that differ only in Unicode normalization are two documents (issue 15).
@Suite struct NormalizationDistinctPathTests {
  static let yaml = "entities:\n  - {id: place/lima, type: PLACE, name: Lima}\n  - {id: country/pe, type: PLACE, name: Peru}\n"
  static let nfc = "\u{E9}.txt"
  static let nfd = "e\u{301}.txt"

  @Test func namesThatDifferOnlyInNormalizationAreTwoDocuments() throws {
    #expect(Self.nfc == Self.nfd, "Swift compares strings by canonical equivalence; the test relies on it")
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let (input, out) = (tmp.appendingPathComponent("corpus"), tmp.appendingPathComponent("out"))
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    // Written by byte name: Foundation may normalize a String path on the way to the file system.
    for (name, text) in [(Self.nfc, "Lima"), (Self.nfd, "Peru")] {
      let fd = open(input.path + "/" + name, O_CREAT | O_WRONLY, 0o644)
      _ = text.withCString { write(fd, $0, strlen($0)) }
      close(fd)
    }
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    let first = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(first.documents == 2 && first.mentions == 2 && first.entities == 2)
    let entities = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
    #expect(entities.contains("country/pe") && entities.contains("place/lima"), "\(entities)")
    // The NFD document is deleted: its output goes, the NFC one's stays.
    unlink(input.path + "/" + Self.nfd)
    let second = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(second.documents == 1 && second.reused == 1)
    let docs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("docs").path)
    #expect(docs.map { Array($0.utf8) } == [Array((Self.nfc + ".jsonl").utf8)])
    #expect(!(try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)).contains("country/pe"))
  }
}
