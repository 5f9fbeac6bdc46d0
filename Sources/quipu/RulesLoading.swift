import ArgumentParser
import Rules

/// Loads and compiles the rules, printing every diagnostic as `path:line:column: …`.
/// Invalid rules exit with status 2.
func loadRules(_ directory: String, skippingPacks skipped: [String] = []) throws -> RuleSet {
  do {
    let rules = try RuleSet.load(directory: directory, skippingPacks: Set(skipped))
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
