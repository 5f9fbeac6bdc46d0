import FuzzSupport
import Normalization
import Rules

/// Bytes as one YAML rule file → ``RuleLoader/parse(yaml:path:pack:into:skippingPacks:)`` →
/// ``RuleSet/compile(_:)``. Errors are fine; a crash, a hang or a diagnostic without a place
/// is not. When the rules compile, they run over a sample text and over the file itself.
enum RuleLoaderTarget {
  static let path = "rules/fuzz.yaml"

  static func run(_ bytes: [UInt8]) {
    // As `RuleLoader.load` reads a file; text it would refuse is still parsed, with U+FFFD.
    let yaml =
      (try? TextDecoder.decode(bytes)).map { String(decoding: $0.utf16, as: UTF16.self) }
      ?? String(decoding: bytes, as: UTF8.self)
    let source = RuleLoader.parse(yaml: yaml, path: path)
    let lineBreaks = yaml.unicodeScalars.count { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
    checkPlaces(source.diagnostics, lines: lineBreaks + 1)
    let rules: RuleSet
    do {
      rules = try RuleSet.compile(source)
    } catch {
      trace("\(error.errorCount) errors, first: \(error.diagnostics.first { $0.severity == .error }.map(String.init(describing:)) ?? "none")")
      require(error.errorCount > 0, "compilation failed without an error: \(error)")
      checkPlaces(error.diagnostics, lines: lineBreaks + 1)
      return
    }
    checkPlaces(rules.warnings, lines: lineBreaks + 1)
    for text in [sampleText, String(yaml.prefix(4096))] { checkExtraction(extract(text, rules: rules)) }
  }

  static func checkPlaces(_ diagnostics: [Diagnostic], lines: Int) {
    for d in diagnostics {
      require(d.location.line >= 1 && d.location.column >= 1, "diagnostic without a place: \(d)")
      require(d.location.line <= lines + 1, "diagnostic past the end of the file (\(lines) lines): \(d)")
      require(d.location.path == path || d.location.path == "<icu>", "diagnostic names another file: \(d)")
      require(!d.message.isEmpty, "empty diagnostic at \(d.location)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  RuleLoaderTarget.run(bytes(data, size))
  return 0
}
