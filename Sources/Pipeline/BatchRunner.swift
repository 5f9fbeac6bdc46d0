import Foundation
import Normalization
import Output
import Recognition
import Resolution
import Rules
import Synchronization

/// A document that could not be processed, and why. The batch goes on without it.
public struct DocumentFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The document's path as the user named it (input folder + relative path).
  public var path: String
  public var message: String
  public var description: String { "\(path): error: \(message)" }
}

/// What a batch run did.
public struct BatchSummary: Sendable {
  public var documents: Int
  public var failures: [DocumentFailure]
  public var mentions: Int
  public var entities: Int
  public var tokens: Int
  public var bytes: Int
  public var seconds: Double

  /// `quipu: 2 documents (0 failed), 57 mentions, 20 entities, 0.04 s`
  public var line: String {
    "quipu: \(documents) documents (\(failures.count) failed), \(mentions) mentions, \(entities) entities, "
      + String(format: "%.2f s", seconds)
  }
}

/// Problems that stop a whole batch (as opposed to one document).
public struct BatchError: Error, CustomStringConvertible {
  public var description: String
}

/// Runs every document of an input folder through the pipeline and writes `out/`.
///
/// Documents are shared out to `jobs` worker threads, each with its own ``Extractor``;
/// every worker writes its documents' files itself and keeps its own ``EntityTable``, and
/// the tables are merged at the end. Output is byte-identical for any number of jobs:
/// per-document files depend only on their document, and `entities.jsonl` is sorted.
public struct BatchRunner: Sendable {
  public let rules: RuleSet
  public let gazetteer: Gazetteer

  public init(rules: RuleSet) {
    self.rules = rules
    self.gazetteer = Gazetteer(rules: rules)
  }

  /// - Parameter explain: add a `why` key to every mention line.
  /// - Parameter list: the documents to process (relative paths), for `--files` and `--shard`;
  ///   nil processes every document of `input` (``InputCatalog``).
  public func run(
    input: String, output: String, jobs: Int, explain: Bool = false, documents list: [String]? = nil
  ) throws(BatchError) -> BatchSummary {
    let started = ContinuousClock.now
    let inputURL = URL(fileURLWithPath: input)
    let out = OutputFolder(URL(fileURLWithPath: output))
    let documents: [String]
    do {
      documents = try list ?? InputCatalog.documents(in: inputURL, excluding: out.root)
    } catch {
      throw BatchError(description: "\(input): error: cannot list the input folder (\(error.localizedDescription))")
    }
    do {
      try FileManager.default.createDirectory(at: out.root, withIntermediateDirectories: true)
    } catch {
      throw BatchError(description: "\(output): error: cannot create the output folder (\(error.localizedDescription))")
    }

    let shared = Shared()
    let workers = max(1, min(jobs, documents.count))
    let inputRoot = inputURL.standardizedFileURL
    let displayPrefix = input.hasSuffix("/") ? input : input + "/"
    let rules = self.rules
    let gazetteer = self.gazetteer
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var local = Tally()
      let extractor: Extractor
      do {
        extractor = try Extractor(rules: rules, gazetteer: gazetteer)
      } catch {
        shared.tally.withLock { $0.fatal = "\(error)" }
        return
      }
      while true {
        let index = shared.next.add(1, ordering: .relaxed).oldValue
        if index >= documents.count { break }
        let relative = documents[index]
        let display = displayPrefix + relative
        do {
          let bytes = try Self.read(inputRoot.appendingPathComponent(relative), display: display)
          let extracted: ExtractedDocument
          do {
            extracted = try extractor.extract(path: relative, bytes: bytes)
          } catch {
            throw DocumentFailure(path: display, message: "\(error)")
          }
          let lines = MentionLines.render(extracted.mentions, of: extracted.document, explain: explain)
          do {
            try out.write(lines, to: out.file(forDocument: relative))
          } catch {
            throw DocumentFailure(path: display, message: "cannot write output: \(error.localizedDescription)")
          }
          local.entities.add(extracted.mentions, document: relative)
          local.mentions += extracted.mentions.count
          local.tokens += extracted.document.tokens.count
          local.bytes += bytes.count
          local.written.insert(relative)
        } catch let failure as DocumentFailure {
          local.failures.append(failure)
        } catch {
          local.failures.append(DocumentFailure(path: display, message: "\(error)"))
        }
      }
      shared.tally.withLock { $0.merge(local) }
    }

    var tally = shared.tally.withLock { $0 }
    if let fatal = tally.fatal { throw BatchError(description: "error: \(fatal)") }
    // A document that is gone, or failed this time, must not keep an old result.
    out.removeDocumentFiles(notIn: tally.written)
    do {
      try out.write(tally.entities.render(), to: out.entitiesFile)
    } catch {
      throw BatchError(description: "\(out.entitiesFile.path): error: cannot write (\(error.localizedDescription))")
    }
    tally.failures.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let elapsed = ContinuousClock.now - started
    return BatchSummary(
      documents: documents.count, failures: tally.failures, mentions: tally.mentions,
      entities: tally.entities.rows.count, tokens: tally.tokens, bytes: tally.bytes,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }

  static func read(_ url: URL, display: String) throws(DocumentFailure) -> [UInt8] {
    do {
      return [UInt8](try Data(contentsOf: url))
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      throw DocumentFailure(path: display, message: "cannot read file (\(reason))")
    }
  }

  /// What one worker accumulated.
  struct Tally: Sendable {
    var entities = EntityTable()
    var failures: [DocumentFailure] = []
    var written: Set<String> = []
    var mentions = 0
    var tokens = 0
    var bytes = 0
    var fatal: String?

    mutating func merge(_ other: Tally) {
      entities.merge(other.entities)
      failures += other.failures
      written.formUnion(other.written)
      mentions += other.mentions
      tokens += other.tokens
      bytes += other.bytes
      fatal = fatal ?? other.fatal
    }
  }

  final class Shared: Sendable {
    let next = Atomic<Int>(0)
    let tally = Mutex(Tally())
  }
}
