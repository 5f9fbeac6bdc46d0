import Foundation
import Testing
import TestSupport
@testable import Pipeline

/// What a worker does to keep its memory bounded changes no output: a worker's extractor
/// renewed after every document (``BatchOptions/formsPerExtractor``) writes what one kept for
/// the whole run writes.
@Suite struct WorkerMemoryTests {
  func run(_ input: URL, formsPerExtractor: Int?) throws -> [String: Data] {
    var options = BatchOptions()
    options.jobs = 1
    if let formsPerExtractor { options.formsPerExtractor = formsPerExtractor }
    let out = try Fixture.temporaryFolder().appendingPathComponent("out")
    let summary = try BatchRunner(rules: Fixture.shippedRules).run(input: input.path, output: out.path, options: options)
    #expect(summary.failures.isEmpty)
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("docs").path) {
      files[name] = try Data(contentsOf: out.appendingPathComponent("docs/\(name)"))
    }
    files["entities.jsonl"] = try Data(contentsOf: out.appendingPathComponent("entities.jsonl"))
    return files
  }

  @Test func aRenewedExtractorWritesTheSameOutput() throws {
    let seeds = Fixture.repositoryRoot.appendingPathComponent("seeds")
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
      let bytes = try [UInt8](Data(contentsOf: seeds.appendingPathComponent(name)))
      files[name] = bytes
      files["again-\(name)"] = bytes
    }
    let input = try Fixture.temporaryFolder().appendingPathComponent("in")
    try Fixture.write(files, under: input)
    let kept = try run(input, formsPerExtractor: nil)
    let renewed = try run(input, formsPerExtractor: 0)
    #expect(kept.count == files.count + 1)
    #expect(kept == renewed)
  }
}
