import ArgumentParser
import Rules

/// `quipu check`: validate the rule files without running anything.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate the rule files.",
    discussion: """
      Reports YAML syntax errors, unknown keys, missing fields, unknown types, duplicate ids
      (errors) and the same alias on two entities (warnings), each as path:line:column.
      Exit status 2 when there is any error.
      """)

  @Option(help: "Folder of rule files (*.yaml).")
  var rules = "rules"

  @Option(
    name: .customLong("skip-pack"),
    help: "Leave out a pack of rules: a file's 'pack:' name, or its path in the rules folder without extension (repeatable).")
  var skippedPacks: [String] = []

  func run() throws {
    let ruleSet = try loadRules(rules, skippingPacks: skippedPacks)
    report(
      "quipu: \(ruleSet.files.count) rule files, \(ruleSet.entities.count) entities, "
        + "\(ruleSet.aliases.count) aliases, \(ruleSet.lists.count) word lists, \(ruleSet.patterns.count) patterns, "
        + "0 errors, \(ruleSet.warnings.count) warnings")
  }
}
