/// An interned match key: an index into a ``Lexicon``.
///
/// Matching compares `KeyID`s, never strings. Ids are local to the lexicon that made them.
public typealias KeyID = UInt32

/// What kind of segment a token is, from ICU's word-break rule status.
public enum TokenKind: UInt8, Hashable, Sendable {
  /// Letters (Latin, Cyrillic, Arabic, ...), possibly with digits: "Perú", "3M".
  case word
  /// Digits: "2023", "1.5".
  case number
  /// Hiragana or katakana that ICU's rules (not its dictionary) segmented. Japanese text goes
  /// through ICU's CJ dictionary, which reports its words as ideographic: "ペルー" is `.ideographic`.
  case kana
  /// Han ideographs: "秘鲁".
  case ideographic
  /// A single punctuation mark or a possessive ending ("’s").
  case punctuation
  /// Symbols, emoji and anything else that is neither space nor word.
  case symbol
}

/// Letter-case facts about a token, for capitalization guards and word-shape predicates.
public struct TokenShape: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Some character is an uppercase or titlecase letter.
  @inlinable public static var hasUpper: TokenShape { TokenShape(rawValue: 1 << 0) }
  /// Some character is a lowercase letter.
  @inlinable public static var hasLower: TokenShape { TokenShape(rawValue: 1 << 1) }
  /// The first letter is uppercase or titlecase: "Perú", "EEUU", "McDonald".
  @inlinable public static var initialUpper: TokenShape { TokenShape(rawValue: 1 << 2) }
  /// Some character is a letter (of any script, cased or not).
  @inlinable public static var hasLetter: TokenShape { TokenShape(rawValue: 1 << 3) }
  /// Some character is a decimal digit.
  @inlinable public static var hasDigit: TokenShape { TokenShape(rawValue: 1 << 4) }
}

/// Facts about a token's position that rules must respect.
public struct TokenFlags: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// A blank line (two or more line breaks) separates this token from the previous one.
  /// No alias or pattern match spans it: "in Lima\n\nPeru is" holds no "Lima Peru".
  @inlinable public static var startsParagraph: TokenFlags { TokenFlags(rawValue: 1 << 0) }
}

/// The three match keys of a token's text (see ``KeyFolder`` for the exact transforms).
public struct TokenKeys: Hashable, Sendable {
  /// The NFC text: "Perú".
  public var exact: KeyID
  /// Case-folded NFKC: "perú", "ＣＧＴＰ" → "cgtp".
  public var folded: KeyID
  /// Folded, accent-stripped, transliterated to Latin, abbreviation dots dropped: "peru", "us".
  public var loose: KeyID

  public init(exact: KeyID, folded: KeyID, loose: KeyID) {
    self.exact = exact
    self.folded = folded
    self.loose = loose
  }
}

/// A segment of a document that rules can match: a word, a number or a punctuation mark
/// (white space is never a token).
///
/// `start`/`end` are Unicode code point offsets into the document's original text (what
/// Python's `str` indexing counts), so output quotes the source exactly even when
/// normalization changed lengths. `utf16Start`/`utf16End` index ``Document/text``.
public struct Token: Hashable, Sendable {
  public var start: Int32
  public var end: Int32
  public var utf16Start: Int32
  public var utf16End: Int32
  /// Index of the sentence the token starts in, from 0.
  public var sentence: Int32
  public var kind: TokenKind
  public var shape: TokenShape
  public var flags: TokenFlags
  /// ICU script code (UScriptCode) of the first letter: 25 Latin, 8 Cyrillic, 17 Han, ...;
  /// 0 (Common) when the token has no letter. See ``scriptCode(named:)``.
  public var script: UInt8
  public var keys: TokenKeys

  public init(
    start: Int32, end: Int32, utf16Start: Int32, utf16End: Int32, sentence: Int32,
    kind: TokenKind, shape: TokenShape, flags: TokenFlags = [], script: UInt8 = 0, keys: TokenKeys
  ) {
    self.start = start
    self.end = end
    self.utf16Start = utf16Start
    self.utf16End = utf16End
    self.sentence = sentence
    self.kind = kind
    self.shape = shape
    self.flags = flags
    self.script = script
    self.keys = keys
  }

  /// True for words, numbers, kana and ideographs; false for punctuation and symbols.
  public var isWordLike: Bool { kind.rawValue <= TokenKind.ideographic.rawValue }
}
