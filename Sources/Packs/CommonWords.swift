import Foundation

/// A set of common words, one per line in a plain text file (`#` starts a comment line).
///
/// The lists under `rules/reference/common-words/` hold lowercase words: a place name equal
/// to one of them ("Police", "Man", "Of", "Nice") is a word before it is a place.
struct CommonWords {
  var words: Set<String> = []

  init(words: Set<String> = []) { self.words = words }

  init(contentsOf path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let word = line.trimmingCharacters(in: .whitespaces)
      if !word.isEmpty { words.insert(word) }
    }
  }

  func contains(_ word: String) -> Bool { words.contains(word) }

  /// The lowercase entries of a spelling dictionary (Debian's `wamerican` and friends):
  /// words written in lowercase are common words; proper nouns are listed capitalized
  /// ("Boston", "Peru") and are left out. Entries with an apostrophe ("man's") are skipped.
  static func fromDictionary(_ text: String) -> [String] {
    var out: Set<String> = []
    for line in text.split(separator: "\n") {
      let word = String(line)
      guard !word.isEmpty, !word.contains("'"), word == word.lowercased(),
        word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
      else { continue }
      out.insert(word)
    }
    return out.sorted(by: bytewise)
  }
}
