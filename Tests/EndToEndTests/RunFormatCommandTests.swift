import Foundation
import Testing
import TestSupport

/// `quipu run --format` as a user runs it.
extension CommandLineTests {
  @Test func runWritesTheChosenFormat() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8)])
    let r = try quipu(["run", "docs", "--format", "conll"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let conll = try String(contentsOf: dir.appendingPathComponent("out/docs/a.txt.conll"), encoding: .utf8)
    #expect(conll == "Peru\tB-PLACE\n\n")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/docs/a.txt.jsonl").path))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/entities.jsonl").path))
  }

  @Test func anUnknownFormatIsAUsageError() throws {
    let dir = try project(rules: Self.goodRules, docs: ["a.txt": Array("Peru".utf8)])
    let r = try quipu(["run", "docs", "--format", "xml"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("jsonl"), "\(r.stderr)")
  }
}
