import Testing
@testable import Output

@Suite struct JSONLineTests {
  struct EscapeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var value: String
    var json: String
    var testDescription: String { name }
  }

  static let cases: [EscapeCase] = [
    EscapeCase(name: "plain ASCII", value: "Peru", json: #""Peru""#),
    EscapeCase(name: "quote and backslash", value: #"a "b" \c"#, json: #""a \"b\" \\c""#),
    EscapeCase(name: "newline, tab, CR", value: "a\nb\tc\rd", json: #""a\nb\tc\rd""#),
    EscapeCase(name: "other control characters", value: "\u{1}\u{1F}", json: #""\u0001\u001f""#),
    EscapeCase(name: "non-ASCII stays UTF-8", value: "Perú Перу 秘鲁 🌎", json: "\"Perú Перу 秘鲁 🌎\""),
    EscapeCase(name: "slash is not escaped", value: "rules/a.yaml:3", json: #""rules/a.yaml:3""#),
  ]

  @Test(arguments: cases)
  func escapes(_ c: EscapeCase) {
    var out: [UInt8] = []
    JSONLine.appendString(c.value, to: &out)
    #expect(String(decoding: out, as: UTF8.self) == c.json)
  }

  @Test func keysKeepInsertionOrder() {
    var line = JSONLine()
    line.add("z", "last?")
    line.add("a", 3)
    line.add("list", ["x", "y"])
    line.add("attributes", object: [("k", "v")])
    #expect(String(decoding: line.finished(), as: UTF8.self) == #"{"z":"last?","a":3,"list":["x","y"],"attributes":{"k":"v"}}"# + "\n")
  }

  @Test func emptyObjectAndList() {
    var line = JSONLine()
    line.add("documents", [String]())
    #expect(String(decoding: line.finished(), as: UTF8.self) == "{\"documents\":[]}\n")
    #expect(String(decoding: JSONLine().finished(), as: UTF8.self) == "{}\n")
  }
}
