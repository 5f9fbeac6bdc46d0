import Foundation

extension OutputFolder {
  /// Why the documents of `input` cannot be written into `output` (a message for a ``Diagnostic``),
  /// or nil: the two are one folder, or
  /// one lies inside the other (a run would read its own output back, or remove its input).
  /// Compared as real paths, so a symbolic link or `..` does not hide an overlap.
  public static func overlap(input: String, output: String) -> String? {
    let inputPath = realPath(input)
    let outputPath = realPath(output)
    func isInside(_ inner: String, _ outer: String) -> Bool {
      inner.utf8.starts(with: (outer.hasSuffix("/") ? outer : outer + "/").utf8)
    }
    if inputPath == outputPath {
      return "the output folder '\(output)' is the input folder '\(input)'; choose another --out"
    }
    if isInside(outputPath, inputPath) {
      return "the output folder '\(output)' is inside the input folder '\(input)'; choose an --out outside it"
    }
    if isInside(inputPath, outputPath) {
      return "the input folder '\(input)' is inside the output folder '\(output)'; choose an --out outside it"
    }
    return nil
  }

  /// `path` with symbolic links, `.` and `..` resolved; for a path that does not exist (yet),
  /// the real path of its nearest existing ancestor followed by the rest.
  static func realPath(_ path: String) -> String {
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var rest: [String] = []
    while true {
      if let real = realpath(url.path, nil) {
        defer { free(real) }
        return rest.reversed().reduce(URL(fileURLWithPath: String(cString: real))) { $0.appendingPathComponent($1) }.path
      }
      if url.path == "/" { return path }
      rest.append(url.lastPathComponent)
      url.deleteLastPathComponent()
    }
  }
}
