import Foundation

/// The input tree as built on disk, entry by entry, and the changes made to it. Every change
/// is made as root (or the current user) and then given to the runner's user; one that the
/// file system refuses (a name too long, a folder moved into itself, a name taken) is skipped.
final class Tree: @unchecked Sendable {
  let root: BytePath
  private(set) var entries: [TreeProgram.Entry] = []
  private var alive: [Bool] = []

  init(root: BytePath) { self.root = root }

  /// The entry's path relative to the input folder, or nil when it (or a folder above it) is gone.
  func relative(_ index: Int) -> BytePath? {
    guard entries.indices.contains(index), alive[index] else { return nil }
    let entry = entries[index]
    guard let parent = entry.parent else { return entry.name }
    guard let above = relative(parent), entries[parent].kind == .folder else { return nil }
    return above.joined(entry.name)
  }

  func path(_ index: Int) -> BytePath? { relative(index).map { root.joined($0) } }

  /// Creates the entry (its mode is set by ``applyModes()`` once every entry exists).
  func add(_ entry: TreeProgram.Entry) {
    entries.append(entry)
    alive.append(false)
    let index = entries.count - 1
    guard Self.isName(entry.name) else { return }
    if let parent = entry.parent, relative(parent) == nil || entries[parent].kind != .folder { return }
    alive[index] = true
    guard let path = path(index) else { return alive[index] = false }
    let made: Bool
    switch entry.kind {
    case .file:
      made = lstatKind(path) == nil && writeBytes(entry.content, to: path, mode: 0o600)
    case .folder:
      made = withPath(path) { mkdir($0, 0o700) } == 0
    case .link:
      let target = entry.target.flatMap(self.path) ?? root.joined(Array("missing".utf8))
      made = withPath(target) { t in withPath(path) { symlink(t, $0) } } == 0
    }
    alive[index] = made
    if made { Identity.own(path) }
  }

  /// Sets every created entry's mode (links have none).
  func applyModes() {
    for index in entries.indices where entries[index].kind != .link {
      if let path = path(index) { _ = withPath(path) { chmod($0, entries[index].mode) } }
    }
  }

  func apply(_ change: TreeProgram.Change) {
    switch change {
    case .edit(let index, let bytes):
      guard let path = path(index), entries[index].kind == .file else { return }
      writeBytes(bytes, to: path)
    case .append(let index, let bytes):
      guard let path = path(index), entries[index].kind == .file, let old = readBytes(path) else { return }
      writeBytes(old + bytes, to: path)
    case .delete(let index):
      guard let path = path(index) else { return }
      removeTree(path)
      alive[index] = false
    case .rename(let index, let parent, let name):
      guard Self.isName(name), let from = path(index) else { return }
      var above: BytePath = root
      if let parent {
        guard let folder = path(parent), entries[parent].kind == .folder, !isInside(parent, index) else { return }
        above = folder
      }
      let to = above.joined(name)
      guard lstatKind(to) == nil, withPath(from, { f in withPath(to) { rename(f, $0) } }) == 0 else { return }
      entries[index].parent = parent
      entries[index].name = name
    case .chmod(let index, let mode):
      guard let path = path(index), entries[index].kind != .link else { return }
      _ = withPath(path) { chmod($0, mode) }
    case .add(var entry):
      if let parent = entry.parent, !entries.indices.contains(parent) { entry.parent = nil }
      add(entry)
      if let path = path(entries.count - 1), entry.kind != .link { _ = withPath(path) { chmod($0, entry.mode) } }
    }
  }

  /// Whether `index` is `folder` or lies under it.
  private func isInside(_ index: Int, _ folder: Int) -> Bool {
    var current: Int? = index
    while let c = current {
      if c == folder { return true }
      current = entries[c].parent
    }
    return false
  }

  /// A name the file system takes: not empty, not `.` or `..`, no `/` or NUL, at most 255 bytes.
  static func isName(_ name: [UInt8]) -> Bool {
    !name.isEmpty && name != [0x2E] && name != [0x2E, 0x2E] && !name.contains(0x2F) && !name.contains(0) && name.count <= 255
  }
}
