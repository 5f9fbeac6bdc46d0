import Testing
@testable import Evaluation

@Suite struct ScorerTests {
  func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

  @Test func handComputedCase() throws {
    let scores = Scorer().score(gold: try HandComputedCase.gold(), predicted: try HandComputedCase.predictions())
    func counts(_ type: String) -> [Int] {
      let c = scores.counts[type]!
      return [c.gold, c.predicted, c.strictMatches, c.lenientPredicted, c.lenientGold]
    }
    #expect(counts("PERSON") == [3, 3, 2, 2, 2])
    #expect(counts("ORG") == [2, 2, 0, 1, 1])
    #expect(counts("PLACE") == [4, 3, 3, 3, 4])
    #expect(counts("ALL") == [9, 8, 5, 6, 7])

    let person = scores.counts["PERSON"]!
    #expect(close(person.strict.f1, 2.0 / 3) && close(person.lenient.f1, 2.0 / 3))
    let org = scores.counts["ORG"]!
    #expect(org.strict == PRF(precision: 0, recall: 0) && org.strict.f1 == 0)
    #expect(close(org.lenient.precision, 0.5) && close(org.lenient.recall, 0.5) && close(org.lenient.f1, 0.5))
    let place = scores.counts["PLACE"]!
    #expect(place.strict.precision == 1 && place.strict.recall == 0.75 && close(place.strict.f1, 6.0 / 7))
    #expect(place.lenient.f1 == 1)
    let all = scores.overall
    #expect(all.strict.precision == 0.625 && close(all.strict.recall, 5.0 / 9) && close(all.strict.f1, 10.0 / 17))
    #expect(all.lenient.precision == 0.75 && close(all.lenient.recall, 7.0 / 9) && close(all.lenient.f1, 42.0 / 55))

    #expect(scores.matchedMentions == 5)
    #expect(close(scores.resolution.precision, 11.0 / 15))
    #expect(close(scores.resolution.recall, 0.8))
    #expect(close(scores.resolution.f1, 88.0 / 115))
    #expect(scores.documents == 3)
    #expect(scores.documentsWithoutPredictions == 1)
  }

  /// One rule at a time, on one document: gold spans, predicted spans, and what ALL counts.
  struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var gold: [GoldMention]
    var predicted: [PredictedMention]
    /// gold, predicted, strict matches, lenient predicted, lenient gold
    var expected: [Int]
    var testDescription: String { name }
  }

  static func g(_ start: Int, _ end: Int, _ type: String = "PLACE", optional: Bool = false) -> GoldMention {
    GoldMention(doc: "d", start: start, end: end, type: type, canonical: "c\(start)", isOptional: optional)
  }

  static func p(_ start: Int, _ end: Int, _ type: String = "PLACE") -> PredictedMention {
    PredictedMention(doc: "d", start: start, end: end, type: type, entity: "e\(start)")
  }

  static let rules: [RuleCase] = [
    RuleCase(name: "same span and type: strict", gold: [g(0, 4)], predicted: [p(0, 4)], expected: [1, 1, 1, 1, 1]),
    RuleCase(name: "overlapping span: lenient only", gold: [g(0, 4)], predicted: [p(2, 6)], expected: [1, 1, 0, 1, 1]),
    RuleCase(name: "touching spans do not overlap", gold: [g(0, 4)], predicted: [p(4, 8)], expected: [1, 1, 0, 0, 0]),
    RuleCase(name: "same span, other type: neither", gold: [g(0, 4)], predicted: [p(0, 4, "ORG")], expected: [1, 1, 0, 0, 0]),
    RuleCase(name: "over an optional span: ignored", gold: [g(0, 4, optional: true)], predicted: [p(1, 3)], expected: [0, 0, 0, 0, 0]),
    RuleCase(
      name: "optional shields predictions of any type", gold: [g(0, 4, optional: true)], predicted: [p(0, 4, "PERSON")],
      expected: [0, 0, 0, 0, 0]),
    RuleCase(
      name: "gold of an unscored type shields like optional", gold: [g(0, 4, "EVENT")], predicted: [p(0, 4, "ORG")],
      expected: [0, 0, 0, 0, 0]),
    RuleCase(
      name: "exactly a scored span is counted even over an optional one", gold: [g(0, 4), g(2, 6, optional: true)],
      predicted: [p(0, 4)], expected: [1, 1, 1, 1, 1]),
    RuleCase(
      name: "an ignored prediction still recalls leniently", gold: [g(0, 4, optional: true), g(6, 8)],
      predicted: [p(2, 7)], expected: [1, 0, 0, 0, 1]),
    RuleCase(name: "predictions of unscored types are ignored", gold: [g(0, 4)], predicted: [p(0, 4, "MISC")], expected: [1, 0, 0, 0, 0]),
    RuleCase(
      name: "one long prediction recalls two gold spans", gold: [g(0, 4), g(5, 9)], predicted: [p(0, 9)],
      expected: [2, 1, 0, 1, 2]),
    RuleCase(name: "a duplicate prediction counts twice", gold: [g(0, 4)], predicted: [p(0, 4), p(0, 4)], expected: [1, 2, 2, 2, 1]),
    RuleCase(name: "no gold, no prediction", gold: [], predicted: [], expected: [0, 0, 0, 0, 0]),
  ]

  @Test(arguments: rules)
  func countingRule(_ c: RuleCase) {
    let all = Scorer().score(gold: c.gold, predicted: c.predicted).overall
    #expect([all.gold, all.predicted, all.strictMatches, all.lenientPredicted, all.lenientGold] == c.expected)
  }

  @Test func predictionsOfDocumentsWithoutGoldAreIgnored() {
    let scores = Scorer().score(gold: [Self.g(0, 4)], predicted: [Self.p(0, 4), PredictedMention(doc: "other", start: 0, end: 4, type: "PLACE", entity: nil)])
    #expect(scores.overall.predicted == 1)
    #expect(scores.documents == 1)
  }

  @Test func aPredictionWithoutEntityIsAClusterOfItsOwn() {
    let gold = [Self.g(0, 4), Self.g(5, 9)].map { var m = $0; m.canonical = "Peru"; return m }
    let predicted = [Self.p(0, 4), Self.p(5, 9)].map { var m = $0; m.entity = nil; return m }
    let scores = Scorer().score(gold: gold, predicted: predicted)
    // Gold cluster {1, 2}; predicted clusters {1}, {2}: P = 1, R = (1/2 + 1/2) / 2 = 1/2.
    #expect(scores.resolution.precision == 1)
    #expect(scores.resolution.recall == 0.5)
  }

  @Test func noMatchesMeansZeroResolution() {
    let scores = Scorer().score(gold: [Self.g(0, 4)], predicted: [])
    #expect(scores.matchedMentions == 0)
    #expect(scores.resolution == PRF(precision: 0, recall: 0))
    #expect(scores.documentsWithoutPredictions == 1)
  }

  @Test func onlyTheAskedTypesAreScored() throws {
    let scores = Scorer(types: ["PLACE"]).score(gold: try HandComputedCase.gold(), predicted: try HandComputedCase.predictions())
    #expect(scores.types == ["PLACE"])
    #expect(scores.counts.keys.sorted() == ["ALL", "PLACE"])
    // PERSON and ORG gold now only shield: p9 (ORG over g3) and the PERSON predictions are gone.
    #expect(scores.overall.gold == 4)
    #expect(scores.overall.predicted == 3)
  }
}
