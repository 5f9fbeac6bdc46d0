import Foundation
import Normalization

/// One mention line of an output folder (`docs/*.jsonl`), with the keys `quipu diff` compares.
///
/// `rule` is kept as an opaque string (`file:line` today, `file#id` tomorrow): the diff groups
/// by it and never parses it. Keys other than these (`how`, `lang`, `candidates`, …) are ignored.
public struct OutputMention: Hashable, Sendable, Decodable {
  public var doc: String
  public var start: Int
  public var end: Int
  public var text: String
  public var type: String
  public var entity: String
  public var name: String
  public var rule: String

  public init(
    doc: String, start: Int, end: Int, text: String, type: String, entity: String, name: String = "", rule: String
  ) {
    self.doc = doc
    self.start = start
    self.end = end
    self.text = text
    self.type = type
    self.entity = entity
    self.name = name
    self.rule = rule
  }

  enum CodingKeys: String, CodingKey { case doc, start, end, text, type, entity, name, rule }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    doc = try c.decode(String.self, forKey: .doc)
    start = try c.decode(Int.self, forKey: .start)
    end = try c.decode(Int.self, forKey: .end)
    type = try c.decode(String.self, forKey: .type)
    entity = try c.decodeIfPresent(String.self, forKey: .entity) ?? ""
    text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
    rule = try c.decodeIfPresent(String.self, forKey: .rule) ?? ""
  }

  /// `doc:start-end`, how reports name the place of a mention.
  public var place: String { "\(doc):\(start)-\(end)" }

  /// Document order: document path (UTF-8 bytes), then start, then end.
  static func precedesInDocumentOrder(_ a: OutputMention, _ b: OutputMention) -> Bool {
    if !a.doc.utf8.elementsEqual(b.doc.utf8) { return a.doc.utf8.lexicographicallyPrecedes(b.doc.utf8) }
    return (a.start, a.end) < (b.start, b.end)
  }
}

/// A problem reading an output folder or a revision; the CLI exits 2 with its description.
public typealias ReviewError = FileProblem

/// Parses the bytes of one mention file (`docs/NAME.jsonl`); blank lines are skipped.
enum MentionFileParser {
  static func mentions(in bytes: [UInt8], path: String) throws(ReviewError) -> [OutputMention] {
    var data = bytes
    if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw ReviewError(path: path, message: "not UTF-8 text")
    }
    var result: [OutputMention] = []
    let decoder = JSONDecoder()
    // Split on "\n" only: a JSON string may hold U+2028 raw, and that is not a line end.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, raw in
      (index, raw.hasSuffix("\r") ? raw.dropLast() : raw)
    }.filter { !$0.1.allSatisfy { $0 == " " || $0 == "\t" } }
    // One decoder call for the whole file as a JSON array (a call costs more than a line);
    // line by line only to name the line that is wrong.
    var array: [UInt8] = [UInt8(ascii: "[")]
    for (position, (_, line)) in lines.enumerated() {
      if position > 0 { array.append(UInt8(ascii: ",")) }
      array += line.utf8
    }
    array.append(UInt8(ascii: "]"))
    if let all = try? decoder.decode([OutputMention].self, from: Data(array)), all.count == lines.count { return all }
    for (index, line) in lines {
      do {
        result.append(try decoder.decode(OutputMention.self, from: Data(line.utf8)))
      } catch {
        throw ReviewError(path: path, line: index + 1, message: "not a mention line (doc, start, end, type expected)")
      }
    }
    return result
  }
}
