/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, seedable generator whose output is
/// fixed by its definition, so generated inputs are the same bytes on every machine and
/// every Swift version.
///
/// The helpers below never call the standard library's `random(in:using:)`, whose mapping
/// from raw bits to a range is an implementation detail that could change.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A generator for an independent stream, e.g. `derived("corpus")`: changing how much one
  /// stream draws never changes another.
  func derived(_ label: String) -> SplitMix64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in label.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    var copy = SplitMix64(seed: state ^ h)
    _ = copy.next()
    return copy
  }

  mutating func next() -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` (Lemire's multiply-high, bias below 2^-32 for our bounds).
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A uniform integer in `range`.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// A uniform value in [0, 1) with 53 random bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// An index into `0..<count` skewed toward the front (a rough Zipf): index ≈ count·u^skew.
  mutating func skewed(_ count: Int, skew: Double = 2.5) -> Int {
    var u = unit()
    var p = 1.0
    // pow without Foundation: skew is small, so multiply for the integer part.
    var s = skew
    while s >= 1 {
      p *= u
      s -= 1
    }
    if s > 0 { p *= u.squareRoot() }  // skews are integers or halves here
    u = p
    return min(count - 1, Int(u * Double(count)))
  }

  /// An index into `weights`, each chosen with probability proportional to its weight.
  mutating func weighted(_ weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var x = unit() * total
    for (i, w) in weights.enumerated() {
      if x < w { return i }
      x -= w
    }
    return weights.count - 1
  }
}
