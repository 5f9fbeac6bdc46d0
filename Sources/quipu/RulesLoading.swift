import ArgumentParser
import Pipeline
import Rules

/// `--rules` and `--skip-pack`: the rules of every command that loads them.
struct RuleOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Folder of rule files (*.yaml).", valueName: "folder"))
  var rules = "rules"

  @Option(
    name: .customLong("skip-pack"),
    help: ArgumentHelp(
      "Leave out a pack of rules: a file's 'pack:' name, or its path in the rules folder without extension "
        + "(repeatable).",
      valueName: "pack"))
  var skippedPacks: [String] = []

  /// The compiled rules (see ``loadRules(_:skippingPacks:cached:)``).
  func load(cached: Bool = false, parallel: Bool = false) throws -> RuleSet {
    try loadRules(rules, skippingPacks: skippedPacks, cached: cached, parallel: parallel)
  }
}

/// Loads and compiles the rules, printing every diagnostic as `path:line:column: …`.
/// Invalid rules exit with status 2.
///
/// With `cached`, the compiled rules come from ``RuleCache`` when it holds them (see there for
/// what is checked first); `quipu check` always compiles.
/// With `parallel` (a run of several jobs), cached rules are decoded on two threads.
func loadRules(
  _ directory: String, skippingPacks skipped: [String] = [], cached: Bool = false, parallel: Bool = false
) throws -> RuleSet {
  do {
    let (rules, outcome) = try RuleCache.load(
      directory: directory, skippingPacks: Set(skipped), build: quipuBuild,
      folder: cached ? RuleCache.defaultFolder : nil, parallel: parallel)
    if case .notStored(let why) = outcome { report("quipu: warning: compiled rules not cached: \(why)") }
    for warning in rules.warnings { report(warning.description) }
    for pack in skipped where !rules.skippedPacks.contains(pack) {
      report("quipu: warning: --skip-pack '\(pack)': no rule file is in that pack")
    }
    return rules
  } catch {
    for diagnostic in error.diagnostics { report(diagnostic.description) }
    report("quipu: \(error.errorCount) error(s) in the rules under \(directory)")
    throw ExitCode.usageOrRules
  }
}
