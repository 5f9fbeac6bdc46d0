import Foundation
import Testing
import TestSupport
@testable import Rules

/// Rule files are untrusted input: each hostile file is a clear error or bounded in time and memory.
@Suite struct UntrustedRuleFileTests {
  @Test func yamlAliasBombIsBounded() {
    // "Billion laughs": nine levels of nine references; expanded, it would be 387 million nodes.
    var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      yaml += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = level
    }
    yaml += "entities:\n  - id: x\n    type: PLACE\n    name: X\n    aliases: *i\n"
    let diagnostics = Fixture.diagnostics(yaml)
    #expect(diagnostics.contains { $0.message.contains("unknown key 'a'") })
    #expect(diagnostics.count < 50)
  }

  @Test func aTenMegabyteAliasIsRefused() {
    let alias = String(repeating: "x", count: 10_000_000)
    let diagnostics = Fixture.diagnostics("entities:\n  - id: x\n    type: PLACE\n    name: X\n    aliases: [\(alias)]\n")
    #expect(diagnostics.map(\.message) == ["alias is 10000000 characters long (at most 512)"])
  }

  @Test func deeplyNestedFlowCollectionsAreRefusedBeforeParsing() {
    let yaml = "entities: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
    let diagnostics = Fixture.diagnostics(yaml)
    #expect(diagnostics.map(\.description) == ["rules/test.yaml:1:74: error: YAML nests deeper than 64 levels; rule files never need that"])
  }

  @Test func deeplyNestedBlockCollectionsAreRefusedBeforeParsing() {
    var yaml = ""
    for depth in 0..<5000 { yaml += String(repeating: " ", count: depth) + "k\(depth):\n" }
    let diagnostics = Fixture.diagnostics(yaml)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("nests deeper than 64 levels") == true)
  }

  @Test func ordinaryNestingIsFine() throws {
    let rules = try Fixture.rules(
      """
      # brackets in comments [[[[ and quotes "{{{{" do not count
      entities:
        - id: a
          type: PLACE
          name: "A [x]"
          aliases: [{text: "B {y}", lang: en}]
          attributes: {country: PE}
      """)
    #expect(rules.aliases.count == 2)
  }
}
