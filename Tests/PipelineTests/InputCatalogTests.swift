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

  /// The default filter reads extensions from the bytes; it must take what the general path
  /// (split on `.`, lowercased, looked up) takes.
  @Test func theDefaultExtensionsAreReadAsTheGeneralPathReadsThem() {
    func general(_ relative: String) -> Bool {
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
      return ext.isEmpty || BatchOptions.defaultExtensions.contains(ext)
    }
    let names = [
      "a.txt", "a.TXT", "d/a.Md", "a.markdown", "a.markdowns", "a.", "txt.", "a..txt", "a.txt.", "noext", "dir.d/file",
      "dir.txt/file.bin", "a.b.c", "a.tx\u{212A}", "a.mar\u{212A}down", "a.ÉML", "a.jsonl", "ñ.ndjson", "x/y/z.LOG",
    ]
    let filter = InputFilter(include: nil, exclude: [])
    for name in names { #expect(filter.accepts(name) == general(name), "\(name)") }
  }
}
