import Foundation
import Normalization
import Output
import Testing
@testable import Pipeline

/// The run state's file (``RunStateFile``): what is written reads back the same, and a torn,
/// truncated or damaged file reads as no state.
@Suite struct RunStateFileTests {
  func sample() -> RunState {
    var state = RunState(key: "quipu 1; rules abc; format=jsonl")
    state.suffixes = [".jsonl"]
    let lima = EntityTable.Summary(
      id: "city/lima", type: "PLACE", name: "Lima", mentions: 2, aliases: ["LIMA", "Lima"], attributes: ["country": "PE"])
    state.records[PathKey("a/é.txt")] = RunState.Record(input: "0123", entities: [lima], output: 120)
    // The same name decomposed (NFD) is another file.
    state.records[PathKey("a/e\u{301}.txt")] = RunState.Record(
      input: "4567", entities: [lima], output: nil,
      stamp: FileStamp(size: 12, modified: 1_700_000_000_123_456_789, changed: -5, inode: .max))
    state.records[PathKey("b.txt")] = RunState.Record(input: "", entities: [])
    state.otherFiles = [PathKey("a/é.txt.ann"), PathKey("tab\tand\nnewline")]
    state.entitiesFile = RunState.EntitiesFile(bytes: 345, modified: -1, inode: 1 << 40, count: 1)
    return state
  }

  func same(_ a: RunState, _ b: RunState) -> Bool {
    guard a.key == b.key, a.suffixes == b.suffixes, a.otherFiles == b.otherFiles, a.records.count == b.records.count,
      a.entitiesFile == b.entitiesFile
    else { return false }
    return a.records.allSatisfy { key, record in
      guard let other = b.records[key] else { return false }
      return other.input == record.input && other.entities == record.entities && other.output == record.output
        && other.stamp == record.stamp
    }
  }

  @Test func readsBackWhatItWrote() throws {
    let bytes = sample().serialized()
    let read = try #require(RunStateFile.decode(bytes))
    #expect(same(read, sample()))
    #expect(read.serialized() == bytes)
    #expect(read.records.count == 3)
  }

  /// Version 2 (before the status of `entities.jsonl` was kept) is still read: the first run
  /// of a newer Quipu knows which files are Quipu's, and reuses what it may.
  @Test func readsTheFormerVersion() throws {
    var state = sample()
    state.entitiesFile = nil
    let bytes = state.serialized()
    // Version 3 without an `entities.jsonl` status is version 2 and a 0 byte.
    var old = Array("quipu run-state 2\n".utf8) + bytes[RunStateFile.magic.count..<(bytes.count - 9)]
    let hash = StableHash.of(old).value
    for shift in stride(from: 0, to: 64, by: 8) { old.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
    let read = try #require(RunStateFile.decode(old))
    #expect(same(read, state))
    #expect(read.serialized() == bytes)
  }

  @Test func aTornOrDamagedFileIsNoState() {
    let bytes = sample().serialized()
    for length in 0..<bytes.count {
      #expect(RunStateFile.decode(Array(bytes.prefix(length))) == nil, "cut at \(length)")
    }
    for i in stride(from: 0, to: bytes.count, by: 7) {
      var damaged = bytes
      damaged[i] ^= 0x10
      #expect(RunStateFile.decode(damaged) == nil, "byte \(i) flipped")
    }
    #expect(RunStateFile.decode(bytes + [0]) == nil)
  }

  @Test func loadsAStateInTheFormerJSONLines() throws {
    let folder = try FileManager.default.url(
      for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"), create: true)
    let url = folder.appendingPathComponent("run-state")
    let legacy = """
      {"key":"k","suffixes":[".jsonl"]}
      {"doc":"a.txt","input":"h","output":7,"entities":[{"id":"city/lima","type":"PLACE","name":"Lima","aliases":["Lima"],"mentions":1,"documents":["a.txt"],"attributes":{}}]}
      {"file":"old.ann"}

      """
    try Data(legacy.utf8).write(to: url)
    let state = RunState.load(url)
    #expect(state.key == "k")
    #expect(state.records[PathKey("a.txt")]?.entities.map(\.id) == ["city/lima"])
    #expect(state.records[PathKey("a.txt")]?.output == 7)
    #expect(state.otherFiles == [PathKey("old.ann")])
    try Data("garbage".utf8).write(to: url)
    #expect(RunState.load(url).key == "")
  }

  /// A file status is recorded only once the file has settled: one changed in the clock tick
  /// the run read it in could keep its status with other bytes.
  @Test func onlySettledFileStatusIsTrusted() {
    let now = FileStamp.now()
    let old = FileStamp(size: 1, modified: now - 10_000_000_000, changed: now - 10_000_000_000, inode: 1)
    #expect(old.trusted(at: now) == old)
    var touched = old
    touched.changed = now - 100_000_000
    #expect(touched.trusted(at: now) == nil)
    var modified = old
    modified.modified = now
    #expect(modified.trusted(at: now) == nil)
  }
}
