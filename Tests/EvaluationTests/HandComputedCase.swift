@testable import Evaluation

/// A small gold set and predictions that exercise every counting rule, with the expected
/// numbers worked out by hand. ``ScorerTests`` checks the scorer against them, and
/// ``ReferenceScorerTests`` checks that `score.py` agrees.
///
/// Gold (`a.txt`, `b.txt`, `c.txt`):
///
/// | id  | doc | span  | type   | canonical     | note |
/// |-----|-----|-------|--------|---------------|------|
/// | g1  | a   | 0-13  | PERSON | Dina Boluarte | |
/// | g2  | a   | 20-28 | PERSON | Dina Boluarte | |
/// | g3  | a   | 30-34 | PLACE  | Peru          | |
/// | g4  | a   | 40-44 | PLACE  | Lima          | |
/// | g5  | a   | 50-60 | ORG    | Congress      | |
/// | g6  | a   | 70-75 | PLACE  | Plaza         | optional |
/// | g11 | a   | 76-78 | PLACE  | Xa            | |
/// | g7  | a   | 80-85 | EVENT  | Expo          | type not scored: shields like optional |
/// | g8  | b   | 0-4   | PLACE  | Peru          | |
/// | g9  | b   | 10-14 | PERSON | Evo Morales   | |
/// | g10 | c   | 0-5   | ORG    | UN            | c.txt has no predictions |
///
/// Predictions (`sub/a.txt` is matched to `a.txt` by base name):
///
/// | id  | doc | span   | type   | entity        | outcome |
/// |-----|-----|--------|--------|---------------|---------|
/// | p1  | a   | 0-13   | PERSON | person/dina   | strict g1 |
/// | p2  | a   | 20-28  | PERSON | person/bolu   | strict g2 (splits g1's entity) |
/// | p3  | a   | 30-34  | PLACE  | country/pe    | strict g3 |
/// | p4  | a   | 40-44  | PLACE  | country/pe    | strict g4 (merges Lima into Peru) |
/// | p5  | a   | 50-55  | ORG    | org/congress  | lenient g5 only |
/// | p6  | a   | 70-79  | PLACE  | place/plaza   | overlaps optional g6: ignored, yet recalls g11 leniently |
/// | p7  | a   | 80-85  | ORG    | org/expo      | overlaps unscored g7: ignored |
/// | p8  | a   | 90-95  | PERSON | person/x      | false positive |
/// | p9  | a   | 30-34  | ORG    | org/pe        | wrong type over g3: false positive |
/// | p10 | a   | 200-205| MISC   | misc/y        | type not scored: ignored |
/// | p11 | b   | 0-4    | PLACE  | country/pe    | strict g8 |
///
/// Counts (gold / pred / strict tp / lenient tp of pred / lenient tp of gold):
/// - PERSON: gold g1 g2 g9 = 3; pred p1 p2 p8 = 3; strict 2; lenient pred 2; lenient gold 2.
///   Strict P = R = F1 = 2/3; lenient the same.
/// - ORG: gold g5 g10 = 2; pred p5 p9 = 2 (p7 ignored); strict 0; lenient pred 1 (p5);
///   lenient gold 1 (g5). Strict 0/0/0; lenient P = 1/2, R = 1/2, F1 = 1/2.
/// - PLACE: gold g3 g4 g8 g11 = 4 (g6 optional); pred p3 p4 p11 = 3 (p6 ignored); strict 3;
///   lenient pred 3; lenient gold 4 (g11 via the ignored p6).
///   Strict P = 1, R = 3/4, F1 = 2·1·(3/4) / (7/4) = 6/7 ≈ 0.857143; lenient P = R = F1 = 1.
/// - ALL: gold 9, pred 8, strict 5, lenient pred 6, lenient gold 7.
///   Strict P = 5/8 = 0.625, R = 5/9 ≈ 0.555556, F1 = 2·(5/8)(5/9) / (5/8 + 5/9)
///   = (50/72) / (85/72) = 10/17 ≈ 0.588235.
///   Lenient P = 6/8 = 0.75, R = 7/9, F1 = 2·(3/4)(7/9) / (3/4 + 7/9) = (42/36) / (55/36)
///   = 42/55 ≈ 0.763636.
///
/// B-cubed over the 5 strict matches, in order (gold cluster, predicted cluster):
/// - p1 (Dina Boluarte, person/dina): gold {p1, p2}, pred {p1}: P 1/1, R 1/2
/// - p2 (Dina Boluarte, person/bolu): gold {p1, p2}, pred {p2}: P 1/1, R 1/2
/// - p3 (Peru, country/pe): gold {p3, p11}, pred {p3, p4, p11}: P 2/3, R 2/2
/// - p4 (Lima, country/pe): gold {p4}, pred {p3, p4, p11}: P 1/3, R 1/1
/// - p11 (Peru, country/pe): gold {p3, p11}, pred {p3, p4, p11}: P 2/3, R 2/2
///
/// P = (1 + 1 + 2/3 + 1/3 + 2/3) / 5 = (11/3) / 5 = 11/15 ≈ 0.733333;
/// R = (1/2 + 1/2 + 1 + 1 + 1) / 5 = 4/5 = 0.8;
/// F1 = 2·(11/15)(4/5) / (11/15 + 4/5) = (88/75) / (23/15) = 88/115 ≈ 0.765217.
///
/// Documents: a, b, c; c has no predicted line, so 1 of 3 has no output.
enum HandComputedCase {
  static let goldLines = """
    {"doc":"a.txt","start":0,"end":13,"text":"Dina Boluarte","type":"PERSON","canonical":"Dina Boluarte"}
    {"doc":"a.txt","start":20,"end":28,"type":"PERSON","canonical":"Dina Boluarte"}
    {"doc":"a.txt","start":30,"end":34,"type":"PLACE","canonical":"Peru"}
    {"doc":"a.txt","start":40,"end":44,"type":"PLACE","canonical":"Lima"}
    {"doc":"a.txt","start":50,"end":60,"type":"ORG","canonical":"Congress"}
    {"doc":"a.txt","start":70,"end":75,"type":"PLACE","canonical":"Plaza","optional":true}
    {"doc":"a.txt","start":76,"end":78,"type":"PLACE","canonical":"Xa"}
    {"doc":"a.txt","start":80,"end":85,"type":"EVENT","canonical":"Expo"}
    {"doc":"b.txt","start":0,"end":4,"type":"PLACE","canonical":"Peru"}
    {"doc":"b.txt","start":10,"end":14,"type":"PERSON","canonical":"Evo Morales"}
    {"doc":"c.txt","start":0,"end":5,"type":"ORG","canonical":"UN"}

    """

  /// Prediction files of an out/ folder (relative path → contents), with an `entities.jsonl`
  /// that must be skipped.
  static let predictionFiles: [String: String] = [
    "docs/sub/a.txt.jsonl": """
      {"doc":"sub/a.txt","start":0,"end":13,"type":"PERSON","entity":"person/dina"}
      {"doc":"sub/a.txt","start":20,"end":28,"type":"PERSON","entity":"person/bolu"}
      {"doc":"sub/a.txt","start":30,"end":34,"type":"PLACE","entity":"country/pe"}
      {"doc":"sub/a.txt","start":40,"end":44,"type":"PLACE","entity":"country/pe"}
      {"doc":"sub/a.txt","start":50,"end":55,"type":"ORG","entity":"org/congress"}
      {"doc":"sub/a.txt","start":70,"end":79,"type":"PLACE","entity":"place/plaza"}
      {"doc":"sub/a.txt","start":80,"end":85,"type":"ORG","entity":"org/expo"}
      {"doc":"sub/a.txt","start":90,"end":95,"type":"PERSON","entity":"person/x"}
      {"doc":"sub/a.txt","start":30,"end":34,"type":"ORG","entity":"org/pe"}
      {"doc":"sub/a.txt","start":200,"end":205,"type":"MISC","entity":"misc/y"}

      """,
    "docs/b.txt.jsonl": """
      {"doc":"b.txt","start":0,"end":4,"type":"PLACE","entity":"country/pe"}

      """,
    "entities.jsonl": """
      {"id":"country/pe","type":"PLACE","name":"Peru","mentions":3,"documents":["b.txt","sub/a.txt"]}

      """,
  ]

  /// What `quipu eval` and `score.py` print for this case.
  static let table = """
    type      gold  pred  strict P/R/F1        lenient P/R/F1
    PERSON       3     3  0.667 0.667 0.667   0.667 0.667 0.667
    ORG          2     2  0.000 0.000 0.000   0.500 0.500 0.500
    PLACE        4     3  1.000 0.750 0.857   1.000 1.000 1.000
    ALL          9     8  0.625 0.556 0.588   0.750 0.778 0.764
    resolution B-cubed over 5 matched mentions: P 0.733 R 0.800 F1 0.765
    documents with no output: 1 of 3
    strict F1 0.588, lenient F1 0.764, B-cubed F1 0.765

    """

  static func gold() throws -> [GoldMention] {
    try goldLines.split(separator: "\n").map { line in
      let r = try MentionFiles.decode(line, path: "gold.jsonl", number: 0)
      return GoldMention(
        doc: r.doc, start: r.start, end: r.end, type: r.type, canonical: r.canonical!, isOptional: r.optional ?? false)
    }
  }

  static func predictions() throws -> [PredictedMention] {
    try ["docs/b.txt.jsonl", "docs/sub/a.txt.jsonl"].flatMap { file in
      try predictionFiles[file]!.split(separator: "\n").map { line in
        let r = try MentionFiles.decode(line, path: file, number: 0)
        return PredictedMention(doc: baseName(r.doc), start: r.start, end: r.end, type: r.type, entity: r.entity)
      }
    }
  }
}
