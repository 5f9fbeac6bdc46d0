import Testing

@testable import Recognition

@Suite struct TransitionTableTests {
  @Test func emptyTableHasNoEdges() {
    let table = TransitionTable()
    #expect(table.count == 0)
    #expect(table.child(of: 0, key: 0) == nil)
    #expect(table.child(of: 1, key: 1) == nil)
    #expect(table.child(of: .max - 1, key: .max) == nil)
  }

  @Test func insertThenLookUp() {
    var table = TransitionTable()
    table.insert(node: 0, key: 0, child: 1)
    table.insert(node: 1, key: 7, child: 2)
    table.insert(node: 7, key: 1, child: 3)
    #expect(table.count == 3)
    #expect(table.child(of: 0, key: 0) == 1)
    #expect(table.child(of: 1, key: 7) == 2)
    #expect(table.child(of: 7, key: 1) == 3)
  }

  @Test func absentKeysAreNil() {
    var table = TransitionTable()
    table.insert(node: 1, key: 7, child: 2)
    #expect(table.child(of: 1, key: 8) == nil)  // same node, other key
    #expect(table.child(of: 2, key: 7) == nil)  // same key, other node
    #expect(table.child(of: 7, key: 1) == nil)  // swapped
    #expect(table.child(of: 1, key: .max) == nil)  // KeyVocabulary.absent
    #expect(table.child(of: 0, key: 0) == nil)
  }

  @Test func overwriteKeepsTheCountAndTakesTheNewChild() {
    var table = TransitionTable()
    table.insert(node: 4, key: 2, child: 10)
    table.insert(node: 4, key: 2, child: 11)
    #expect(table.count == 1)
    #expect(table.child(of: 4, key: 2) == 11)
  }

  @Test(arguments: [0, 1, 16, 1_000])
  func insertAndLookUpAcrossGrowth(capacity: Int) {
    var table = TransitionTable(capacity: capacity)
    // Patterns a trie produces: one node with many keys, many nodes with one key, and
    // large ids in both halves of the 64-bit edge.
    var edges: [(node: UInt32, key: UInt32)] = []
    for k in 0..<3_000 { edges.append((0, UInt32(k))) }
    for n in 1..<3_000 { edges.append((UInt32(n), 42)) }
    for i in 0..<3_000 { edges.append((UInt32.max - 1 - UInt32(i), UInt32.max - 1 - UInt32(i * 7))) }
    for (i, e) in edges.enumerated() {
      table.insert(node: e.node, key: e.key, child: UInt32(i + 1))
      #expect(table.count == i + 1)
    }
    var wrong = 0
    for (i, e) in edges.enumerated() where table.child(of: e.node, key: e.key) != UInt32(i + 1) { wrong += 1 }
    #expect(wrong == 0)
    // Near misses are still absent after growth.
    var found = 0
    for n in 1..<3_000 where table.child(of: UInt32(n), key: 43) != nil { found += 1 }
    for k in 3_000..<6_000 where table.child(of: 0, key: UInt32(k)) != nil { found += 1 }
    #expect(found == 0)
  }

  @Test func overwriteAfterGrowth() {
    var table = TransitionTable()
    for i in 0..<500 { table.insert(node: UInt32(i), key: UInt32(i), child: 1) }
    for i in stride(from: 0, to: 500, by: 3) { table.insert(node: UInt32(i), key: UInt32(i), child: 2) }
    #expect(table.count == 500)
    let children: [UInt32?] = (0..<500).map { table.child(of: UInt32($0), key: UInt32($0)) }
    let expected: [UInt32?] = (0..<500).map { $0 % 3 == 0 ? 2 : 1 }
    #expect(children == expected)
  }

  @Test func childZeroIsStoredLikeAnyOther() {
    var table = TransitionTable()
    table.insert(node: 5, key: 5, child: 0)
    #expect(table.child(of: 5, key: 5) == 0)
  }
}
