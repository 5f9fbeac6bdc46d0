import Testing

@testable import Review

/// The text and Markdown reports of a small diff, whole.
@Suite struct DiffReportTests {
  typealias M = OutputDiffTests

  static let diff = OutputDiff(
    old: [
      M.m(0, 4, "PLACE", "country/pe", rule: "r/places.yaml:3"),
      M.m(10, 18, "PERSON", "person/x", rule: "r/people.yaml:7", text: "Boluarte"),
      M.m(30, 34, "PLACE", "country/us", rule: "r/places.yaml:9", text: "Lima"),
    ],
    new: [
      M.m(0, 4, "ORG", "org/peru", rule: "r/orgs.yaml:2"),
      M.m(10, 18, "PERSON", "person/x", rule: "r/people.yaml#x", text: "Boluarte"),
      M.m(20, 25, "PERSON", "person/y", rule: "r/people.yaml:12", text: "Ayma*"),
    ])

  @Test func text() {
    let report = DiffReport(diff: Self.diff, oldLabel: "old", newLabel: "new")
    #expect(
      report.render(.text) == """
        quipu diff old → new
        3 mentions changed: 1 added, 1 removed, 1 retyped, 0 relinked; 1 only changed its rule reference (rule renamed)

        By type  added  removed  retyped  relinked
        ORG          0        0        1         0
        PERSON       1        0        0         0
        PLACE        0        1        0         0

        By rule           added  removed  retyped  relinked
        r/orgs.yaml:2         0        0        1         0
        r/people.yaml:12      1        0        0         0
        r/places.yaml:9       0        1        0         0

        Changes by rule

        r/orgs.yaml:2 (1)
          ~ retyped  PLACE → ORG country/pe → org/peru  a.txt:0-4  [Peru]  (was r/places.yaml:3)

        r/people.yaml:12 (1)
          + added  PERSON person/y  a.txt:20-25  [Ayma*]

        r/places.yaml:9 (1)
          - removed  PLACE country/us  a.txt:30-34  [Lima]

        Changes by entity

        country/pe (1)
          ~ retyped  PLACE → ORG country/pe → org/peru  a.txt:0-4  [Peru]  (r/orgs.yaml:2)

        country/us (1)
          - removed  PLACE country/us  a.txt:30-34  [Lima]  (r/places.yaml:9)

        org/peru (1)
          ~ retyped  PLACE → ORG country/pe → org/peru  a.txt:0-4  [Peru]  (r/orgs.yaml:2)

        person/y (1)
          + added  PERSON person/y  a.txt:20-25  [Ayma*]  (r/people.yaml:12)

        """)
  }

  @Test func markdown() {
    let report = DiffReport(diff: Self.diff, oldLabel: "old", newLabel: "new", limit: 1)
    #expect(
      report.render(.markdown) == """
        ### quipu diff `old` → `new`

        **3 mentions changed**: 1 added, 1 removed, 1 retyped, 0 relinked; 1 only changed its rule reference (rule renamed)

        | type | added | removed | retyped | relinked |
        | --- | ---: | ---: | ---: | ---: |
        | `ORG` | 0 | 0 | 1 | 0 |
        | `PERSON` | 1 | 0 | 0 | 0 |
        | `PLACE` | 0 | 1 | 0 | 0 |

        | rule | added | removed | retyped | relinked |
        | --- | ---: | ---: | ---: | ---: |
        | `r/orgs.yaml:2` | 0 | 0 | 1 | 0 |
        | `r/people.yaml:12` | 1 | 0 | 0 | 0 |
        | `r/places.yaml:9` | 0 | 1 | 0 | 0 |

        #### Changes by rule

        `r/orgs.yaml:2` (1)

        - retyped PLACE → ORG `country/pe` → `org/peru` at `a.txt:0-4`: **Peru** (was `r/places.yaml:3`)

        `r/people.yaml:12` (1)

        - added PERSON `person/y` at `a.txt:20-25`: **Ayma\\***

        `r/places.yaml:9` (1)

        - removed PLACE `country/us` at `a.txt:30-34`: **Lima**

        #### Changes by entity

        `country/pe` (1)

        - retyped PLACE → ORG `country/pe` → `org/peru` at `a.txt:0-4`: **Peru** (`r/orgs.yaml:2`)

        `country/us` (1)

        - removed PLACE `country/us` at `a.txt:30-34`: **Lima** (`r/places.yaml:9`)

        `org/peru` (1)

        - retyped PLACE → ORG `country/pe` → `org/peru` at `a.txt:0-4`: **Peru** (`r/orgs.yaml:2`)

        `person/y` (1)

        - added PERSON `person/y` at `a.txt:20-25`: **Ayma\\*** (`r/people.yaml:12`)

        """)
  }

  @Test func limitAndRenamedListing() {
    let old = (0..<5).map { M.m($0 * 10, $0 * 10 + 4, "PLACE", "p", rule: "f:\($0)") }
    let new = (0..<5).map { M.m($0 * 10, $0 * 10 + 4, "PLACE", "p", rule: "f:\($0 + 1)") } + [M.m(60, 64, "ORG", "o", rule: "g")]
    let diff = OutputDiff(old: old, new: new)
    let counted = DiffReport(diff: diff, oldLabel: "a", newLabel: "b", limit: 2).render(.text)
    #expect(!counted.contains("= rule renamed"))
    #expect(counted.contains("; 5 only changed their rule reference (rule renamed)\n"))
    let listed = DiffReport(diff: diff, oldLabel: "a", newLabel: "b", limit: 2, listsRenamed: true).render(.text)
    #expect(listed.contains("\nf:3 (1)\n  = rule renamed  PLACE p  a.txt:20-24  [Peru]  (was f:2)\n"), "\(listed)")
  }

  @Test func limitCutsEachGroup() {
    let new = (0..<5).map { M.m($0 * 10, $0 * 10 + 4, "PLACE", "p", rule: "f") }
    let text = DiffReport(diff: OutputDiff(old: [], new: new), oldLabel: "a", newLabel: "b", limit: 2).render(.text)
    #expect(text.contains("\nf (5)\n  + added  PLACE p  a.txt:0-4  [Peru]\n  + added  PLACE p  a.txt:10-14  [Peru]\n  … and 3 more\n"))
  }

  @Test func nothingChanged() {
    let same = [M.m(0, 4, "PLACE", "p")]
    let diff = OutputDiff(old: same, new: same)
    #expect(DiffReport(diff: diff, oldLabel: "a", newLabel: "b").render(.text) == "quipu diff a → b\nno mention changed\n")
    #expect(
      DiffReport(diff: diff, oldLabel: "a", newLabel: "b").render(.markdown)
        == "### quipu diff `a` → `b`\n\n**no mention changed**\n")
  }

  struct EscapeCase: Sendable, CustomTestStringConvertible {
    var text: String
    var code: String
    var escaped: String
    var testDescription: String { text }
  }

  @Test(arguments: [
    EscapeCase(text: "plain", code: "`plain`", escaped: "plain"),
    EscapeCase(text: "a`b", code: "``a`b``", escaped: "a\\`b"),
    EscapeCase(text: "`x", code: "`` `x ``", escaped: "\\`x"),
    EscapeCase(text: "*bold* [link](u) <b> a|b", code: "`*bold* [link](u) <b> a|b`", escaped: "\\*bold\\* \\[link\\](u) \\<b\\> a\\|b"),
  ])
  func markdownEscaping(_ c: EscapeCase) {
    #expect(DiffReport.code(c.text) == c.code)
    #expect(DiffReport.escaped(c.text) == c.escaped)
  }
}
