/// A Markdown table whose columns line up in a terminal too.
struct Table {
  var header: [String]
  var rows: [[String]] = []
  /// Columns whose cells are right-aligned (numbers).
  var numeric: Set<Int> = []

  init(_ header: [String], numeric: Set<Int>) {
    self.header = header
    self.numeric = numeric
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  var rendered: String {
    let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      "| " + cells.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return numeric.contains(c) ? pad + cell : cell + pad
      }.joined(separator: " | ") + " |"
    }
    let rule = "|" + widths.enumerated().map { c, w in
      numeric.contains(c) ? " " + String(repeating: "-", count: max(1, w - 1)) + ": " : " " + String(repeating: "-", count: w) + " "
    }.joined(separator: "|") + "|"
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }
}

/// Fixed-point text for a number (no locale).
func fixed(_ value: Double, _ digits: Int) -> String {
  String(format: "%.\(digits)f", value)
}

/// 1234567 → "1,234,567".
func grouped(_ value: Int) -> String {
  let digits = String(value)
  var out = ""
  for (i, ch) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
    out.append(ch)
  }
  return out
}

/// Tokens per second in a short form: "1.23 M".
func perSecond(_ value: Double) -> String {
  value >= 1e6 ? fixed(value / 1e6, 2) + " M" : fixed(value / 1e3, 0) + " k"
}
