import Foundation
import Testing
import TestSupport
@testable import Pipeline

/// The bad-input matrix: each case end to end through a batch run. The other documents are
/// processed, `out/` stays consistent, a failure names the file and byte offset.
@Suite struct BadInputTests {
  static let yaml = "entities:\n  - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú]}\n"

  struct Run {
    var summary: BatchSummary
    var input: URL
    var out: URL
    func file(_ relative: String) -> String? {
      try? String(contentsOf: out.appendingPathComponent("docs/\(relative).jsonl"), encoding: .utf8)
    }
  }

  func run(_ files: [String: [UInt8]], options: BatchOptions = BatchOptions()) throws -> Run {
    let tmp = try Fixture.temporaryFolder()
    let input = tmp.appendingPathComponent("in")
    try Fixture.write(files.merging(["good.txt": Array("Peru".utf8)]) { a, _ in a }, under: input)
    let out = tmp.appendingPathComponent("out")
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(input: input.path, output: out.path, options: options)
    let run = Run(summary: summary, input: input, out: out)
    #expect(run.file("good.txt")?.contains(#""text":"Peru""#) == true, "the other documents are processed")
    return run
  }

  @Test func emptyFile() throws {
    let r = try run(["empty.txt": []])
    #expect(r.summary.failures.isEmpty)
    #expect(r.file("empty.txt") == "")
  }

  @Test func invalidUTF8IsAnErrorWithItsByteOffset() throws {
    let r = try run(["bad.txt": Array("Perú ".utf8) + [0xFF] + Array(" Peru".utf8)])
    #expect(r.summary.failures.map(\.description) == ["\(r.input.path)/bad.txt: error: invalid UTF-8 at byte offset 6"])
    #expect(r.file("bad.txt") == nil)
  }

  @Test func invalidUTF8CanBeReplacedKeepingOffsetsRight() throws {
    var options = BatchOptions()
    options.replaceInvalid = true
    let r = try run(["bad.txt": Array("Perú ".utf8) + [0xE2, 0x82] + Array(" Peru".utf8)], options: options)
    #expect(r.summary.failures.isEmpty)
    // "Perú \u{FFFD} Peru": the replacement is one code point, so the second Peru starts at 7.
    #expect(r.file("bad.txt")?.contains(#""start":7,"end":11,"text":"Peru""#) == true)
  }

  @Test func utf16WithBOMIsDecoded() throws {
    var bytes: [UInt8] = [0xFE, 0xFF]
    for unit in "en el Perú".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    let r = try run(["be.txt": bytes])
    #expect(r.summary.failures.isEmpty)
    #expect(r.file("be.txt")?.contains(#""start":6,"end":10"#) == true)
  }

  @Test func binaryFilesAreSkippedWithAMessage() throws {
    let pdf = Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj".utf8) + [0x00, 0x01, 0x02]
    let r = try run(["scan.pdf": pdf, "disguised.txt": pdf])
    #expect(r.summary.skippedFiles == 1)  // scan.pdf: not a text extension
    #expect(r.summary.failures.map(\.message) == ["binary file (NUL byte at byte offset 22); skipped"])
  }

  @Test func aLongFileWithNoLineBreaks() throws {
    let text = String(repeating: "Peru y el Perú, ", count: 50_000)  // 850 kB, one line (100 MB: see BENCHMARKS.md)
    let r = try run(["long.txt": Array(text.utf8)])
    #expect(r.summary.failures.isEmpty)
    let lines = try #require(r.file("long.txt")).split(separator: "\n")
    #expect(lines.count == 100_000)
    #expect(lines.last?.contains(#""start":799994,"end":799998,"text":"Perú""#) == true)
  }

  @Test func unreadableFilesAreReportedByName() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/quipu/x.txt")
    #expect(throws: DocumentFailure.self) { try BatchRunner.read(missing, display: "in/x.txt") }
    guard getuid() != 0 else { return }  // root reads anything: the permission case needs a user
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["locked.txt": Array("Peru".utf8)], under: tmp)
    chmod(tmp.appendingPathComponent("locked.txt").path, 0)
    let summary = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(
      input: tmp.path, output: tmp.appendingPathComponent("out").path, jobs: 1)
    #expect(summary.failures.first?.message.hasPrefix("cannot read file") == true)
  }

  @Test func awkwardNamesMirrorIntoTheOutput() throws {
    let names = ["with space.txt", "línea\nnueva.txt", "Перу/秘鲁.txt", "a'b\"c.txt"]
    let r = try run(Dictionary(uniqueKeysWithValues: names.map { ($0, Array("Peru".utf8)) }))
    #expect(r.summary.failures.isEmpty)
    for name in names {
      let out = try #require(r.file(name), "\(name)")
      let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
      #expect(object?["doc"] as? String == name)
    }
  }

  @Test func hiddenFilesAndNonTextExtensionsAreLeftOut() throws {
    let r = try run([".secret.txt": Array("Peru".utf8), "photo.jpg": [0xFF, 0xD8], "notes": Array("Peru".utf8), "x.MD": Array("Peru".utf8)])
    #expect(r.summary.documents == 3)  // good.txt, notes, x.MD
    #expect(r.summary.skippedFiles == 1)
    var options = BatchOptions()
    options.include = ["*.jpg", "*.txt"]
    options.exclude = ["good*"]
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["a.txt": Array("Peru".utf8), "good.txt": [], "b.jpg": Array("Peru".utf8), "c.md": []], under: tmp.appendingPathComponent("in"))
    let s = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(
      input: tmp.appendingPathComponent("in").path, output: tmp.appendingPathComponent("out").path, options: options)
    #expect(s.documents == 2)
  }

  /// A run would read its own output back, or (`--format brat`) remove its input: refused,
  /// before anything is written (issue 15; more cases in ``OutputSafetyTests``).
  @Test func anOutputFolderInsideTheInputIsRefused() throws {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["a.txt": Array("Peru".utf8)], under: tmp)
    let runner = try BatchRunner(rules: Fixture.rules(Self.yaml))
    let error = try #require(throws: BatchError.self) {
      try runner.run(input: tmp.path, output: tmp.appendingPathComponent("out").path, jobs: 2)
    }
    #expect(error.kind == .usage)
    #expect(!FileManager.default.fileExists(atPath: tmp.appendingPathComponent("out").path))
  }
}
