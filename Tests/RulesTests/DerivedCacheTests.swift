import Testing
@testable import Rules

/// What workers derive from a rule set is built once and shared, by every copy of the set.
@Suite struct DerivedCacheTests {
  final class Box: Sendable {
    let n: Int
    init(_ n: Int) { self.n = n }
  }

  @Test func buildsOncePerKey() {
    let rules = RuleSet()
    let copy = rules
    let a = rules.derived.value("k") { Box(1) }
    let b = copy.derived.value("k") { Box(2) }
    let c = rules.derived.value("other") { Box(3) }
    #expect(a === b)
    #expect(a.n == 1 && c.n == 3)
  }
}
