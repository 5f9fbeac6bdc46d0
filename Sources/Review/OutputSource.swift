import Foundation
import Normalization

/// Where `quipu diff` reads mention lines: an output folder on disk, or one at a git revision.
///
/// Either way the mention files are `docs/**/*.jsonl` under the output folder (hidden folders
/// such as the run state are skipped), read in UTF-8 byte order of their paths. A folder with
/// neither `docs/` nor `entities.jsonl` is not an output folder.
public enum OutputSource {
  /// The mentions of the output folder at `path`.
  public static func mentions(folder path: String) throws(ReviewError) -> [OutputMention] {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ReviewError(path: path, message: "no such folder")
    }
    let root = path.hasSuffix("/") ? path : path + "/"
    let docs = root + "docs"
    let hasDocs = manager.fileExists(atPath: docs, isDirectory: &isDirectory) && isDirectory.boolValue
    guard hasDocs || manager.fileExists(atPath: root + "entities.jsonl") else {
      throw ReviewError(path: path, message: notOutputFolder)
    }
    guard hasDocs else { return [] }
    guard let walker = manager.enumerator(atPath: docs) else {
      throw ReviewError(path: docs, message: "cannot list the folder")
    }
    var files: [String] = []
    var others = 0
    for case let relative as String in walker {
      guard manager.fileExists(atPath: docs + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      if isMentionFile(relative) { files.append(relative) } else if !isHidden(relative) { others += 1 }
    }
    if files.isEmpty, others > 0 { throw ReviewError(path: path, message: otherFormat) }
    var result: [OutputMention] = []
    for relative in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let file = docs + "/" + relative
      guard let data = manager.contents(atPath: file) else { throw ReviewError(path: file, message: "cannot read the file") }
      result += try MentionFileParser.mentions(in: [UInt8](data), path: file)
    }
    return result
  }

  /// The mentions of the output folder `path` (relative to `directory`, inside a git
  /// checkout) as committed at `revision`, read with `git ls-tree` and `git cat-file`: the
  /// working tree is neither read nor touched.
  public static func mentions(revision: String, folder path: String, in directory: URL) throws(ReviewError)
    -> [OutputMention]
  {
    let git = Git(directory: directory)
    let commit = try git.commit(revision)
    let prefix = try git.run(["rev-parse", "--show-prefix"]).text.trimmingCharacters(in: .newlines)
    var fromRoot = prefix + path
    if path.hasPrefix("/") {
      // An absolute folder: its path inside the checkout (real paths, as git prints the top).
      let top = try git.run(["rev-parse", "--show-toplevel"]).text.trimmingCharacters(in: .newlines)
      let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      guard real == top || real.hasPrefix(top + "/") else {
        throw ReviewError(path: path, message: "the output folder is outside the git checkout")
      }
      fromRoot = String(real.dropFirst(top.count))
    }
    guard let full = normalized(fromRoot) else {
      throw ReviewError(path: path, message: "the output folder is outside the git checkout")
    }
    let pathspec = full.isEmpty ? "." : full + "/"
    let listing = try git.run(["ls-tree", "-r", "-z", "--full-name", commit, "--", pathspec], fromRoot: true)
    var blobs: [(path: String, object: String)] = []
    var isOutputFolder = false
    var others = 0
    for entry in listing.bytes.split(separator: 0) {
      // "<mode> SP <type> SP <object> TAB <path>"
      guard let tab = entry.firstIndex(of: 9) else { continue }
      let fields = String(decoding: entry[..<tab], as: UTF8.self).split(separator: " ")
      let name = String(decoding: entry[(tab + 1)...], as: UTF8.self)
      guard fields.count == 3, fields[1] == "blob" else { continue }
      let relative = full.isEmpty ? name : String(name.dropFirst(full.count + 1))
      if relative == "entities.jsonl" { isOutputFolder = true }
      if relative.hasPrefix("docs/") {
        isOutputFolder = true
        let inDocs = String(relative.dropFirst(5))
        if isMentionFile(inDocs) { blobs.append((name, String(fields[2]))) } else if !isHidden(inDocs) { others += 1 }
      }
    }
    guard isOutputFolder else {
      throw ReviewError(path: "\(revision):\(path)", message: notOutputFolder)
    }
    if blobs.isEmpty, others > 0 { throw ReviewError(path: "\(revision):\(path)", message: otherFormat) }
    blobs.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let contents = try git.blobs(blobs.map(\.object))
    var result: [OutputMention] = []
    for (blob, bytes) in zip(blobs, contents) {
      result += try MentionFileParser.mentions(in: bytes, path: "\(revision):\(blob.path)")
    }
    return result
  }

  static let notOutputFolder = "not an output folder of `quipu run` (no docs/ and no entities.jsonl)"

  static let otherFormat = "holds no mention lines (docs/*.jsonl): written with another --format?"

  /// A mention file under `docs/`: `*.jsonl`, in no hidden folder.
  static func isMentionFile(_ relative: String) -> Bool {
    relative.hasSuffix(".jsonl") && !isHidden(relative)
  }

  static func isHidden(_ relative: String) -> Bool {
    relative.split(separator: "/").contains { $0.hasPrefix(".") }
  }

  /// `a/./b/../c/` → `a/c`; nil when `..` climbs above the start.
  static func normalized(_ path: String) -> String? {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        if parts.isEmpty { return nil }
        parts.removeLast()
      default: parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }
}

/// `git` run as a child process in a checkout.
struct Git {
  var directory: URL

  struct Output {
    var bytes: [UInt8]
    var text: String { String(decoding: bytes, as: UTF8.self) }
  }

  /// The commit id `revision` names, or an error when it names none.
  func commit(_ revision: String) throws(ReviewError) -> String {
    if revision.hasPrefix("-") { throw ReviewError(path: revision, message: "not a revision") }
    let result = try run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], failing: false)
    guard result.status == 0 else { throw ReviewError(path: revision, message: "unknown revision (or not a git checkout)") }
    return result.output.text.trimmingCharacters(in: .newlines)
  }

  /// The contents of `objects`, in order, from one `git cat-file --batch`.
  func blobs(_ objects: [String]) throws(ReviewError) -> [[UInt8]] {
    if objects.isEmpty { return [] }
    let input = objects.map { $0 + "\n" }.joined()
    let bytes = try run(["cat-file", "--batch"], input: Array(input.utf8)).bytes
    var result: [[UInt8]] = []
    var index = 0
    for object in objects {
      // "<object> SP blob SP <size> LF <contents> LF"
      guard let newline = bytes[index...].firstIndex(of: 10) else { break }
      let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ")
      guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= bytes.count else {
        throw ReviewError(path: object, message: "git cat-file gave no contents")
      }
      result.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
      index = newline + 1 + size + 1
    }
    guard result.count == objects.count else { throw ReviewError(path: "git cat-file", message: "short output") }
    return result
  }

  func run(_ arguments: [String], input: [UInt8] = [], fromRoot: Bool = false) throws(ReviewError) -> Output {
    let result = try run(arguments, input: input, failing: true, fromRoot: fromRoot)
    return result.output
  }

  private func run(_ arguments: [String], input: [UInt8] = [], failing: Bool, fromRoot: Bool = false) throws(ReviewError)
    -> (status: Int32, output: Output)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // `ls-tree --full-name` takes pathspecs relative to the current folder; from the root, the
    // full names we computed are the pathspecs.
    process.arguments = ["git"] + (fromRoot ? ["-C", topLevel()] : []) + arguments
    process.currentDirectoryURL = directory
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    do {
      try process.run()
    } catch {
      throw ReviewError(path: "git", message: "cannot run git (\(error.localizedDescription))")
    }
    final class Box: @unchecked Sendable { var data = Data() }
    let errors = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errors.data = stderr.fileHandleForReading.readAllRetryingInterrupts()
      group.leave()
    }
    let writer = stdin.fileHandleForWriting
    let data = Data(input)
    group.enter()
    DispatchQueue.global().async {
      if !data.isEmpty { writer.write(data) }
      try? writer.close()
      group.leave()
    }
    let output = stdout.fileHandleForReading.readAllRetryingInterrupts()
    group.wait()
    process.waitUntilExit()
    if failing, process.terminationStatus != 0 {
      let message = String(decoding: errors.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw ReviewError(path: "git " + (arguments.first ?? ""), message: message.isEmpty ? "failed" : message)
    }
    return (process.terminationStatus, Output(bytes: [UInt8](output)))
  }

  private func topLevel() -> String {
    (try? run(["rev-parse", "--show-toplevel"]).text.trimmingCharacters(in: .newlines)) ?? "."
  }
}
