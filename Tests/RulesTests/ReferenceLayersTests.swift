import TestSupport
import Testing

@testable import Rules

/// `precedence` and `extend`: reference packs under hand-written rules.
@Suite struct ReferenceLayersTests {
  /// Compiles several files, in the order given (as the loader reads them, sorted by path).
  func compile(_ files: [(path: String, yaml: String)]) throws(RuleErrors) -> RuleSet {
    var source = RuleSource()
    for (path, yaml) in files { source = RuleLoader.parse(yaml: yaml, path: path, into: source) }
    return try RuleSet.compile(source)
  }

  func diagnostics(_ files: [(path: String, yaml: String)]) -> [String] {
    do { return try compile(files).warnings.map(\.description) } catch { return error.diagnostics.map(\.description) }
  }

  static let pack = (
    path: "rules/a-pack.yaml",
    yaml: """
      precedence: -10
      entities:
        - id: country/lc
          type: PLACE
          name: Saint Lucia
          aliases: [Santa Lucía]
        - id: city/santa-lucia-ve
          type: PLACE
          name: Santa Lucía
      """
  )
  static let hand = (
    path: "rules/b-hand.yaml",
    yaml: """
      entities:
        - id: place/santa-lucia-pe
          type: PLACE
          name: Santa Lucía
      """
  )

  @Test func higherPrecedenceIsCompiledFirstWhateverTheLoadOrder() throws {
    let rules = try compile([Self.pack, Self.hand])
    #expect(rules.entities.map(\.id) == ["place/santa-lucia-pe", "country/lc", "city/santa-lucia-ve"])
    #expect(rules.aliases.first?.text == "Santa Lucía")
  }

  @Test func packsAreNotWarnedAboutSharedNames() throws {
    #expect(diagnostics([Self.pack, Self.hand]) == [])
    // Without precedence the same files are warned about.
    let plain = (path: Self.pack.path, yaml: Self.pack.yaml.replacingOccurrences(of: "precedence: -10\n", with: ""))
    #expect(diagnostics([plain, Self.hand]).count == 2)
  }

  @Test func precedenceMustBeANumber() {
    #expect(
      diagnostics([("rules/x.yaml", "precedence: high\n")]) == [
        "rules/x.yaml:1:13: error: 'precedence' must be a whole number (reference packs use -10, -20, -30)"
      ])
  }

  static let extra = (
    path: "rules/c-extra.yaml",
    yaml: """
      extend:
        - id: country/lc
          name: St Lucia
          aliases: [{ text: Sainte-Lucie, lang: fr }]
          drop_aliases: [Santa Lucía]
          attributes: { wikidata: Q760 }
      """
  )

  @Test func extendRenamesAddsAndDropsAliases() throws {
    let rules = try compile([Self.pack, Self.hand, Self.extra])
    let lc = try #require(rules.entities.firstIndex { $0.id == "country/lc" })
    #expect(rules.entities[lc].name == "St Lucia")
    #expect(rules.entities[lc].attributes.map(\.value) == ["Q760"])
    // The new name first, then the pack's name (still an alias), then the added alias.
    #expect(rules.aliases.filter { $0.entity == Int32(lc) }.map(\.text) == ["St Lucia", "Saint Lucia", "Sainte-Lucie"])
    #expect(rules.aliases.first { $0.text == "Sainte-Lucie" }?.rule.located == "rules/c-extra.yaml:4 (#country/lc)")
  }

  @Test func extendProblems() {
    let yaml = """
      extend:
        - id: country/zz
          aliases: [Nowhere]
        - id: country/lc
          name: A
          drop_aliases: [Atlantis]
        - id: country/lc
          name: B
          nmae: C
      """
    #expect(
      diagnostics([Self.pack, ("rules/x.yaml", yaml)]) == [
        "rules/x.yaml:2:5: error: 'extend' names 'country/zz', which no rule file defines",
        "rules/x.yaml:6:20: error: 'country/lc' has no alias 'Atlantis' to drop",
        "rules/x.yaml:8:11: error: the name of 'country/lc' is already set at rules/x.yaml:5:11",
        "rules/x.yaml:9:5: error: unknown key 'nmae' (expected 'id', 'name', 'aliases', 'drop_aliases', 'attributes')",
      ])
  }
}
