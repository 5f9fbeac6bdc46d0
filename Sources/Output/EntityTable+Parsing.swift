import Foundation
import Normalization

/// A line of an `entities.jsonl` file that is not what ``EntityTable/render()`` writes.
public struct EntityTableParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  public var message: String
  public var description: String { "line \(line): \(message)" }

  /// The error at its line of `path`, the file that was parsed.
  public func diagnostic(in path: String) -> Diagnostic { .error(at: FileLocation(path: path, line: line), message) }
}

extension EntityTable {
  /// Reads back what ``render()`` wrote: `parse(table.render())` renders to the same bytes.
  ///
  /// This is how `quipu merge` recomputes `entities.jsonl` from shard outputs: every field of a
  /// row is a sum, a union or a choice by byte order, so merging the shards' tables gives the
  /// table of the whole corpus (see DESIGN.md, Sharded runs).
  public static func parse(_ bytes: [UInt8]) throws(EntityTableParseError) -> EntityTable {
    let decoder = JSONDecoder()
    var rows: [Row] = []
    var number = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      if line.isEmpty { continue }
      let decoded: Line
      do {
        decoded = try decoder.decode(Line.self, from: Data(line))
      } catch {
        throw EntityTableParseError(line: number, message: "not an entities.jsonl line (\(Self.reason(error)))")
      }
      rows.append(
        Row(
          id: decoded.id, type: decoded.type, name: decoded.name, mentions: decoded.mentions,
          documents: Set(decoded.documents), aliases: Set(decoded.aliases), attributes: decoded.attributes))
    }
    return EntityTable(rows: rows)
  }

  /// The keys of one `entities.jsonl` line.
  private struct Line: Decodable {
    var id: String
    var type: String
    var name: String
    var aliases: [String]
    var mentions: Int
    var documents: [String]
    var attributes: [String: String]
  }

  private static func reason(_ error: Error) -> String {
    switch error as? Swift.DecodingError {
    case .keyNotFound(let key, _): "missing '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
    default: "invalid JSON"
    }
  }
}
