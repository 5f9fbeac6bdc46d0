import Foundation
import Pipeline
import Rules
import Testing
import TestSupport

/// The seeds through the whole pipeline with the shipped rules, against two references:
/// the committed `out/` (byte for byte) and the hand-checked gold in `gold/seeds/`.
@Suite(.serialized) struct SeedsGoldenTests {
  static let root = Fixture.repositoryRoot

  func runSeeds() throws -> URL {
    let out = try Fixture.temporaryFolder().appendingPathComponent("out")
    let rules = Fixture.shippedRules
    let summary = try BatchRunner(rules: rules).run(
      input: Self.root.appendingPathComponent("seeds").path, output: out.path, jobs: 2)
    #expect(summary.failures.isEmpty)
    return out
  }

  /// Relative path → bytes for every file under `folder`.
  func files(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let prefix = folder.standardizedFileURL.path + "/"
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
      if relative.hasPrefix(".quipu/") { continue }  // run state (git-ignored), not output
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }

  /// `RECORD_SNAPSHOTS=1 swift test --filter SeedsGoldenTests` rewrites `out/` instead.
  @Test func outputMatchesTheCommittedOutFolderByteForByte() throws {
    let fresh = try runSeeds()
    let committed = Self.root.appendingPathComponent("out")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try? FileManager.default.removeItem(at: committed)
      try FileManager.default.copyItem(at: fresh, to: committed)
      return
    }
    let expected = try files(committed)
    let actual = try files(fresh)
    #expect(actual.keys.sorted() == expected.keys.sorted())
    for (path, data) in expected {
      #expect(actual[path] == data, "out/\(path) differs; review the change, then re-record with RECORD_SNAPSHOTS=1")
    }
  }

  struct Span: Hashable, CustomStringConvertible {
    var doc: String
    var start: Int
    var end: Int
    var type: String
    var description: String { "\(doc)[\(start):\(end)] \(type)" }
  }

  struct GoldMention {
    var span: Span
    var text: String
    var canonical: String
    var optional: Bool
  }

  func gold() throws -> [GoldMention] {
    let text = try String(contentsOf: Self.root.appendingPathComponent("gold/seeds/gold.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let r = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      return GoldMention(
        span: Span(doc: r["doc"] as! String, start: r["start"] as! Int, end: r["end"] as! Int, type: r["type"] as! String),
        text: r["text"] as! String, canonical: r["canonical"] as! String, optional: r["optional"] as? Bool ?? false)
    }
  }

  func predictions(_ out: URL) throws -> [(span: Span, text: String, entity: String)] {
    try files(out).filter { $0.key.hasPrefix("docs/") }.sorted { $0.key < $1.key }.flatMap { _, data in
      try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
        let r = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        return (
          Span(doc: r["doc"] as! String, start: r["start"] as! Int, end: r["end"] as! Int, type: r["type"] as! String),
          r["text"] as! String, r["entity"] as! String
        )
      }
    }
  }

  /// Every scored gold mention is found with its exact span and type, and every
  /// prediction is a gold mention (or overlaps one marked optional).
  @Test func everyGoldMentionIsFoundAndNothingElse() throws {
    let gold = try gold()
    let predicted = try predictions(runSeeds())
    let required = Set(gold.filter { !$0.optional }.map(\.span))
    let optional = gold.filter(\.optional).map(\.span)
    let found = Set(predicted.map(\.span))
    let missed = required.subtracting(found)
    #expect(missed.isEmpty, "missed: \(missed.sorted { ($0.doc, $0.start) < ($1.doc, $1.start) })")
    let spurious = predicted.map(\.span).filter { p in
      !required.contains(p) && !optional.contains { $0.doc == p.doc && $0.start < p.end && p.start < $0.end }
    }
    #expect(spurious.isEmpty, "not in gold: \(spurious)")
    #expect(required.count >= 100)
  }

  /// Mentions that gold gives one canonical share one entity id, and the reverse.
  @Test func sameGoldEntityMeansSameEntityId() throws {
    let gold = try gold()
    let canonical = Dictionary(gold.map { ($0.span, $0.canonical) }, uniquingKeysWith: { a, _ in a })
    var entityOf: [String: Set<String>] = [:]
    var canonicalOf: [String: Set<String>] = [:]
    for p in try predictions(runSeeds()) {
      guard let c = canonical[p.span] else { continue }
      entityOf[c, default: []].insert(p.entity)
      canonicalOf[p.entity, default: []].insert(c)
    }
    #expect(entityOf.filter { $0.value.count > 1 }.isEmpty)
    #expect(canonicalOf.filter { $0.value.count > 1 }.isEmpty)
  }
}
