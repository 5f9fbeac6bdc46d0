import Foundation

/// Structures that later stages derive from a compiled ``RuleSet`` and that every worker can
/// share (they are immutable once built): built once per rule set by whichever worker first
/// needs one, under a lock, then read by all. The pattern tables of each language live here,
/// so a two-worker run builds them once, not twice.
///
/// A rule set is immutable once compiled, so what is derived from it stays valid; every copy
/// of the set shares the one cache.
public final class DerivedCache: @unchecked Sendable {
  /// One value's place: its own lock, so that two workers building different values (the
  /// tables of two languages) do not wait for each other; one waits only for the value it
  /// needs.
  private final class Slot: @unchecked Sendable {
    let lock = NSLock()
    var value: (any Sendable)?
  }

  private let lock = NSLock()
  private var slots: [String: Slot] = [:]

  public init() {}

  /// The value under `key`, made by `make` (under that key's lock) the first time. `make` may
  /// ask for values under other keys.
  public func value<T: Sendable>(_ key: String, make: () -> T) -> T {
    let slot = lock.withLock {
      if let known = slots[key] { return known }
      let made = Slot()
      slots[key] = made
      return made
    }
    slot.lock.lock()
    defer { slot.lock.unlock() }
    if let known = slot.value as? T { return known }
    let made = make()
    slot.value = made
    return made
  }
}
