import Foundation
import Testing
import TestSupport
@testable import Pipeline

@Suite(.bug(id: 9)) struct FileListTests {
  static let folder = "/data/corpus"

  func documents(_ list: String, folder: String = Self.folder) throws(FileListError) -> [String] {
    try FileList.documents(from: Array(list.utf8), folder: folder)
  }

  @Test func pathsAreRelativeToTheFolderSortedAndUnique() throws {
    #expect(try documents("b.txt\na/z.txt\r\n\n./a/b.txt\nb.txt\n") == ["a/b.txt", "a/z.txt", "b.txt"])
  }

  /// Paths are bytes: `é.txt` precomposed and decomposed are two files (issue 15).
  @Test func namesThatDifferOnlyInNormalizationAreTwoEntries() throws {
    #expect(try documents("e\u{301}.txt\n\u{E9}.txt\n").map { Array($0.utf8) } == [Array("e\u{301}.txt".utf8), Array("\u{E9}.txt".utf8)])
  }

  @Test func dotsAndRepeatedSlashesAreResolved() throws {
    #expect(try documents("./x//y/./../z.txt\n") == ["x/z.txt"])
  }

  @Test func absolutePathsInsideTheFolderBecomeRelative() throws {
    #expect(try documents("/data/corpus/es/a.txt\n/data/corpus/../corpus/b.txt") == ["b.txt", "es/a.txt"])
  }

  @Test func aRelativeFolderArgumentIsResolvedFromTheWorkingDirectory() throws {
    let cwd = FileManager.default.currentDirectoryPath
    #expect(try documents("\(cwd)/corpus/a.txt\n", folder: "corpus") == ["a.txt"])
  }

  @Test(arguments: ["/etc/passwd", "../secret.txt", "a/../../b.txt", "/data/corpus", "/data/corpus-2/a.txt"])
  func pathsOutsideTheFolderAreErrorsWithTheirLine(_ path: String) {
    #expect { try documents("ok.txt\n\(path)\n") } throws: {
      ($0 as? FileListError).map { $0.line == 2 && $0.message.contains("is not inside the folder") } ?? false
    }
  }

  @Test func nulSeparatedListsAllowLineBreaksInNames() throws {
    #expect(try FileList.documents(from: Array("a\nb.txt\0c.txt\0".utf8), folder: Self.folder) == ["a\nb.txt", "c.txt"])
  }

  @Test func hiddenFilesAreTakenWhenListed() throws {
    #expect(try documents(".notes/a.txt") == [".notes/a.txt"])
  }

  @Test func absolutePathsThroughASymbolicLinkToTheFolder() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    try Fixture.write(["real/a.txt": []], under: tmp)
    try FileManager.default.createSymbolicLink(
      at: tmp.appendingPathComponent("link"), withDestinationURL: tmp.appendingPathComponent("real"))
    let list = tmp.appendingPathComponent("real/a.txt").path
    #expect(try documents(list, folder: tmp.appendingPathComponent("link").path) == ["a.txt"])
  }

  @Test func aRunOverAListWritesWhatAFolderRunWritesForThoseDocuments() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    try Fixture.write(Corpus.generate(documents: 12), under: tmp.appendingPathComponent("in"))
    let runner = try BatchRunner(rules: Fixture.rules(Corpus.rules))
    let input = tmp.appendingPathComponent("in").path
    _ = try runner.run(input: input, output: tmp.appendingPathComponent("full").path, jobs: 2)
    let all = try InputCatalog.documents(in: tmp.appendingPathComponent("in"))
    let list = all.map { "./" + $0 }.reversed().joined(separator: "\n")
    let listed = try FileList.documents(from: Array(list.utf8), folder: input)
    #expect(listed == all)
    _ = try runner.run(input: input, output: tmp.appendingPathComponent("listed").path, jobs: 2, documents: listed)
    #expect(try Snapshot.files(tmp.appendingPathComponent("listed")) == Snapshot.files(tmp.appendingPathComponent("full")))
  }
}
