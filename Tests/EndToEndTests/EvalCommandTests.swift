import Foundation
import Testing
import TestSupport

/// `quipu eval` as a user runs it: the seeds' gold against the committed out/, thresholds,
/// and the exit status and message for each kind of bad input.
extension CommandLineTests {
  static let root = Fixture.repositoryRoot

  @Test func evalOfTheSeedsIsPerfectAndPassesTheCIThreshold() throws {
    let r = try quipu(["eval", "--gold", "gold/seeds/gold.jsonl", "--out", "out", "--min-f1", "0.95"], in: Self.root)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("type      gold  pred  strict P/R/F1        lenient P/R/F1\n"))
    #expect(r.stdout.contains("\nALL        114   114  1.000 1.000 1.000   1.000 1.000 1.000\n"))
    #expect(r.stdout.hasSuffix("strict F1 1.000, lenient F1 1.000, B-cubed F1 1.000\n"))
  }

  @Test func evalJSONIsOneObject() throws {
    let r = try quipu(["eval", "--gold", "gold/seeds/gold.jsonl", "--json"], in: Self.root)
    #expect(r.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect((object?["ALL"] as? [String: Any])?["strict_f1"] as? Double == 1.0)
    #expect(object?["missing_docs"] as? Int == 0)
  }

  func evalProject(prediction: String) throws -> URL {
    let dir = try Fixture.temporaryFolder()
    try Fixture.write(
      [
        "gold.jsonl": Array(
          """
          {"doc":"a.txt","start":0,"end":4,"type":"PLACE","canonical":"Peru"}
          {"doc":"a.txt","start":10,"end":14,"type":"PLACE","canonical":"Lima"}

          """.utf8),
        "out/docs/a.txt.jsonl": Array(prediction.utf8),
      ], under: dir)
    return dir
  }

  @Test func evalBelowMinF1ExitsOne() throws {
    // One of two gold mentions found: P 1, R 1/2, F1 2/3.
    let dir = try evalProject(prediction: #"{"doc":"a.txt","start":0,"end":4,"type":"PLACE","entity":"country/pe"}"# + "\n")
    let pass = try quipu(["eval", "--gold", "gold.jsonl", "--min-f1", "0.6"], in: dir)
    #expect(pass.status == 0)
    let fail = try quipu(["eval", "--gold", "gold.jsonl", "--min-f1", "0.7"], in: dir)
    #expect(fail.status == 1)
    #expect(fail.stderr.contains("strict F1 0.6666666666666666 is below --min-f1 0.7"), "\(fail.stderr)")
    #expect(fail.stdout.contains("ALL          2     1  1.000 0.500 0.667"))
  }

  @Test func evalInputErrorsExitTwoWithPathAndLine() throws {
    let dir = try evalProject(prediction: "{\"doc\":\"a.txt\",\"start\":0,\"end\":4,\"type\":\"PLACE\"}\n{\"doc\":\"a.txt\",\"start\":0}\n")
    let badPrediction = try quipu(["eval", "--gold", "gold.jsonl"], in: dir)
    #expect(badPrediction.status == 2)
    #expect(badPrediction.stderr.contains("out/docs/a.txt.jsonl:2: error: missing key 'end'"), "\(badPrediction.stderr)")

    try Fixture.write(["bad-gold.jsonl": Array("{\"doc\":\"a.txt\",\"start\":0,\"end\":4,\"type\":\"PLACE\",\"canonical\":\"X\"}\nnot json\n".utf8)], under: dir)
    let badGold = try quipu(["eval", "--gold", "bad-gold.jsonl", "--out", "nowhere"], in: dir)
    #expect(badGold.status == 2)
    #expect(badGold.stderr.contains("bad-gold.jsonl:2: error: not valid JSON"), "\(badGold.stderr)")

    for arguments in [
      ["eval"], ["eval", "--gold", "missing.jsonl"], ["eval", "--gold", "gold.jsonl", "--out", "nowhere"],
      ["eval", "--gold", "gold.jsonl", "--min-f1", "1.5"], ["eval", "--gold", "gold.jsonl", "--docs", "(unclosed"],
      ["eval", "--gold", "gold.jsonl", "--types", "PLACE,,ORG"],
    ] {
      #expect(try quipu(arguments, in: dir).status == 2, "\(arguments)")
    }
  }
}
