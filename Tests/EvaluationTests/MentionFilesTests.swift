import Foundation
import Testing
import TestSupport
@testable import Evaluation

@Suite struct MentionFilesTests {
  func file(_ text: String, named name: String = "gold.jsonl") throws -> String {
    let folder = try Fixture.temporaryFolder()
    try Fixture.write([name: Array(text.utf8)], under: folder)
    return folder.appendingPathComponent(name).path
  }

  @Test func goldInTheSharedFormatAndInOutFormat() throws {
    let path = try file(
      """
      {"doc":"docs/a.txt","start":0,"end":4,"text":"Peru","type":"PLACE","canonical":"Peru","optional":true}
      {"doc":"a.txt","start":5,"end":9,"text":"Lima","type":"PLACE","entity":"place/lima","name":"Lima","rule":"rules/p.yaml:3"}
      {"doc":"a.txt","start":9,"end":12,"type":"ORG","canonical":"UN","entity":"org/un","optional":false}
      """)
    #expect(
      try MentionFiles.gold(path: path) == [
        GoldMention(doc: "a.txt", start: 0, end: 4, type: "PLACE", canonical: "Peru", isOptional: true),
        GoldMention(doc: "a.txt", start: 5, end: 9, type: "PLACE", canonical: "place/lima"),
        GoldMention(doc: "a.txt", start: 9, end: 12, type: "ORG", canonical: "UN"),
      ])
  }

  @Test func blankLinesAndCRLFAreFine() throws {
    let path = try file("\u{FEFF}{\"doc\":\"a\",\"start\":0,\"end\":1,\"type\":\"ORG\",\"canonical\":\"X\"}\r\n\r\n  \n")
    #expect(try MentionFiles.gold(path: path).count == 1)
  }

  @Test func theDocumentPatternIsSearchedInTheDocAsWritten() throws {
    let path = try file(
      """
      {"doc":"101_en.txt","start":0,"end":1,"type":"ORG","canonical":"X"}
      {"doc":"105_es.txt","start":0,"end":1,"type":"ORG","canonical":"X"}
      {"doc":"es/106_de.txt","start":0,"end":1,"type":"ORG","canonical":"X"}
      """)
    let docs = try MentionFiles.gold(path: path, documentPattern: Regex(#"_es\.txt$"#)).map(\.doc)
    #expect(docs == ["105_es.txt"])
    #expect(try MentionFiles.gold(path: path, documentPattern: Regex("^es/")).map(\.doc) == ["106_de.txt"])
  }

  struct Malformed: Sendable, CustomTestStringConvertible {
    var line: String
    var message: String
    var testDescription: String { message }
  }

  static let malformed: [Malformed] = [
    Malformed(line: #"{"doc":"a","start":0,"end":1,"type":"ORG"}"#, message: "missing key 'canonical' (or 'entity', in out/ format)"),
    Malformed(line: #"{"doc":"a","end":1,"type":"ORG","canonical":"X"}"#, message: "missing key 'start'"),
    Malformed(line: #"{"doc":"a","start":"0","end":1,"type":"ORG","canonical":"X"}"#, message: "'start' must be an integer"),
    Malformed(line: #"{"doc":"a","start":0,"end":1,"type":"ORG","canonical":"X","optional":"yes"}"#, message: "'optional' must be true or false"),
    Malformed(line: #"{"doc":null,"start":0,"end":1,"type":"ORG","canonical":"X"}"#, message: "'doc' must be a string, not null"),
    Malformed(line: #"{"doc":"a","start":0,"#, message: "not valid JSON"),
    Malformed(line: #"["a", 0, 1]"#, message: "not a JSON object"),
  ]

  @Test(arguments: malformed)
  func malformedGoldNamesPathAndLine(_ c: Malformed) throws {
    let path = try file("{\"doc\":\"a\",\"start\":0,\"end\":1,\"type\":\"ORG\",\"canonical\":\"X\"}\n\n" + c.line + "\n")
    #expect(throws: EvaluationError(path: path, line: 3, message: c.message)) { try MentionFiles.gold(path: path) }
  }

  @Test func unreadableInputsAreErrors() throws {
    let folder = try Fixture.temporaryFolder()
    let missing = folder.appendingPathComponent("nope.jsonl").path
    #expect(throws: EvaluationError(path: missing, message: "cannot read the file")) { try MentionFiles.gold(path: missing) }
    #expect(throws: EvaluationError(path: missing, message: "no such folder")) { try MentionFiles.predictions(folder: missing) }
    try Fixture.write(["bad.jsonl": [0x7B, 0xFF, 0x7D]], under: folder)
    let bad = folder.appendingPathComponent("bad.jsonl").path
    #expect(throws: EvaluationError(path: bad, message: "not UTF-8 text")) { try MentionFiles.gold(path: bad) }
  }

  @Test func predictionsComeFromEveryJSONLinesFileButEntitiesAndSpans() throws {
    let out = try Fixture.temporaryFolder()
    let line = #"{"doc":"sub/b.txt","start":0,"end":4,"text":"Peru","type":"PLACE","entity":"country/pe","name":"Peru","rule":"r:1"}"#
    try Fixture.write(
      [
        "docs/sub/b.txt.jsonl": Array((line + "\n").utf8),
        "docs/a.txt.jsonl": Array(#"{"doc":"a.txt","start":1,"end":2,"type":"ORG"}"#.utf8),
        "docs/empty.txt.jsonl": [],
        "docs/a.txt.conll": Array("Peru\tB-PLACE\n".utf8),
        "entities.jsonl": Array(#"{"id":"country/pe"}"#.utf8),
        "spans.jsonl": Array(#"{"text":"Peru","spans":[]}"#.utf8),
      ], under: out)
    #expect(
      try MentionFiles.predictions(folder: out.path) == [
        PredictedMention(doc: "a.txt", start: 1, end: 2, type: "ORG", entity: nil),
        PredictedMention(doc: "b.txt", start: 0, end: 4, type: "PLACE", entity: "country/pe"),
      ])
  }

  @Test func aMalformedPredictionNamesItsFileAndLine() throws {
    let out = try Fixture.temporaryFolder()
    try Fixture.write(["docs/a.txt.jsonl": Array("{\"doc\":\"a.txt\",\"start\":1,\"end\":2}\n".utf8)], under: out)
    #expect(throws: EvaluationError(path: out.path + "/docs/a.txt.jsonl", line: 1, message: "missing key 'type'")) {
      try MentionFiles.predictions(folder: out.path)
    }
  }
}
