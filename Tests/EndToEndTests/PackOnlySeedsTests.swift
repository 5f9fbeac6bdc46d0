import Foundation
import Pipeline
import Rules
import Testing
import TestSupport

/// The seeds with the shipped pattern packs but none of the seed entities: what the packs
/// find on their own, scored against the hand-checked gold (issue 4's bar: recall ≥ 0.8 at
/// precision ≥ 0.9 per type, strict spans and types).
@Suite struct PackOnlySeedsTests {
  struct Score: CustomStringConvertible {
    var gold = 0
    var predicted = 0
    var correct = 0
    var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    var description: String { String(format: "P %.3f R %.3f (%d/%d/%d)", precision, recall, correct, predicted, gold) }
  }

  @Test func packsAloneFindTheSeedsEntities() throws {
    let root = Fixture.repositoryRoot
    let rules = try RuleSet.load(
      directory: root.appendingPathComponent("rules").path,
      skippingPacks: ["seeds/people", "seeds/organizations", "seeds/places"])
    #expect(!rules.entities.contains { $0.rule.file.contains("seeds/") })
    let out = try Fixture.temporaryFolder().appendingPathComponent("out")
    _ = try BatchRunner(rules: rules).run(input: root.appendingPathComponent("seeds").path, output: out.path, jobs: 2)

    struct Span: Hashable {
      var doc: String
      var start: Int
      var end: Int
      var type: String
    }
    func spans(_ text: String) throws -> [(Span, Bool)] {
      try text.split(separator: "\n").map { line in
        let r = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        return (
          Span(doc: r["doc"] as! String, start: r["start"] as! Int, end: r["end"] as! Int, type: r["type"] as! String),
          r["optional"] as? Bool ?? false
        )
      }
    }
    let gold = try spans(String(contentsOf: root.appendingPathComponent("gold/seeds/gold.jsonl"), encoding: .utf8))
    let required = Set(gold.filter { !$0.1 }.map(\.0))
    let optional = gold.filter(\.1).map(\.0)
    var predicted: [Span] = []
    for doc in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("docs").path) {
      predicted += try spans(String(contentsOf: out.appendingPathComponent("docs/\(doc)"), encoding: .utf8)).map(\.0)
    }
    var scores: [String: Score] = [:]
    for span in required { scores[span.type, default: Score()].gold += 1 }
    for p in predicted {
      let onOptional = optional.contains { $0.doc == p.doc && $0.start < p.end && p.start < $0.end }
      if onOptional && !required.contains(p) { continue }  // neither credited nor blamed
      scores[p.type, default: Score()].predicted += 1
      if required.contains(p) { scores[p.type, default: Score()].correct += 1 }
    }
    for type in ["PERSON", "ORG", "PLACE"] {
      let s = scores[type] ?? Score()
      #expect(s.recall >= 0.8 && s.precision >= 0.9, "\(type): \(s)")
    }
  }
}
