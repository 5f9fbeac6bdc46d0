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

  /// The strings merges copy when n documents share one entity, by each way of merging.
  func copies(_ n: Int, keepingCopies: Bool = false) -> [Int] {
    var byTable = EntityTable()
    var byRow = EntityTable()
    var bySummary = EntityTable()
    var kept: [EntityTable] = []
    for i in 0..<n {
      var one = EntityTable()
      one.add([mention("city/lima"), mention("city/lima")], document: "d\(i)")
      if keepingCopies { kept.append(byTable) }
      byTable.merge(one)
      for row in one.sortedRows { byRow.merge(row) }
      for summary in one.summaries { bySummary.add(summary, document: "d\(i)") }
    }
    withExtendedLifetime(kept) {}
    #expect(byTable.render() == byRow.render())
    #expect(byTable.render() == bySummary.render())
    #expect(byTable.rows["city/lima"]?.documents.count == n)
    return [byTable.copiedElements, byRow.copiedElements, bySummary.copiedElements]
  }

  /// Issue 16: merging n tables that share an entity must copy O(n) strings, not O(n²) (a
  /// set per row copied on every merge made 80k documents sharing Lima take a minute).
  /// Counts copies instead of timing: at 4n, about 4 times the copies, and a few per document.
  @Test func mergesCopyLinearlyManyDocumentsSharingAnEntity() {
    let small = copies(1_000)
    let large = copies(4_000)
    for (s, l) in zip(small, large) {
      #expect(l <= 5 * s, "\(s) copies at 1,000 documents, \(l) at 4,000")
      #expect(l <= 4 * 4_000, "\(l) copies for 4,000 documents")
    }
  }

  /// The counter sees copy-on-write: merging into a table while its earlier copies are alive
  /// copies each entity's documents on every merge, which the counter reports as quadratic.
  @Test func theCopyCounterSeesCopyOnWrite() {
    let copied = copies(500, keepingCopies: true)[0]
    #expect(copied >= 500 * 499 / 2)
  }

  /// Repeated documents and aliases are counted once, whatever the merge order.
  @Test func repeatsAreRemovedOnceWhenRendered() {
    var a = EntityTable()
    a.add([mention("p/1")], document: "x")
    var b = a
    b.merge(a)
    #expect(b.rows["p/1"]?.mentions == 2)
    #expect(String(decoding: b.render(), as: UTF8.self).contains(#""documents":["x"]"#))
  }
}
