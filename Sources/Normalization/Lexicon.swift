/// Interns match-key strings as dense integer ids.
///
/// Each ``Normalizer`` owns one, so ids are stable for the normalizer's lifetime and
/// meaningful only together with it. Not thread-safe: one per worker.
public final class Lexicon {
  private var ids: [String: KeyID] = [:]
  private var strings: [String] = []

  public init() {}

  /// The id of `key`, adding it if new.
  public func intern(_ key: String) -> KeyID {
    if let id = ids[key] { return id }
    let id = KeyID(strings.count)
    ids[key] = id
    strings.append(key)
    return id
  }

  /// The id of `key` if it was ever interned.
  public func id(of key: String) -> KeyID? { ids[key] }

  /// The string an id stands for.
  public func string(_ id: KeyID) -> String { strings[Int(id)] }

  /// How many distinct keys are interned; ids run from 0 to `count - 1`.
  public var count: Int { strings.count }
}
