import Foundation
import Testing
import TestSupport
@testable import Pipeline

/// The output lock is on the folder's real path: a symbolic link to the output folder, or to
/// a folder above it, does not let a second run in (issue 15).
@Suite struct OutputLockTests {
  static let yaml = "entities:\n  - {id: country/pe, type: PLACE, name: Peru}\n"

  @Test func aRunThroughASymbolicLinkIsLockedOut() throws {
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try Fixture.write(["corpus/a.txt": Array("Peru".utf8)], under: root)
    let out = root.appendingPathComponent("data/out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let link = root.appendingPathComponent("alias")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: out)
    let parentLink = root.appendingPathComponent("parent")
    try FileManager.default.createSymbolicLink(at: parentLink, withDestinationURL: root.appendingPathComponent("data"))

    let held = try OutputLock(folder: out)
    for output in [link.path, parentLink.path + "/out", root.path + "/data/../data/out"] {
      do {
        _ = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(
          input: root.appendingPathComponent("corpus").path, output: output, jobs: 1)
        Issue.record("a run into \(output) should have been refused")
      } catch {
        #expect("\(error)".contains("another quipu run is writing this output folder"), "\(error)")
      }
    }
    withExtendedLifetime(held) {}
  }

  @Test func aFolderNotYetMadeResolvesThroughItsParent() throws {
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let real = root.appendingPathComponent("real")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    let link = root.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let resolved = OutputLock.realPath(link.appendingPathComponent("new/out"))
    #expect(resolved.path.hasSuffix("/real/new/out"), "\(resolved.path)")
  }
}
