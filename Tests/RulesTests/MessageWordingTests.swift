import Testing
import TestSupport
@testable import Rules

/// Messages point at the right line and say what to do (issue 15).
@Suite struct MessageWordingTests {
  @Test func anUnknownTypeIsReportedAtTheTypeLine() {
    let entity = Fixture.diagnostics(
      """
      entities:
        - id: x/y
          name: Y
          type: THING
      """)
    #expect(entity.map(\.description).contains { $0.hasPrefix("rules/test.yaml:4:11: error: unknown type 'THING'") }, "\(entity)")
    let pattern = Fixture.diagnostics(
      """
      patterns:
        - id: p
          pattern: 'Cap'
          type: THING
      """)
    #expect(pattern.map(\.description).contains { $0.hasPrefix("rules/test.yaml:4:11: error: unknown type 'THING'") }, "\(pattern)")
  }

  @Test func aTabInIndentationSaysTabsAreNotAllowed() {
    let diagnostics = Fixture.diagnostics("entities:\n  - id: x/y\n\ttype: PLACE\n    name: Y\n")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.description == "rules/test.yaml:3:1: error: a tab in indentation: YAML does not allow tabs there; indent with spaces")
  }

  @Test func aHugeRepetitionCountSaysTheLimit() {
    let diagnostics = Fixture.diagnostics("patterns:\n  - {id: p, type: PERSON, pattern: '<Cap{1,1000}>'}\n")
    #expect(diagnostics.map(\.message).contains { $0.contains("repetition counts go up to 50") }, "\(diagnostics)")
    #expect(!diagnostics.map(\.message).contains { $0.contains("expected a number") })
  }
}
