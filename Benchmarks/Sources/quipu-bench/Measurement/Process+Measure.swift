import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// The largest resident set this process has had, in bytes (`getrusage` `ru_maxrss`).
///
/// A process's peak only grows, so each configuration runs in a child process of its own.
func peakResidentBytes() -> Int {
  var usage = rusage()
  _ = getrusage(RUSAGE_SELF.rawValue, &usage)
  return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
}

/// CPU seconds (user + system, all threads) this process has used so far.
func processCPUSeconds() -> Double {
  var usage = rusage()
  _ = getrusage(RUSAGE_SELF.rawValue, &usage)
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The 1-minute load average: how many processes wanted a core, other sessions' included.
func loadAverage() -> Double {
  let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
  return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
}

/// Seconds since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
  let d = ContinuousClock.now - start
  return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Times `body`, returning its result and the seconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
  let start = ContinuousClock.now
  let result = try body()
  return (result, seconds(since: start))
}

/// FNV-1a 64 over a stream of byte buffers: a cheap digest to compare outputs and inputs.
struct Digest {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
  mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    for b in bytes {
      value ^= UInt64(b)
      value = value &* 0x100_0000_01b3
    }
  }
  mutating func add(_ text: String) { add(Array(text.utf8)) }
  var hex: String { String(value, radix: 16).leftPadded(to: 16) }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}

/// Regular files under `folder` (hidden ones skipped), as sorted relative paths.
func regularFiles(under folder: URL) -> [String] {
  let root = folder.standardizedFileURL.resolvingSymlinksInPath()
  let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
  guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
  else { return [] }
  var found: [String] = []
  for case let url as URL in walker {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
    let path = url.standardizedFileURL.resolvingSymlinksInPath().path
    if path.hasPrefix(prefix) { found.append(String(path.dropFirst(prefix.count))) }
  }
  return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}

/// A digest of every file under `folder`: relative paths and contents, in sorted order.
func folderDigest(_ folder: URL) -> String {
  var digest = Digest()
  for relative in regularFiles(under: folder) {
    digest.add(relative)
    digest.add([0])
    if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) { digest.add(data) }
  }
  return digest.hex
}
