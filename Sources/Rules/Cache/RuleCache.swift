import Foundation
import Normalization

#if canImport(Glibc)
  import Glibc
#endif

/// The compiled rules cache: a rule set, once compiled, is written to one binary file and read
/// back in one go (no YAML, no normalization of aliases) for as long as nothing it was compiled
/// from has changed.
///
/// - **Key.** The file's name hashes the build of Quipu (version and binary), the rules folder's
///   absolute path and the packs left out; so one cache folder serves any number of rule
///   folders and builds side by side.
/// - **Validity.** The file's header lists the rule files the folder held and every file
///   compilation read (rule files, GeoNames tables, word lists, wherever they are) with its size
///   and hash. All of them are checked before the set is used: an edited, added or removed
///   rule file, or a changed table, means a recompile. The payload has its own checksum.
/// - **Safety.** Written to a temporary file and renamed, so a reader sees a whole file or
///   none; a damaged or unreadable cache is ignored (and replaced), never trusted. Only
///   rule sets without errors are cached; their warnings are kept and reported again.
/// - **Size.** The folder keeps the 8 most recently written caches.
public enum RuleCache {
  /// How a load went.
  public enum Outcome: Equatable, Sendable {
    /// Read from the cache.
    case hit
    /// Compiled, and written to the cache (the reason the cache could not serve).
    case compiled(String)
    /// Compiled; the cache could not be written (why).
    case notStored(String)
    /// Compiled; no cache folder.
    case disabled
  }

  static let magic = Array("quipu compiled rules\n".utf8)
  static let format = 7
  static let kept = 8

  /// `$QUIPU_CACHE_DIR`, else `$XDG_CACHE_HOME/quipu`, else `~/.cache/quipu`.
  public static var defaultFolder: URL? {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["QUIPU_CACHE_DIR"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("quipu")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home).appendingPathComponent(".cache/quipu")
    }
    return nil
  }

  /// The rules of `directory`: from the cache in `folder` when it is valid, else compiled
  /// (and then cached). `build` names the running Quipu (version and binary). With
  /// `parallel`, a cached set is decoded on two threads.
  public static func load(
    directory: String, skippingPacks skipped: Set<String> = [], build: String, folder: URL?, parallel: Bool = false
  ) throws(RuleErrors) -> (rules: RuleSet, outcome: Outcome) {
    guard let folder else { return (try RuleSet.load(directory: directory, skippingPacks: skipped), .disabled) }
    let reason: String
    switch cached(directory: directory, skippingPacks: skipped, build: build, folder: folder, parallel: parallel) {
    case .success(let rules): return (rules, .hit)
    case .failure(let why): reason = why.message
    }
    let rules = try RuleSet.load(directory: directory, skippingPacks: skipped)
    do {
      try store(rules, directory: directory, skippingPacks: skipped, build: build, folder: folder)
      return (rules, .compiled(reason))
    } catch {
      return (rules, .notStored("cannot write to \(folder.path): \(describe(error))"))
    }
  }

  /// A cache write failure in words: the system's reason, never a raw `NSError` dump.
  static func describe(_ error: any Error) -> String {
    if let error = error as? WriteError { return error.message }
    let ns = error as NSError
    let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0 : nil }
      ?? (ns.domain == NSPOSIXErrorDomain ? ns : nil)
    if let posix { return String(cString: strerror(Int32(posix.code))) }
    return ns.localizedDescription
  }

  /// `mkdir -p`, with the system's reason when it fails (Foundation's error on Linux has none).
  static func makeFolder(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw WriteError(message: "\(path) is not a folder") }
      return
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path { try makeFolder(parent) }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw WriteError(message: "cannot make \(path) (\(String(cString: strerror(errno))))")
    }
  }

  /// Writes `data` to a new file at `path`, with the system's reason when it fails.
  static func writeFile(_ data: Data, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError(message: "cannot create \(path) (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
      var written = 0
      while written < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          let reason = String(cString: strerror(errno))
          unlink(path)
          throw WriteError(message: "cannot write \(path) (\(reason))")
        }
        written += n
      }
    }
  }

  /// Why a cache could not be written.
  struct WriteError: Error {
    var message: String
  }

  /// The cached rules of `directory`, or why the cache cannot serve them.
  public static func cached(
    directory: String, skippingPacks skipped: Set<String> = [], build: String, folder: URL, parallel: Bool = false
  ) -> Result<RuleSet, Miss> {
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    return read(
      file(root: root, skipped: skipped, build: build, folder: folder), listing: RuleLoader.ruleFiles(under: root),
      parallel: parallel)
  }

  /// Writes `rules`, compiled from `directory`, to the cache; returns the file's size in bytes.
  @discardableResult
  public static func store(
    _ rules: RuleSet, directory: String, skippingPacks skipped: Set<String> = [], build: String, folder: URL
  ) throws -> Int {
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let size = try write(
      rules, listing: RuleLoader.ruleFiles(under: root), to: file(root: root, skipped: skipped, build: build, folder: folder))
    prune(folder)
    return size
  }

  static func file(root: URL, skipped: Set<String>, build: String, folder: URL) -> URL {
    folder.appendingPathComponent("rules-\(name(build: build, root: root, skipped: skipped)).bin")
  }

  static func name(build: String, root: URL, skipped: Set<String>) -> String {
    var hash = StableHash()
    hash.combine("format \(format)")
    hash.combine(build)
    hash.combine(root.path)
    for pack in skipped.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { hash.combine(pack) }
    return hash.hex
  }

  /// Why the cache could not serve a rule set.
  public struct Miss: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
    static let damaged = Miss("damaged cache")
  }

  /// The digest (``RuleSet/digest``) of the rules of `directory` as the cache in `folder` holds
  /// them, if it is valid for them (the header's checks: listing and inputs), without
  /// reading the rules: what a run needs to know whether its last output still stands.
  public static func cachedDigest(
    directory: String, skippingPacks skipped: Set<String> = [], build: String, folder: URL
  ) -> StableHash? {
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let path = file(root: root, skipped: skipped, build: build, folder: folder)
    let listing = RuleLoader.ruleFiles(under: root)
    // The header only: its first 64 KB, more if it is longer (a header lists every input).
    var limit = 1 << 16
    while true {
      guard let mapped = MappedFile(path: path.path, limit: limit) else { return nil }
      let read = withExtendedLifetime(mapped) { () -> Result<StableHash, Miss> in
        var r = BinaryReader(mapped.bytes)
        return header(&r, listing: listing)
      }
      switch read {
      case .success(let digest): return digest
      case .failure(let miss) where miss.message == Miss.damaged.message && mapped.bytes.count < mapped.fileCount:
        limit *= 4  // cut short by the limit, not damaged
      case .failure: return nil
      }
    }
  }

  /// Reads and checks a cache file's header up to its digest: magic, format, the rule files
  /// listed and every input's size and hash.
  static func header(_ r: inout BinaryReader, listing: [String]) -> Result<StableHash, Miss> {
    let raw = r.remaining
    guard raw.count > magic.count, raw.prefix(magic.count).elementsEqual(magic) else {
      return .failure(Miss("not a rules cache"))
    }
    r.skip(magic.count)
    do throws(BinaryReader.Damaged) {
      guard try r.readInt() == format else { return .failure(Miss("another cache format")) }
      let files = try r.readArray { r throws(BinaryReader.Damaged) in try r.readString() }
      guard files == listing else { return .failure(Miss("rule files were added or removed")) }
      let inputs = try r.readArray { r throws(BinaryReader.Damaged) in
        (
          path: try r.readString(), size: try r.readUInt64(), hash: try r.readUInt64(),
          status: InputStatus(inode: try r.readUInt64(), modified: try r.readUInt64(), changed: try r.readUInt64())
        )
      }
      for input in inputs {
        // A file with the status recorded for it is not read again (git's rule: the status is
        // recorded only for a file older than two seconds, so no write hides in its tick).
        if input.status.isKnown, InputStatus(path: input.path, size: input.size) == input.status { continue }
        guard let digest = fileDigest(path: input.path), digest.size == input.size, digest.hash == input.hash
        else { return .failure(Miss("\(input.path) changed")) }
      }
      return .success(StableHash(value: try r.readUInt64()))
    } catch {
      return .failure(.damaged)
    }
  }

  /// The rule set in `file`, if it is whole and every input it lists is unchanged.
  static func read(_ file: URL, listing: [String], parallel: Bool = false) -> Result<RuleSet, Miss> {
    guard let mapped = MappedFile(path: file.path) else { return .failure(Miss("no cache yet")) }
    return withExtendedLifetime(mapped) { () -> Result<RuleSet, Miss> in
      let raw = mapped.bytes
      var r = BinaryReader(raw)
      if case .failure(let miss) = header(&r, listing: listing) { return .failure(miss) }
      do throws(BinaryReader.Damaged) {
        let checksum = try r.readUInt64()
        let length = try r.readCount()
        let start = raw.count - length
        let payload = UnsafeRawBufferPointer(rebasing: raw[start...])
        guard Checksum.of(payload) == checksum else { return .failure(Miss("damaged cache")) }
        var p = BinaryReader(payload, releasingBehind: true)
        let rules = try RuleSet(decoding: &p, parallel: parallel)
        guard p.isAtEnd else { return .failure(Miss("damaged cache")) }
        return .success(rules)
      } catch {
        return .failure(Miss("damaged cache"))
      }
    }
  }

  static func write(_ rules: RuleSet, listing: [String], to file: URL) throws -> Int {
    var payload = BinaryWriter()
    rules.encode(into: &payload)
    var header = BinaryWriter()
    header.write(format)
    header.write(listing) { w, s in w.write(s) }
    var inputs: [(String, UInt64, UInt64, InputStatus)] = []
    for path in rules.inputs {
      // The status first: a write after it changes it, so the pair can only err towards hashing.
      let status = InputStatus(settledAt: path)
      guard let digest = fileDigest(path: path) else { throw WriteError(message: "cannot read \(path)") }
      inputs.append((path, digest.size, digest.hash, status))
    }
    header.write(inputs) { w, input in
      w.write(input.0)
      w.write(input.1)
      w.write(input.2)
      w.write(input.3.inode)
      w.write(input.3.modified)
      w.write(input.3.changed)
    }
    header.write(rules.digest.value)
    header.write(payload.bytes.withUnsafeBytes { Checksum.of($0) })
    header.write(UInt64(payload.bytes.count))
    var out = Data(magic)
    out.append(contentsOf: header.bytes)
    out.append(contentsOf: payload.bytes)

    let manager = FileManager.default
    try makeFolder(file.deletingLastPathComponent().path)
    let temporary = file.deletingLastPathComponent().appendingPathComponent(
      ".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    try writeFile(out, to: temporary.path)
    if rename(temporary.path, file.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? manager.removeItem(at: temporary)
      throw WriteError(message: "cannot rename \(temporary.lastPathComponent) to \(file.lastPathComponent) (\(reason))")
    }
    return out.count
  }

  /// Keeps the most recently written caches in `folder`.
  static func prune(_ folder: URL) {
    let manager = FileManager.default
    guard
      let names = try? manager.contentsOfDirectory(
        at: folder, includingPropertiesForKeys: [.contentModificationDateKey], options: [.skipsHiddenFiles])
    else { return }
    let caches = names.filter { $0.lastPathComponent.hasPrefix("rules-") && $0.pathExtension == "bin" }
    guard caches.count > kept else { return }
    let dated = caches.map { url in
      (url, (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast)
    }
    for (url, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(kept) { try? manager.removeItem(at: url) }
  }
}

/// A rule input's file status as the cache records it: inode, modification and change times
/// in nanoseconds (all 0: unknown, the file is hashed), for files whose size is as recorded.
/// The change time is the kernel's: no tool sets it back, so an edit that restores the
/// modification time still shows.
struct InputStatus: Equatable {
  var inode: UInt64
  var modified: UInt64
  var changed: UInt64

  init(inode: UInt64, modified: UInt64, changed: UInt64) {
    self.inode = inode
    self.modified = modified
    self.changed = changed
  }

  static let unknown = InputStatus(inode: 0, modified: 0, changed: 0)

  var isKnown: Bool { self != .unknown }

  /// The status of `path` if its size is `size`, else unknown.
  init(path: String, size: UInt64) {
    var info = stat()
    guard stat(path, &info) == 0, UInt64(info.st_size) == size else {
      self = .unknown
      return
    }
    self.init(info)
  }

  /// The status of `path` to record: unknown unless the file was last modified and changed
  /// two seconds or more before now.
  init(settledAt path: String) {
    var info = stat()
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let settled = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - 2_000_000_000
    guard stat(path, &info) == 0 else {
      self = .unknown
      return
    }
    let status = InputStatus(info)
    let latest = max(Int64(bitPattern: status.modified), Int64(bitPattern: status.changed))
    self = latest <= settled ? status : .unknown
  }

  private init(_ info: stat) {
    inode = UInt64(info.st_ino)
    modified = UInt64(bitPattern: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    changed = UInt64(bitPattern: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
  }
}
