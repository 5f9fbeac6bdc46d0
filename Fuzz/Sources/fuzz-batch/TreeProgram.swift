import Foundation
import Output

/// The fuzzer's bytes read as a small program: settings, a file tree, then the changes made
/// between two runs and, optionally, during a third. Every byte choice is taken modulo the
/// number of options, and a missing byte reads as 0, so every input is a valid program.
struct TreeProgram {
  struct Settings {
    var format: OutputFormat = .jsonl
    var replaceInvalid = false
    var explain = false
    /// Put files Quipu did not write into `out/` before the first run.
    var foreignFiles = false
    /// Change the tree from a second thread during a run (invariants relaxed).
    var racing = false
  }

  enum Kind { case file, folder, link }

  /// One entry of the tree: created under `parent` (an earlier folder's index, or nil for the
  /// input folder itself).
  struct Entry {
    var kind: Kind
    var parent: Int?
    var name: [UInt8]
    var content: [UInt8] = []
    var mode: mode_t
    /// For links: the index of the entry it points to (by relative path), or nil (dangling).
    var target: Int?
  }

  enum Change {
    case edit(Int, [UInt8])
    case append(Int, [UInt8])
    case delete(Int)
    case rename(Int, parent: Int?, name: [UInt8])
    case chmod(Int, mode_t)
    case add(Entry)
  }

  var settings = Settings()
  var entries: [Entry] = []
  var between: [Change] = []
  var during: [Change] = []
  /// Files put into `out/` first, relative to it, with their bytes.
  var foreign: [([UInt8], [UInt8])] = []

  // MARK: - Alphabets

  /// Pieces of names: case pairs, NFC and NFD of one letter, dots and extensions (read and
  /// not read by default, and Quipu's own output suffixes), Quipu's own names, bytes that are
  /// not UTF-8 (a lone continuation byte, a truncated sequence, an encoded surrogate), glob
  /// characters, spaces, controls, right-to-left marks, and a long run (three make a name
  /// longer than 255 bytes; two, with an output suffix and a temporary marker, come close).
  static let nameParts: [[UInt8]] = [
    "a", "b", "A", "é", "e\u{301}", ".", "..", ".txt", ".TXT", ".md", ".jsonl", ".conll", ".ann", ".log", ".bin",
    ".quipu", "docs", "entities", "annotation", "out", " ", "-", "*", "?", "[", "\\", "\n", "\t", "Ω", "名", "\u{202E}",
    "\u{FEFF}", "~", "#", String(repeating: "x", count: 100), "Ａ", "ﬁ",
  ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x80], [0xC0, 0xAF]]

  /// Pieces of texts: sentences the seed rules find names in, other scripts, NFD, line breaks,
  /// NUL, bytes that are not UTF-8, and nothing.
  static let textParts: [[UInt8]] = [
    "President Dina Boluarte met the CGTP in Lima, Peru. ",
    "La presidenta Dina Boluarte se reunió con la CGTP en Lima. ",
    "El Congreso de la República del Perú y la Policía Nacional. ",
    "The U.S. Southern Command (SOUTHCOM) said Evo Morales ",
    "Пере́у 秘鲁 ",
    "Pe\u{301}ru\u{301} ",
    "\r\n\r\n",
    "\n",
    "\u{0}",
    "\u{2028}",
    "🇵🇪 ",
    "Dina ",
    "",
  ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xFE, 0xFF]]

  // MARK: - Decoding

  init(_ bytes: [UInt8]) {
    var input = ByteReader(bytes)
    let flags = input.next()
    settings.format = OutputFormat.allCases[Int(flags & 3)]
    settings.replaceInvalid = flags & 4 != 0
    settings.explain = flags & 8 != 0
    settings.foreignFiles = flags & 16 != 0
    settings.racing = flags & 32 != 0
    let count = 1 + Int(input.next() % 10)
    for _ in 0..<count { entries.append(Self.entry(&input, existing: entries)) }
    if settings.foreignFiles {
      let foreignCount = 1 + Int(input.next() % 3)
      for _ in 0..<foreignCount {
        let place = input.next() % 4
        // Beside entities.jsonl, under docs/, where a document's output would go, or in a folder.
        let name = Self.name(&input)
        let relative: [UInt8] =
          switch place {
          case 0: name
          case 1: Array("docs/".utf8) + name
          case 2: Array("docs/".utf8) + name + ".jsonl"
          default: Array("docs/".utf8) + name + "/" + "kept.jsonl"
          }
        foreign.append((relative, Self.text(&input)))
      }
    }
    let changes = Int(input.next() % 7)
    for _ in 0..<changes { between.append(Self.change(&input, entries: entries.count + between.count)) }
    if settings.racing {
      let raceChanges = 1 + Int(input.next() % 4)
      for _ in 0..<raceChanges { during.append(Self.change(&input, entries: entries.count + between.count + during.count)) }
    }
  }

  static func name(_ input: inout ByteReader) -> [UInt8] {
    let parts = 1 + Int(input.next() % 4)
    var name: [UInt8] = []
    for _ in 0..<parts { name += nameParts[Int(input.next()) % nameParts.count] }
    return name
  }

  static func text(_ input: inout ByteReader) -> [UInt8] {
    let parts = Int(input.next() % 6)
    var text: [UInt8] = []
    for _ in 0..<parts { text += textParts[Int(input.next()) % textParts.count] }
    return text
  }

  /// The text in one of eight encodings: UTF-8, UTF-8 with a BOM, UTF-16 LE and BE with a BOM,
  /// UTF-16 LE without one, a truncated UTF-16 (odd length), the text with its last byte cut
  /// off, and an empty file.
  static func encoded(_ text: [UInt8], as encoding: UInt8) -> [UInt8] {
    let units = Array(String(decoding: text, as: UTF8.self).utf16)
    func utf16(bigEndian: Bool, bom: Bool) -> [UInt8] {
      ((bom ? [0xFEFF] : []) + units).flatMap { unit in
        bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
    }
    switch encoding % 8 {
    case 0: return text
    case 1: return [0xEF, 0xBB, 0xBF] + text
    case 2: return utf16(bigEndian: false, bom: true)
    case 3: return utf16(bigEndian: true, bom: true)
    case 4: return utf16(bigEndian: false, bom: false)
    case 5: return Array(utf16(bigEndian: false, bom: true).dropLast())
    case 6: return Array(text.dropLast())
    default: return []
    }
  }

  /// Mostly readable; some 000 (unreadable, unlistable), some write-only, some folders
  /// listable but not searchable (r--).
  static func mode(_ input: inout ByteReader, folder: Bool) -> mode_t {
    switch input.next() % 10 {
    case 0: return 0o000
    case 1: return folder ? 0o500 : 0o200
    case 2: return folder ? 0o400 : 0o444
    case 3: return folder ? 0o100 : 0o600
    default: return folder ? 0o755 : 0o644
    }
  }

  static func entry(_ input: inout ByteReader, existing: [Entry]) -> Entry {
    let kindByte = input.next()
    let kind: Kind = kindByte % 8 < 5 ? .file : kindByte % 8 < 7 ? .folder : .link
    let folders = existing.indices.filter { existing[$0].kind == .folder }
    let parentChoice = Int(input.next()) % (folders.count + 1)
    let parent = parentChoice == 0 ? nil : folders[parentChoice - 1]
    var entry = Entry(kind: kind, parent: parent, name: name(&input), mode: mode(&input, folder: kind == .folder))
    switch kind {
    case .file: entry.content = encoded(text(&input), as: input.next())
    case .folder: break
    case .link:
      let choice = Int(input.next()) % (existing.count + 1)
      entry.target = choice == existing.count ? nil : choice
    }
    return entry
  }

  static func change(_ input: inout ByteReader, entries count: Int) -> Change {
    let op = input.next() % 6
    let target = Int(input.next()) % max(count, 1)
    switch op {
    case 0: return .edit(target, encoded(text(&input), as: input.next()))
    case 1: return .append(target, text(&input))
    case 2: return .delete(target)
    case 3:
      let parentByte = Int(input.next()) % (count + 1)
      return .rename(target, parent: parentByte == count ? nil : parentByte, name: name(&input))
    case 4: return .chmod(target, mode(&input, folder: input.next() & 1 == 0))
    default:
      // A new entry may go under any earlier entry (it is skipped when that is not a folder).
      let kindByte = input.next()
      let kind: Kind = kindByte % 4 < 3 ? .file : .folder
      let parentByte = Int(input.next()) % (count + 1)
      var entry = Entry(kind: kind, parent: parentByte == count ? nil : parentByte, name: name(&input), mode: mode(&input, folder: kind == .folder))
      if kind == .file { entry.content = encoded(text(&input), as: input.next()) }
      return .add(entry)
    }
  }
}

/// The fuzzer's bytes, one at a time; 0 after the end.
struct ByteReader {
  let bytes: [UInt8]
  var index = 0
  init(_ bytes: [UInt8]) { self.bytes = bytes }
  mutating func next() -> UInt8 {
    guard index < bytes.count else { return 0 }
    defer { index += 1 }
    return bytes[index]
  }
}
