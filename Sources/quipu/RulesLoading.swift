import ArgumentParser
import Rules

/// Loads and compiles the rules, printing every diagnostic as `path:line:column: …`.
/// Invalid rules exit with status 2.
func loadRules(_ directory: String) throws -> RuleSet {
  do {
    let rules = try RuleSet.load(directory: directory)
    for warning in rules.warnings { report(warning.description) }
    return rules
  } catch {
    for diagnostic in error.diagnostics { report(diagnostic.description) }
    report("quipu: \(error.errorCount) error(s) in the rules under \(directory)")
    throw ExitCode.usageOrRules
  }
}
