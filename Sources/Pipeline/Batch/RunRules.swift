import Foundation
import Normalization
import Recognition
import Rules

/// A run's rules: their digest known from the start, the rule set and its gazetteer read only
/// when a document needs them.
///
/// An unchanged re-run needs the digest alone (the run state keeps the digest each output was
/// made with): loading a compiled rule set of a quarter of a million aliases took ten times
/// what the rest of such a run takes. ``BatchRunner`` asks for the rules (``get()``) the
/// first time a document has to be processed, from whichever worker gets there first.
///
/// Loading is the one serial stretch of a run: the other workers wait for it. With `parallel`,
/// a waiting worker does part of it, two side tasks the loading worker posts: reading ICU's
/// data (a throwaway ``Normalizer``) while the rules are decoded, and the recognizers' shared
/// pattern tables while the gazetteer is built. A side task nobody took is done by the loader
/// (the tables) or dropped (ICU's data, read anyway by the first normalizer).
public final class RunRules: @unchecked Sendable {
  /// ``RuleSet/digest`` of the rules, loaded or not.
  public let digest: StableHash
  private let load: @Sendable () throws -> RuleSet
  private let parallel: Bool

  private enum State {
    case idle
    case loading
    case loaded(RuleSet, Gazetteer)
    case failed(any Error)
  }

  /// Guards everything below; waiters wait on it for the rules or for a side task.
  private let condition = NSCondition()
  private var state = State.idle
  private var sideTasks: [(required: Bool, run: @Sendable () -> Void)] = []
  private var sideTasksRunning = 0

  /// Rules already loaded.
  public init(_ rules: RuleSet) {
    digest = rules.digest
    state = .loaded(rules, Gazetteer(rules: rules))
    load = { rules }
    parallel = false
  }

  /// Rules to load when first needed; `digest` must be the digest of what `load` returns
  /// (``RuleCache/cachedDigest(directory:skippingPacks:build:folder:)``). `parallel`: a run of
  /// several workers (see above).
  public init(digest: StableHash, parallel: Bool = false, load: @escaping @Sendable () throws -> RuleSet) {
    self.digest = digest
    self.parallel = parallel
    self.load = load
  }

  /// Whether the rules were loaded (tests, benchmarks).
  public var isLoaded: Bool {
    condition.withLock {
      if case .loaded = state { return true }
      return false
    }
  }

  /// The rules and their gazetteer, loaded now if they were not.
  public func get() throws -> (rules: RuleSet, gazetteer: Gazetteer) {
    condition.lock()
    while true {
      switch state {
      case .loaded(let rules, let gazetteer):
        condition.unlock()
        return (rules, gazetteer)
      case .failed(let error):
        condition.unlock()
        throw error
      case .idle:
        state = .loading
        condition.unlock()
        let result = Result { try loadAndBuild() }
        condition.lock()
        switch result {
        case .success(let made): state = .loaded(made.rules, made.gazetteer)
        case .failure(let error): state = .failed(error)
        }
        condition.broadcast()
      case .loading:
        if sideTasks.isEmpty {
          condition.wait()
        } else {
          runSideTask()
        }
      }
    }
  }

  /// Runs the first side task, the lock held on entry and exit (released while it runs).
  private func runSideTask() {
    let task = sideTasks.removeFirst()
    sideTasksRunning += 1
    condition.unlock()
    task.run()
    condition.lock()
    sideTasksRunning -= 1
    condition.broadcast()
  }

  private func post(required: Bool, _ task: @escaping @Sendable () -> Void) {
    condition.withLock {
      sideTasks.append((required, task))
      condition.broadcast()
    }
  }

  /// The rules changed between reading their digest and reading them (edited during the
  /// run's first moments): the run would record outputs under the wrong rules.
  public struct ChangedUnderfoot: Error, CustomStringConvertible {
    public var description: String { "the rules changed while the run started; run again" }
  }

  private func loadChecked() throws -> RuleSet {
    let rules = try load()
    guard rules.digest == digest else { throw ChangedUnderfoot() }
    return rules
  }

  private func loadAndBuild() throws -> (rules: RuleSet, gazetteer: Gazetteer) {
    guard parallel else {
      let rules = try loadChecked()
      return (rules, Gazetteer(rules: rules))
    }
    post(required: false) { _ = try? Normalizer() }
    let rules = try loadChecked()
    post(required: true) { Recognizer.buildSharedTables(rules: rules) }
    let gazetteer = Gazetteer(rules: rules)
    condition.withLock {
      sideTasks.removeAll { !$0.required }
      while !sideTasks.isEmpty { runSideTask() }
      while sideTasksRunning > 0 { condition.wait() }
    }
    return (rules, gazetteer)
  }
}
