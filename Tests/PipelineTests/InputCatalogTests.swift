import Foundation
import Testing
import TestSupport
@testable import Pipeline

@Suite struct InputCatalogTests {
  @Test func sortedRelativePathsWithoutHiddenFiles() throws {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(
      ["b.txt": [], "a/z.txt": [], "a/b.txt": [], ".h.txt": [], ".d/x.txt": [], "名前 with space.txt": []], under: tmp)
    #expect(try InputCatalog.documents(in: tmp) == ["a/b.txt", "a/z.txt", "b.txt", "名前 with space.txt"])
  }

  @Test func symlinkLoopsDoNotTrapTheWalk() throws {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["a.txt": []], under: tmp)
    try FileManager.default.createSymbolicLink(at: tmp.appendingPathComponent("loop"), withDestinationURL: tmp)
    try FileManager.default.createSymbolicLink(
      at: tmp.appendingPathComponent("link.txt"), withDestinationURL: tmp.appendingPathComponent("a.txt"))
    #expect(try InputCatalog.documents(in: tmp) == ["a.txt", "link.txt"])
  }

  @Test func theExcludedFolderIsSkipped() throws {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(["a.txt": [], "out/docs/a.txt.jsonl": []], under: tmp)
    #expect(try InputCatalog.documents(in: tmp, excluding: tmp.appendingPathComponent("out")) == ["a.txt"])
  }
}
