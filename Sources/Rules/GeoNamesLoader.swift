import Foundation
import Normalization

/// Reads a GeoNames table (the 19 tab-separated columns of `allCountries.txt`,
/// `citiesNNN.txt` or a country file) into entities, applying a ``GeoNamesSource``'s filters.
///
/// The file is memory-mapped and scanned as bytes: a row's place filters (feature class and
/// code, country, population) are checked on the raw columns, and only the rows that pass
/// become strings. The 1.2-million-name cities500 table loads in about a second.
enum GeoNamesLoader {
  // Column indexes of GeoNames' main table.
  static let geonameid = 0, name = 1, asciiname = 2, alternatenames = 3, featureClass = 6, featureCode = 7,
    countryCode = 8, population = 14
  static let columnCount = 19

  /// A row that passed the place filters.
  struct Place {
    var id: Int
    var line: Int
    var population: Int
    var country: String
    var featureCode: String
    var names: [String]  // name, asciiname, then alternate names
  }

  static func load(_ spec: GeoNamesSource, into source: inout RuleSource) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: spec.file), options: .alwaysMapped)
    } catch {
      source.diagnostics.append(.error(at: spec.location, "cannot read the GeoNames file '\(spec.displayPath)'"))
      return
    }
    source.digest.combine(spec.displayPath)
    source.digest.combine(bytes: data)
    source.inputs.append(URL(fileURLWithPath: spec.file).standardizedFileURL.path)
    var places: [Place] = []
    var problems: [Diagnostic] = []
    data.withUnsafeBytes { raw in
      places = readPlaces(raw.bindMemory(to: UInt8.self), spec: spec, problems: &problems)
    }
    if let alternates = spec.alternateNamesFile {
      do {
        let table = try Data(contentsOf: URL(fileURLWithPath: alternates), options: .alwaysMapped)
        source.digest.combine(bytes: table)
        source.inputs.append(URL(fileURLWithPath: alternates).standardizedFileURL.path)
        table.withUnsafeBytes { raw in
          addAlternateNames(raw.bindMemory(to: UInt8.self), spec: spec, to: &places)
        }
      } catch {
        source.diagnostics.append(
          .error(at: spec.location, "cannot read the alternate names file '\(spec.alternateNamesDisplayPath ?? alternates)'"))
        return
      }
    }
    source.diagnostics += problems.prefix(10)
    if problems.count > 10 {
      source.diagnostics.append(.error(at: spec.location, "\(problems.count - 10) more malformed rows in '\(spec.displayPath)'"))
    }
    // Biggest first: among places of one name, the first defined wins a tie.
    places.sort { ($0.population, -$0.id) > ($1.population, -$1.id) }
    source.entities.reserveCapacity(source.entities.count + places.count)
    for place in places {
      if let entity = entity(for: place, spec: spec) { source.entities.append(entity) }
    }
  }

  // MARK: Rows

  private static func readPlaces(
    _ bytes: UnsafeBufferPointer<UInt8>, spec: GeoNamesSource, problems: inout [Diagnostic]
  ) -> [Place] {
    let filters = spec.filters
    let classes = filters.featureClasses.map { Set($0.compactMap { $0.utf8.first }) }
    var places: [Place] = []
    var starts = [Int](repeating: 0, count: columnCount + 1)
    var lineStart = 0
    var line = 0
    let n = bytes.count
    while lineStart < n {
      line += 1
      // Column boundaries: starts[c] is where column c begins, starts[c+1]-1 its tab.
      var columns = 0
      starts[0] = lineStart
      var i = lineStart
      while i < n && bytes[i] != 0x0A {
        if bytes[i] == 0x09 && columns < columnCount - 1 {
          columns += 1
          starts[columns] = i + 1
        }
        i += 1
      }
      let lineEnd = i > lineStart && bytes[i - 1] == 0x0D ? i - 1 : i
      lineStart = i + 1
      if lineEnd == starts[0] || bytes[starts[0]] == 0x23 { continue }  // blank or comment
      columns += 1
      starts[columns] = lineEnd + 1
      guard columns > population else {
        problems.append(
          .error(
            at: FileLocation(path: spec.displayPath, line: line, column: 1),
            "expected the \(columnCount) tab-separated columns of a GeoNames table, found \(columns)"))
        continue
      }
      @inline(__always) func field(_ c: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[c]..<(starts[c + 1] - 1)])
      }
      if let classes {
        let f = field(featureClass)
        guard f.count == 1, classes.contains(f[0]) else { continue }
      }
      let code = field(featureCode)
      let isCapital = code.elementsEqual("PPLC".utf8)
      if let codes = filters.featureCodes, !codes.contains(String(decoding: code, as: UTF8.self)) { continue }
      let country = field(countryCode)
      if let countries = filters.countries, !countries.contains(String(decoding: country, as: UTF8.self)) { continue }
      let people = integer(field(population))
      if people < filters.minPopulation && !(isCapital && filters.keepCapitals) { continue }
      var names = [String(decoding: field(name), as: UTF8.self), String(decoding: field(asciiname), as: UTF8.self)]
      // Alternate names of places too small to keep them are never decoded.
      if spec.alternateNamesFile == nil && people >= filters.alternatesMinPopulation {
        var s = 0
        let alt = field(alternatenames)
        for k in 0...alt.count where k == alt.count || alt[k] == 0x2C {
          if k > s { names.append(String(decoding: UnsafeBufferPointer(rebasing: alt[s..<k]), as: UTF8.self)) }
          s = k + 1
        }
      }
      places.append(
        Place(
          id: integer(field(geonameid)), line: line, population: people,
          country: String(decoding: country, as: UTF8.self), featureCode: String(decoding: code, as: UTF8.self),
          names: names))
    }
    return places
  }

  /// GeoNames' alternateNames table (alternateNameId, geonameid, isolanguage, name,
  /// isPreferred, isShort, isColloquial, isHistoric, from, to): the names of kept places in
  /// the wanted languages, colloquial and historic names left out.
  private static func addAlternateNames(
    _ bytes: UnsafeBufferPointer<UInt8>, spec: GeoNamesSource, to places: inout [Place]
  ) {
    var index: [Int: Int] = [:]
    index.reserveCapacity(places.count)
    for (i, place) in places.enumerated() { index[place.id] = i }
    let notNames: Set<String> = ["link", "post", "iata", "icao", "faac", "abbr", "wkdt", "fr_1793", "unlc", "tcid"]
    var lineStart = 0
    let n = bytes.count
    var starts = [Int](repeating: 0, count: 11)
    while lineStart < n {
      var columns = 0
      starts[0] = lineStart
      var i = lineStart
      while i < n && bytes[i] != 0x0A {
        if bytes[i] == 0x09 && columns < 9 {
          columns += 1
          starts[columns] = i + 1
        }
        i += 1
      }
      let lineEnd = i
      lineStart = i + 1
      columns += 1
      starts[columns] = lineEnd + 1
      guard columns >= 4 else { continue }
      func field(_ c: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[c]..<(starts[c + 1] - 1)])
      }
      guard let place = index[integer(field(1))] else { continue }
      if columns >= 8, field(6).first == 0x31 || field(7).first == 0x31 { continue }  // colloquial, historic
      let language = String(decoding: field(2), as: UTF8.self)
      if notNames.contains(language) { continue }
      if !language.isEmpty, let languages = spec.filters.languages, !languages.contains(language) { continue }
      places[place].names.append(String(decoding: field(3), as: UTF8.self))
    }
  }

  @inline(__always) static func integer(_ digits: UnsafeBufferPointer<UInt8>) -> Int {
    var value = 0
    for b in digits {
      guard b >= 0x30 && b <= 0x39 else { break }
      value = value &* 10 &+ Int(b - 0x30)
    }
    return value
  }

  // MARK: Names

  private static func entity(for place: Place, spec: GeoNamesSource) -> EntityRule? {
    let location = FileLocation(path: spec.displayPath, line: place.line, column: 1)
    var seen: Set<String> = []
    var aliases: [AliasRule] = []
    var name = place.names[0]
    guard !name.isEmpty else { return nil }
    let nameKept = keeps(name, isAlternate: false, place: place, filters: spec.filters)
    for (k, text) in place.names.enumerated() where k > 0 && !text.isEmpty && text.count <= 512 {
      guard seen.insert(text).inserted, text != name else { continue }
      if keeps(text, isAlternate: k > 1, place: place, filters: spec.filters) {
        aliases.append(AliasRule(text: text, match: Script.isLatin(text) ? nil : .folded, location: location))
      }
    }
    if !nameKept {
      // The bare name is a common word (or too short a name for so small a place): the
      // canonical name gets the country, so that only the aliases that passed can match.
      name = "\(name) (\(place.country))"
    }
    return EntityRule(
      id: "geonames/\(place.id)", type: spec.type, name: name, aliases: aliases,
      attributes: [
        .init(key: "country", value: place.country), .init(key: "feature", value: place.featureCode),
        .init(key: "population", value: String(place.population)),
      ],
      location: spec.location, nameLocation: location)
  }

  /// Whether a name passes the name filters for this place.
  static func keeps(_ text: String, isAlternate: Bool, place: Place, filters: GeoNamesSource.Filters) -> Bool {
    var hasUpper = false
    var hasCased = false
    var oneWord = true
    var length = 0
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        // ASCII, most of GeoNames: no Unicode property lookups.
        switch scalar.value {
        case 0x41...0x5A: hasUpper = true; hasCased = true
        case 0x61...0x7A: hasCased = true
        case 0x20, 0x2D, 0x27: oneWord = false
        default: break
        }
        length += 1
        continue
      }
      let p = scalar.properties
      if p.isUppercase || p.generalCategory == .titlecaseLetter { hasUpper = true }
      if p.changesWhenCaseMapped { hasCased = true }
      if scalar == " " || scalar == "-" || scalar == "'" || scalar == "\u{2019}" { oneWord = false }
      // An ideograph, kana or hangul carries as much as a short Latin word.
      length += (0x2E80...0xD7AF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) ? 3 : 1
    }
    if isAlternate {
      if place.population < filters.alternatesMinPopulation { return false }
      if hasCased && !hasUpper && !filters.lowercaseAlternates { return false }
      if length < filters.minAlternateLength && place.population < filters.shortAlternatesMinPopulation { return false }
    }
    if oneWord {
      // Capitals keep their one-word names however small ("Vaduz", "Apia").
      if place.population < filters.singleWordMinPopulation && place.featureCode != "PPLC" { return false }
      // A big place keeps its own name ("Lima", "Nice" at a million people), never an
      // alternate name that is a common word (Greek "Τα" for Dazhou).
      if isAlternate || place.population < filters.commonWordMinPopulation, !filters.commonWords.isEmpty,
        filters.commonWords.contains(commonWordKey(text))
      {
        return false
      }
    }
    return true
  }

  /// Lowercase without accents, the form common words are compared in: "Ūn" is "un",
  /// "Comé" is "come".
  static func commonWordKey(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}

/// Which names are written in Latin letters.
///
/// Generated aliases in other scripts match `folded`, in their own script only: `loose`
/// transliterates them, and the Latin spelling of an Arabic, Thai or Hindi name of some town
/// is often an English word ("part", "we", "media"), which no capitalization guard protects
/// since those scripts have no capitals.
public enum Script {
  /// True when every letter of `text` is a Latin letter (digits and punctuation ignored).
  public static func isLatin(_ text: String) -> Bool {
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      guard scalar.properties.isAlphabetic else { continue }
      switch scalar.value {
      case 0x00C0...0x02AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF5A: continue
      case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF: continue  // combining marks
      default: return false
      }
    }
    return true
  }
}
