import Normalization
import Rules

/// A token trie over the `loose` keys of every alias in a rule set: the compiled,
/// immutable gazetteer that all workers share.
///
/// Each node that ends an alias lists the aliases ending there, in definition order.
/// Matching walks loose keys only; the stricter `folded`/`exact` modes and capitalization
/// are checked on the candidate afterwards (see ``Recognizer``), so one trie serves all modes.
///
/// - Complexity: building is O(total alias tokens); a search from one token is
///   O(length of the longest alias that shares a prefix with the text there).
public struct Gazetteer: Sendable {
  /// Root transitions, indexed directly by vocabulary id (0 = none): the root is visited at
  /// every token, so it gets an array instead of the hash table.
  private var rootChildren: [UInt32]
  private var transitions = TransitionTable()
  /// For node `n`, its aliases are `terminalAliases[terminalOffsets[n]..<terminalOffsets[n+1]]`.
  private var terminalOffsets: [UInt32] = []
  private var terminalAliases: [UInt32] = []
  public private(set) var nodeCount: Int

  public init(rules: RuleSet) {
    rootChildren = Array(repeating: 0, count: rules.vocabulary.count)
    transitions = TransitionTable(capacity: rules.aliases.count * 2)
    var nodes: UInt32 = 1  // node 0 is the root
    var endNode = [UInt32](repeating: 0, count: rules.aliases.count)
    for (index, alias) in rules.aliases.enumerated() {
      var node: UInt32 = 0
      for (depth, key) in alias.loose.enumerated() {
        let existing = depth == 0 ? (rootChildren[Int(key)] == 0 ? nil : rootChildren[Int(key)]) : transitions.child(of: node, key: key)
        if let existing {
          node = existing
        } else {
          let child = nodes
          nodes += 1
          if depth == 0 { rootChildren[Int(key)] = child } else { transitions.insert(node: node, key: key, child: child) }
          node = child
        }
      }
      endNode[index] = node
    }
    nodeCount = Int(nodes)
    // Each node's aliases, in definition order: counted, then placed (no array per node).
    terminalOffsets = [UInt32](repeating: 0, count: Int(nodes) + 1)
    for node in endNode { terminalOffsets[Int(node) + 1] += 1 }
    for n in 0..<Int(nodes) { terminalOffsets[n + 1] += terminalOffsets[n] }
    var next = terminalOffsets
    terminalAliases = [UInt32](repeating: 0, count: endNode.count)
    for (index, node) in endNode.enumerated() {
      terminalAliases[Int(next[Int(node)])] = UInt32(index)
      next[Int(node)] += 1
    }
  }

  /// The node reached from the root by `key`, or nil.
  @inline(__always) func start(_ key: UInt32) -> UInt32? {
    guard key < rootChildren.count else { return nil }
    let node = rootChildren[Int(key)]
    return node == 0 ? nil : node
  }

  @inline(__always) func next(_ node: UInt32, _ key: UInt32) -> UInt32? {
    transitions.child(of: node, key: key)
  }

  /// Aliases that end at `node`, in definition order.
  @inline(__always) func aliases(endingAt node: UInt32) -> ArraySlice<UInt32> {
    terminalAliases[Int(terminalOffsets[Int(node)])..<Int(terminalOffsets[Int(node) + 1])]
  }
}
