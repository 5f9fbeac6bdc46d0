import Normalization
import Testing
@testable import Pipeline

@Suite(.bug(id: 9)) struct ShardTests {
  // MARK: - The hash: any change would move documents between shards of a running job.

  @Test(arguments: [
    ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
  ])
  func fnv1a64ReferenceValues(_ input: String, _ expected: UInt64) {
    #expect(StableHash.of(input.utf8).value == expected)
  }

  @Test func aDocumentsShardIsPinned() {
    #expect(StableHash.of("es/2021/doc3.txt".utf8).labeledHex == "fnv1a64:34b86bedd280226f")
    #expect([1, 2, 3, 7, 16].map { Shard.index(of: "es/2021/doc3.txt", count: $0) } == [1, 1, 1, 2, 4])
  }

  @Test(arguments: [2, 3, 7, 16])
  func everyDocumentIsInExactlyOneShardAndShardsAreEven(count: Int) throws {
    let paths = (0..<(1000 * count)).map { "feed/\($0 / 100)/doc\($0).txt" }
    var sizes = [Int](repeating: 0, count: count)
    for path in paths {
      let holders = try (1...count).filter { try Shard(index: $0, count: count).contains(path) }
      #expect(holders.count == 1)
      sizes[holders[0] - 1] += 1
    }
    // 1000 expected per shard; a binomial standard deviation is about 30.
    #expect(sizes.allSatisfy { (880...1120).contains($0) }, "\(sizes)")
  }

  // MARK: - K/N

  @Test func parsesKOverN() throws {
    let shard = try Shard(parsing: "2/3")
    #expect((shard.index, shard.count) == (2, 3))
    #expect(shard.description == "2/3")
  }

  @Test(arguments: [
    ("0/3", "numbered 1 to 3"), ("4/3", "numbered 1 to 3"), ("2/0", "at least 1"), ("x", "write K/N"),
    ("2/", "write K/N"), ("1/2/3", "write K/N"), ("-1/3", "numbered 1 to 3"),
  ])
  func refusesBadShards(_ text: String, _ message: String) {
    #expect { try Shard(parsing: text) } throws: { ($0 as? ShardError)?.description.contains(message) == true }
  }

  // MARK: - --shard auto

  struct EnvironmentCase: Sendable, CustomTestStringConvertible {
    var name: String
    var environment: [String: String]
    var count: Int?
    var expected: Expected
    var testDescription: String { name }
  }

  enum Expected: Sendable {
    case success(String)  // "K/N"
    case failure(String)  // a fragment of the message
  }

  static let environments: [EnvironmentCase] = [
    .init(name: "Kubernetes: index 0 is shard 1", environment: ["JOB_COMPLETION_INDEX": "0"], count: 4, expected: .success("1/4")),
    .init(name: "Kubernetes: last index", environment: ["JOB_COMPLETION_INDEX": "3"], count: 4, expected: .success("4/4")),
    .init(name: "Kubernetes needs --shards", environment: ["JOB_COMPLETION_INDEX": "0"], count: nil,
          expected: .failure("add --shards N")),
    .init(name: "Kubernetes index beyond --shards", environment: ["JOB_COMPLETION_INDEX": "4"], count: 4,
          expected: .failure("is not below --shards 4")),
    .init(name: "Kubernetes index not a number", environment: ["JOB_COMPLETION_INDEX": "x"], count: 4,
          expected: .failure("is not an index")),
    .init(name: "Kubernetes wins over Slurm", environment: ["JOB_COMPLETION_INDEX": "1", "SLURM_ARRAY_TASK_ID": "7"],
          count: 2, expected: .success("2/2")),
    .init(name: "Slurm 0-based array", environment: slurm(id: 0, min: 0, max: 7, count: 8), count: nil, expected: .success("1/8")),
    .init(name: "Slurm 1-based array", environment: slurm(id: 8, min: 1, max: 8, count: 8), count: nil, expected: .success("8/8")),
    .init(name: "Slurm array with a step", environment: slurm(id: 4, min: 0, max: 14, count: 8, step: 2), count: nil,
          expected: .success("3/8")),
    .init(name: "Slurm with agreeing --shards", environment: slurm(id: 2, min: 0, max: 3, count: 4), count: 4,
          expected: .success("3/4")),
    .init(name: "Slurm with disagreeing --shards", environment: slurm(id: 2, min: 0, max: 3, count: 4), count: 5,
          expected: .failure("disagrees with SLURM_ARRAY_TASK_COUNT=4")),
    .init(name: "Slurm list array is refused", environment: slurm(id: 9, min: 1, max: 9, count: 3), count: nil,
          expected: .failure("not a range of 3 tasks")),
    .init(name: "Slurm without MIN", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"], count: nil,
          expected: .failure("SLURM_ARRAY_TASK_MIN is not")),
    .init(name: "Slurm without COUNT uses --shards", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "0"],
          count: 2, expected: .success("2/2")),
    .init(name: "Slurm without COUNT or --shards", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "0"],
          count: nil, expected: .failure("SLURM_ARRAY_TASK_COUNT is not set")),
    .init(name: "no scheduler", environment: ["HOME": "/root"], count: 3,
          expected: .failure("neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID")),
  ]

  static func slurm(id: Int, min: Int, max: Int, count: Int, step: Int = 1) -> [String: String] {
    [
      "SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_MAX": "\(max)",
      "SLURM_ARRAY_TASK_COUNT": "\(count)", "SLURM_ARRAY_TASK_STEP": "\(step)",
    ]
  }

  @Test(arguments: environments)
  func shardFromTheEnvironment(_ c: EnvironmentCase) {
    let result = Result { () throws(ShardError) in try Shard.fromEnvironment(c.environment, count: c.count) }
    switch (result, c.expected) {
    case (.success(let shard), .success(let expected)): #expect(shard.description == expected)
    case (.failure(let error), .failure(let fragment)): #expect(error.description.contains(fragment), "\(error)")
    default: Issue.record("got \(result), expected \(c.expected)")
    }
  }
}

