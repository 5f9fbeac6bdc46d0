import Foundation
import TestSupport
import Yams

/// The files under `deploy/` and the Dockerfile.
enum DeployFiles {
  static let root = Fixture.repositoryRoot

  static func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  static func yaml(_ path: String) throws -> YAMLValue {
    YAMLValue(try Yams.load(yaml: text(path)))
  }
}

/// A parsed YAML value, navigated by key and index: `job["spec"]["template"]`. A missing key
/// gives an empty value, so a test reads as the manifest does and fails on its `#expect`.
struct YAMLValue: CustomStringConvertible {
  let value: Any?
  init(_ value: Any?) { self.value = value }

  subscript(key: String) -> YAMLValue { YAMLValue((value as? [String: Any])?[key]) }
  subscript(index: Int) -> YAMLValue {
    guard let array = value as? [Any], array.indices.contains(index) else { return YAMLValue(nil) }
    return YAMLValue(array[index])
  }
  var string: String? { value as? String }
  var int: Int? { value as? Int }
  var array: [YAMLValue] { (value as? [Any])?.map(YAMLValue.init) ?? [] }
  var strings: [String] { array.compactMap(\.string) }
  var description: String { value.map { "\($0)" } ?? "nil" }
}
