import Foundation

/// Bounds the input bytes that workers hold at once, so that memory follows the budget and
/// not the number of jobs: a document read whole costs some 40 times its size while it is
/// processed, and two 25 MB documents at `--jobs 2` would take twice what one does.
///
/// A worker takes a document's weight before reading it and gives it back when done; it waits
/// while the weights in flight and its own would exceed the budget, unless nothing is in
/// flight (a document heavier than the budget still runs, alone). Small documents pass
/// beside a large one; two large ones take turns. Output does not depend on the order in
/// which documents are done, so waiting changes nothing but the time.
final class ByteGate: @unchecked Sendable {
  let budget: Int
  private let condition = NSCondition()
  private var inFlight = 0

  init(budget: Int) { self.budget = max(1, budget) }

  /// Waits until `weight` fits, takes it and returns it (to give back with ``leave(_:)``).
  func enter(_ weight: Int) -> Int {
    let weight = max(0, weight)
    condition.lock()
    while inFlight > 0 && inFlight + weight > budget { condition.wait() }
    inFlight += weight
    condition.unlock()
    return weight
  }

  func leave(_ weight: Int) {
    condition.lock()
    inFlight -= weight
    condition.broadcast()
    condition.unlock()
  }

  /// The bytes in flight now (tests).
  var current: Int {
    condition.lock()
    defer { condition.unlock() }
    return inFlight
  }
}
