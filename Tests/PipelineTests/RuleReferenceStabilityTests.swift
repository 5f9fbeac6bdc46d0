import Foundation
import Pipeline
import Rules
import Testing
import TestSupport

/// The `rule` of a mention names its file and rule id, so adding a rule in the middle of a
/// file changes no other line of `out/` (issue 15: it was `file:line`, and every later line moved).
@Suite struct RuleReferenceStabilityTests {
  static let before = """
    entities:
      - id: person/ana-perez
        type: PERSON
        name: Ana Pérez
    INSERT
      - id: place/lima
        type: PLACE
        name: Lima
    patterns:
      - id: test.person.after-title
        type: PERSON
        pattern: '"Doctor" <Cap>'
    """

  static let inserted = """
      - id: person/new-one
        type: PERSON
        name: Zacarías Nuevo
        aliases: [Nuevo]

    """

  func run(_ yaml: String) throws -> [String: Data] {
    let dir = try Fixture.temporaryFolder()
    try Fixture.write(
      ["docs/a.txt": Array("Ana Pérez met Doctor Quispe in Lima.\n".utf8)], under: dir)
    let rules = try Fixture.rules(yaml)
    let out = dir.appendingPathComponent("out")
    let summary = try BatchRunner(rules: rules).run(
      input: dir.appendingPathComponent("docs").path, output: out.path, jobs: 1)
    #expect(summary.failures.isEmpty)
    return try Snapshot.files(out).filter { !$0.key.hasPrefix(".quipu/") }
  }

  @Test func addingAnEntityInTheMiddleOfAFileChangesNoOtherLineOfOut() throws {
    let old = try run(Self.before.replacingOccurrences(of: "INSERT\n", with: ""))
    let new = try run(Self.before.replacingOccurrences(of: "INSERT\n", with: Self.inserted))
    let mentions = String(decoding: try #require(old["docs/a.txt.jsonl"]), as: UTF8.self)
    #expect(mentions.contains(#""rule":"rules/test.yaml#place/lima""#), "\(mentions)")
    #expect(mentions.contains(#""rule":"rules/test.yaml#test.person.after-title""#), "\(mentions)")
    #expect(old == new)
  }

  @Test func aPatternWithoutAnIDFallsBackToFileAndLine() throws {
    let rules = try Fixture.rules(
      """
      patterns:
        - type: PERSON
          pattern: '"Doctor" <Cap>'
      """)
    #expect(rules.patterns.first?.rule.description == "rules/test.yaml:2")
  }

  @Test func explainAndShowStillPointAtTheLine() {
    let reference = RuleReference(file: "rules/a.yaml", line: 7, anchor: "place/lima")
    #expect(reference.description == "rules/a.yaml#place/lima")
    #expect(reference.located == "rules/a.yaml:7 (#place/lima)")
  }
}
