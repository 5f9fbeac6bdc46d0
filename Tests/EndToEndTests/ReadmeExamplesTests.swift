import Foundation
import Testing
import TestSupport

/// The README's examples, run as a reader would run them: every line of a ```sh block that
/// carries a `# test:` comment (`# test (exit N):` when it should exit N) runs, in README
/// order, against the built binary in a copy of `seeds/`, `rules/` and `gold/`. A README edit
/// that breaks an example, or a change that breaks what the README promises, fails here.
@Suite struct ReadmeExamplesTests {
  /// One marked line of the README.
  struct Example: Equatable {
    var line: Int
    var arguments: [String]
    var status: Int32
  }

  /// The marked lines of `markdown`'s ```sh blocks, and a message for each marked line that is
  /// not a plain `quipu` (or `swift run quipu`) command.
  static func examples(in markdown: String) -> (examples: [Example], problems: [String]) {
    var examples: [Example] = []
    var problems: [String] = []
    var inShell = false
    for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        inShell = inShell ? false : trimmed == "```sh"
        continue
      }
      guard inShell, let marker = line.range(of: "# test") else { continue }
      let number = index + 1
      var rest = line[marker.upperBound...]
      var status: Int32 = 0
      if rest.hasPrefix(" (exit ") {
        let digits = rest.dropFirst(" (exit ".count).prefix { $0.isNumber }
        status = Int32(digits) ?? -1
        rest = rest.dropFirst(" (exit ".count + digits.count)
        guard rest.hasPrefix(")") else {
          problems.append("README.md:\(number): write the marker as `# test (exit N):`")
          continue
        }
        rest = rest.dropFirst()
      }
      guard rest.hasPrefix(":") else {
        problems.append("README.md:\(number): write the marker as `# test:` or `# test (exit N):`")
        continue
      }
      guard var words = shellWords(String(line[..<marker.lowerBound])) else {
        problems.append("README.md:\(number): only a plain command with quoted words can be tested")
        continue
      }
      if words.starts(with: ["swift", "run", "quipu"]) {
        words.removeFirst(3)
      } else if words.first == "quipu" {
        words.removeFirst()
      } else {
        problems.append("README.md:\(number): a tested line runs `quipu` or `swift run quipu`")
        continue
      }
      examples.append(Example(line: number, arguments: words, status: status))
    }
    return (examples, problems)
  }

  /// `command` split into words as a shell would, with "…" and '…' quoting; nil when it uses
  /// anything else of the shell (pipes, redirections, variables, globs, `&&`).
  static func shellWords(_ command: String) -> [String]? {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    for character in command {
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else if "|&;<>$`*?\\(){}".contains(character) {
        return nil
      } else {
        word.append(character)
        inWord = true
      }
    }
    guard quote == nil else { return nil }
    if inWord { words.append(word) }
    return words
  }

  @Test func markersAreRead() {
    let markdown = """
      quipu run outside   # test: not in a block
      ```sh
      swift run quipu check          # test: the rules
      quipu explain --text "A b's c." # test (exit 2): quoted
      quipu show a.txt                # a comment only
      ls | quipu run -               # test: a pipe
      ```
      ```
      quipu run seeds                # test: not a sh block
      ```

      """
    let (examples, problems) = Self.examples(in: markdown)
    #expect(
      examples == [
        Example(line: 3, arguments: ["check"], status: 0),
        Example(line: 4, arguments: ["explain", "--text", "A b's c."], status: 2),
      ])
    #expect(problems == ["README.md:6: only a plain command with quoted words can be tested"])
  }

  @Test func theReadmeExamplesRun() throws {
    let root = Fixture.repositoryRoot
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let (examples, problems) = Self.examples(in: readme)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    // The tour shows every everyday command; losing a marker loses its test.
    let commands = Set(examples.compactMap(\.arguments.first))
    #expect(commands.isSuperset(of: ["run", "check", "explain", "show", "eval", "diff"]), "\(commands.sorted())")

    // A fresh copy in a folder that stays between test runs, beside its compiled-rules cache:
    // the cache is keyed by the rules folder's path and the rule files' bytes, so only the
    // first run (and `check`, which always compiles) pays for compiling the shipped rules.
    let folder = root.appendingPathComponent(".build/readme-examples/work")
    let cache = root.appendingPathComponent(".build/readme-examples/cache")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["seeds", "rules", "gold"] {
      try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let environment = ["QUIPU_CACHE_DIR": cache.path, "HOME": folder.path]
    for example in examples {
      var arguments = example.arguments
      if arguments.first == "run", !arguments.contains("--jobs") { arguments += ["--jobs", "2"] }
      let result = try QuipuBinary.run(QuipuBinary.url, arguments, in: folder, environment: environment)
      #expect(
        result.status == example.status,
        """
        README.md:\(example.line): quipu \(example.arguments.joined(separator: " ")) exited \(result.status), \
        expected \(example.status)
        \(result.stderr.suffix(2000))
        """)
    }
  }
}
