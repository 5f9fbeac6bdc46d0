import Foundation
import Output
import Testing
import TestSupport
@testable import Pipeline

/// `BatchRunner` with `--format`: which files each format writes, and that a run cleans up
/// only its own format's stale files.
@Suite struct BatchRunnerFormatTests {
  static let yaml = """
    entities:
      - id: country/pe
        type: PLACE
        name: Peru
    """

  /// Relative paths of the files under `folder`, sorted.
  func listing(_ folder: URL) -> [String] {
    let root = folder.standardizedFileURL.path + "/"
    var files: [String] = []
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(root.count))
      if !relative.hasPrefix(".quipu/") { files.append(relative) }
    }
    return files.sorted()
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  struct Case: Sendable, CustomTestStringConvertible {
    var format: OutputFormat
    var files: [String]
    var testDescription: String { format.rawValue }
  }

  static let cases: [Case] = [
    Case(format: .jsonl, files: ["docs/a.txt.jsonl", "docs/sub/b.txt.jsonl", "entities.jsonl"]),
    Case(format: .conll, files: ["docs/a.txt.conll", "docs/sub/b.txt.conll", "entities.jsonl"]),
    Case(
      format: .brat,
      files: [
        "docs/a.txt.ann", "docs/a.txt.txt", "docs/annotation.conf", "docs/sub/b.txt.ann", "docs/sub/b.txt.txt", "entities.jsonl",
      ]),
    Case(format: .spans, files: ["entities.jsonl", "spans.jsonl"]),
  ]

  @Test(arguments: cases)
  func eachFormatWritesItsFilesAndTheEntityTable(_ c: Case) throws {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["in/a.txt": Array("Peru.".utf8), "in/sub/b.txt": Array("Perú y Peru".utf8)], under: tmp)
    let out = tmp.appendingPathComponent("out")
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml), format: c.format)
      .run(input: tmp.appendingPathComponent("in").path, output: out.path, jobs: 2)
    #expect(summary.failures.isEmpty)
    #expect(listing(out) == c.files)
    #expect(
      try read(out.appendingPathComponent("entities.jsonl"))
        == #"{"id":"country/pe","type":"PLACE","name":"Peru","aliases":["Peru","Perú"],"mentions":3,"documents":["a.txt","sub/b.txt"],"attributes":{}}"# + "\n")
  }

  @Test func spansHaveOneLinePerReadableDocumentInPathOrder() throws {
    let tmp = try Fixture.temporaryFolder()
    var files: [String: [UInt8]] = ["in/bad.txt": [0x50, 0xFF]]
    for i in (0..<12).reversed() { files["in/d\(i).txt"] = Array("Peru \(i)".utf8) }
    try Fixture.write(files, under: tmp)
    let out = tmp.appendingPathComponent("out")
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml), format: .spans)
      .run(input: tmp.appendingPathComponent("in").path, output: out.path, jobs: 4)
    #expect(summary.failures.count == 1)
    let lines = try read(out.appendingPathComponent("spans.jsonl")).split(separator: "\n")
    #expect(lines.count == 12)
    #expect(lines.first == #"{"text":"Peru 0","spans":[{"start":0,"end":4,"label":"PLACE"}],"meta":{"doc":"d0.txt"}}"#)
    #expect(lines[2].hasSuffix(#""meta":{"doc":"d10.txt"}}"#))
  }

  @Test func aRunRemovesItsOwnStaleFilesButNeverAnotherFormats() throws {
    let tmp = try Fixture.temporaryFolder()
    let input = tmp.appendingPathComponent("in")
    let out = tmp.appendingPathComponent("out")
    let rules = try Fixture.rules(Self.yaml)
    try Fixture.write(["a.txt": Array("Peru".utf8), "b.txt": Array("Peru".utf8)], under: input)
    _ = try BatchRunner(rules: rules).run(input: input.path, output: out.path, jobs: 1)
    _ = try BatchRunner(rules: rules, format: .brat).run(input: input.path, output: out.path, jobs: 1)
    try FileManager.default.removeItem(at: input.appendingPathComponent("b.txt"))
    _ = try BatchRunner(rules: rules, format: .brat).run(input: input.path, output: out.path, jobs: 1)
    #expect(
      listing(out) == [
        "docs/a.txt.ann", "docs/a.txt.jsonl", "docs/a.txt.txt", "docs/annotation.conf", "docs/b.txt.jsonl", "entities.jsonl",
      ])
    _ = try BatchRunner(rules: rules).run(input: input.path, output: out.path, jobs: 1)
    #expect(!listing(out).contains("docs/b.txt.jsonl"))
    #expect(listing(out).contains("docs/a.txt.ann"))
  }
}
