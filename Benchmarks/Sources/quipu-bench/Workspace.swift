import Foundation

/// Where the benchmark finds the repository and keeps its generated data.
struct Workspace {
  /// The Quipu repository (the folder with `Package.swift` and `rules/`).
  let repo: URL
  /// Generated inputs and results, git-ignored: `Benchmarks/.data`.
  let data: URL

  init(repo: String?, data: String?) throws {
    let root = try repo.map { URL(fileURLWithPath: $0) } ?? Self.findRepo()
    self.repo = root.standardizedFileURL
    self.data = data.map { URL(fileURLWithPath: $0).standardizedFileURL }
      ?? self.repo.appendingPathComponent("Benchmarks/.data", isDirectory: true)
  }

  var repoRules: URL { repo.appendingPathComponent("rules", isDirectory: true) }
  var gazetteers: URL { data.appendingPathComponent("gazetteers", isDirectory: true) }
  var results: URL { data.appendingPathComponent("results", isDirectory: true) }
  func corpus(megabytes: Int) -> URL { data.appendingPathComponent("corpus-\(megabytes)mb", isDirectory: true) }
  /// N small documents sharing entities (``SharedCorpus``).
  func sharedCorpus(documents: Int) -> URL { data.appendingPathComponent("shared-\(documents)", isDirectory: true) }

  /// The rules folder for a configuration: the repo's own for `default`, else a gazetteer.
  func rules(_ label: String) -> URL { label == "default" ? repoRules : gazetteers.appendingPathComponent(label) }

  /// The repository root: the current folder or one above it that has Quipu's Package.swift
  /// (so the commands work from the root and from Benchmarks/).
  static func findRepo() throws -> URL {
    var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for _ in 0..<4 {
      let manifest = url.appendingPathComponent("Package.swift")
      if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"Quipu\"") { return url }
      url.deleteLastPathComponent()
    }
    throw WorkspaceError(description: "cannot find the Quipu repository from here; pass --repo")
  }
}

struct WorkspaceError: Error, CustomStringConvertible {
  var description: String
}

/// Writes a line to standard error (progress and diagnostics; results go to stdout).
func note(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
