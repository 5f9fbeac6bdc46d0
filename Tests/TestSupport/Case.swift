/// One row of a table-driven test: a named input (rule YAML, document text, or both) and the
/// expected lines, in order (mentions as "surface text → entity id", or diagnostics, as the
/// suite's check prints them). Suites whose rows have another shape keep their own `Case`.
///
///     @Test(arguments: [Case(name: "possessive", text: "Boluarte's decision", expected: [...])])
public struct Case: Sendable, CustomStringConvertible {
  public var name: String
  public var yaml: String
  public var text: String
  public var expected: [String]

  public init(name: String, yaml: String = "", text: String = "", expected: [String]) {
    self.name = name
    self.yaml = yaml
    self.text = text
    self.expected = expected
  }

  /// How Swift Testing names the row (it falls back to `description`).
  public var description: String { name }
}
