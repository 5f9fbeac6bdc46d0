import ArgumentParser
import Rules

/// `quipu check`: validate the rule files without running anything.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate the rule files.",
    discussion: """
      Reports YAML syntax errors, unknown keys, missing fields, unknown types, duplicate ids,
      pattern and definition errors (errors), and as warnings: the same alias on two entities,
      list entries that repeat one another under the list's match mode, list entries that can
      never match, and one-word aliases of hand-written entities that are common words
      (reference/common-words/), each as path:line:column. Exit status 2 when there is any
      error.
      """)

  @Option(help: "Folder of rule files (*.yaml).")
  var rules = "rules"

  @Option(
    name: .customLong("skip-pack"),
    help: "Leave out a pack of rules: a file's 'pack:' name, or its path in the rules folder without extension (repeatable).")
  var skippedPacks: [String] = []

  func run() throws {
    let ruleSet = try loadRules(rules, skippingPacks: skippedPacks)
    let lint = RuleLint.warnings(
      for: RuleLoader.load(directory: rules, skippingPacks: Set(skippedPacks)),
      commonWords: RuleLint.commonWords(under: rules))
    for warning in lint { report(warning.description) }
    report(
      "quipu: \(ruleSet.files.count) rule files, \(ruleSet.entities.count) entities, "
        + "\(ruleSet.aliases.count) aliases, \(ruleSet.lists.count) word lists, \(ruleSet.patterns.count) patterns, "
        + "0 errors, \(ruleSet.warnings.count + lint.count) warnings")
  }
}
