import Foundation
import Normalization
import Yams

/// A GeoNames table named by a rule file (the top-level `geonames` key), with the filters
/// that decide which places and which of their names become entities and aliases.
///
/// ```yaml
/// geonames:
///   file: cities15000.txt          # relative to the rule file: allCountries.txt, PE.txt, ...
///   alternate_names: alternateNamesV2.txt   # optional: names by language (then `languages`)
///   filters:
///     feature_classes: [P]
///     min_population: 15000
///     common_words: [common-words/en.txt]
/// ```
///
/// Every row that passes the place filters becomes an entity `geonames/<geonameid>` of type
/// `PLACE` (or `type`), named by the `name` column, with `asciiname` and the alternate names
/// that pass the name filters as aliases. Each alias points at its row (`cities15000.txt:812`).
/// Places are defined in order of decreasing population, so among places of one name the
/// biggest wins a tie.
public struct GeoNamesSource: Sendable {
  public var file: String
  public var displayPath: String
  public var alternateNamesFile: String?
  public var alternateNamesDisplayPath: String?
  public var type = "PLACE"
  public var filters = Filters()
  public var location: FileLocation

  /// Which rows and names to keep. Every field is a rule-file setting (snake_case in YAML).
  public struct Filters: Sendable {
    /// GeoNames feature classes to keep (`P` populated places, `A` administrative areas,
    /// ...); nil keeps all.
    public var featureClasses: Set<String>?
    /// Feature codes to keep (`PPLC`, `PPLA`, `ADM1`, ...); nil keeps all.
    public var featureCodes: Set<String>?
    /// ISO 3166-1 alpha-2 codes of the countries to keep; nil keeps all.
    public var countries: Set<String>?
    /// Rows with fewer people are skipped, except capitals (`PPLC`) when `keepCapitals`.
    public var minPopulation = 0
    public var keepCapitals = true
    /// With an `alternate_names` table: the languages (ISO 639) whose names are taken, plus
    /// names with no language. Codes, links and postal codes are never names.
    public var languages: Set<String>?
    /// Alternate names shorter than this (an ideograph, kana or hangul counts 3) are dropped,
    /// unless the place has at least `shortAlternatesMinPopulation` people: "JUL" (an airport
    /// code) or "Lim" name a place only when it is big.
    public var minAlternateLength = 0
    /// Places with fewer people keep only their `name` and `asciiname`: the alternate names
    /// of small towns are where GeoNames' noise is (surnames, first names, short forms).
    public var alternatesMinPopulation = 0
    public var shortAlternatesMinPopulation = Int.max
    /// One-word names only for places with at least this many people (and capitals): a town
    /// of 30,000 called Morales or Garzón is far less often meant than the surname.
    public var singleWordMinPopulation = 0
    /// Lowercase common words (files relative to the rule file, one a line): a one-word name
    /// equal to one, ignoring case and accents ("Police", "Man", "Of", "Nice", "Ūn") is dropped,
    /// unless it is the `name` or `asciiname` of a place of `commonWordMinPopulation` people.
    public var commonWords: Set<String> = []
    public var commonWordMinPopulation = Int.max
    /// GeoNames lists romanizations in lowercase ("furiaka"); they are dropped unless true.
    public var lowercaseAlternates = false

    public init() {}
  }

  static let keys = ["file", "alternate_names", "type", "filters"]
  static let filterKeys = [
    "feature_classes", "feature_codes", "countries", "min_population", "keep_capitals", "languages",
    "min_alternate_length", "alternates_min_population", "short_alternates_min_population", "single_word_min_population", "common_words",
    "common_word_min_population", "lowercase_alternates",
  ]

  /// Reads a `geonames` map, reporting problems into the parser's diagnostics.
  static func parse(_ node: Node, parser: inout RuleFileParser) -> GeoNamesSource? {
    guard let mapping = node.mapping else {
      parser.layerError(node, "'geonames' must be a map with the keys \(RuleFileParser.list(keys))")
      return nil
    }
    let base = parser.fileURL?.deletingLastPathComponent()
    let displayBase = (parser.path as NSString).deletingLastPathComponent
    func resolve(_ relative: String) -> (String, String) {
      if relative.hasPrefix("/") { return (relative, relative) }
      let url = base.map { $0.appendingPathComponent(relative) } ?? URL(fileURLWithPath: relative)
      let display = displayBase.isEmpty ? relative : displayBase + "/" + relative
      return (url.standardizedFileURL.path, (display as NSString).standardizingPath)
    }
    var spec = GeoNamesSource(file: "", displayPath: "", location: parser.location(node))
    for (key, value) in mapping {
      switch key.string {
      case "file":
        guard let text = value.scalar?.string, !text.isEmpty else {
          parser.layerError(value, "'file' must be a path, relative to this rule file")
          continue
        }
        (spec.file, spec.displayPath) = resolve(text)
      case "alternate_names":
        guard let text = value.scalar?.string, !text.isEmpty else {
          parser.layerError(value, "'alternate_names' must be a path, relative to this rule file")
          continue
        }
        let (file, display) = resolve(text)
        spec.alternateNamesFile = file
        spec.alternateNamesDisplayPath = display
      case "type":
        guard let text = value.scalar?.string, !text.isEmpty else {
          parser.layerError(value, "'type' must be a type name")
          continue
        }
        spec.type = text
      case "filters":
        guard let filters = value.mapping else {
          parser.layerError(value, "'filters' must be a map with the keys \(RuleFileParser.list(filterKeys))")
          continue
        }
        for (fkey, fvalue) in filters { parseFilter(fkey, fvalue, into: &spec, parser: &parser, resolve: resolve) }
      default:
        parser.layerError(key, "unknown key '\(key.string ?? "?")' (expected \(RuleFileParser.list(keys)))")
      }
    }
    guard !spec.file.isEmpty else {
      if mapping["file"] == nil { parser.layerError(node, "'geonames' is missing 'file'") }
      return nil
    }
    if spec.filters.languages != nil && spec.alternateNamesFile == nil {
      parser.layerError(
        node,
        "'languages' needs 'alternate_names' (GeoNames' alternateNames table): the alternatenames column of a cities or country file has no languages"
      )
    }
    return spec
  }

  private static func parseFilter(
    _ key: Node, _ value: Node, into spec: inout GeoNamesSource, parser: inout RuleFileParser,
    resolve: (String) -> (String, String)
  ) {
    func strings() -> [String]? {
      guard let items = value.sequence else {
        parser.layerError(value, "'\(key.string ?? "")' must be a list")
        return nil
      }
      return items.compactMap { $0.scalar?.string }
    }
    func number() -> Int? {
      guard let text = value.scalar?.string, let n = Int(text.replacingOccurrences(of: "_", with: "")), n >= 0 else {
        parser.layerError(value, "'\(key.string ?? "")' must be a whole number, at least 0")
        return nil
      }
      return n
    }
    func flag() -> Bool? {
      switch value.scalar?.string {
      case "true": return true
      case "false": return false
      default:
        parser.layerError(value, "'\(key.string ?? "")' must be true or false")
        return nil
      }
    }
    switch key.string {
    case "feature_classes": if let list = strings() { spec.filters.featureClasses = Set(list) }
    case "feature_codes": if let list = strings() { spec.filters.featureCodes = Set(list) }
    case "countries": if let list = strings() { spec.filters.countries = Set(list.map { $0.uppercased() }) }
    case "languages": if let list = strings() { spec.filters.languages = Set(list) }
    case "min_population": if let n = number() { spec.filters.minPopulation = n }
    case "keep_capitals": if let b = flag() { spec.filters.keepCapitals = b }
    case "min_alternate_length": if let n = number() { spec.filters.minAlternateLength = n }
    case "alternates_min_population": if let n = number() { spec.filters.alternatesMinPopulation = n }
    case "short_alternates_min_population": if let n = number() { spec.filters.shortAlternatesMinPopulation = n }
    case "single_word_min_population": if let n = number() { spec.filters.singleWordMinPopulation = n }
    case "common_word_min_population": if let n = number() { spec.filters.commonWordMinPopulation = n }
    case "lowercase_alternates": if let b = flag() { spec.filters.lowercaseAlternates = b }
    case "common_words":
      guard let items = value.sequence else {
        parser.layerError(value, "'common_words' must be a list of word-list files")
        return
      }
      for item in items {
        guard let relative = item.scalar?.string else { continue }
        let (file, _) = resolve(relative)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
          parser.layerError(item, "cannot read the word list '\(relative)'")
          continue
        }
        parser.source.digest.combine(bytes: text.utf8)
        parser.source.inputs.append(URL(fileURLWithPath: file).standardizedFileURL.path)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
          let word = line.trimmingCharacters(in: .whitespaces)
          if !word.isEmpty { spec.filters.commonWords.insert(GeoNamesLoader.commonWordKey(word)) }
        }
      }
    default:
      parser.layerError(key, "unknown filter '\(key.string ?? "?")' (expected \(RuleFileParser.list(filterKeys)))")
    }
  }
}
