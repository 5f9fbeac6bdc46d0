import Foundation
import Normalization

/// The regions pack: first-level subdivisions of every country (ISO 3166-2 entries without a
/// parent), from Debian's iso-codes, with the translations of its gettext catalogues.
///
/// Ids are `region/<code>` in lowercase (`region/pe-jun`). The name is English (one display
/// language for every region): CLDR's English subdivision name (`common/subdivisions/en.xml`,
/// Debian's unicode-cldr-core: "Lower Saxony", "Moscow", "Tel Aviv District"), else the English
/// catalogue's translation ("Bavaria"), else the ISO name as iso-codes gives it, which is often a
/// local romanization ("Niedersachsen", "Moskva", "Tall Abīb") and stays an alias. Precision
/// rules:
/// - A one-word name that is a frequent English word ("Central", "Eastern") is not matched
///   alone: the entity's name becomes "<name>
///   <type>" ("Central Region") and the bare word is dropped.
/// - A one-word Latin name of at most 3 letters ("Ig") becomes an `exact` alias of "<name>
///   <type>".
/// - A translation is dropped when it is a frequent word of any language with a list
///   (`common-words/<lang>.txt`), or written in lowercase; a translation equal to the name is
///   not repeated; a Chinese one gets its other form (simplified or traditional).
struct SubdivisionPack {
  struct Subdivision {
    var code: String
    var type: String
    var name: String
    var aliases: [(text: String, languages: [String])]
    var dropped: [(text: String, reason: String)]
  }

  var isoCodesVersion: String
  var cldrVersion: String
  var subdivisions: [Subdivision]

  static func build(
    isoCodes: String, localeDirectory: String, cldrSubdivisions: String, common: [String: CommonWords],
    normalizer: Normalizer
  ) throws -> SubdivisionPack {
    let english = try Self.cldrNames(contentsOf: cldrSubdivisions)
    let jsonURL = URL(fileURLWithPath: isoCodes).appendingPathComponent("json/iso_3166-2.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL)) as? [String: Any]
    guard let entries = json?["3166-2"] as? [[String: String]] else {
      throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: jsonURL.path])
    }
    // Locale folder name → catalogue.
    var catalogues: [(locale: String, mo: MOFile)] = []
    let fm = FileManager.default
    for locale in try fm.contentsOfDirectory(atPath: localeDirectory).sorted(by: bytewise) {
      let path = "\(localeDirectory)/\(locale)/LC_MESSAGES/iso_3166-2.mo"
      guard let data = fm.contents(atPath: path) else { continue }
      catalogues.append((locale, try MOFile(bytes: [UInt8](data))))
    }

    // A one-word ISO name (the local name) is checked against the common words of English
    // only (Title Case headlines capitalize every word): Spanish "córdoba" is a currency, but
    // the province is what Spanish text means by "Córdoba". A translation is checked against
    // every language: Esperanto's "Centro" for Burkina Faso's Centre would fire in Spanish.
    func isCommon(_ text: String, anyLanguage: Bool = false) -> String? {
      let words = normalizer.document(text: text).tokens.filter(\.isWordLike)
      guard words.count == 1 else { return nil }
      let word = normalizer.lexicon.string(words[0].keys.folded)
      let languages = anyLanguage ? common.keys.sorted(by: bytewise) : ["en"]
      return languages.first { common[$0]?.contains(word) == true }
    }

    let han = try? HanVariants()
    let englishCatalogue = catalogues.first { $0.locale == "en" }?.mo
    var result: [Subdivision] = []
    for entry in entries where entry["parent"] == nil {
      guard let code = entry["code"], let isoName = entry["name"] else { continue }
      let type = entry["type"] ?? "Region"
      let cldrKey = code.lowercased().replacingOccurrences(of: "-", with: "")
      let englishName =
        (english[cldrKey] ?? englishCatalogue?.translations[isoName])
        .map { $0.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) }
        .flatMap { $0.isEmpty ? nil : $0 } ?? isoName
      var item = Subdivision(code: code, type: type, name: englishName, aliases: [], dropped: [])
      if Self.typeInName.contains(type), !englishName.lowercased().contains(type.lowercased()) {
        // "Hualien County", "Aswan Governorate", "Aomori Prefecture": English names these with
        // their type (the bare name is mostly the city), and so do English Wikipedia's titles.
        item.name = "\(englishName) \(type)"
        if let language = isCommon(englishName, anyLanguage: englishName != isoName) {
          item.dropped.append((englishName, "common word in \(language)"))
        } else {
          item.aliases.append((englishName, []))
        }
      } else if let language = isCommon(englishName, anyLanguage: englishName != isoName) {
        // An English name that is not the ISO name is a translation: checked against every
        // language, like the catalogues' ("Roja" for Latvia's Rojas novads is Spanish "roja").
        item.name = "\(englishName) \(type)"
        item.dropped.append((englishName, "common word in \(language)"))
      } else if NameForms.isShortWord(englishName) {
        // "Ig" as a name would match "IG" (names match loosely): the bare name becomes an
        // exact alias of "Ig Municipality".
        item.name = "\(englishName) \(type)"
        item.aliases.append((englishName, []))
      }
      if isoName != englishName {
        // The ISO name, a local form, stays an alias (with the same precision rules).
        if let language = isCommon(isoName) {
          item.dropped.append((isoName, "common word in \(language)"))
        } else if NameForms.isShortWord(isoName) {
          if !item.aliases.contains(where: { $0.text == isoName }) { item.aliases.append((isoName, [])) }
        } else if isoName != item.name {
          item.aliases.append((isoName, []))
        }
      }
      var texts: [String: Set<String>] = [:]
      for (locale, mo) in catalogues {
        guard let translated = mo.translations[isoName] else { continue }
        let text = translated.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { continue }
        for form in [text] + (han?.variants(of: text) ?? []) {
          texts[form, default: []].insert(String(locale.prefix { $0 != "_" && $0 != "@" }))
        }
      }
      for (text, languages) in texts.sorted(by: { bytewise($0.key, $1.key) })
      where text != item.name && text != isoName && !item.aliases.contains(where: { $0.text == text }) {
        if NameForms.isLowercaseOnly(text) {
          item.dropped.append((text, "lowercase"))
          continue
        }
        if let language = isCommon(text, anyLanguage: true) {
          item.dropped.append((text, "common word in \(language)"))
          continue
        }
        item.aliases.append((text, languages.sorted(by: bytewise)))
      }
      result.append(item)
    }
    result.sort { bytewise($0.code, $1.code) }
    return SubdivisionPack(
      isoCodesVersion: Self.version(package: "iso-codes"), cldrVersion: Self.version(package: "unicode-cldr-core"),
      subdivisions: result)
  }

  /// ISO subdivision types that an English name carries after the name.
  static let typeInName: Set<String> = ["County", "Governorate", "Prefecture"]

  /// CLDR's subdivision names of one language (`common/subdivisions/<lang>.xml`), by CLDR's
  /// key: the ISO 3166-2 code in lowercase without the hyphen ("pelim" for PE-LIM).
  static func cldrNames(contentsOf path: String) throws -> [String: String] {
    let xml = try String(contentsOfFile: path, encoding: .utf8)
    var names: [String: String] = [:]
    for line in xml.split(separator: "\n") {
      guard let open = line.range(of: "<subdivision type=\""), let close = line.range(of: "</subdivision>") else { continue }
      let rest = line[open.upperBound...]
      guard let quote = rest.firstIndex(of: "\""), let end = rest.firstIndex(of: ">"), end < close.lowerBound else { continue }
      let key = String(rest[..<quote])
      if rest[quote..<end].contains("alt=") { continue }  // variants ("short"): the main name only
      let text = String(line[line.index(after: end)..<close.lowerBound])
        .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
      names[key] = text
    }
    return names
  }

  /// An installed Debian package's version, from the package database when it is there.
  static func version(package: String) -> String {
    let status = (try? String(contentsOfFile: "/var/lib/dpkg/status", encoding: .utf8)) ?? ""
    guard let range = status.range(of: "Package: \(package)\n") else { return "unknown" }
    for line in status[range.upperBound...].split(separator: "\n") {
      if line.isEmpty { break }
      if line.hasPrefix("Version: ") { return String(line.dropFirst(9)) }
    }
    return "unknown"
  }

  func yaml() -> String {
    let out = """
      # First-level subdivisions of every country (ISO 3166-2 entries without a parent), from
      # Debian's iso-codes \(isoCodesVersion) (LGPL-2.1+), names translated by its gettext
      # catalogues; ids are region/<ISO 3166-2 code>. Names are English: Unicode CLDR's
      # subdivision names (Debian's unicode-cldr-core \(cldrVersion), Unicode License), else the
      # English catalogue's, else the ISO name; the ISO name (often a local form) stays an alias.
      # GENERATED by tools/packs/regenerate (quipu-packs regions): do not edit. Add reviewed
      # names and aliases in regions-extra.yaml.
      # Each alias lists, in a comment, the languages whose catalogues use it.
      precedence: -20
      entities:

      """
    return out
      + YAMLText.entities(
        subdivisions.map { item in
          PackEntity(
            id: "region/\(item.code.lowercased())", name: item.name, aliases: item.aliases, dropped: item.dropped,
            attributes: [
              ("country", String(item.code.prefix(2))), ("iso3166-2", item.code),
              ("subdivision", YAMLText.scalar(item.type)),
            ])
        })
  }
}
