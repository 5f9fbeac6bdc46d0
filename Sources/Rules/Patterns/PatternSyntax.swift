import Foundation

/// The pattern language: a regular expression over tokens.
///
/// ```
/// pattern     := alternation
/// alternation := sequence ('|' sequence)*
/// sequence    := item+
/// item        := primary quantifier?          quantifier: ? * + {n} {n,} {n,m}
/// primary     := '(' alternation ')'          a group
///              | '<' (name ':')? alternation '>'   a capture: the mention, or a named part
///              | '[' test ('&' test)* ']'     one token passing every test
///              | TYPE                         a span the gazetteer found, e.g. PLACE
///              | '@' list                     one entry of a word list (entries may be phrases)
///              | '"' words '"' (':' mode)?    literal words, e.g. "Prime Minister"
///              | '$' name                     a definition (`define:`), expanded in place
///              | test                         one token passing the test
/// test        := '!'? ( shape | 'script=' Xxxx | '/' regex '/' | '.' | '@' list | '"' word '"'
///                     | '$' name )            (a definition that is one token test)
/// shape       := Cap | Title | Upper | Lower | Alpha | Word | Num | Punct | Sym | Start
/// ```
///
/// Captures: `<…>` is the mention (without one, the whole match is); `<alias: …>` is another
/// name of the same entity, which then counts wherever it recurs in the document (acronyms);
/// `<NAME: …>` with any other name stores the text as an attribute of the entity (a handle).
/// A capture inside a repetition yields one mention per repetition (enumerations).
indirect enum PatternNode: Hashable, Sendable {
  case test(TokenTest, offset: Int)
  /// Literal words, tokenized like an alias; several tokens become a sequence.
  case literal(String, MatchMode?, offset: Int)
  /// One entry of a word list, possibly several tokens long.
  case list(String, offset: Int)
  /// A span already found by the gazetteer with this type.
  case entity(String, offset: Int)
  case sequence([PatternNode])
  case alternation([PatternNode])
  case repetition(PatternNode, min: Int, max: Int?, offset: Int)
  case capture(String?, PatternNode, offset: Int)
  /// `$name`: a definition, replaced by its body before compilation (PatternDefinitions.swift).
  case reference(String, offset: Int)
}

/// A test on one token.
indirect enum TokenTest: Hashable, Sendable {
  case literal(String, MatchMode?, offset: Int)
  case inList(String, offset: Int)
  case shape(TokenShapeTest)
  case script(String, offset: Int)
  case regex(String, offset: Int)
  case any
  case not(TokenTest)
  case all([TokenTest])
  /// `$name` inside `[ ]` or after `!`: a definition whose body is one token test.
  case reference(String, offset: Int)
}

/// Word shapes a pattern can ask for.
public enum TokenShapeTest: String, Hashable, Sendable, CaseIterable {
  /// First letter uppercase: "Peru", "EEUU", "McDonald".
  case cap = "Cap"
  /// First letter uppercase, some lowercase: "Peru", "McDonald"; not "EEUU".
  case title = "Title"
  /// Letters, none lowercase: "EEUU", "CGTP", "U.S.".
  case upper = "Upper"
  /// Letters, none uppercase: "peru".
  case lower = "Lower"
  /// Only letters (and marks), no digits or symbols: "Perú", "秘鲁".
  case alpha = "Alpha"
  /// A word, number or ideograph (not punctuation or a symbol).
  case word = "Word"
  /// A number: "2023", "1.5".
  case number = "Num"
  /// A punctuation mark.
  case punctuation = "Punct"
  /// A symbol or emoji.
  case symbol = "Sym"
  /// The first token of a sentence (so `[Cap & !Start]` is a capital that is not just the
  /// sentence's first letter).
  case start = "Start"
}

/// A syntax error at a character offset of the pattern.
struct PatternSyntaxError: Error, Hashable, Sendable {
  var offset: Int
  var message: String
}

/// Parses pattern source into a ``PatternNode`` tree (recursive descent).
struct PatternParser {
  /// Deepest nesting of groups accepted: deeper is surely a mistake, and recursion must stay bounded.
  static let maxDepth = 32

  private let chars: [Character]
  private var at = 0
  private var depth = 0

  init(_ source: String) { chars = Array(source) }

  static func parse(_ source: String) throws(PatternSyntaxError) -> PatternNode {
    var parser = PatternParser(source)
    parser.skipSpace()
    guard !parser.atEnd else { throw PatternSyntaxError(offset: 0, message: "the pattern is empty") }
    let node = try parser.alternation()
    parser.skipSpace()
    if !parser.atEnd {
      throw parser.error(parser.peek == ")" || parser.peek == ">" ? "unmatched '\(parser.peek!)'" : "unexpected '\(parser.peek!)'")
    }
    return node
  }

  // MARK: Grammar

  private mutating func alternation() throws(PatternSyntaxError) -> PatternNode {
    var branches = [try sequence()]
    while consume("|") { branches.append(try sequence()) }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func sequence() throws(PatternSyntaxError) -> PatternNode {
    var items: [PatternNode] = []
    while true {
      skipSpace()
      guard let c = peek, c != "|", c != ")", c != ">" else { break }
      items.append(try item())
    }
    guard !items.isEmpty else { throw error("expected a token test, a list, a literal or a group here") }
    return items.count == 1 ? items[0] : .sequence(items)
  }

  private mutating func item() throws(PatternSyntaxError) -> PatternNode {
    let primary = try self.primary()
    skipSpace()
    let start = at
    switch peek {
    case "?": at += 1; return .repetition(primary, min: 0, max: 1, offset: start)
    case "*": at += 1; return .repetition(primary, min: 0, max: nil, offset: start)
    case "+": at += 1; return .repetition(primary, min: 1, max: nil, offset: start)
    case "{":
      at += 1
      let min = try number()
      var max: Int? = min
      if consume(",") {
        skipSpace()
        max = peek == "}" ? nil : try number()
      }
      guard consume("}") else { throw error("expected '}' to close the repetition") }
      if let max, max < min { throw PatternSyntaxError(offset: start, message: "{\(min),\(max)}: the maximum is below the minimum") }
      if (max ?? min) > 50 { throw PatternSyntaxError(offset: start, message: "repetition counts go up to 50") }
      return .repetition(primary, min: min, max: max, offset: start)
    default:
      return primary
    }
  }

  private mutating func primary() throws(PatternSyntaxError) -> PatternNode {
    skipSpace()
    let start = at
    guard let c = peek else { throw error("the pattern ends too early") }
    switch c {
    case "(":
      at += 1
      let inner = try nested { (p: inout PatternParser) throws(PatternSyntaxError) in try p.alternation() }
      guard consume(")") else { throw PatternSyntaxError(offset: start, message: "'(' is never closed") }
      return inner
    case "<":
      at += 1
      skipSpace()
      var name: String?
      let save = at
      let word = identifier()
      skipSpace()
      if !word.isEmpty, consume(":") { name = word } else { at = save }
      let inner = try nested { (p: inout PatternParser) throws(PatternSyntaxError) in try p.alternation() }
      guard consume(">") else { throw PatternSyntaxError(offset: start, message: "'<' is never closed") }
      return .capture(name, inner, offset: start)
    case "[":
      at += 1
      var tests = [try test()]
      while consume("&") { tests.append(try test()) }
      guard consume("]") else { throw PatternSyntaxError(offset: start, message: "'[' is never closed (or expected '&')") }
      return .test(tests.count == 1 ? tests[0] : .all(tests), offset: start)
    case "@":
      at += 1
      let name = listName()
      guard !name.isEmpty else { throw error("expected a list name after '@'") }
      return .list(name, offset: start)
    case "$":
      return .reference(try definitionName(), offset: start)
    case "\"":
      let (text, mode) = try literal()
      return .literal(text, mode, offset: start)
    default:
      if c.isUppercase, let type = entityType() { return .entity(type, offset: start) }
      return .test(try test(), offset: start)
    }
  }

  private mutating func test() throws(PatternSyntaxError) -> TokenTest {
    skipSpace()
    let start = at
    guard let c = peek else { throw error("expected a token test") }
    switch c {
    case "!":
      at += 1
      return .not(try test())
    case ".":
      at += 1
      return .any
    case "@":
      at += 1
      let name = listName()
      guard !name.isEmpty else { throw error("expected a list name after '@'") }
      return .inList(name, offset: start)
    case "$":
      return .reference(try definitionName(), offset: start)
    case "\"":
      let (text, mode) = try literal()
      return .literal(text, mode, offset: start)
    case "/":
      at += 1
      var regex = ""
      while let ch = peek, ch != "/" {
        if ch == "\\", at + 1 < chars.count, chars[at + 1] == "/" {
          regex.append("/")
          at += 2
          continue
        }
        regex.append(ch)
        at += 1
      }
      guard consume("/") else { throw PatternSyntaxError(offset: start, message: "'/' regular expression is never closed") }
      return .regex(regex, offset: start + 1)
    default:
      let word = identifier()
      if word == "script", consume("=") {
        let name = identifier()
        guard !name.isEmpty else { throw error("expected a script name like Latn, Cyrl or Hani after 'script='") }
        return .script(name, offset: start)
      }
      if let shape = TokenShapeTest(rawValue: word) { return .shape(shape) }
      at = start
      let shapes = TokenShapeTest.allCases.map(\.rawValue).joined(separator: ", ")
      throw error(
        word.isEmpty
          ? "unexpected '\(c)'"
          : "unknown word shape '\(word)' (shapes: \(shapes); types are written in capitals, literals in quotes)")
    }
  }

  // MARK: Lexical pieces

  private mutating func literal() throws(PatternSyntaxError) -> (String, MatchMode?) {
    let start = at
    at += 1  // opening quote
    var text = ""
    while let ch = peek, ch != "\"" {
      if ch == "\\", at + 1 < chars.count {
        text.append(chars[at + 1])
        at += 2
        continue
      }
      text.append(ch)
      at += 1
    }
    guard consume("\"") else { throw PatternSyntaxError(offset: start, message: "'\"' literal is never closed") }
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw PatternSyntaxError(offset: start, message: "empty literal")
    }
    var mode: MatchMode?
    if peek == ":" {
      at += 1
      let name = identifier()
      guard let m = MatchMode(rawValue: name) else {
        throw error("unknown match mode '\(name)' (expected exact, folded or loose)")
      }
      mode = m
    }
    return (text, mode)
  }

  /// An all-caps word of two or more characters (a type), or nil without moving.
  private mutating func entityType() -> String? {
    let start = at
    let word = identifier()
    if word.count >= 2, word.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }), word.first!.isUppercase {
      return word
    }
    at = start
    return nil
  }

  private mutating func identifier() -> String {
    var word = ""
    while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" {
      word.append(c)
      at += 1
    }
    return word
  }

  private mutating func listName() -> String {
    var word = ""
    while let c = peek, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." {
      word.append(c)
      at += 1
    }
    // A trailing dot ends a sentence-like pattern, not the name.
    while word.hasSuffix(".") {
      word.removeLast()
      at -= 1
    }
    return word
  }

  /// The name after `$`, spelled like a list name.
  private mutating func definitionName() throws(PatternSyntaxError) -> String {
    at += 1
    let name = listName()
    guard !name.isEmpty else { throw error("expected a definition name after '$'") }
    return name
  }

  private mutating func number() throws(PatternSyntaxError) -> Int {
    skipSpace()
    let start = at
    var digits = ""
    while let c = peek, c.isASCII, c.isNumber {
      digits.append(c)
      at += 1
    }
    guard !digits.isEmpty else { throw error("expected a number") }
    guard digits.count <= 3, let n = Int(digits) else {
      throw PatternSyntaxError(offset: start, message: "repetition count \(digits): repetition counts go up to 50")
    }
    return n
  }

  private mutating func nested(
    _ body: (inout PatternParser) throws(PatternSyntaxError) -> PatternNode
  ) throws(PatternSyntaxError) -> PatternNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { throw error("groups nest deeper than \(Self.maxDepth)") }
    return try body(&self)
  }

  private var atEnd: Bool { at >= chars.count }
  private var peek: Character? { at < chars.count ? chars[at] : nil }

  private mutating func skipSpace() {
    while let c = peek, c.isWhitespace { at += 1 }
  }

  private mutating func consume(_ c: Character) -> Bool {
    skipSpace()
    guard peek == c else { return false }
    at += 1
    return true
  }

  private func error(_ message: String) -> PatternSyntaxError {
    PatternSyntaxError(offset: at, message: message)
  }
}
