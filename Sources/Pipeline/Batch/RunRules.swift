import Foundation
import Normalization
import Recognition
import Rules

/// A run's rules: their digest known from the start, the rule set and its gazetteer read only
/// when a document needs them.
///
/// An unchanged re-run needs the digest alone (the run state keeps the digest each output was
/// made with): loading a compiled rule set of a quarter of a million aliases took ten times
/// what the rest of such a run takes. ``BatchRunner`` asks for ``rules`` the first time a
/// document has to be processed, from whichever worker gets there first.
public final class RunRules: @unchecked Sendable {
  /// ``RuleSet/digest`` of the rules, loaded or not.
  public let digest: StableHash
  private let lock = NSLock()
  private var loaded: (rules: RuleSet, gazetteer: Gazetteer)?
  private var failure: (any Error)?
  private let load: @Sendable () throws -> RuleSet

  /// Rules already loaded.
  public init(_ rules: RuleSet) {
    digest = rules.digest
    loaded = (rules, Gazetteer(rules: rules))
    load = { rules }
  }

  /// Rules to load when first needed; `digest` must be the digest of what `load` returns
  /// (``RuleCache/cachedDigest(directory:skippingPacks:build:folder:)``).
  public init(digest: StableHash, load: @escaping @Sendable () throws -> RuleSet) {
    self.digest = digest
    self.load = load
  }

  /// Whether the rules were loaded (tests, benchmarks).
  public var isLoaded: Bool { lock.withLock { loaded != nil } }

  /// The rules and their gazetteer, loaded now if they were not.
  public func get() throws -> (rules: RuleSet, gazetteer: Gazetteer) {
    try lock.withLock {
      if let loaded { return loaded }
      if let failure { throw failure }
      do {
        let rules = try load()
        let made = (rules, Gazetteer(rules: rules))
        loaded = made
        return made
      } catch {
        failure = error
        throw error
      }
    }
  }
}
