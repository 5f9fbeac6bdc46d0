import Foundation
import Testing
import TestSupport
@testable import Evaluation

@Suite struct ScoreReportTests {
  func handScores() throws -> Scores {
    Scorer().score(gold: try HandComputedCase.gold(), predicted: try HandComputedCase.predictions())
  }

  @Test func tableOfTheHandComputedCase() throws {
    #expect(ScoreReport.table(try handScores()) == HandComputedCase.table)
  }

  @Test func jsonOfTheHandComputedCase() throws {
    let json = ScoreReport.json(try handScores())
    #expect(json.hasSuffix("}\n") && !json.dropLast().contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let all = try #require(object["ALL"] as? [String: Any])
    #expect(all["strict_f1"] as? Double == 0.5882)
    #expect(all["lenient_f1"] as? Double == 0.7636)
    #expect(all["strict_p"] as? Double == 0.625)
    #expect(all["strict_r"] as? Double == 0.5556)
    #expect(all["gold"] as? Int == 9)
    #expect(object["bcubed_f1"] as? Double == 0.7652)
    #expect(object["bcubed_p"] as? Double == 0.7333)
    #expect(object["bcubed_r"] as? Double == 0.8)
    #expect(object["missing_docs"] as? Int == 1)
    #expect(json.hasPrefix(#"{"PERSON":{"strict_f1":0.6667,"lenient_f1":0.6667,"strict_p":0.6667,"strict_r":0.6667,"#))
  }

  @Test func theDocumentsLineOnlyWhenSomeHaveNoOutput() {
    var counts: [String: Counts] = [:]
    for type in ["PLACE", "ALL"] { counts[type] = Counts() }
    let scores = Scores(
      types: ["PLACE"], counts: counts, resolution: PRF(precision: 0, recall: 0), matchedMentions: 0, documents: 0,
      documentsWithoutPredictions: 0)
    #expect(
      ScoreReport.table(scores) == """
        type      gold  pred  strict P/R/F1        lenient P/R/F1
        PLACE        0     0  0.000 0.000 0.000   0.000 0.000 0.000
        ALL          0     0  0.000 0.000 0.000   0.000 0.000 0.000
        resolution B-cubed over 0 matched mentions: P 0.000 R 0.000 F1 0.000
        strict F1 0.000, lenient F1 0.000, B-cubed F1 0.000

        """)
  }

  struct Rounding: Sendable, CustomTestStringConvertible {
    var value: Double
    /// Python's f"{value:.3f}" and round(value, 4), worked out with Python 3.
    var three: String
    var round4: Double
    var testDescription: String { "\(value)" }
  }

  static let rounding: [Rounding] = [
    Rounding(value: 2.0 / 3, three: "0.667", round4: 0.6667),
    Rounding(value: 0.0625, three: "0.062", round4: 0.0625),  // an exact tie goes to even
    Rounding(value: 0.1875, three: "0.188", round4: 0.1875),
    Rounding(value: 0.0005, three: "0.001", round4: 0.0005),  // the double is a hair above 0.0005
    Rounding(value: 0.00015, three: "0.000", round4: 0.0001),  // and this one a hair below
    Rounding(value: 0.94995, three: "0.950", round4: 0.9499),
    Rounding(value: 0.99995, three: "1.000", round4: 1.0),
    Rounding(value: 1e-5, three: "0.000", round4: 0.0),
  ]

  @Test(arguments: rounding)
  func roundsLikePython(_ c: Rounding) {
    #expect(DecimalFormatting.fixed(c.value, digits: 3) == c.three)
    #expect(DecimalFormatting.rounded(c.value, digits: 4) == c.round4)
  }

  @Test func paddingCountsCodePointsAndNeverTruncates() {
    #expect(DecimalFormatting.padRight("PLACE", 8) == "PLACE   ")
    #expect(DecimalFormatting.padRight("ORGANIZATION", 8) == "ORGANIZATION")
    #expect(DecimalFormatting.padRight("LUGAR_É", 8) == "LUGAR_É ")
    #expect(DecimalFormatting.padLeft(42, 5) == "   42")
    #expect(DecimalFormatting.padLeft(123_456, 5) == "123456")
  }

  @Test func quotedEscapesJSON() {
    #expect(ScoreReport.quoted("A\"B\\C\u{1}é") == #""A\"B\\C\u0001é""#)
  }
}
