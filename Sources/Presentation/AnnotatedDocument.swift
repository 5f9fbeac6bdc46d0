/// A document and its mentions, with everything a reviewer wants to see about each one.
///
/// The renderers (``TerminalRenderer``, ``HTMLRenderer``) read only this, so they can be
/// tested on hand-made values without running the pipeline.
public struct AnnotatedDocument: Hashable, Sendable {
  /// The path shown as the document's title.
  public var path: String
  /// The original text as UTF-16 code units, byte-order mark removed.
  public var text: [UInt16]
  /// Disjoint mentions in text order.
  public var mentions: [Highlight]

  public init(path: String, text: [UInt16], mentions: [Highlight]) {
    self.path = path
    self.text = text
    self.mentions = mentions.sorted { $0.utf16Start < $1.utf16Start }
  }

  /// The text cut at mention boundaries: plain runs and mentions, in order.
  var pieces: [Piece] {
    var pieces: [Piece] = []
    var cursor = 0
    for mention in mentions where mention.utf16Start >= cursor {
      if mention.utf16Start > cursor { pieces.append(.plain(string(cursor..<mention.utf16Start))) }
      pieces.append(.mention(mention))
      cursor = mention.utf16End
    }
    if cursor < text.count { pieces.append(.plain(string(cursor..<text.count))) }
    return pieces
  }

  enum Piece: Hashable {
    case plain(String)
    case mention(Highlight)
  }

  func string(_ range: Range<Int>) -> String {
    text.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF16.self) }
  }
}

/// One mention as shown to a reviewer.
public struct Highlight: Hashable, Sendable {
  /// The mention's range in ``AnnotatedDocument/text`` (UTF-16 code units).
  public var utf16Start: Int
  public var utf16End: Int
  /// Code point offsets, as in out/.
  public var start: Int
  public var end: Int
  /// The original characters.
  public var text: String
  public var type: String
  /// Canonical id and display name: `person/dina-boluarte`, "Dina Boluarte".
  public var entityID: String
  public var name: String
  /// Rule file and line: `rules/seeds/people.yaml:30`.
  public var rule: String
  /// How the rule matched: `alias “Boluarte”, loose match`.
  public var how: String

  public init(
    utf16Start: Int, utf16End: Int, start: Int, end: Int, text: String, type: String, entityID: String, name: String,
    rule: String, how: String
  ) {
    self.utf16Start = utf16Start
    self.utf16End = utf16End
    self.start = start
    self.end = end
    self.text = text
    self.type = type
    self.entityID = entityID
    self.name = name
    self.rule = rule
    self.how = how
  }
}
