import Foundation
import Normalization
import Rules
import Testing
import TestSupport

@testable import Recognition

/// The pattern VM's start tables and required-token prefilter only skip work: with the
/// shipped rules (52 patterns, 47 word lists), every document yields the same mentions as a VM
/// that tries every pattern at every token.
@Suite struct PatternPrefilterTests {
  static func texts() throws -> [String] {
    let seeds = Fixture.repositoryRoot.appendingPathComponent("seeds")
    var texts = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map {
      try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8)
    }
    texts += Corpus.generate(documents: 24, seed: 3).sorted { $0.key < $1.key }.compactMap {
      String(validating: $0.value, as: UTF8.self)
    }
    texts += [
      "El ministro de Defensa, Jorge Chávez, y la Confederación General de Trabajadores del Perú (CGTP) dijeron.",
      "Le président Emmanuel Macron et l'Organisation des Nations unies; la Banque mondiale à Paris.",
      "Bundeskanzler Olaf Scholz traf die Deutsche Bank in Frankfurt am Main.\n\nMinistry of Finance",
      "O presidente Lula da Silva e o Banco Central do Brasil — Folha de S.Paulo (@folha) 3 de maio",
    ]
    return texts
  }

  @Test func prefilteredMatchesEqualThePlainVM() throws {
    let rules = Fixture.shippedRules
    let gazetteer = Gazetteer(rules: rules)
    let fast = Recognizer(rules: rules, gazetteer: gazetteer, prefilter: true)
    let plain = Recognizer(rules: rules, gazetteer: gazetteer, prefilter: false)
    let normalizer = try Normalizer()
    var patternMentions = 0
    for text in try Self.texts() {
      let document = normalizer.document(text: text)
      let a = fast.mentions(in: document, lexicon: normalizer.lexicon).mentions
      let b = plain.mentions(in: document, lexicon: normalizer.lexicon).mentions
      #expect(a == b)
      patternMentions += a.count { $0.how == .pattern }
    }
    #expect(patternMentions > 100)
  }

  @Test func requiredTokensAreTheInstructionsEveryMatchConsumes() throws {
    let rules = try Fixture.rules(
      """
      lists:
        trigger: [Inc, Corp]
      patterns:
        - {id: a, type: ORG, pattern: '<Cap+> @trigger'}
        - {id: b, type: ORG, pattern: '<Cap+> (@trigger | "Ltd")'}
        - {id: c, type: ORG, pattern: 'Cap "of"? Cap'}
      """)
    let required = rules.patterns.map { pattern in
      PatternTables.requiredConsumers(pattern.program).map { "\(pattern.program.instructions[Int($0)])" }
    }
    #expect(required[0].count == 2)  // the first Cap, and the trigger
    #expect(required[0].last == "list(0)")
    #expect(!required[1].contains { $0.hasPrefix("list") })  // either the list or "Ltd"
    #expect(required[2].count == 2)  // both Caps, not the optional "of"
  }

  /// How far into a match a required token can be: bounded repetitions add up, a loop or a
  /// gazetteer span before it means no bound.
  @Test func distanceToARequiredToken() throws {
    let rules = try Fixture.rules(
      """
      lists:
        rel: [who, quien]
        two: [Prime Minister]
      patterns:
        - {id: a, type: PERSON, pattern: '<Cap{1,3}> "," @rel'}
        - {id: b, type: PERSON, pattern: '<Cap+> "," @rel'}
        - {id: c, type: PERSON, pattern: '@two <Cap> "," @rel'}
        - {id: d, type: PERSON, pattern: '<PLACE> "," @rel'}
      """)
    let distances = rules.patterns.map { pattern in
      let comma = pattern.program.instructions.indices.filter {
        if case .test(let t) = pattern.program.instructions[$0], case .key = rules.tests[Int(t)] { true } else { false }
      }
      return PatternTables.longestDistance(pattern.program, to: Set(comma), rules: rules)
    }
    #expect(distances == [3, Int.max, 3, Int.max])
  }
}
