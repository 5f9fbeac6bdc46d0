import Normalization

/// A shard specification that cannot be used, with a message that says what to change.
public struct ShardError: Error, Hashable, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Shard `index` of `count`: the documents whose path hashes into it. Shards are numbered
/// from 1, as people count ("shard 3/3" is the last).
///
/// A document's shard depends only on its relative path (``index(of:count:)``), never on the
/// other documents, so every machine computes the same split from its own listing, a shard can
/// be re-run alone, and adding a document moves no other document.
public struct Shard: Hashable, Sendable, Codable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  public init(index: Int, count: Int) throws(ShardError) {
    guard count >= 1 else { throw ShardError("the shard count must be at least 1, not \(count)") }
    guard (1...count).contains(index) else {
      throw ShardError("shard \(index)/\(count) does not exist: shards are numbered 1 to \(count)")
    }
    self.index = index
    self.count = count
  }

  /// `K/N`, as written on the command line: `--shard 2/3`.
  public init(parsing text: String) throws(ShardError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw ShardError("'\(text)' is not a shard: write K/N, e.g. 2/3 for the second of three shards")
    }
    try self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// The shard (1...count) of a document: FNV-1a 64 of its relative path's UTF-8 bytes,
  /// scaled to `count` by its high bits (`hash × count >> 64`).
  ///
  /// The high bits, not `hash % count`: FNV-1a's low bits mix poorly (its lowest bit is the
  /// parity of the bytes' lowest bits), so `% 2` would split `doc1.txt`, `doc3.txt`… badly.
  public static func index(of relativePath: String, count: Int) -> Int {
    Int(StableHash.of(relativePath.utf8).value.multipliedFullWidth(by: UInt64(count)).high) + 1
  }

  public func contains(_ relativePath: String) -> Bool {
    Self.index(of: relativePath, count: count) == index
  }

  // Codable as {"index": K, "count": N}, validated on the way in.
  private enum CodingKeys: String, CodingKey { case index, count }
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(index: container.decode(Int.self, forKey: .index), count: container.decode(Int.self, forKey: .count))
  }
}

extension Shard {
  /// The shard that a cluster scheduler assigned to this task (`--shard auto`), from
  /// `environment` (pass `ProcessInfo.processInfo.environment`):
  ///
  /// - Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (0-based) is shard index + 1; the Job's
  ///   `completions` is not in the environment, so `count` (`--shards N`) is required.
  /// - Slurm job array: `SLURM_ARRAY_TASK_ID`, counted from `SLURM_ARRAY_TASK_MIN` in steps of
  ///   `SLURM_ARRAY_TASK_STEP`, so `--array=0-7`, `--array=1-8` and `--array=0-14:2` all give
  ///   shards 1/8 to 8/8; the count is `SLURM_ARRAY_TASK_COUNT` (`count`, if given, must agree).
  ///   An array that is not a range (`--array=1,4,9`) cannot be numbered and is refused.
  public static func fromEnvironment(_ environment: [String: String], count: Int?) throws(ShardError) -> Shard {
    if let raw = environment["JOB_COMPLETION_INDEX"] {
      let variable = "JOB_COMPLETION_INDEX=\(raw) (Kubernetes Indexed Job)"
      guard let completion = Int(raw), completion >= 0 else { throw ShardError("--shard auto: \(variable) is not an index") }
      guard let count else {
        throw ShardError(
          "--shard auto: \(variable) gives the index but not the count: add --shards N, with N the Job's completions")
      }
      guard completion < count else {
        throw ShardError("--shard auto: \(variable) is not below --shards \(count): the Job's completions must equal --shards")
      }
      return try Shard(index: completion + 1, count: count)
    }
    if let raw = environment["SLURM_ARRAY_TASK_ID"] {
      func number(_ name: String) throws(ShardError) -> Int? {
        guard let value = environment[name] else { return nil }
        guard let number = Int(value) else { throw ShardError("--shard auto: \(name)=\(value) is not a number") }
        return number
      }
      guard let task = try number("SLURM_ARRAY_TASK_ID") else { throw ShardError("--shard auto: SLURM_ARRAY_TASK_ID=\(raw)") }
      guard let min = try number("SLURM_ARRAY_TASK_MIN") else {
        throw ShardError("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not; give --shard K/N")
      }
      let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
      guard let tasks = try number("SLURM_ARRAY_TASK_COUNT") ?? count else {
        throw ShardError("--shard auto: SLURM_ARRAY_TASK_COUNT is not set: add --shards N, with N the array's size")
      }
      if let count, count != tasks {
        throw ShardError("--shard auto: --shards \(count) disagrees with SLURM_ARRAY_TASK_COUNT=\(tasks)")
      }
      let offset = task - min
      let max = try number("SLURM_ARRAY_TASK_MAX")
      let isRange = step >= 1 && offset >= 0 && offset % step == 0 && max.map { ($0 - min) / step + 1 == tasks } ?? true
      guard isRange, offset / step < tasks else {
        throw ShardError(
          "--shard auto: the Slurm array is not a range of \(tasks) tasks (task \(task), first \(min), step \(step)): "
            + "submit it as --array=0-\(tasks - 1) (a %limit is fine)")
      }
      return try Shard(index: offset / step + 1, count: tasks)
    }
    throw ShardError(
      "--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm job array) "
        + "is set; give the shard as --shard K/N")
  }
}
