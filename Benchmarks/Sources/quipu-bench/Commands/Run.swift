import ArgumentParser
import Foundation
import Normalization

/// `quipu-bench run`: measures every configuration, each in a child process, and prints
/// one table (Markdown) plus the details behind it.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure Quipu on the generated corpus: 1 thread and all cores, default rules and each gazetteer.",
    discussion: """
      Generates the inputs first when they are missing. Each configuration runs in a child
      process (`quipu-bench measure`), so that its peak RSS is its own. Results are also
      written as JSON to Benchmarks/.data/results/quipu.json, where Benchmarks/peers/peers.sh reads them.
      """)

  @OptionGroup var locations: Locations

  @Option(help: "Rules to measure, comma-separated: default (the repo's rules/), 10k, 100k, 1m.")
  var rules = "default,10k,100k,1m"

  @Option(help: "Thread counts, comma-separated (default: 1 and the number of cores).")
  var jobs: String?

  @Option(name: .customLong("repeat"), help: "Timed runs per configuration; the fastest is reported.")
  var repetitions = 3

  @Option(help: "Folder in memory (tmpfs) for the second set of timed runs; empty to skip them.")
  var memoryScratch = "/dev/shm/quipu-bench"

  @Option(help: "Sizes of the many-small-documents-sharing-entities corpus, comma-separated; empty to skip.")
  var shared = "10000,40000,100000"

  @Flag(help: "Skip the reference rows (ICU segmentation, Normalizer) and the stage breakdown.")
  var noReferences = false

  func run() throws {
    let workspace = try locations.workspace()
    let corpus = workspace.corpus(megabytes: locations.corpusMB)
    let labels = rules.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let threadCounts = jobs.map { $0.split(separator: ",").compactMap { Int($0) } } ?? Array(Set([1, cores])).sorted()

    let missing = !FileManager.default.fileExists(atPath: corpus.path)
      || labels.contains { $0 != "default" && !FileManager.default.fileExists(atPath: workspace.rules($0).path) }
    if missing {
      note("quipu-bench: inputs missing; generating them (seed \(locations.seed))")
      _ = try Generator(workspace: workspace, seed: locations.seed, corpusMegabytes: locations.corpusMB).run()
    }
    let sharedSizes = shared.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    for size in sharedSizes { try SharedCorpus.write(documents: size, to: workspace.sharedCorpus(documents: size)) }
    warmPageCache(corpus)

    var results: [Measurement] = []
    let scratch = workspace.data.appendingPathComponent("scratch", isDirectory: true)
    if !noReferences {
      for kind in ["icu-words", "normalizer"] {
        results.append(try measure(["--kind", kind, "--corpus", corpus.path, "--repeat", String(repetitions)]))
      }
    }
    let cache = workspace.data.appendingPathComponent("rules-cache", isDirectory: true)
    try? FileManager.default.removeItem(at: cache)
    for label in labels {
      results.append(
        try measure([
          "--kind", "compile", "--rules", workspace.rules(label).path, "--label", label, "--corpus", corpus.path,
          "--cache", cache.path,
        ]))
      for threads in threadCounts {
        results.append(
          try measure([
            "--kind", "quipu", "--rules", workspace.rules(label).path, "--label", label, "--corpus", corpus.path,
            "--jobs", String(threads), "--repeat", String(repetitions), "--cache", cache.path,
            "--scratch", scratch.appendingPathComponent("\(label)-j\(threads)").path,
          ] + (memoryScratch.isEmpty ? [] : ["--memory-scratch", memoryScratch + "/\(label)-j\(threads)"])
            + (label == "default" && threads == 1 ? ["--rerun"] : [])))
      }
    }
    if !sharedSizes.isEmpty {
      if !labels.contains("default") {
        results.append(
          try measure([
            "--kind", "compile", "--rules", workspace.rules("default").path, "--label", "default", "--corpus",
            corpus.path, "--cache", cache.path,
          ]))
      }
      for size in sharedSizes {
        let folder = workspace.sharedCorpus(documents: size)
        warmPageCache(folder)
        results.append(
          try measure([
            "--kind", "shared", "--rules", workspace.rules("default").path, "--label", "default", "--corpus", folder.path,
            "--jobs", "1", "--repeat", String(repetitions), "--cache", cache.path,
            "--scratch", scratch.appendingPathComponent("shared-\(size)").path,
          ]))
      }
    }
    if !noReferences {
      for label in labels where label == "default" || label == labels.last {
        results.append(
          try measure([
            "--kind", "stages", "--rules", workspace.rules(label).path, "--label", label, "--corpus", corpus.path,
            "--repeat", String(repetitions),
          ]))
      }
    }
    try? FileManager.default.removeItem(at: scratch)
    try? FileManager.default.removeItem(at: cache)
    if !memoryScratch.isEmpty { try? FileManager.default.removeItem(atPath: memoryScratch) }

    let machine = Machine.current()
    let report = Report(machine: machine, measurements: results, repetitions: repetitions)
    print(report.rendered)
    try FileManager.default.createDirectory(at: workspace.results, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(report.saved).write(to: workspace.results.appendingPathComponent("quipu.json"))
    note("quipu-bench: results written to \(workspace.results.appendingPathComponent("quipu.json").path)")
  }

  /// Runs `quipu-bench measure ARGS` in a child process and decodes its JSON.
  private func measure(_ arguments: [String]) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["measure"] + arguments
    let output = Pipe()
    process.standardOutput = output
    note("quipu-bench: measure \(arguments.joined(separator: " "))")
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw WorkspaceError(description: "measure \(arguments.joined(separator: " ")) failed (status \(process.terminationStatus))")
    }
    let m = try JSONDecoder().decode(Measurement.self, from: data)
    note(
      "  \(fixed(m.runSeconds, 2)) s, \(fixed(m.megabytesPerSecond, 2)) MB/s"
        + (m.memoryRunSeconds > 0 ? " (out/ in memory: \(fixed(m.memoryMegabytesPerSecond, 2)) MB/s)" : "")
        + ", \(m.mentions) mentions, "
        + "peak RSS \(fixed(m.peakRSSMegabytes, 0)) MB")
    return m
  }

  /// Reads every corpus file once, so that the first configuration does not pay for the disk.
  private func warmPageCache(_ corpus: URL) {
    for relative in regularFiles(under: corpus) {
      _ = FileManager.default.contents(atPath: corpus.appendingPathComponent(relative).path)
    }
  }
}

/// The machine the numbers were measured on.
struct Machine: Codable {
  var cores: Int
  var cpu: String
  var memoryGB: Double
  var swift: String
  var icu: String
  var kernel: String
  var date: String

  static func current() -> Machine {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let cpu = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
    let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
    let kilobytes = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
      .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Double($0) } } ?? 0
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return Machine(
      cores: ProcessInfo.processInfo.activeProcessorCount, cpu: cpu, memoryGB: kilobytes * 1024 / 1e9,
      swift: command("swift", "--version").split(separator: "\n").first.map(String.init) ?? "unknown",
      icu: icuVersion,
      kernel: command("uname", "-sr").trimmingCharacters(in: .whitespacesAndNewlines),
      date: formatter.string(from: Date()))
  }

  private static func command(_ arguments: String...) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "unknown" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
