import Foundation

/// The documents of an input folder, in a stable order.
public enum InputCatalog {
  /// What listing an input folder found.
  public struct Listing: Sendable {
    /// Relative paths (with `/`) of the documents, sorted by their UTF-8 bytes.
    public var documents: [String] = []
    /// What could not be listed or named (a folder it may not read, a file name that is not
    /// UTF-8, a path too long to reach): relative path (`""` for the folder itself) and why.
    /// Each is a failure: a run reports it and keeps the output of documents under it.
    public var problems: [Problem] = []
  }

  /// Something under the input folder that could not be listed or examined.
  public struct Problem: Hashable, Sendable {
    /// Relative path; `""` for the input folder itself.
    public var path: String
    public var message: String
    /// A folder (its documents are unknown), or a single entry.
    public var isFolder: Bool
  }

  /// Relative paths of the documents under `folder` (see ``listing(in:excluding:reader:)``);
  /// throws when anything could not be listed.
  public static func documents(in folder: URL, excluding excluded: URL? = nil) throws -> [String] {
    let listing = try listing(in: folder, excluding: excluded)
    if let problem = listing.problems.first {
      throw CocoaError(
        .fileReadUnknown,
        userInfo: [NSFilePathErrorKey: problem.path, NSLocalizedDescriptionKey: "\(problem.path): \(problem.message)"])
    }
    return listing.documents
  }

  /// The regular files under `folder`. Hidden files and folders (names starting with `.`) are
  /// skipped, and so are `excluding` and any folder with a `.<name>.quipu/` state folder beside
  /// it: Quipu's output of an earlier run, not documents. Symbolic links to files are read (a
  /// link that leads nowhere is a document that cannot be read); links to folders are not
  /// followed, so link loops cannot trap a run. Nothing is skipped silently: a folder that
  /// cannot be listed, or an entry that cannot be examined or named, is in `problems`.
  /// Throws only when `folder` itself is not a folder.
  public static func listing(in folder: URL, excluding excluded: URL? = nil) throws -> Listing {
    try listing(in: folder, excluding: excluded, reader: .system)
  }

  static func listing(in folder: URL, excluding excluded: URL?, reader: FolderReader) throws -> Listing {
    let root = folder.standardizedFileURL.resolvingSymlinksInPath()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
    }
    let skip = excluded?.standardizedFileURL.resolvingSymlinksInPath().path
    var listing = Listing()
    var pending: [String] = [""]  // relative folders still to list
    while let relative = pending.popLast() {
      let path = relative.isEmpty ? root.path : root.path + "/" + relative
      let names: [FolderReader.Entry]
      switch reader.names(path) {
      case .success(let found): names = found
      case .failure(let code):
        let reason = String(cString: strerror(code.code.rawValue))
        listing.problems.append(Problem(path: relative, message: "cannot list the folder (\(reason))", isFolder: true))
        continue
      }
      // In a folder that can be listed but not searched (read permission without execute),
      // no entry can be examined or read: each is examined, and so reported as such, as it
      // is where the listing does not say what an entry is.
      let searchable = faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) == 0
      for entry in names where entry.name.first != UInt8(ascii: ".") {
        let bytes = entry.name
        guard let name = String(validating: bytes, as: UTF8.self) else {
          let shown = (relative.isEmpty ? "" : relative + "/") + escaped(bytes)
          let message = "the file name is not valid UTF-8; rename the file"
          listing.problems.append(Problem(path: shown, message: message, isFolder: false))
          continue
        }
        let child = relative.isEmpty ? name : relative + "/" + name
        // The folder's listing says what most entries are (`d_type`): a regular file needs no
        // `lstat`. Links, and file systems that do not say, are examined.
        var kind: mode_t
        switch searchable ? Int32(entry.type) : Int32(DT_UNKNOWN) {
        case Int32(DT_REG): kind = S_IFREG
        case Int32(DT_DIR): kind = S_IFDIR
        case Int32(DT_LNK): kind = S_IFLNK
        case Int32(DT_UNKNOWN):
          var info = stat()
          guard lstat(path + "/" + name, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            listing.problems.append(Problem(path: child, message: "cannot read (\(reason))", isFolder: false))
            continue
          }
          kind = info.st_mode & S_IFMT
        default: continue  // sockets, pipes, devices: not documents
        }
        switch kind {
        case S_IFDIR:
          let childPath = path + "/" + name
          if childPath == skip || isOutputFolder(childPath) { continue }
          pending.append(child)
        case S_IFREG:
          listing.documents.append(child)
        case S_IFLNK:
          // A link to a file is a document; a link that leads nowhere too (its read fails).
          var info = stat()
          if stat(path + "/" + name, &info) != 0 || info.st_mode & S_IFMT == S_IFREG { listing.documents.append(child) }
        default:
          continue  // sockets, pipes, devices: not documents
        }
      }
    }
    listing.documents.sort(by: PathKey.precedes)
    listing.problems.sort { PathKey.precedes($0.path, $1.path) }
    return listing
  }

  /// Whether the folder at `path` is one a run wrote: `.<name>.quipu/run-state` lies beside it.
  static func isOutputFolder(_ path: String) -> Bool {
    access(OutputFolder(URL(fileURLWithPath: path)).stateFile.path, F_OK) == 0
  }

  /// A file name for messages: valid UTF-8 as it is, any other byte as `\xE9`.
  public static func escaped(_ bytes: [UInt8]) -> String {
    var out = ""
    var i = 0
    while i < bytes.count {
      let decoded = (1...4).lazy.compactMap { n in
        i + n <= bytes.count ? String(validating: bytes[i..<i + n], as: UTF8.self).map { ($0, n) } : nil
      }.first
      if let (text, n) = decoded {
        out += text
        i += n
      } else {
        out += String(format: "\\x%02X", bytes[i])
        i += 1
      }
    }
    return out
  }
}

/// How the catalog reads a folder's entry names: the file-system seam that tests replace to
/// make a folder unlistable (tests run as root here, whom `chmod 000` does not stop).
struct FolderReader: Sendable {
  /// A folder entry: its name (bytes) and its type as the listing gives it (`DT_REG`, `DT_DIR`,
  /// `DT_LNK`, …; `DT_UNKNOWN` when the file system does not say).
  struct Entry: Sendable {
    var name: [UInt8]
    var type: UInt8
  }

  /// The entries of the folder at a path (`.` and `..` left out), or why not.
  var names: @Sendable (String) -> Result<[Entry], POSIXError>

  static let system = FolderReader { path in
    guard let folder = opendir(path) else { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
    defer { closedir(folder) }
    var names: [Entry] = []
    while true {
      errno = 0
      guard let entry = readdir(folder) else {
        if errno != 0 { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
        break
      }
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { name in
          Array(UnsafeRawBufferPointer(start: name, count: strlen(name)).bindMemory(to: UInt8.self))
        }
      }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      names.append(Entry(name: name, type: entry.pointee.d_type))
    }
    return .success(names)
  }
}
