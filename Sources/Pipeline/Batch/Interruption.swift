import Dispatch
import Foundation
import Synchronization

/// Ctrl-C handling for batch runs: the first SIGINT asks workers to stop after the documents
/// they are on (so `out/` stays consistent and the next run resumes); a second one exits at once.
// @unchecked: the only non-Sendable member is the dispatch source, which is thread-safe and
// only touched in init and deinit.
final class Interruption: @unchecked Sendable {
  private let requested = Atomic<Bool>(false)
  private let source: DispatchSourceSignal

  init() {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [weak self] in
      guard let self else { return }
      if self.requested.exchange(true, ordering: .relaxed) {
        FileHandle.standardError.write(Data("\nquipu: interrupted twice; stopping now\n".utf8))
        exit(130)
      }
      FileHandle.standardError.write(Data("\nquipu: interrupted; finishing the documents in progress (Ctrl-C again to stop now)\n".utf8))
    }
    source.resume()
  }

  var isRequested: Bool { requested.load(ordering: .relaxed) }

  deinit {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
