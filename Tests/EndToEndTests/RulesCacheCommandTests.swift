import Foundation
import Testing
import TestSupport

/// `quipu run` with the compiled-rules cache, as a user meets it: the first run compiles and
/// writes the cache, the next ones read it, an edited rule file is seen at once, and the output
/// is the same either way.
@Suite struct RulesCacheCommandTests {
  @Test func theCacheIsWrittenReadAndNeverStale() throws {
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try Fixture.write(
      [
        "rules/places.yaml": Array("entities:\n  - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú]}\n".utf8),
        "docs/a.txt": Array("En Perú y en Lima.".utf8),
      ], under: root)
    let cache = root.appendingPathComponent("cache")
    func quipu(_ arguments: [String]) throws -> QuipuBinary.Result {
      try QuipuBinary.run(QuipuBinary.url, arguments, in: root, environment: ["QUIPU_CACHE_DIR": cache.path])
    }
    func output() throws -> String {
      try String(contentsOf: root.appendingPathComponent("out/docs/a.txt.jsonl"), encoding: .utf8)
    }

    #expect(try quipu(["run", "docs", "--full"]).status == 0)
    let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("rules-") }
    #expect(cached.count == 1)
    let first = try output()
    #expect(first.contains("country/pe") && !first.contains("place/lima"))

    #expect(try quipu(["run", "docs", "--full"]).status == 0)
    #expect(try output() == first)

    try Fixture.write(
      ["rules/places.yaml": Array("entities:\n  - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú]}\n  - {id: place/lima, type: PLACE, name: Lima}\n".utf8)],
      under: root)
    #expect(try quipu(["run", "docs"]).status == 0)
    #expect(try output().contains("place/lima"))

    #expect(try quipu(["run", "docs", "--full", "--no-rules-cache"]).status == 0)
    #expect(try output().contains("place/lima"))
  }
}
