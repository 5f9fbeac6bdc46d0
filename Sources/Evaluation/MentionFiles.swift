import Foundation

/// Reads gold and predicted mentions from JSON Lines files.
///
/// Each line is one JSON object with `doc`, `start`, `end`, `type`, and for gold the entity
/// key: `canonical` (the shared gold format) or `entity` (Quipu's `out/` format); gold may set
/// `"optional": true`. Other keys (`text`, `name`, `rule`, …) are ignored. Blank lines are
/// skipped; any other line that is not such an object is an error naming `path:line`.
public enum MentionFiles {
  /// The gold mentions of `path`, keeping only documents whose `doc` (as written in the
  /// file) contains a match of `documentPattern` when one is given (Python's `re.search`).
  public static func gold(path: String, documentPattern: Regex<AnyRegexOutput>? = nil) throws(EvaluationError)
    -> [GoldMention]
  {
    var mentions: [GoldMention] = []
    for (number, line) in try lines(ofFile: path) {
      let record = try decode(line, path: path, number: number)
      if let documentPattern, (try? documentPattern.firstMatch(in: record.doc)) == nil { continue }
      guard let canonical = record.canonical ?? record.entity else {
        throw EvaluationError(path: path, line: number, message: "missing key 'canonical' (or 'entity', in out/ format)")
      }
      mentions.append(
        GoldMention(
          doc: baseName(record.doc), start: record.start, end: record.end, type: record.type, canonical: canonical,
          isOptional: record.optional ?? false))
    }
    return mentions
  }

  /// The predicted mentions of every `*.jsonl` file under `folder` (recursively), except
  /// `entities.jsonl` files and the `spans.jsonl` that `quipu run --format spans` writes at
  /// the top; files in path order, lines in file order.
  public static func predictions(folder: String) throws(EvaluationError) -> [PredictedMention] {
    var mentions: [PredictedMention] = []
    for relative in try predictionFiles(under: folder) {
      let path = (folder.hasSuffix("/") ? folder : folder + "/") + relative
      for (number, line) in try lines(ofFile: path) {
        let record = try decode(line, path: path, number: number)
        mentions.append(
          PredictedMention(doc: baseName(record.doc), start: record.start, end: record.end, type: record.type, entity: record.entity))
      }
    }
    return mentions
  }

  /// Relative paths of the prediction files under `folder`, sorted by their UTF-8 bytes.
  static func predictionFiles(under folder: String) throws(EvaluationError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw EvaluationError(path: folder, message: "no such folder")
    }
    guard let walker = FileManager.default.enumerator(atPath: folder) else {
      throw EvaluationError(path: folder, message: "cannot list the folder")
    }
    var found: [String] = []
    for case let relative as String in walker where relative.hasSuffix(".jsonl") {
      if baseName(relative) == "entities.jsonl" || relative == "spans.jsonl" { continue }
      if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }  // .quipu/ run state
      var isDirectory: ObjCBool = false
      let full = (folder.hasSuffix("/") ? folder : folder + "/") + relative
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      found.append(relative)
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The non-blank lines of a UTF-8 file with their 1-based numbers (`\n` or `\r\n` line ends).
  static func lines(ofFile path: String) throws(EvaluationError) -> [(Int, Substring)] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw EvaluationError(path: path, message: "cannot read the file")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw EvaluationError(path: path, message: "not UTF-8 text")
    }
    var result: [(Int, Substring)] = []
    // Split on "\n" only: a JSON string may hold U+2028 or U+0085 raw, and those are not line ends.
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      result.append((index + 1, line))
    }
    return result
  }

  /// The keys scoring reads from one line; everything else on the line is ignored.
  struct Record: Decodable {
    var doc: String
    var start: Int
    var end: Int
    var type: String
    var canonical: String?
    var entity: String?
    var optional: Bool?
  }

  static func decode(_ line: Substring, path: String, number: Int) throws(EvaluationError) -> Record {
    do {
      return try JSONDecoder().decode(Record.self, from: Data(line.utf8))
    } catch {
      throw EvaluationError(path: path, line: number, message: message(for: error))
    }
  }

  /// A short message for a decoding failure: which key is missing or has the wrong kind of value.
  static func message(for error: any Error) -> String {
    guard let error = error as? DecodingError else { return "not a mention line (\(error))" }
    switch error {
    case .keyNotFound(let key, _):
      return "missing key '\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      guard let key = context.codingPath.last else { return "not a JSON object" }
      return "'\(key.stringValue)' must be \(kind(of: type))"
    case .valueNotFound(let type, let context):
      return "'\(context.codingPath.last?.stringValue ?? "?")' must be \(kind(of: type)), not null"
    case .dataCorrupted(let context):
      if let key = context.codingPath.last { return "'\(key.stringValue)' must be \(kindByKey(key.stringValue))" }
      return "not valid JSON"
    @unknown default:
      return "not a mention line"
    }
  }

  static func kind(of type: Any.Type) -> String {
    switch type {
    case is Int.Type: "an integer"
    case is Bool.Type: "true or false"
    case is String.Type: "a string"
    default: "\(type)"
    }
  }

  static func kindByKey(_ key: String) -> String {
    switch key {
    case "start", "end": "an integer"
    case "optional": "true or false"
    default: "a string"
    }
  }
}
