/// Text made safe to print to a terminal: file names and document text can hold escape
/// sequences (ESC [ … that recolour, retitle or clear the terminal) and bidirectional overrides
/// (U+202E makes `txt.exe` read as `exe.txt`). Those characters are written as `\u{1B}`,
/// `\u{202E}`, so that what the user reads is what the file holds (issue 15).
public enum TerminalText {
  /// `text` with control characters (but line feed and tab) and bidirectional embedding,
  /// override and isolate controls written as `\u{…}`.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t") || isBidiControl(scalar)
  }

  /// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates): they reorder the
  /// text around them. Marks (U+200E, U+200F, U+061C) only nudge neutral characters and stay.
  public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}
