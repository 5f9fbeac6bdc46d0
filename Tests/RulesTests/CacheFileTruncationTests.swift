import Foundation
import Testing
@testable import Rules

/// A compiled-rules cache truncated in place while a run reads it is ignored, never a crash
/// (issue 15: the cache was mapped, and touching a page past the new end raised SIGBUS).
@Suite struct CacheFileTruncationTests {
  @Test func aFileTruncatedAfterItWasOpenedStillReadsWhole() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quipu-trunc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let count = 1 << 20
    try Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: url)
    let file = try #require(MappedFile(path: url.path))
    #expect(truncate(url.path, 0) == 0)
    // With a mapping, this read past the file's new end killed the process with SIGBUS.
    var sum = 0
    for byte in file.bytes { sum &+= Int(byte) }
    #expect(file.bytes.count == count)
    #expect(sum == (0..<count).reduce(0) { $0 &+ Int(UInt8(truncatingIfNeeded: $1 &* 31)) })
  }

  @Test func aTruncatedCacheFileIsAMiss() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quipu-trunc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let rules = try RuleSet.compile(
      RuleLoader.parse(yaml: "entities:\n  - {id: country/pe, type: PLACE, name: Peru}\n", path: "rules/test.yaml"))
    let file = folder.appendingPathComponent("rules.bin")
    _ = try RuleCache.write(rules, listing: ["rules/test.yaml"], to: file)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
    #expect(truncate(file.path, off_t(size - 3)) == 0)
    guard case .failure(let miss) = RuleCache.read(file, listing: ["rules/test.yaml"]) else {
      Issue.record("a truncated cache was read")
      return
    }
    #expect(miss.message == "damaged cache")
  }
}

/// A cache that cannot be written is said in words, not as an NSError dump (issue 15).
@Suite struct CacheWriteMessageTests {
  @Test func anUnwritableCacheFolderIsNamedWithTheSystemsReason() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("quipu-cachemsg-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
    try Data("entities:\n  - {id: country/pe, type: PLACE, name: Peru}\n".utf8)
      .write(to: root.appendingPathComponent("rules/places.yaml"))
    try Data("a file".utf8).write(to: root.appendingPathComponent("blocker"))
    let folder = root.appendingPathComponent("blocker/cache")  // under a file: cannot be made
    let (_, outcome) = try RuleCache.load(
      directory: root.appendingPathComponent("rules").path, build: "test", folder: folder)
    guard case .notStored(let why) = outcome else {
      Issue.record("expected notStored, got \(outcome)")
      return
    }
    #expect(!why.contains("NSCocoaErrorDomain") && !why.contains("Error Domain"), "\(why)")
    #expect(why.hasPrefix("cannot write to \(folder.path): "), "\(why)")
  }
}
