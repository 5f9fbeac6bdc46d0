import Normalization

/// The `define:` sections of the rule files: named pattern fragments, expanded where a pattern
/// writes `$name`, before compilation (so the matcher never sees a definition).
///
/// Rules:
/// - Names are global, like list names: a definition serves every pattern of every file, in
///   any load order; a second definition of a name is an error.
/// - A definition may use other definitions; a cycle is an error naming it.
/// - A definition whose body is one token test (`[Cap & !@stop]`, `Upper`, `/re/`, a one-word
///   literal; `@list` is not one: its entries may be phrases) may also be used inside `[ ]` and
///   after `!`: `[$name.word & !@month]` is `[Cap & … & !@month]`.
/// - Problems inside a definition are reported inside it, once; a pattern that uses a faulty
///   definition is reported at the `$name`.
struct PatternDefinitions {
  private enum State {
    case parsed(PatternNode)
    case resolving
    case resolved(PatternNode)
    case faulty
  }

  private var definitions: [PatternDefinition] = []
  private var index: [String: Int] = [:]
  private var states: [State] = []
  /// Definitions being expanded, innermost last, to name a cycle.
  private var stack: [Int] = []
  private(set) var diagnostics: [Diagnostic] = []

  /// Offsets inside definition `k` are tagged with `(k + 1) << tagShift`, so that an error
  /// found after expansion still knows which text it is in.
  private static let tagShift = 32

  init(_ all: [PatternDefinition]) {
    for definition in all {
      if let first = index[definition.name] {
        diagnostics.append(
          .error(
            at: definition.location,
            "definition '$\(definition.name)' is already defined at \(definitions[first].location)"))
        continue
      }
      let k = definitions.count
      index[definition.name] = k
      definitions.append(definition)
      do {
        let tree = try PatternParser.parse(definition.pattern)
        states.append(.parsed(tree.offsets { $0 + ((k + 1) << Self.tagShift) }))
      } catch {
        diagnostics.append(.error(at: definition.location(ofCharacter: error.offset), "define: \(error.message)"))
        states.append(.faulty)
      }
    }
    for k in definitions.indices {
      var problems: [(Int, String)] = []
      _ = resolve(k, problems: &problems)
    }
  }

  /// `tree` with every `$name` replaced, or the problems found (offsets as ``location(of:in:)``
  /// reads them).
  mutating func expand(_ tree: PatternNode) -> Result<PatternNode, Problems> {
    var problems: [(Int, String)] = []
    let expanded = expand(tree, problems: &problems)
    return problems.isEmpty ? .success(expanded) : .failure(Problems(list: problems))
  }

  struct Problems: Error {
    var list: [(Int, String)]
  }

  /// Where `offset` (of a pattern, or tagged: of a definition) is, and, inside a definition,
  /// a note naming the definition and the pattern that used it.
  func location(of offset: Int, in rule: PatternRule) -> (FileLocation, note: String) {
    let tag = offset >> Self.tagShift
    guard tag > 0, tag <= definitions.count else { return (rule.location(ofCharacter: offset), "") }
    let definition = definitions[tag - 1]
    let local = offset & ((1 << Self.tagShift) - 1)
    let note = " (in '$\(definition.name)', used by the pattern at \(rule.location))"
    return (definition.location(ofCharacter: local), note)
  }

  // MARK: Expansion

  private mutating func resolve(_ k: Int, problems: inout [(Int, String)]) -> PatternNode? {
    switch states[k] {
    case .resolved(let tree): return tree
    case .faulty: return nil
    case .resolving:
      let cycle = (stack.drop { $0 != k } + [k]).map { "$" + definitions[$0].name }
      problems.append((-1, "definitions form a cycle: \(cycle.joined(separator: " → "))"))
      return nil
    case .parsed(let tree):
      states[k] = .resolving
      stack.append(k)
      var inner: [(Int, String)] = []
      let expanded = expand(tree, problems: &inner)
      stack.removeLast()
      guard inner.isEmpty else {
        for (offset, message) in inner {
          let local = offset < 0 ? nil : offset & ((1 << Self.tagShift) - 1)
          let at = local.map { definitions[k].location(ofCharacter: $0) } ?? definitions[k].location
          diagnostics.append(.error(at: at, "define: \(message)"))
        }
        states[k] = .faulty
        return nil
      }
      states[k] = .resolved(expanded)
      return expanded
    }
  }

  /// The body of `$name` used at `offset`, or nil after noting why not.
  private mutating func body(of name: String, at offset: Int, problems: inout [(Int, String)]) -> PatternNode? {
    guard let k = index[name] else {
      problems.append((offset, "unknown definition '$\(name)'"))
      return nil
    }
    let before = problems.count
    guard let tree = resolve(k, problems: &problems) else {
      if problems.count > before {
        // A cycle: report it at this use.
        for i in problems.indices.dropFirst(before) { problems[i].0 = offset }
      } else {
        problems.append((offset, "'$\(name)' has errors (see its definition at \(definitions[k].location))"))
      }
      return nil
    }
    return tree
  }

  private mutating func expand(_ node: PatternNode, problems: inout [(Int, String)]) -> PatternNode {
    switch node {
    case .reference(let name, let offset):
      return body(of: name, at: offset, problems: &problems) ?? node
    case .test(let test, let offset):
      return .test(expand(test, problems: &problems), offset: offset)
    case .literal, .list, .entity:
      return node
    case .sequence(let items):
      return .sequence(items.map { expand($0, problems: &problems) })
    case .alternation(let branches):
      return .alternation(branches.map { expand($0, problems: &problems) })
    case .repetition(let body, let min, let max, let offset):
      return .repetition(expand(body, problems: &problems), min: min, max: max, offset: offset)
    case .capture(let name, let body, let offset):
      return .capture(name, expand(body, problems: &problems), offset: offset)
    }
  }

  private mutating func expand(_ test: TokenTest, problems: inout [(Int, String)]) -> TokenTest {
    switch test {
    case .reference(let name, let offset):
      guard let tree = body(of: name, at: offset, problems: &problems) else { return test }
      // A literal is one token test when it is one word (the compiler checks that).
      if case .literal(let text, let mode, let at) = tree { return .literal(text, mode, offset: at) }
      guard case .test(let inner, _) = tree else {
        problems.append(
          (
            offset,
            "'$\(name)' is not one token test, so it cannot be used inside [ ] or after '!' (write $\(name) alone)"
          ))
        return test
      }
      return inner
    case .not(let inner):
      return .not(expand(inner, problems: &problems))
    case .all(let parts):
      // `[$word & !@month]` is `[Cap & … & !@month]`: a definition's tests join the list.
      return .all(
        parts.flatMap { part -> [TokenTest] in
          let expanded = expand(part, problems: &problems)
          if case .reference = part, case .all(let inner) = expanded { return inner }
          return [expanded]
        })
    case .literal, .inList, .shape, .script, .regex, .any:
      return test
    }
  }
}

extension PatternNode {
  /// The same tree with every offset passed through `f`.
  func offsets(_ f: (Int) -> Int) -> PatternNode {
    switch self {
    case .test(let test, let offset): .test(test.offsets(f), offset: f(offset))
    case .literal(let text, let mode, let offset): .literal(text, mode, offset: f(offset))
    case .list(let name, let offset): .list(name, offset: f(offset))
    case .entity(let type, let offset): .entity(type, offset: f(offset))
    case .sequence(let items): .sequence(items.map { $0.offsets(f) })
    case .alternation(let branches): .alternation(branches.map { $0.offsets(f) })
    case .repetition(let body, let min, let max, let offset):
      .repetition(body.offsets(f), min: min, max: max, offset: f(offset))
    case .capture(let name, let body, let offset): .capture(name, body.offsets(f), offset: f(offset))
    case .reference(let name, let offset): .reference(name, offset: f(offset))
    }
  }
}

extension TokenTest {
  func offsets(_ f: (Int) -> Int) -> TokenTest {
    switch self {
    case .literal(let text, let mode, let offset): .literal(text, mode, offset: f(offset))
    case .inList(let name, let offset): .inList(name, offset: f(offset))
    case .script(let name, let offset): .script(name, offset: f(offset))
    case .regex(let source, let offset): .regex(source, offset: f(offset))
    case .not(let inner): .not(inner.offsets(f))
    case .all(let parts): .all(parts.map { $0.offsets(f) })
    case .reference(let name, let offset): .reference(name, offset: f(offset))
    case .shape, .any: self
    }
  }
}
