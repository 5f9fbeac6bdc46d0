import Foundation
import Testing
import TestSupport

/// `quipu diff` as a reviewer runs it: two real runs of the seeds, one with a changed rule file,
/// and out/ at two revisions of a git repository.
extension CommandLineTests {
  /// Seeds run with the shipped rules, and with `rules/seeds/people.yaml` changed: a comment
  /// line added at the top (every person rule moves one line down), bare "Boluarte" removed
  /// (two mentions gone) and Evo Morales typed ORG (four mentions retyped).
  @Test func diffOfTwoRealRunsReportsEachChangeWithContext() throws {
    let root = Fixture.repositoryRoot
    let dir = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rules = dir.appendingPathComponent("rules")
    try FileManager.default.copyItem(at: root.appendingPathComponent("rules"), to: rules)
    let people = rules.appendingPathComponent("seeds/people.yaml")
    var text = try String(contentsOf: people, encoding: .utf8)
    let boluarte = "      - Boluarte          # seeds 000 and 001 use the bare surname; it is distinctive\n"
    let morales = "  - id: person/evo-morales\n    type: PERSON\n"
    try #require(text.contains(boluarte) && text.contains(morales), "rules/seeds/people.yaml changed: update this test")
    text = "# a line added above every rule\n" + text.replacingOccurrences(of: boluarte, with: "")
      .replacingOccurrences(of: morales, with: "  - id: person/evo-morales\n    type: ORG\n")
    try Data(text.utf8).write(to: people)

    let seeds = root.appendingPathComponent("seeds").path
    let before = try quipu(["run", seeds, "--rules", root.appendingPathComponent("rules").path, "--out", "old"], in: dir)
    #expect(before.status == 0, "\(before.stderr)")
    let after = try quipu(["run", seeds, "--rules", "rules", "--out", "new"], in: dir)
    #expect(after.status == 0, "\(after.stderr)")

    let report = try quipu(["diff", "old", "new", "--input", seeds], in: dir)
    #expect(report.status == 1, "\(report.stderr)")
    let lines = report.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "quipu diff old → new")
    #expect(lines.dropFirst().first?.hasPrefix("6 mentions changed: 0 added, 2 removed, 4 retyped, 0 relinked") == true, "\(report.stdout)")
    #expect(report.stdout.contains("\nBy type  added  removed  retyped  relinked\nORG          0        0        4         0\nPERSON       0        2        0         0\n"))
    #expect(report.stdout.contains("\nChanges by rule\n") && report.stdout.contains("\nChanges by entity\n\nperson/dina-boluarte (2)\n"))
    #expect(
      report.stdout.contains(
        "  - removed  PERSON person/dina-boluarte  000_800d75e42e4df37f.txt:608-616  … Peruvian Workers Call a Strike Against [Boluarte] in Puno The U.S. military will carry …"
      ), "\(report.stdout)")
    #expect(
      report.stdout.contains(
        "  ~ retyped  PERSON → ORG person/evo-morales  001_7547a6a46316bd15.txt:1595-1606  … Meanwhile, former Bolivian President [Evo Morales] stated via social media that the …"
      ))
    // A mention that only moved with its rule's line is counted, not listed.
    #expect(!report.stdout.contains("country/pe"))

    let markdown = try quipu(["diff", "old", "new", "--input", seeds, "--format", "markdown", "--limit", "1"], in: dir)
    #expect(markdown.status == 1)
    #expect(markdown.stdout.hasPrefix("### quipu diff `old` → `new`\n\n**6 mentions changed**: 0 added, 2 removed, 4 retyped, 0 relinked"))
    #expect(markdown.stdout.contains("| `PERSON` | 0 | 2 | 0 | 0 |\n"))
    #expect(markdown.stdout.contains("\n`person/evo-morales` (4)\n\n- retyped PERSON → ORG `person/evo-morales` at `001_7547a6a46316bd15.txt:1595-1606`: "))
    #expect(markdown.stdout.contains(" News \\> Peru **Boluarte** Authorizes the Entry"), "> is escaped")
    #expect(markdown.stdout.contains("\n- … and 3 more\n"))

    let same = try quipu(["diff", "old", "old"], in: dir)
    #expect(same.status == 0)
    #expect(same.stdout == "quipu diff old → old\nno mention changed\n")
  }

  @Test func diffUsageErrorsExitTwo() throws {
    let dir = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Fixture.write(["out/entities.jsonl": [], "notout/readme.txt": Array("hi".utf8)], under: dir)
    for arguments in [
      ["diff"], ["diff", "out"], ["diff", "out", "missing"], ["diff", "out", "notout"], ["diff", "out", "out", "--format", "html"],
      ["diff", "out", "out", "--rev", "A..B"], ["diff", "--rev", "HEAD"], ["diff", "out", "out", "--limit", "-1"],
      ["diff", "out", "out", "--input", "missing"], ["diff", "--rev", "HEAD..HEAD"],  // not a git checkout
    ] {
      let r = try quipu(arguments, in: dir)
      #expect(r.status == 2, "\(arguments): \(r.stdout)\(r.stderr)")
    }
    let missing = try quipu(["diff", "out", "notout"], in: dir)
    #expect(missing.stderr.contains("notout: error: not an output folder"), "\(missing.stderr)")
  }

  /// `--rev A..B` reads out/ as committed, with git, never the working tree.
  @Test func diffOfTwoRevisionsOfAGitRepository() throws {
    let dir = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    func git(_ arguments: [String]) throws {
      let r = try QuipuBinary.run(
        URL(fileURLWithPath: "/usr/bin/env"), ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments,
        in: dir, environment: ["HOME": dir.path, "GIT_CONFIG_NOSYSTEM": "1"])
      try #require(r.status == 0, "git \(arguments): \(r.stderr)")
    }
    func line(_ start: Int, _ end: Int, _ text: String, _ type: String, _ entity: String, _ rule: String) -> String {
      #"{"doc":"a.txt","start":\#(start),"end":\#(end),"text":"\#(text)","type":"\#(type)","entity":"\#(entity)","name":"x","rule":"\#(rule)","how":"alias"}"#
        + "\n"
    }
    try git(["init", "-q", "-b", "main"])
    try Fixture.write(
      [
        "docs/a.txt": Array("Peru and Lima and Acme".utf8), "out/entities.jsonl": [],
        "out/docs/a.txt.jsonl": Array(
          (line(0, 4, "Peru", "PLACE", "country/pe", "rules/p.yaml:3") + line(9, 13, "Lima", "PLACE", "city/lima", "rules/p.yaml:8")).utf8),
      ], under: dir)
    try git(["add", "."])
    try git(["commit", "-q", "-m", "one"])
    try Fixture.write(
      [
        "out/docs/a.txt.jsonl": Array(
          (line(0, 4, "Peru", "PLACE", "country/pe", "rules/p.yaml#peru") + line(9, 13, "Lima", "PLACE", "geonames/1", "rules/p.yaml#lima")
            + line(18, 22, "Acme", "ORG", "org/acme", "rules/o.yaml#acme")).utf8)
      ], under: dir)
    try git(["commit", "-q", "-a", "-m", "two"])
    // The working tree says something else again: --rev must not read it.
    try Fixture.write(["out/docs/a.txt.jsonl": []], under: dir)

    let r = try quipu(["diff", "--rev", "HEAD~1..HEAD", "--input", "docs"], in: dir)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("quipu diff HEAD~1:out → HEAD:out\n2 mentions changed: 1 added, 0 removed, 0 retyped, 1 relinked; 1 only changed its rule reference"), "\(r.stdout)")
    #expect(r.stdout.contains("\nrules/o.yaml#acme (1)\n  + added  ORG org/acme  a.txt:18-22  Peru and Lima and [Acme]\n"))
    #expect(r.stdout.contains("  ~ relinked  PLACE city/lima → geonames/1  a.txt:9-13  Peru and [Lima] and Acme  (was rules/p.yaml:8)\n"))

    // From a subfolder, --out names the folder relative to it; "main.." means main..HEAD.
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let nested = try quipu(["diff", "--rev", "main~1..", "--out", "../out"], in: dir.appendingPathComponent("sub"))
    #expect(nested.status == 1, "\(nested.stderr)")
    #expect(nested.stdout.contains("2 mentions changed"))

    let absolute = try quipu(["diff", "--rev", "main~1..main", "--out", dir.appendingPathComponent("out").path], in: dir)
    #expect(absolute.status == 1, "\(absolute.stderr)")
    #expect(absolute.stdout.contains("2 mentions changed"))
    #expect(try quipu(["diff", "--rev", "HEAD..HEAD"], in: dir).status == 0)
    let bad = try quipu(["diff", "--rev", "nosuch..HEAD"], in: dir)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("nosuch: error: unknown revision"), "\(bad.stderr)")
    #expect(try quipu(["diff", "--rev", "HEAD~1..HEAD", "--out", "docs"], in: dir).status == 2)
  }
}
