import Resolution
import Rules
import Testing
@testable import Output

@Suite struct EntityTableParsingTests {
  func mention(_ id: String, name: String, text: String = "", attributes: [(String, String)] = []) -> ResolvedMention {
    ResolvedMention(
      firstToken: 0, endToken: 1, type: "PERSON", entityID: id, name: name, rule: RuleReference(file: "rules/a.yaml", line: 1),
      attributes: attributes.map { EntityRule.Attribute(key: $0.0, value: $0.1) }, text: text)
  }

  @Test func parsingWhatRenderWroteRendersTheSameBytes() throws {
    var table = EntityTable()
    table.add([mention("~person/a", name: "Ana \"Q\" Ñ\\", text: "Ana\tQ", attributes: [("handle", "@ana")])], document: "x/1.txt")
    table.add([mention("org/b", name: "B", text: "B"), mention("org/b", name: "B", text: "Bee")], document: "名前.txt")
    let bytes = table.render()
    #expect(try EntityTable.parse(bytes).render() == bytes)
  }

  @Test func mergingPartialTablesGivesTheWholeTable() throws {
    let documents: [(String, [ResolvedMention])] = [
      ("1.txt", [mention("~person/garzon", name: "Anibal Garzon", text: "Anibal Garzon", attributes: [("handle", "@b")])]),
      ("2.txt", [mention("~person/garzon", name: "Aníbal Garzón", text: "Aníbal Garzón", attributes: [("handle", "@a")])]),
      ("3.txt", [mention("~person/garzon", name: "ANIBAL GARZON", text: "ANIBAL GARZON")]),
    ]
    var whole = EntityTable()
    for (document, mentions) in documents { whole.add(mentions, document: document) }
    // Every split and order of the documents into partial tables merges to the same bytes.
    for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2]] {
      var merged = EntityTable()
      for i in order {
        var part = EntityTable()
        part.add(documents[i].1, document: documents[i].0)
        merged.merge(try EntityTable.parse(part.render()))
      }
      #expect(merged.render() == whole.render())
    }
    let row = try #require(whole.rows["~person/garzon"])
    #expect(row.name == "Aníbal Garzón")
    #expect(row.attributes == ["handle": "@a"])
  }

  @Test(arguments: [
    ("{\"id\":\"a\"}\n", "line 1: not an entities.jsonl line (missing 'type')"),
    ("\n{oops\n", "line 2: not an entities.jsonl line (invalid JSON)"),
    (#"{"id":"a","type":"T","name":"n","aliases":[],"mentions":"2","documents":[],"attributes":{}}"#,
     "line 1: not an entities.jsonl line (wrong type at 'mentions')"),
  ])
  func badLinesAreNamed(_ text: String, _ message: String) {
    #expect { try EntityTable.parse(Array(text.utf8)) } throws: { "\($0)" == message }
  }
}
