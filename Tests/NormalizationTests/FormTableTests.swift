import Testing

@testable import Normalization

@Suite struct FormTableTests {
  /// Inserts `form` with its real hash (or `hash`), returning its index.
  private func insert(_ form: String, into table: inout FormTable, hash: UInt32? = nil) -> Int32 {
    let units = Array(form.utf16)
    return units.withUnsafeBufferPointer { table.insert($0, hash: hash ?? FormTable.hash($0)) }
  }

  private func find(_ form: String, in table: FormTable, hash: UInt32? = nil) -> Int32? {
    let units = Array(form.utf16)
    return units.withUnsafeBufferPointer { table.find($0, hash: hash ?? FormTable.hash($0)) }
  }

  /// Distinct forms in several scripts and lengths.
  private static func form(_ i: Int) -> String {
    switch i % 4 {
    case 0: "w\(i)"
    case 1: "Perú\(i)"
    case 2: "秘鲁\(i)🇵🇪"
    default: String(repeating: "x", count: i % 37) + "\(i)"
    }
  }

  @Test func roundTripsAcrossGrowth() {
    var table = FormTable()
    let count = 10_000
    for i in 0..<count {
      #expect(find(Self.form(i), in: table) == nil)
      #expect(insert(Self.form(i), into: &table) == Int32(i), "indexes are dense, in insertion order")
    }
    #expect(table.count == count)
    var misses = 0
    for i in 0..<count where find(Self.form(i), in: table) != Int32(i) { misses += 1 }
    #expect(misses == 0)
    #expect(find("w10000", in: table) == nil)
    #expect(find("Perú", in: table) == nil)
  }

  @Test func equalHashesWithDifferentContent() {
    var table = FormTable()
    let a = insert("Lima", into: &table, hash: 42)
    let b = insert("Cusco", into: &table, hash: 42)
    let c = insert("Lim", into: &table, hash: 42)
    #expect([a, b, c] == [0, 1, 2])
    #expect(find("Lima", in: table, hash: 42) == 0)
    #expect(find("Cusco", in: table, hash: 42) == 1)
    #expect(find("Lim", in: table, hash: 42) == 2)
    #expect(find("Limaa", in: table, hash: 42) == nil, "a longer form with a shared prefix")
    #expect(find("Puno", in: table, hash: 42) == nil)
    #expect(find("Lima", in: table, hash: 43) == nil, "a different hash probes elsewhere")
  }

  @Test func collisionsAcrossGrowthAndTheWrapAround() {
    // 1,500 forms with one hash fill a run of slots that wraps past the end of the table and
    // survives two doublings; 0xFFFF_FFFF starts the run at the last slot.
    var table = FormTable()
    for i in 0..<1_500 { #expect(insert("f\(i)", into: &table, hash: 0xFFFF_FFFF) == Int32(i)) }
    var misses = 0
    for i in 0..<1_500 where find("f\(i)", in: table, hash: 0xFFFF_FFFF) != Int32(i) { misses += 1 }
    #expect(misses == 0)
    #expect(find("f1500", in: table, hash: 0xFFFF_FFFF) == nil)
  }

  @Test func emptyForm() {
    var table = FormTable()
    #expect(find("", in: table) == nil)
    let a = insert("a", into: &table)
    let empty = insert("", into: &table)
    #expect(empty == 1)
    #expect(find("", in: table) == empty)
    #expect(find("a", in: table) == a)
    // An empty form must not match a non-empty one with the same hash, and vice versa.
    #expect(find("", in: table, hash: FormTable.hash(UnsafeBufferPointer(start: nil, count: 0))) == empty)
    _ = insert("b", into: &table, hash: FormTable.hash(UnsafeBufferPointer(start: nil, count: 0)))
    #expect(find("b", in: table, hash: FormTable.hash(UnsafeBufferPointer(start: nil, count: 0))) == 2)
    #expect(find("", in: table) == empty)
  }

  @Test func hashIsFNV1aFoldedTo32Bits() {
    let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    #expect(
      FormTable.hash(UnsafeBufferPointer(start: nil, count: 0)) == UInt32(truncatingIfNeeded: basis ^ (basis >> 32)))
    var h = basis
    for u in "Perú".utf16 {
      h ^= UInt64(u)
      h = h &* 0x100_0000_01b3
    }
    let expected = UInt32(truncatingIfNeeded: h ^ (h >> 32))
    #expect(Array("Perú".utf16).withUnsafeBufferPointer(FormTable.hash) == expected)
    // NFC and NFD spellings are different forms.
    #expect(
      Array("Perú".utf16).withUnsafeBufferPointer(FormTable.hash)
        != Array("Peru\u{301}".utf16).withUnsafeBufferPointer(FormTable.hash))
  }
}
