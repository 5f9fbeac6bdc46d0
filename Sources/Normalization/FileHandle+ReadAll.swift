import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension FileHandle {
  /// Everything left to read, until end of file, with reads that a signal interrupted
  /// retried. Foundation's `readDataToEndOfFile()` traps on `EINTR`, which a pipe read gets
  /// when a child process exits (SIGCHLD) while another thread waits on its output.
  /// Stops at the first other read error, with what was read so far.
  public func readAllRetryingInterrupts() -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let fd = fileDescriptor
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        data.append(contentsOf: buffer[0..<n])
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return data
      }
    }
  }
}
