import Foundation
import Normalization

/// The countries pack: every ISO 3166-1 region named in every locale of ICU's CLDR data.
///
/// Precision rules, applied when the pack is generated (the generated file says which names
/// were dropped and why, so a reviewer sees them in the diff):
/// - A name that two countries share in some locales goes to the one that more languages
///   call by it, when it has at least twice the languages of the next; otherwise to neither.
/// - A one-word name that is a common word of a language with a word list (`common`: English,
///   Spanish, French, Italian, Portuguese, German) is dropped, unless it is the country's
///   English name or its name in one of those languages ("China", "Chad", Spanish "Chile",
///   German "Australien" stay; "Gris", "Cine", "Maio" go).
/// - A one-word name of at most 4 letters in a cased script ("Ira", "Poo", "Kana") must be
///   used by at least 3 languages, or be the English name.
/// - A name written in lowercase ("katá") is dropped; a Chinese name gets its other form
///   (simplified or traditional) beside it.
struct CountryPack {
  struct Country {
    var code: String
    var name: String
    /// Alias text → the languages (locale language codes) that use it, sorted.
    var aliases: [(text: String, languages: [String])]
    /// Names left out, with why.
    var dropped: [(text: String, reason: String)]
  }

  var icuVersion: String
  var cldrVersion: String
  var countries: [Country]

  /// Reads the names from the system ICU.
  static func build(common: [String: CommonWords], normalizer: Normalizer) -> CountryPack {
    let (icu, cldr) = LocaleData.versions
    let locales = LocaleData.locales
    // code → text → languages
    var names: [String: [String: Set<String>]] = [:]
    var english: [String: String] = [:]
    let han = try? HanVariants()
    for code in LocaleData.regions {
      guard let en = LocaleData.displayName(of: code, in: "en") else { continue }
      english[code] = en
      for locale in locales {
        guard let name = LocaleData.displayName(of: code, in: locale) else { continue }
        let language = String(locale.prefix { $0 != "_" })
        let text = name.precomposedStringWithCanonicalMapping
        for form in [text] + (han?.variants(of: text) ?? []) {
          names[code, default: [:]][form, default: []].insert(language)
        }
      }
    }

    // Loose key → code → languages, to settle names that two countries share.
    func key(_ text: String) -> String {
      let doc = normalizer.document(text: text)
      return doc.tokens.map { normalizer.lexicon.string($0.keys.loose) }.joined(separator: " ")
    }
    var byKey: [String: [String: Set<String>]] = [:]
    var keyOf: [String: String] = [:]
    for (code, texts) in names {
      for (text, languages) in texts {
        let k = keyOf[text] ?? key(text)
        keyOf[text] = k
        byKey[k, default: [:]][code, default: []].formUnion(languages)
      }
    }

    var countries: [Country] = []
    for code in names.keys.sorted(by: bytewise) {
      let name = english[code]!
      var country = Country(code: code, name: name, aliases: [], dropped: [])
      for (text, languages) in names[code]!.sorted(by: { bytewise($0.key, $1.key) }) {
        let k = keyOf[text]!
        let owners = byKey[k]!
        if owners.count > 1 {
          let ranked = owners.map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
          guard ranked[0].0 == code, ranked[0].1 >= 2 * ranked[1].1 else {
            let others = owners.keys.filter { $0 != code }.sorted(by: bytewise).joined(separator: ", ")
            country.dropped.append((text, "shared with \(others)"))
            continue
          }
        }
        if NameForms.isLowercaseOnly(text) {
          country.dropped.append((text, "lowercase"))
          continue
        }
        let doc = normalizer.document(text: text)
        let words = doc.tokens.filter(\.isWordLike)
        if words.isEmpty {
          country.dropped.append((text, "no word"))
          continue
        }
        if words.count == 1, text != name {
          let word = normalizer.lexicon.string(words[0].keys.folded)
          // The name in a language with a word list is what that language's readers write:
          // German "Australien" stays though French "australien" is an adjective.
          let major = languages.contains("en") || languages.contains { common[$0] != nil }
          if !major, let language = common.keys.sorted(by: bytewise).first(where: { common[$0]!.contains(word) }) {
            country.dropped.append((text, "common word in \(language)"))
            continue
          }
          if words[0].shape.contains(.hasUpper) && text.count <= 4 && languages.count < 3 {
            country.dropped.append((text, "short, in fewer than 3 languages"))
            continue
          }
        }
        if text != name { country.aliases.append((text, languages.sorted(by: bytewise))) }
      }
      countries.append(country)
    }
    return CountryPack(icuVersion: icu, cldrVersion: cldr, countries: countries)
  }

  /// The pack as a rule file.
  func yaml() -> String {
    let out = """
      # Countries and territories: every ISO 3166-1 region, named in every locale of the
      # system ICU \(icuVersion) (CLDR \(cldrVersion)); ids are country/<ISO code>.
      # GENERATED by tools/packs/regenerate (quipu-packs countries): do not edit. Add reviewed
      # aliases and names in countries-extra.yaml. Data: Unicode CLDR, Unicode License v3.
      # Each alias lists, in a comment, the languages whose CLDR locales use it.
      precedence: -10
      entities:

      """
    return out
      + YAMLText.entities(
        countries.map { country in
          PackEntity(
            id: "country/\(country.code.lowercased())", name: country.name, aliases: country.aliases,
            dropped: country.dropped, attributes: [("iso3166", country.code)])
        })
  }
}
