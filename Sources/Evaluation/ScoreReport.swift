/// How ``Scores`` are shown: a table for people, one JSON object for machines.
public enum ScoreReport {
  /// The table the reference scorer (`score.py`) prints, character for character, so the two
  /// can be diffed:
  ///
  /// ```
  /// type      gold  pred  strict P/R/F1        lenient P/R/F1
  /// PERSON      17    17  1.000 1.000 1.000   1.000 1.000 1.000
  /// ALL        114   114  1.000 1.000 1.000   1.000 1.000 1.000
  /// resolution B-cubed over 114 matched mentions: P 1.000 R 1.000 F1 1.000
  /// strict F1 1.000, lenient F1 1.000, B-cubed F1 1.000
  /// ```
  /// A line `documents with no output: N of M` comes before the last one when gold
  /// documents have no predicted line. The last line formats the 4-decimal rounded
  /// figures, as the reference does.
  public static func table(_ scores: Scores) -> String {
    typealias F = DecimalFormatting
    func three(_ x: Double) -> String { F.fixed(x, digits: 3) }
    var lines = [F.padRight("type", 8) + "  gold  pred  strict P/R/F1        lenient P/R/F1"]
    for type in scores.types + [Scores.allTypes] {
      let c = scores.counts[type] ?? Counts()
      let s = c.strict
      let l = c.lenient
      lines.append(
        "\(F.padRight(type, 8)) \(F.padLeft(c.gold, 5)) \(F.padLeft(c.predicted, 5))  "
          + "\(three(s.precision)) \(three(s.recall)) \(three(s.f1))   \(three(l.precision)) \(three(l.recall)) \(three(l.f1))")
    }
    let b = scores.resolution
    lines.append(
      "resolution B-cubed over \(scores.matchedMentions) matched mentions: "
        + "P \(three(b.precision)) R \(three(b.recall)) F1 \(three(b.f1))")
    if scores.documentsWithoutPredictions > 0 {
      lines.append("documents with no output: \(scores.documentsWithoutPredictions) of \(scores.documents)")
    }
    let overall = scores.overall
    lines.append(
      "strict F1 \(three(F.rounded(overall.strict.f1, digits: 4))), "
        + "lenient F1 \(three(F.rounded(overall.lenient.f1, digits: 4))), B-cubed F1 \(three(b.f1))")
    return lines.joined(separator: "\n") + "\n"
  }

  /// One JSON object on one line. Its keys include every key of the reference scorer's
  /// `--json` summary, with the same values (rounded to 4 decimals):
  /// `{"PERSON":{"strict_f1":…,"lenient_f1":…,"strict_p":…,"strict_r":…,…},…,"ALL":{…},
  /// "bcubed_f1":…,"bcubed_p":…,"bcubed_r":…,"missing_docs":…}`; each type also has
  /// `lenient_p`, `lenient_r` and the raw counts `gold`, `pred`, `strict_tp`,
  /// `lenient_tp_pred`, `lenient_tp_gold`; and `matched` and `documents` close the object.
  public static func json(_ scores: Scores) -> String {
    func number(_ x: Double) -> String { DecimalFormatting.shortest(DecimalFormatting.rounded(x, digits: 4)) }
    var members: [String] = []
    for type in scores.types + [Scores.allTypes] {
      let c = scores.counts[type] ?? Counts()
      let fields = [
        ("strict_f1", number(c.strict.f1)), ("lenient_f1", number(c.lenient.f1)),
        ("strict_p", number(c.strict.precision)), ("strict_r", number(c.strict.recall)),
        ("lenient_p", number(c.lenient.precision)), ("lenient_r", number(c.lenient.recall)),
        ("gold", String(c.gold)), ("pred", String(c.predicted)), ("strict_tp", String(c.strictMatches)),
        ("lenient_tp_pred", String(c.lenientPredicted)), ("lenient_tp_gold", String(c.lenientGold)),
      ]
      members.append(quoted(type) + ":{" + fields.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}")
    }
    let b = scores.resolution
    for (key, value) in [
      ("bcubed_f1", number(b.f1)), ("bcubed_p", number(b.precision)), ("bcubed_r", number(b.recall)),
      ("missing_docs", String(scores.documentsWithoutPredictions)), ("matched", String(scores.matchedMentions)),
      ("documents", String(scores.documents)),
    ] {
      members.append(quoted(key) + ":" + value)
    }
    return "{" + members.joined(separator: ",") + "}\n"
  }

  /// A JSON string literal: `"` and `\` escaped, control characters as `\u00XX`.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
