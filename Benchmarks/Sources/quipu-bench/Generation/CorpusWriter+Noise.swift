import Foundation

/// Numbers, dates and the noise of scraped text: URLs, handles, tweet ids, accents dropped.
extension CorpusWriter {
  mutating func number(_ language: Language) -> String {
    let n = random.chance(0.5) ? random.int(in: 2...99) : random.int(in: 100...250_000)
    guard n >= 1000 else { return String(n) }
    let head = String(n / 1000), tail = String(format: "%03d", n % 1000)
    switch language {
    case .en: return head + "," + tail
    case .es, .pt: return head + "." + tail
    case .ru: return head + "\u{00A0}" + tail  // a no-break space groups thousands in Russian
    case .zh: return String(n)
    }
  }

  mutating func percent(_ language: Language) -> String {
    let whole = random.int(in: 0...40), tenth = random.int(in: 0...9)
    switch language {
    case .en, .zh: return "\(whole).\(tenth)%"
    case .es: return "\(whole),\(tenth)\u{00A0}%"
    case .pt: return "\(whole),\(tenth)%"
    case .ru: return "\(whole),\(tenth)\u{00A0}%"
    }
  }

  mutating func date(_ language: Language) -> String {
    let day = random.int(in: 1...28)
    let month = random.pick(Templates.months[language]!)
    switch language {
    case .en: return "\(month) \(day)"
    case .es, .pt: return "\(day) de \(month)"
    case .ru: return "\(day)\u{00A0}\(month)"
    case .zh: return "\(month)\(day)日"
    }
  }

  func readMore(_ language: Language) -> String {
    switch language {
    case .en: "Read more:"
    case .es: "Lea más:"
    case .pt: "Leia mais:"
    case .ru: "Подробнее:"
    case .zh: "详情："
    }
  }

  mutating func followUs(_ language: Language) -> String {
    let handle = "@" + handle()
    switch language {
    case .en: return "Follow us on X: \(handle) 📢"
    case .es: return "Síguenos en X: \(handle) 📢"
    case .pt: return "Siga-nos no X: \(handle) 📢"
    case .ru: return "Подписывайтесь: \(handle) 📢"
    case .zh: return "关注我们：\(handle) 📢"
    }
  }

  mutating func url() -> String {
    let site = random.pick(Self.sites)
    let slug = (0..<random.int(in: 2...6)).map { _ in Self.strippingAccents(tailWords[.en]![random.below(2000)]) }.joined(separator: "-")
    let query = random.chance(0.3) ? "?utm_source=twitter&id=\(random.int(in: 1000...999_999))" : ""
    return "https://\(site)/2024/\(String(format: "%02d", random.int(in: 1...12)))/\(slug)\(query)"
  }

  mutating func handle() -> String {
    Self.strippingAccents(tailWords[.en]![random.skewed(5000)]) + (random.chance(0.4) ? "_" + String(random.int(in: 1...999)) : "")
  }

  mutating func token(_ length: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<length).map { _ in random.pick(alphabet) })
  }

  static func roughWordCount(_ text: String) -> Int {
    var words = 0, han = 0, inWord = false
    for scalar in text.unicodeScalars {
      if (0x4E00...0x9FFF).contains(scalar.value) {
        han += 1
        inWord = false
      } else if scalar.properties.isWhitespace || scalar == "\u{200B}" {
        inWord = false
      } else if !inWord {
        words += 1
        inWord = true
      }
    }
    return words + (han + 1) / 2
  }

  /// 10^x for x in [0, 1], by a Taylor series of exp: only + and ×, which IEEE 754 rounds
  /// the same everywhere (libm's exp may differ by an ulp between machines).
  static func tenToThe(_ x: Double) -> Double {
    let y = x * 2.302585092994046
    var term = 1.0, sum = 1.0
    for n in 1...30 {
      term = term * y / Double(n)
      sum += term
    }
    return sum
  }

  static func strippingAccents(_ text: String) -> String {
    let table: [Character: Character] = [
      "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ã": "a", "õ": "o", "ê": "e", "â": "a", "ü": "u", "ô": "o",
      "ñ": "n", "ç": "c", "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U", "Ñ": "N", "ё": "е", "Ã": "A", "Õ": "O",
      "Ê": "E", "Â": "A", "Ü": "U", "Ô": "O",
    ]
    return String(text.map { table[$0] ?? $0 })
  }
}
