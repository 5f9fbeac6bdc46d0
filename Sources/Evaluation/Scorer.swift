/// Scores predicted mentions against gold, with the counting rules of the shared reference
/// scorer (`shared/gold/score.py`), so the two always print the same numbers.
///
/// Per gold document (predictions are matched by the base name of their `doc`):
/// - Scored gold: not optional and of a scored type. Gold that is optional, or of a type not
///   scored, only shields predictions: a prediction overlapping it (whatever its type) is
///   neither credited nor blamed, unless its span and type are exactly a scored gold mention.
/// - Predictions of other types are ignored.
/// - Strict: a prediction with exactly the span and type of a scored gold mention.
/// - Lenient: a prediction overlapping a scored gold mention of its type counts for
///   precision; a gold mention overlapped by a prediction of its type counts for recall.
///   Recall looks at every prediction of a scored type, shielded ones included.
/// - Resolution: B-cubed over strict matches. Each matched mention's cluster in gold is the
///   matches with the same type and `canonical`; in the prediction, those with the same
///   entity id (a prediction without one is a cluster of its own). Precision averages, over
///   matches, |gold ∩ predicted cluster| / |predicted cluster|; recall divides by |gold cluster|.
///
/// Example: gold "Dina Boluarte" and "Boluarte" (one canonical), predicted with two entity
/// ids: both matched strictly, B-cubed precision 1, recall 0.5.
///
/// - Complexity: O(p·g) per document, for p predictions and g gold mentions in it.
public struct Scorer: Sendable {
  /// The types to score, e.g. `["PERSON", "ORG", "PLACE"]`.
  public var types: [String]

  public init(types: [String] = ["PERSON", "ORG", "PLACE"]) {
    self.types = types
  }

  struct SpanKey: Hashable {
    var start: Int
    var end: Int
    var type: String
  }

  struct GoldKey: Hashable {
    var type: String
    var canonical: String
  }

  public func score(gold: [GoldMention], predicted: [PredictedMention]) -> Scores {
    let scored = Set(types)
    var goldByDoc: [String: [GoldMention]] = [:]
    for g in gold { goldByDoc[g.doc, default: []].append(g) }
    var predictedByDoc: [String: [PredictedMention]] = [:]
    for p in predicted { predictedByDoc[p.doc, default: []].append(p) }
    let documents = goldByDoc.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

    var counts: [String: Counts] = [:]
    for type in types + [Scores.allTypes] { counts[type] = Counts() }
    var pairs: [(gold: GoldKey, entity: String?)] = []

    for doc in documents {
      let all = goldByDoc[doc] ?? []
      let required = all.filter { scored.contains($0.type) && !$0.isOptional }
      let shields = all.filter { $0.isOptional || !scored.contains($0.type) }
      let candidates = (predictedByDoc[doc] ?? []).filter { scored.contains($0.type) }
      var exact: [SpanKey: GoldMention] = [:]
      for g in required { exact[SpanKey(start: g.start, end: g.end, type: g.type)] = g }  // the last one wins

      for p in candidates {
        let match = exact[SpanKey(start: p.start, end: p.end, type: p.type)]
        if match == nil && shields.contains(where: p.overlaps) { continue }
        let lenient = required.contains { p.overlaps($0) && $0.type == p.type }
        for row in [p.type, Scores.allTypes] {
          counts[row]!.predicted += 1
          if match != nil { counts[row]!.strictMatches += 1 }
          if lenient { counts[row]!.lenientPredicted += 1 }
        }
        if let match { pairs.append((GoldKey(type: match.type, canonical: match.canonical), p.entity)) }
      }
      for g in required {
        let recalled = candidates.contains { $0.overlaps(g) && $0.type == g.type }
        for row in [g.type, Scores.allTypes] {
          counts[row]!.gold += 1
          if recalled { counts[row]!.lenientGold += 1 }
        }
      }
    }

    return Scores(
      types: types, counts: counts, resolution: Self.bCubed(pairs), matchedMentions: pairs.count,
      documents: documents.count,
      documentsWithoutPredictions: documents.count { predictedByDoc[$0]?.isEmpty ?? true })
  }

  /// B-cubed precision and recall of the predicted clustering against the gold one.
  ///
  /// Sums run over the pairs in order, as the reference scorer's do, so that floating point
  /// results agree to the last bit.
  static func bCubed(_ pairs: [(gold: GoldKey, entity: String?)]) -> PRF {
    guard !pairs.isEmpty else { return PRF(precision: 0, recall: 0) }
    var goldSize: [GoldKey: Int] = [:]
    var entitySize: [String: Int] = [:]
    var bothSize: [Pair: Int] = [:]
    for (gold, entity) in pairs {
      goldSize[gold, default: 0] += 1
      if let entity {
        entitySize[entity, default: 0] += 1
        bothSize[Pair(gold: gold, entity: entity), default: 0] += 1
      }
    }
    var precision = 0.0
    var recall = 0.0
    for (gold, entity) in pairs {
      // Without an entity id, the predicted cluster is the mention alone.
      let predictedCluster = entity.map { entitySize[$0]! } ?? 1
      let shared = entity.map { bothSize[Pair(gold: gold, entity: $0)]! } ?? 1
      precision += Double(shared) / Double(predictedCluster)
      recall += Double(shared) / Double(goldSize[gold]!)
    }
    return PRF(precision: precision / Double(pairs.count), recall: recall / Double(pairs.count))
  }

  struct Pair: Hashable {
    var gold: GoldKey
    var entity: String
  }
}
