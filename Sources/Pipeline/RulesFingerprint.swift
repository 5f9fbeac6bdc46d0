import Foundation
import Rules

/// A stable hash of the rules a run used: two runs with the same fingerprint find the same
/// mentions in the same document.
public enum RulesFingerprint {
  /// ``ManifestHash`` of the rule files of `rules` (loaded from `directory`) in load order,
  /// each as its display path (`rules/seeds/places.yaml`, so the folder's location does not
  /// matter) and bytes, then the packs left out with `--skip-pack`.
  public static func of(_ rules: RuleSet, directory: String) throws -> String {
    // Display paths start with the folder's own name: `rules/x.yaml` is `<directory>/x.yaml`.
    let parent = URL(fileURLWithPath: directory).standardizedFileURL.deletingLastPathComponent()
    var hash = ManifestHash()
    hash.combine(rules.files.count)
    for file in rules.files {
      let data = try Data(contentsOf: parent.appendingPathComponent(file))
      hash.combine(string: file)
      hash.combine(data.count)
      data.withUnsafeBytes { hash.combine($0) }
    }
    let skipped = rules.skippedPacks.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    hash.combine(skipped.count)
    for pack in skipped { hash.combine(string: pack) }
    return hash.hex
  }
}
