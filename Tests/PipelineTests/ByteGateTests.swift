import Foundation
import Synchronization
import Testing
@testable import Pipeline

/// The bytes in flight stay within the budget (``ByteGate``): large documents take turns,
/// small ones pass beside them, and one above the budget runs alone.
@Suite struct ByteGateTests {
  @Test func weightsThatFitPassTogether() {
    let gate = ByteGate(budget: 10)
    let a = gate.enter(6)
    let b = gate.enter(3)
    #expect(gate.current == 9)
    gate.leave(a)
    gate.leave(b)
    #expect(gate.current == 0)
  }

  @Test func aWeightAboveTheBudgetRunsAlone() {
    let gate = ByteGate(budget: 10)
    let a = gate.enter(25)
    #expect(gate.current == 25)
    gate.leave(a)
  }

  /// Eight workers with documents of 6 against a budget of 10: never two at once.
  @Test func largeWeightsTakeTurns() {
    let gate = ByteGate(budget: 10)
    let counts = Mutex((now: 0, most: 0))
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      let weight = gate.enter(6)
      counts.withLock {
        $0.now += 1
        $0.most = max($0.most, $0.now)
      }
      usleep(5_000)
      counts.withLock { $0.now -= 1 }
      gate.leave(weight)
    }
    #expect(counts.withLock { $0.most } == 1)
    #expect(gate.current == 0)
  }
}
