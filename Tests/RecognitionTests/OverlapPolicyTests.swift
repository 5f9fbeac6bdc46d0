import Rules
import Testing

@testable import Recognition

/// A candidate span written `first..<end` with the index of the alias that produced it.
struct Span: Hashable, Sendable, CustomStringConvertible {
  var first: Int32
  var end: Int32
  var alias: Int32

  init(_ first: Int32, _ end: Int32, alias: Int32 = 0) {
    self.first = first
    self.end = end
    self.alias = alias
  }

  init(_ m: Mention) { self.init(m.firstToken, m.endToken, alias: m.alias) }

  var mention: Mention {
    Mention(
      firstToken: first, endToken: end, type: "PLACE", entity: alias / 10, alias: alias,
      rule: RuleReference(file: "rules/test.yaml", line: Int(alias) + 1))
  }

  var description: String { "\(first)..<\(end)#\(alias)" }
}

struct OverlapCase: Sendable, CustomTestStringConvertible {
  var name: String
  var candidates: [Span]
  var expected: [Span]
  var testDescription: String { name }
}

@Suite struct OverlapPolicyTests {
  static let cases: [OverlapCase] = [
    OverlapCase(name: "no candidates", candidates: [], expected: []),
    OverlapCase(name: "one candidate", candidates: [Span(3, 5)], expected: [Span(3, 5)]),
    OverlapCase(
      name: "nested inside a longer span", candidates: [Span(1, 2, alias: 1), Span(0, 3, alias: 2)],
      expected: [Span(0, 3, alias: 2)]),
    OverlapCase(
      name: "same start: longest wins", candidates: [Span(0, 1, alias: 0), Span(0, 3, alias: 1), Span(0, 2, alias: 2)],
      expected: [Span(0, 3, alias: 1)]),
    OverlapCase(
      name: "same end: leftmost wins", candidates: [Span(1, 3, alias: 0), Span(0, 3, alias: 1)],
      expected: [Span(0, 3, alias: 1)]),
    OverlapCase(
      name: "overlapping: leftmost wins even when shorter",
      candidates: [Span(2, 9, alias: 0), Span(0, 3, alias: 1)], expected: [Span(0, 3, alias: 1)]),
    OverlapCase(
      name: "overlap then a disjoint one after", candidates: [Span(0, 2), Span(1, 3), Span(3, 4)],
      expected: [Span(0, 2), Span(3, 4)]),
    OverlapCase(
      name: "chain: the dropped middle does not block the third",
      candidates: [Span(0, 2, alias: 0), Span(1, 4, alias: 1), Span(3, 5, alias: 2)],
      expected: [Span(0, 2, alias: 0), Span(3, 5, alias: 2)]),
    OverlapCase(
      name: "adjacent spans are both kept", candidates: [Span(1, 2), Span(0, 1)], expected: [Span(0, 1), Span(1, 2)]),
    OverlapCase(
      name: "identical spans: first-defined alias wins",
      candidates: [Span(0, 2, alias: 5), Span(0, 2, alias: 2), Span(0, 2, alias: 9)], expected: [Span(0, 2, alias: 2)]),
    OverlapCase(
      name: "identical spans: alias order, not input order",
      candidates: [Span(4, 6, alias: 1), Span(4, 6, alias: 0)], expected: [Span(4, 6, alias: 0)]),
    OverlapCase(
      name: "exact duplicates collapse to one", candidates: [Span(2, 3, alias: 4), Span(2, 3, alias: 4)],
      expected: [Span(2, 3, alias: 4)]),
    OverlapCase(
      name: "disjoint unsorted input comes out in text order",
      candidates: [Span(9, 10, alias: 0), Span(0, 1, alias: 1), Span(5, 7, alias: 2), Span(2, 4, alias: 3)],
      expected: [Span(0, 1, alias: 1), Span(2, 4, alias: 3), Span(5, 7, alias: 2), Span(9, 10, alias: 0)]),
    OverlapCase(
      name: "mixed, unsorted",
      candidates: [
        Span(7, 8, alias: 3), Span(5, 8, alias: 4), Span(0, 2, alias: 7), Span(0, 2, alias: 6), Span(1, 6, alias: 0),
        Span(2, 3, alias: 1),
      ],
      expected: [Span(0, 2, alias: 6), Span(2, 3, alias: 1), Span(5, 8, alias: 4)]),
  ]

  @Test(arguments: cases)
  func leftmostLongest(_ c: OverlapCase) {
    let kept = OverlapPolicy.leftmostLongest.resolve(c.candidates.map(\.mention))
    #expect(kept.map(Span.init) == c.expected)
  }

  @Test(arguments: cases)
  func resultIsDisjointAndOrderedWhateverTheInputOrder(_ c: OverlapCase) {
    let forward = OverlapPolicy.leftmostLongest.resolve(c.candidates.map(\.mention))
    let backward = OverlapPolicy.leftmostLongest.resolve(c.candidates.reversed().map(\.mention))
    #expect(forward == backward)
    for (a, b) in zip(forward, forward.dropFirst()) {
      #expect(!a.overlaps(b))
      #expect(a.endToken <= b.firstToken)
    }
  }

  @Test func keptMentionsAreTheCandidatesUnchanged() {
    let candidate = Mention(
      firstToken: 3, endToken: 5, type: "PERSON", entity: 7, alias: 11, rule: RuleReference(file: "r.yaml", line: 12))
    #expect(OverlapPolicy.leftmostLongest.resolve([candidate]) == [candidate])
  }

  @Test(arguments: [
    (Span(0, 2), Span(1, 3), true), (Span(0, 2), Span(2, 3), false), (Span(1, 2), Span(0, 5), true),
    (Span(3, 4), Span(0, 3), false), (Span(2, 4), Span(2, 4), true),
  ])
  func overlaps(_ a: Span, _ b: Span, _ expected: Bool) {
    #expect(a.mention.overlaps(b.mention) == expected)
    #expect(b.mention.overlaps(a.mention) == expected)
  }
}
