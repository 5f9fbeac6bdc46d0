import Dispatch
import Foundation
import Synchronization

/// A progress line on standard error, redrawn ten times a second, in the style of cargo and pip:
/// `[=========>          ] 1234/5000 documents  12.3 MB/s  ETA 0:42`.
// @unchecked: the timer source is thread-safe and only touched in init and finish().
final class ProgressLine: @unchecked Sendable {
  private let total: Int
  private let done = Atomic<Int>(0)
  private let bytes = Atomic<Int>(0)
  private let started = ContinuousClock.now
  private let timer: DispatchSourceTimer

  init(total: Int) {
    self.total = total
    timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.resume()
  }

  func advance(bytes count: Int) {
    done.add(1, ordering: .relaxed)
    bytes.add(count, ordering: .relaxed)
  }

  func finish() {
    timer.cancel()
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }

  private func draw() {
    let n = done.load(ordering: .relaxed)
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = seconds > 0 ? Double(bytes.load(ordering: .relaxed)) / 1e6 / seconds : 0
    let width = 24
    let filled = total > 0 ? min(width, n * width / total) : width
    let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
      + String(repeating: " ", count: max(0, width - filled - 1))
    var line = "\r[\(bar)] \(n)/\(total) documents  " + String(format: "%.1f MB/s", rate)
    if n > 0, n < total {
      let eta = Int(seconds / Double(n) * Double(total - n))
      line += String(format: "  ETA %d:%02d", eta / 60, eta % 60)
    }
    FileHandle.standardError.write(Data(line.utf8))
  }
}
