import Testing

@testable import Review

/// `OutputDiff` on small hand-made outputs: one row per kind of change.
@Suite struct OutputDiffTests {
  static func m(
    _ start: Int, _ end: Int, _ type: String, _ entity: String, rule: String = "rules/a.yaml:1", doc: String = "a.txt",
    text: String = "Peru"
  ) -> OutputMention {
    OutputMention(doc: doc, start: start, end: end, text: text, type: type, entity: entity, rule: rule)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var old: [OutputMention]
    var new: [OutputMention]
    /// Expected changes in order: kind, old entity, new entity ("" for a missing side).
    var expected: [(ChangeKind, String, String)]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "identical outputs", old: [m(0, 4, "PLACE", "country/pe")], new: [m(0, 4, "PLACE", "country/pe")], expected: []),
    Case(name: "added", old: [], new: [m(0, 4, "PLACE", "country/pe")], expected: [(.added, "", "country/pe")]),
    Case(name: "removed", old: [m(0, 4, "PLACE", "country/pe")], new: [], expected: [(.removed, "country/pe", "")]),
    Case(
      name: "retyped: same span, other type", old: [m(0, 4, "PLACE", "country/pe")], new: [m(0, 4, "ORG", "org/peru")],
      expected: [(.retyped, "country/pe", "org/peru")]),
    Case(
      name: "relinked: same span and type, other entity", old: [m(0, 4, "PLACE", "country/pe")],
      new: [m(0, 4, "PLACE", "geonames/1")], expected: [(.relinked, "country/pe", "geonames/1")]),
    Case(
      name: "rule renamed: only the rule string differs", old: [m(0, 4, "PLACE", "country/pe", rule: "rules/a.yaml:1")],
      new: [m(0, 4, "PLACE", "country/pe", rule: "rules/a.yaml#peru")], expected: [(.ruleRenamed, "country/pe", "country/pe")]),
    Case(
      name: "a longer span is a removal and an addition", old: [m(0, 4, "PLACE", "country/pe")],
      new: [m(0, 9, "PLACE", "country/pe")], expected: [(.removed, "country/pe", ""), (.added, "", "country/pe")]),
    Case(
      name: "same span in another document is another mention", old: [m(0, 4, "PLACE", "country/pe", doc: "b.txt")],
      new: [m(0, 4, "PLACE", "country/pe")], expected: [(.added, "", "country/pe"), (.removed, "country/pe", "")]),
    Case(
      name: "NFC and NFD names are two documents", old: [m(0, 4, "PLACE", "p", doc: "\u{E9}.txt")],
      new: [m(0, 4, "PLACE", "p", doc: "e\u{301}.txt")], expected: [(.added, "", "p"), (.removed, "p", "")]),
    Case(
      name: "document order whatever the input order",
      old: [m(10, 14, "PLACE", "x"), m(0, 4, "PLACE", "y")], new: [],
      expected: [(.removed, "y", ""), (.removed, "x", "")]),
    Case(
      name: "duplicate lines at one span pair the closest first",
      old: [m(0, 4, "PLACE", "a"), m(0, 4, "ORG", "b")], new: [m(0, 4, "ORG", "c"), m(0, 4, "PLACE", "a")],
      expected: [(.relinked, "b", "c")]),
  ]

  @Test(arguments: cases)
  func changes(_ c: Case) {
    let diff = OutputDiff(old: c.old, new: c.new)
    let got = diff.changes.map { ($0.kind, $0.old?.entity ?? "", $0.new?.entity ?? "") }
    #expect(got.count == c.expected.count)
    for (g, e) in zip(got, c.expected) {
      #expect(g.0 == e.0 && g.1 == e.1 && g.2 == e.2, "\(g) != \(e)")
    }
    #expect(diff.hasChanges == c.expected.contains { $0.0 != .ruleRenamed })
  }

  @Test func countsPerTypeUseTheNewTypeAndPerRuleTheNewRule() {
    let diff = OutputDiff(
      old: [Self.m(0, 4, "PLACE", "country/pe", rule: "r1"), Self.m(10, 14, "PERSON", "p", rule: "r2")],
      new: [Self.m(0, 4, "ORG", "org/peru", rule: "r3"), Self.m(20, 24, "PERSON", "q", rule: "r2")])
    let byType = diff.counts { $0.type }
    #expect(byType.map(\.key) == ["ORG", "PERSON"])
    #expect(byType[0].counts == [.retyped: 1])
    #expect(byType[1].counts == [.added: 1, .removed: 1])
    #expect(diff.counts { $0.rule }.map(\.key) == ["r2", "r3"])
  }

  @Test func aRelinkedMentionIsListedUnderBothEntities() {
    let diff = OutputDiff(old: [Self.m(0, 4, "PLACE", "a")], new: [Self.m(0, 4, "PLACE", "b")])
    let groups = diff.groups(by: \.entities)
    #expect(groups.map(\.key) == ["a", "b"])
    #expect(groups.allSatisfy { $0.changes.count == 1 })
  }
}
