import Foundation
import Testing
import TestSupport
@testable import Pipeline

/// Entity ids across documents: stable when documents are added or reordered, and the same
/// unlisted person in two documents (with or without accents) is one entity.
@Suite struct EntityIdentityTests {
  static let yaml = """
    lists:
      title: [President, presidente, Minister, ministro]
    patterns:
      - {type: PERSON, pattern: '@title <Cap{1,3}>'}
    entities:
      - {id: country/pe, type: PLACE, name: Peru, aliases: [Perú, Перу]}
    """

  func run(_ files: [String: String]) throws -> (docs: [String: String], entities: [String]) {
    let tmp = try Fixture.temporaryFolder()
    try Fixture.write(files.mapValues { Array($0.utf8) }, under: tmp.appendingPathComponent("in"))
    let out = tmp.appendingPathComponent("out")
    _ = try BatchRunner(rules: Fixture.rules(Self.yaml)).run(
      input: tmp.appendingPathComponent("in").path, output: out.path, jobs: 2)
    var docs: [String: String] = [:]
    for name in files.keys {
      docs[name] = try String(contentsOf: out.appendingPathComponent("docs/\(name).jsonl"), encoding: .utf8)
    }
    let entities = try String(contentsOf: out.appendingPathComponent("entities.jsonl"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    return (docs, entities)
  }

  @Test func addingOrRenamingDocumentsNeverChangesAnotherDocumentsIds() throws {
    let a = "President Aníbal Garzón visited Peru."
    let first = try run(["a.txt": a, "b.txt": "El ministro Hector Bejar habló del Perú."])
    let second = try run(["0.txt": "President Aníbal Garzón spoke.", "a.txt": a, "z.txt": "Минister? Перу."])
    #expect(first.docs["a.txt"] == second.docs["a.txt"])
  }

  @Test func theSameUnlistedPersonInTwoDocumentsIsOneEntity() throws {
    let result = try run(["en.txt": "President Anibal Garzon spoke.", "es.txt": "El presidente Aníbal Garzón habló."])
    let garzon = result.entities.filter { $0.contains("~person/anibal-garzon") }
    #expect(garzon.count == 1)
    #expect(garzon.first?.contains(#""aliases":["Anibal Garzon","Aníbal Garzón"]"#) == true)
    #expect(garzon.first?.contains(#""documents":["en.txt","es.txt"]"#) == true)
  }

  @Test func oneCountryAcrossLanguages() throws {
    let result = try run(["en.txt": "Peru", "es.txt": "Perú", "ru.txt": "Перу"])
    let peru = try #require(result.entities.first { $0.hasPrefix(#"{"id":"country/pe""#) })
    #expect(peru.contains(#""mentions":3,"documents":["en.txt","es.txt","ru.txt"]"#))
  }
}
