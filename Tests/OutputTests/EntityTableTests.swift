import Resolution
import Rules
import Testing
@testable import Output

@Suite struct EntityTableTests {
  func mention(_ id: String, _ type: String = "PLACE") -> ResolvedMention {
    ResolvedMention(
      firstToken: 0, endToken: 1, type: type, entityID: id, name: id.uppercased(),
      rule: RuleReference(file: "rules/a.yaml", line: 1))
  }

  @Test func countsMentionsAndDocumentsSortedById() {
    var table = EntityTable()
    table.add([mention("b/x"), mention("a/y"), mention("b/x")], document: "2.txt")
    table.add([mention("b/x")], document: "1.txt")
    #expect(
      String(decoding: table.render(), as: UTF8.self) == """
        {"id":"a/y","type":"PLACE","name":"A/Y","aliases":[],"mentions":1,"documents":["2.txt"],"attributes":{}}
        {"id":"b/x","type":"PLACE","name":"B/X","aliases":[],"mentions":3,"documents":["1.txt","2.txt"],"attributes":{}}

        """)
  }

  @Test func mergeIsOrderIndependent() {
    var a = EntityTable()
    a.add([mention("p/1"), mention("p/2")], document: "a")
    var b = EntityTable()
    b.add([mention("p/2"), mention("p/3")], document: "b")
    var ab = a
    ab.merge(b)
    var ba = b
    ba.merge(a)
    #expect(ab.render() == ba.render())
    #expect(ab.rows["p/2"]?.mentions == 2)
    #expect(ab.rows["p/2"]?.documents == ["a", "b"])
  }

  @Test func idsSortByBytesNotLocale() {
    var table = EntityTable()
    table.add([mention("b"), mention("B"), mention("á"), mention("a")], document: "d")
    let ids = String(decoding: table.render(), as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\"")[3] }
    #expect(ids == ["B", "a", "b", "á"])
  }
}
