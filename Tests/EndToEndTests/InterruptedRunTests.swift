import Foundation
import Testing
import TestSupport

/// A run stopped by Ctrl-C says how many documents it did, of how many, not the whole count
/// (issue 15: the interrupted summary counted documents not done).
@Suite struct InterruptedRunTests {
  @Test func theSummaryCountsOnlyTheDocumentsDone() throws {
    let run = try InterruptedRun(
      ["run", "corpus", "--out", "out", "--jobs", "1", "--no-rules-cache"], interruptWhenExists: "out/docs")
    defer { run.remove() }
    let summary = run.stderr.split(separator: "\n").last { $0.hasPrefix("quipu: ") && $0.contains(" documents (") } ?? ""
    if run.status == 130 {
      // "quipu: DONE of LISTED documents (…); interrupted"
      let words = summary.split(separator: " ")
      let done = words.count > 3 ? Int(words[1]) ?? -1 : -1
      let listed = words.count > 3 && words[2] == "of" ? Int(words[3]) ?? -1 : -1
      #expect(summary.hasSuffix("; interrupted"), "\(summary)")
      #expect(done >= 0 && listed >= 3000 && done < listed, "\(summary)")
    } else {
      #expect(!summary.contains(" of "), "finished before the signal: \(summary)")
    }
  }
}
