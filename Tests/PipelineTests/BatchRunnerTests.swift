import Foundation
import Testing
import TestSupport
@testable import Pipeline

@Suite struct BatchRunnerTests {
  static let yaml = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
    """

  /// Every file under `folder`, relative path → contents.
  func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = folder.standardizedFileURL.path + "/"
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(root.count))
      if relative.hasPrefix(".quipu/") { continue }  // run state, not output
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }

  func run(_ files: [String: [UInt8]], jobs: Int = 2, out: URL? = nil) throws -> (BatchSummary, URL, URL) {
    let tmp = try Fixture.temporaryFolder()
    let input = tmp.appendingPathComponent("in")
    try Fixture.write(files, under: input)
    let output = out ?? tmp.appendingPathComponent("out")
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: output.path, jobs: jobs)
    return (summary, input, output)
  }

  @Test func writesOneFilePerDocumentMirroringTheTreeAndAnEntityTable() throws {
    let (summary, _, out) = try run(["a.txt": Array("Peru.".utf8), "sub/b.txt": Array("Perú y Peru".utf8)])
    #expect(summary.failures.isEmpty)
    #expect(summary.documents == 2)
    #expect(summary.mentions == 3)
    #expect(try Set(snapshot(out).keys) == ["entities.jsonl", "docs/a.txt.jsonl", "docs/sub/b.txt.jsonl"])
    let entities = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
    #expect(entities == #"{"id":"country/pe","type":"PLACE","name":"Peru","aliases":["Peru","Perú"],"mentions":3,"documents":["a.txt","sub/b.txt"],"attributes":{}}"# + "\n")
  }

  @Test func aBadDocumentIsReportedWithItsByteOffsetAndTheOthersGoOn() throws {
    var bad = Array("Peru ".utf8)
    bad.append(0xC3)  // a lead byte followed by ASCII: invalid at offset 5
    bad += Array("x".utf8)
    let (summary, input, out) = try run(["bad.txt": bad, "good.txt": Array("Peru".utf8), "empty.txt": []])
    #expect(summary.failures.count == 1)
    #expect(summary.failures.first?.path == input.path + "/bad.txt")
    #expect(summary.failures.first?.message == "invalid UTF-8 at byte offset 5")
    let files = try snapshot(out)
    #expect(files["docs/good.txt.jsonl"] != nil)
    #expect(files["docs/empty.txt.jsonl"] == Data())
    #expect(files["docs/bad.txt.jsonl"] == nil)
  }

  @Test func binaryFilesAreSkippedWithAMessage() throws {
    let (summary, _, _) = try run(["scan.txt": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], "a.txt": Array("Peru".utf8)])
    #expect(summary.failures.map(\.message) == ["binary file (NUL byte at byte offset 4); skipped"])
  }

  @Test func outputIsByteIdenticalForAnyNumberOfJobs() throws {
    var files: [String: [UInt8]] = [:]
    for i in 0..<40 { files["d\(i % 7)/doc\(i).txt"] = Array(String(repeating: "Peru y Perú. ", count: i + 1).utf8) }
    let (_, _, one) = try run(files, jobs: 1)
    let (_, _, four) = try run(files, jobs: 4)
    #expect(try snapshot(one) == snapshot(four))
  }

  @Test func removedAndNewlyFailingDocumentsLoseTheirOldOutput() throws {
    let tmp = try Fixture.temporaryFolder()
    let input = tmp.appendingPathComponent("in")
    let out = tmp.appendingPathComponent("out")
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    try Fixture.write(["a.txt": Array("Peru".utf8), "b.txt": Array("Peru".utf8), "c.txt": Array("Peru".utf8)], under: input)
    _ = try runner.run(input: input.path, output: out.path, jobs: 2)
    try FileManager.default.removeItem(at: input.appendingPathComponent("a.txt"))
    try Fixture.write(["b.txt": [0xFF]], under: input)
    let summary = try runner.run(input: input.path, output: out.path, jobs: 2)
    #expect(summary.failures.count == 1)
    #expect(try Set(snapshot(out).keys) == ["entities.jsonl", "docs/c.txt.jsonl"])
  }

  /// (An output folder inside the input is refused: see ``OutputSafetyTests``.)
  @Test func hiddenFilesAreSkipped() throws {
    let tmp = try Fixture.temporaryFolder()
    let input = tmp.appendingPathComponent("in")
    try Fixture.write(["a.txt": Array("Peru".utf8), ".hidden.txt": Array("Peru".utf8), ".git/x": [0]], under: input)
    let out = tmp.appendingPathComponent("out")
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    _ = try runner.run(input: input.path, output: out.path, jobs: 1)
    let again = try runner.run(input: input.path, output: out.path, jobs: 1)
    #expect(again.documents == 1)
    #expect(again.failures.isEmpty)
  }

  @Test func aMissingInputFolderIsAnError() throws {
    let tmp = try Fixture.temporaryFolder()
    #expect(throws: BatchError.self) {
      try BatchRunner(rules: Fixture.rules(Self.yaml)).run(
        input: tmp.appendingPathComponent("nope").path, output: tmp.appendingPathComponent("out").path, jobs: 1)
    }
  }

  @Test func utf16WithBOMIsDecoded() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "en el Perú".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let (summary, _, out) = try run(["u16.txt": bytes])
    #expect(summary.failures.isEmpty)
    let line = try String(contentsOf: out.appendingPathComponent("docs/u16.txt.jsonl"), encoding: .utf8)
    #expect(line.contains(#""start":6,"end":10,"text":"Perú""#))
  }
}
