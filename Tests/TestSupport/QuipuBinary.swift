import Foundation
import Normalization

/// The `quipu` executable that `swift test` built, and a way to run it (or a script that
/// calls it) as a user or a scheduler would.
public enum QuipuBinary {
  /// The binary beside the test bundle.
  public static let url: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // Swift Testing may run from inside the .xctest bundle on some platforms.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("quipu").path), folder.path != "/" {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("quipu")
  }()

  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs `quipu` in `directory` as a user's shell would: with the test process's environment.
  public static func run(_ arguments: [String], in directory: URL) throws -> Result {
    try run(url, arguments, in: directory, environment: nil)
  }

  /// Runs `executable` in `directory` with only `environment` set (plus a PATH that finds
  /// `quipu` and the system's tools; nil: the test process's environment), feeding it `stdin`.
  public static func run(
    _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]? = [:], stdin: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment {
      let path = url.deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin"
      process.environment = environment.merging(["PATH": path]) { mine, _ in mine }
    }
    let input = Pipe()
    let out = Pipe()
    let err = Pipe()
    process.standardInput = input
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes at once, so a chatty child never blocks on a full pipe.
    final class Box: @unchecked Sendable { var data = Data() }
    let stdout = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      stdout.data = out.fileHandleForReading.readAllRetryingInterrupts()
      group.leave()
    }
    let stderr = err.fileHandleForReading.readAllRetryingInterrupts()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout.data, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
