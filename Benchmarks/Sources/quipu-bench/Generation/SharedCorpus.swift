import Foundation

/// N small documents that all mention the same few entities (issue 16): the corner where
/// merging entity tables was quadratic, and where an unchanged re-run should cost a `stat` per
/// document. Documents go 1,000 to a folder; the same N gives the same bytes (the sentences
/// are Benchmarks/peers/shared-entities.py's, written for this benchmark).
enum SharedCorpus {
  static let templates = [
    "Report {n}. The mayor of Lima met officials from Madrid on Monday to discuss trade with Peru.\n",
    "Note {n}. Flights between Lima and Madrid were delayed again, the airline in Peru said.\n",
    "Bulletin {n}. Peru will host the summit in Lima next year; Madrid sent a delegation.\n",
  ]

  /// Writes the corpus into `folder` unless it is there already.
  static func write(documents count: Int, to folder: URL) throws {
    let done = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".complete")
    if FileManager.default.fileExists(atPath: done.path) { return }
    try? FileManager.default.removeItem(at: folder)
    for n in 0..<count {
      let sub = folder.appendingPathComponent(String(format: "%04d", n / 1000), isDirectory: true)
      if n % 1000 == 0 { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
      let text = templates[n % templates.count].replacingOccurrences(of: "{n}", with: String(n))
      try Data(text.utf8).write(to: sub.appendingPathComponent(String(format: "%06d.txt", n)))
    }
    try Data().write(to: done)
  }
}
