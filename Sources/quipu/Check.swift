import ArgumentParser
import Rules

/// `quipu check`: validate the rule files without running anything.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate the rule files.",
    discussion: """
      Reports YAML syntax errors, unknown keys, missing fields, unknown types, duplicate ids, \
      pattern and definition errors (errors), and as warnings: the same alias on two entities, \
      list entries that repeat one another under the list's match mode, list entries that can \
      never match, and one-word aliases of hand-written entities that are common words \
      (reference/common-words/), each as path:line:column. Exit status 2 when there is any \
      error.
      """)

  @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

  func run() throws {
    let ruleSet = try ruleOptions.load()
    let lint = RuleLint.warnings(
      for: RuleLoader.load(directory: ruleOptions.rules, skippingPacks: Set(ruleOptions.skippedPacks)),
      commonWords: RuleLint.commonWords(under: ruleOptions.rules))
    for warning in lint { report(warning.description) }
    report(
      "quipu: \(ruleSet.files.count) rule files, \(ruleSet.entities.count) entities, "
        + "\(ruleSet.aliases.count) aliases, \(ruleSet.lists.count) word lists, \(ruleSet.patterns.count) patterns, "
        + "0 errors, \(ruleSet.warnings.count + lint.count) warnings")
  }
}
