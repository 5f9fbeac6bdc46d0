import Foundation
import Testing
import TestSupport

@testable import Review

/// Reading mention lines from an output folder, and what is not one.
@Suite struct OutputSourceTests {
  @Test func readsEveryMentionFileUnderDocsInPathOrder() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let line = { (doc: String) in
      #"{"doc":"\#(doc)","start":0,"end":4,"text":"Peru","type":"PLACE","entity":"country/pe","name":"Peru","rule":"r:1","how":"alias"}"#
        + "\n"
    }
    try Fixture.write(
      [
        "entities.jsonl": [], "docs/b.txt.jsonl": Array(line("b.txt").utf8), "docs/a/c.txt.jsonl": Array((line("a/c.txt") + "\n").utf8),
        "docs/.quipu/x.jsonl": Array("not json".utf8), "docs/notes.txt": Array("ignored".utf8),
      ], under: folder)
    let mentions = try OutputSource.mentions(folder: folder.path)
    #expect(mentions.map(\.doc) == ["a/c.txt", "b.txt"])
    #expect(mentions.first?.rule == "r:1")
  }

  @Test func refusesWhatIsNotAnOutputFolder() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: ReviewError.self) { try OutputSource.mentions(folder: folder.path) }
    #expect(throws: ReviewError.self) { try OutputSource.mentions(folder: folder.path + "/missing") }
    try Fixture.write(["docs/a.txt.jsonl": Array("{\"doc\":\"a.txt\"}\n".utf8)], under: folder)
    do {
      _ = try OutputSource.mentions(folder: folder.path)
      Issue.record("a bad line was accepted")
    } catch {
      #expect(error.description.hasSuffix("docs/a.txt.jsonl:1: error: not a mention line (doc, start, end, type expected)"))
    }
  }

  @Test func refusesAnOutputFolderOfAnotherFormat() throws {
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Fixture.write(["entities.jsonl": [], "docs/a.txt.conll": Array("Peru B-PLACE\n".utf8)], under: folder)
    #expect(throws: ReviewError(path: folder.path, message: OutputSource.otherFormat)) {
      try OutputSource.mentions(folder: folder.path)
    }
  }

  @Test(arguments: [("a/./b/../c/", "a/c"), ("out", "out"), ("x/../out", "out"), ("", ""), ("../out", nil)] as [(String, String?)])
  func normalizedPaths(_ path: String, _ expected: String?) {
    #expect(OutputSource.normalized(path) == expected)
  }
}
