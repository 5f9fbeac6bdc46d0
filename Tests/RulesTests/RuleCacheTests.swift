import Foundation
import Normalization
import TestSupport
import Testing

@testable import Rules

/// The compiled rules cache: what it reads back is what was compiled, and it is never used
/// once anything the rules came from has changed.
@Suite struct RuleCacheTests {
  /// Every field of a rule set, by name.
  static func fields(_ r: RuleSet) -> [String: AnyHashable] {
    [
      "entities": r.entities, "aliases": r.aliases, "vocabulary": r.vocabulary.keysInOrder, "types": r.types,
      "files": r.files, "warnings": r.warnings, "lists": r.lists, "patterns": r.patterns, "tests": r.tests,
      "regexes": r.regexes, "skippedPacks": r.skippedPacks, "digest": r.digest.value, "inputs": r.inputs,
    ]
  }

  /// The names of the fields that differ (not their values: a rule set prints as megabytes).
  static func differences(_ a: RuleSet, _ b: RuleSet) -> [String] {
    let x = fields(a)
    let y = fields(b)
    return x.keys.filter { x[$0] != y[$0] }.sorted()
  }

  @Test func theShippedRulesReadBackEqual() throws {
    let rules = Fixture.shippedRules
    var writer = BinaryWriter()
    rules.encode(into: &writer)
    let decoded = try writer.bytes.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      return try RuleSet(decoding: &reader)
    }
    #expect(Self.differences(decoded, rules) == [])
    #expect(rules.inputs.contains { $0.hasSuffix("rules/reference/cities15000.txt") })
    #expect(rules.inputs.contains { $0.hasSuffix("common-words/en.txt") })
  }

  /// A rules folder with a GeoNames table outside it (so the check covers files compilation
  /// reads from anywhere), and a cache folder.
  struct Setup {
    let root: URL
    var rules: URL { root.appendingPathComponent("rules") }
    var cache: URL { root.appendingPathComponent("cache") }
    var table: URL { root.appendingPathComponent("data/cities.txt") }

    init() throws {
      root = try Fixture.temporaryFolder()
      let row = ["3936456", "Lima", "Lima", "", "0", "0", "P", "PPLC", "PE", "", "", "", "", "", "7737002", "", "", "", ""]
      try Fixture.write(
        [
          "rules/people.yaml": Array(
            "entities:\n  - {id: person/dina-boluarte, type: PERSON, name: Dina Boluarte, aliases: [Boluarte]}\n".utf8),
          "rules/places.yaml": Array(
            "geonames:\n  file: ../data/cities.txt\n  filters:\n    min_population: 1000\n".utf8),
          "data/cities.txt": Array((row.joined(separator: "\t") + "\n").utf8),
        ], under: root)
    }

    func load(skipping: Set<String> = [], build: String = "test build") throws -> (RuleSet, RuleCache.Outcome) {
      try RuleCache.load(directory: rules.path, skippingPacks: skipping, build: build, folder: cache)
    }
  }

  @Test func aSecondLoadIsAHitAndEqual() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let (compiled, first) = try s.load()
    #expect(first == .compiled("no cache yet"))
    let (cached, second) = try s.load()
    #expect(second == .hit)
    #expect(Self.differences(cached, compiled) == [])
    #expect(compiled.entities.map(\.id).contains("geonames/3936456"))
  }

  /// The digest read from a cache's header is the rule set's, and there is none once anything
  /// the rules came from changed (or before the first compile).
  @Test func theCachedDigestIsTheRulesOrNone() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    func digest() -> StableHash? {
      RuleCache.cachedDigest(directory: s.rules.path, build: "test build", folder: s.cache)
    }
    #expect(digest() == nil)
    let (rules, _) = try s.load()
    #expect(digest() == rules.digest)
    try Data("3936456\tLimeña\tLimena\t\t0\t0\tP\tPPLC\tPE\t\t\t\t\t\t7737002\t\t\t\t\n".utf8).write(to: s.table)
    #expect(digest() == nil)
    let (changed, _) = try s.load()
    #expect(digest() == changed.digest)
    #expect(changed.digest != rules.digest)
  }

  /// An edit of the same size whose modification time is set back as it was is still caught
  /// (the change time moved), and a file touched but unchanged is still a hit. (Inputs whose
  /// status settled two seconds before the cache was written are not read again while it
  /// holds; here every change time is recent, so every input is hashed.)
  @Test func settledInputsAreCheckedByStatusAndEditsStillCaught() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let people = s.rules.appendingPathComponent("people.yaml")
    func age(_ url: URL, seconds: Int) {
      var times = [timeval(tv_sec: time(nil) - seconds, tv_usec: 0), timeval(tv_sec: time(nil) - seconds, tv_usec: 0)]
      _ = utimes(url.path, &times)
    }
    for url in [people, s.rules.appendingPathComponent("places.yaml"), s.table] { age(url, seconds: 3_600) }
    _ = try s.load()
    #expect(try s.load().1 == .hit)
    age(people, seconds: 1_800)  // touched, same bytes
    #expect(try s.load().1 == .hit)
    let text = try String(contentsOf: people, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "Dina", with: "Rina").utf8).write(to: people)  // same size
    age(people, seconds: 3_600)
    let (rules, outcome) = try s.load()
    #expect(outcome == .compiled("\(people.standardizedFileURL.path) changed"))
    #expect(rules.entities.contains { $0.name == "Rina Boluarte" })
  }

  @Test func anyChangeToWhatTheRulesCameFromMeansARecompile() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try s.load()

    // An edited rule file.
    let people = s.rules.appendingPathComponent("people.yaml")
    try Data("entities:\n  - {id: person/ana, type: PERSON, name: Ana Pérez}\n".utf8).write(to: people)
    var (rules, outcome) = try s.load()
    #expect(outcome == .compiled("\(people.standardizedFileURL.path) changed"))
    #expect(rules.entities.map(\.id).contains("person/ana"))
    #expect(try s.load().1 == .hit)

    // A changed table outside the rules folder.
    try Data("3936456\tLimeña\tLimena\t\t0\t0\tP\tPPLC\tPE\t\t\t\t\t\t7737002\t\t\t\t\n".utf8).write(to: s.table)
    (rules, outcome) = try s.load()
    #expect(outcome == .compiled("\(s.table.standardizedFileURL.path) changed"))
    #expect(rules.entities.map(\.name).contains("Limeña"))

    // A rule file added.
    try Data("entities:\n  - {id: org/cgtp, type: ORG, name: CGTP}\n".utf8).write(
      to: s.rules.appendingPathComponent("orgs.yaml"))
    (rules, outcome) = try s.load()
    #expect(outcome == .compiled("rule files were added or removed"))
    #expect(rules.entities.map(\.id).contains("org/cgtp"))

    // Another build of Quipu, or other packs left out, are other caches.
    #expect(try s.load(build: "another build").1 == .compiled("no cache yet"))
    #expect(try s.load(skipping: ["orgs"]).1 == .compiled("no cache yet"))
    #expect(try s.load().1 == .hit)
  }

  @Test func aDamagedCacheIsIgnoredAndReplaced() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try s.load()
    let file = try #require(FileManager.default.contentsOfDirectory(atPath: s.cache.path).first)
    let url = s.cache.appendingPathComponent(file)
    var bytes = try [UInt8](Data(contentsOf: url))
    bytes[bytes.count - 10] ^= 0xFF
    try Data(bytes).write(to: url)
    #expect(try s.load().1 == .compiled("damaged cache"))
    try Data(bytes.prefix(bytes.count / 2)).write(to: url)
    #expect(try s.load().1 == .compiled("damaged cache"))
    try Data().write(to: url)
    #expect(try s.load().1 == .compiled("not a rules cache"))
    #expect(try s.load().1 == .hit)
  }

  @Test func rulesWithErrorsAreNeverCached() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    try Data("entities:\n  - {id: x, type: NOPE, name: X}\n".utf8).write(to: s.rules.appendingPathComponent("bad.yaml"))
    #expect(throws: RuleErrors.self) { try s.load() }
    #expect(throws: RuleErrors.self) { try s.load() }
    #expect(!FileManager.default.fileExists(atPath: s.cache.path))
  }
}
