import Foundation

/// Structures that later stages derive from a compiled ``RuleSet`` and that every worker can
/// share (they are immutable once built): built once per rule set by whichever worker first
/// needs one, under a lock, then read by all. The pattern tables of each language live here,
/// so a two-worker run builds them once, not twice.
///
/// A rule set is immutable once compiled, so what is derived from it stays valid; every copy
/// of the set shares the one cache.
public final class DerivedCache: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [String: any Sendable] = [:]

  public init() {}

  /// The value under `key`, made by `make` (under the lock) the first time.
  public func value<T: Sendable>(_ key: String, make: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    if let known = values[key] as? T { return known }
    let made = make()
    values[key] = made
    return made
  }
}
