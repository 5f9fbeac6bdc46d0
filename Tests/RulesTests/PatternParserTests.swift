import Testing
@testable import Rules

@Suite struct PatternParserTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var source: String
    var expected: PatternNode
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "shape", source: "Cap", expected: .test(.shape(.cap), offset: 0)),
    Case(name: "literal with mode", source: #""US":exact"#, expected: .literal("US", .exact, offset: 0)),
    Case(name: "list", source: "@en.title", expected: .list("en.title", offset: 0)),
    Case(name: "entity type", source: "PLACE", expected: .entity("PLACE", offset: 0)),
    Case(name: "any token", source: ".", expected: .test(.any, offset: 0)),
    Case(
      name: "conjunction with negation", source: "[Cap & !@stop]",
      expected: .test(.all([.shape(.cap), .not(.inList("stop", offset: 8))]), offset: 0)),
    Case(name: "regex", source: #"/@\w+/"#, expected: .test(.regex(#"@\w+"#, offset: 1), offset: 0)),
    Case(name: "script", source: "script=Cyrl", expected: .test(.script("Cyrl", offset: 0), offset: 0)),
    Case(
      name: "quantifiers", source: "Cap? Num* Upper+ Word{2,3} Lower{2,} Punct{4}",
      expected: .sequence([
        .repetition(.test(.shape(.cap), offset: 0), min: 0, max: 1, offset: 3),
        .repetition(.test(.shape(.number), offset: 5), min: 0, max: nil, offset: 8),
        .repetition(.test(.shape(.upper), offset: 10), min: 1, max: nil, offset: 15),
        .repetition(.test(.shape(.word), offset: 17), min: 2, max: 3, offset: 21),
        .repetition(.test(.shape(.lower), offset: 27), min: 2, max: nil, offset: 32),
        .repetition(.test(.shape(.punctuation), offset: 37), min: 4, max: 4, offset: 42),
      ])),
    Case(
      name: "group, alternation and captures", source: #"(Cap | "x") <Cap> <alias: Upper>"#,
      expected: .sequence([
        .alternation([.test(.shape(.cap), offset: 1), .literal("x", nil, offset: 7)]),
        .capture(nil, .test(.shape(.cap), offset: 13), offset: 12),
        .capture("alias", .test(.shape(.upper), offset: 26), offset: 18),
      ])),
  ]

  @Test(arguments: cases)
  func parses(_ c: Case) throws {
    #expect(try PatternParser.parse(c.source) == c.expected)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var offset: Int
    var message: String
    var testDescription: String { source }
  }

  static let errors: [ErrorCase] = [
    ErrorCase(source: "", offset: 0, message: "the pattern is empty"),
    ErrorCase(source: "(Cap", offset: 0, message: "'(' is never closed"),
    ErrorCase(source: "Cap)", offset: 3, message: "unmatched ')'"),
    ErrorCase(source: "<Cap", offset: 0, message: "'<' is never closed"),
    ErrorCase(source: "[Cap & ", offset: 7, message: "expected a token test"),
    ErrorCase(source: "Capital", offset: 0, message: "unknown word shape 'Capital'"),
    ErrorCase(source: "Cap{3,1}", offset: 3, message: "the maximum is below the minimum"),
    ErrorCase(source: "Cap{99}", offset: 3, message: "repetition counts go up to 50"),
    ErrorCase(source: #""unclosed"#, offset: 0, message: "literal is never closed"),
    ErrorCase(source: "/a(/", offset: 0, message: ""),  // a regex error is found at compile time, not here
    ErrorCase(source: "@", offset: 1, message: "expected a list name"),
    ErrorCase(source: "Cap | ", offset: 6, message: "expected a token test, a list, a literal or a group"),
  ]

  @Test(arguments: errors)
  func reportsWhere(_ c: ErrorCase) {
    if c.message.isEmpty {
      #expect(throws: Never.self) { try PatternParser.parse(c.source) }
      return
    }
    do {
      _ = try PatternParser.parse(c.source)
      Issue.record("expected an error")
    } catch {
      #expect(error.offset == c.offset)
      #expect(error.message.contains(c.message), "\(error.message)")
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let source = String(repeating: "(", count: 1000) + "Cap" + String(repeating: ")", count: 1000)
    #expect(throws: PatternSyntaxError.self) { try PatternParser.parse(source) }
  }
}
