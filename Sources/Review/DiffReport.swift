/// Renders an `OutputDiff` for a reviewer: summary counts first (per type, per rule), then
/// each change with a line of context, grouped by rule and by entity.
///
/// Groups are ordered by key (UTF-8 bytes) and changes by document order, so a report is a
/// function of the two outputs alone. Per group at most `limit` changes are listed (0: all),
/// then "… and N more". A mention whose only change is its `rule` string (`ruleRenamed`) is
/// counted in the first line and listed only with `listsRenamed`.
///
/// Counts per type use the type the mention has now (a `PLACE` retyped as `ORG` counts under
/// `ORG`, or under its old type when removed); per rule, the rule that now produces it.
/// A relinked or retyped mention is listed under both its old and its new entity.
public struct DiffReport {
  public enum Format: String, CaseIterable, Sendable {
    case text, markdown
  }

  public var diff: OutputDiff
  /// How the two sides are named in the title (folders or revisions).
  public var oldLabel: String
  public var newLabel: String
  public var limit: Int
  public var listsRenamed: Bool
  public var context: (OutputMention) -> ContextLine

  public init(
    diff: OutputDiff, oldLabel: String, newLabel: String, limit: Int = 10, listsRenamed: Bool = false,
    context: @escaping (OutputMention) -> ContextLine = { ContextLine(text: MentionContext.oneLine($0.text)) }
  ) {
    self.diff = diff
    self.oldLabel = oldLabel
    self.newLabel = newLabel
    self.limit = limit
    self.listsRenamed = listsRenamed
    self.context = context
  }

  public func render(_ format: Format) -> String {
    switch format {
    case .text: text()
    case .markdown: markdown()
    }
  }

  // MARK: Shared parts

  /// "3 mentions changed: 2 added, 1 removed, 0 retyped, 0 relinked; 5 only changed their rule reference"
  var summaryLine: String {
    let counts = diff.counts
    let changed = ChangeKind.listed.reduce(0) { $0 + counts[$1, default: 0] }
    var line =
      changed == 0
      ? "no mention changed"
      : "\(changed) \(changed == 1 ? "mention" : "mentions") changed: "
        + ChangeKind.listed.map { "\(counts[$0, default: 0]) \($0.label)" }.joined(separator: ", ")
    let renamed = counts[.ruleRenamed, default: 0]
    if renamed > 0 { line += "; \(renamed) only changed \(renamed == 1 ? "its" : "their") rule reference (rule renamed)" }
    return line
  }

  var byType: [(key: String, counts: [ChangeKind: Int])] { diff.counts { $0.type } }
  var byRule: [(key: String, counts: [ChangeKind: Int])] { diff.counts { $0.rule } }

  var ruleGroups: [(key: String, changes: [MentionChange])] {
    var kinds = Set(ChangeKind.listed)
    if listsRenamed { kinds.insert(.ruleRenamed) }
    return diff.groups(by: { [$0.rule] }, including: kinds)
  }

  var entityGroups: [(key: String, changes: [MentionChange])] { diff.groups(by: \.entities) }

  func limited(_ changes: [MentionChange]) -> (shown: ArraySlice<MentionChange>, hidden: Int) {
    guard limit > 0, changes.count > limit else { return (changes[...], 0) }
    return (changes.prefix(limit), changes.count - limit)
  }

  /// "PLACE → ORG", or the one type.
  static func types(of change: MentionChange) -> String {
    guard let old = change.old, let new = change.new, old.type != new.type else { return change.type }
    return "\(old.type) → \(new.type)"
  }

  /// The old rule, when the change moved the mention to another rule string.
  static func previousRule(of change: MentionChange) -> String? {
    guard let old = change.old, change.new != nil, old.rule != change.rule else { return nil }
    return old.rule
  }

  // MARK: Text

  func text() -> String {
    var out = "quipu diff \(oldLabel) → \(newLabel)\n\(summaryLine)\n"
    guard !diff.changes.isEmpty else { return out }
    if diff.hasChanges {
      out += "\n" + Self.table(title: "By type", rows: byType)
      out += "\n" + Self.table(title: "By rule", rows: byRule)
    }
    for (title, groups, showsRule) in [("Changes by rule", ruleGroups, false), ("Changes by entity", entityGroups, true)]
    where !groups.isEmpty {
      out += "\n\(title)\n"
      for group in groups {
        out += "\n\(group.key) (\(group.changes.count))\n"
        let (shown, hidden) = limited(group.changes)
        for change in shown { out += "  " + textLine(change, showsRule: showsRule) + "\n" }
        if hidden > 0 { out += "  … and \(hidden) more\n" }
      }
    }
    return out
  }

  static func table(title: String, rows: [(key: String, counts: [ChangeKind: Int])]) -> String {
    let header = [title] + ChangeKind.listed.map(\.label)
    let body = rows.map { row in [row.key] + ChangeKind.listed.map { String(row.counts[$0, default: 0]) } }
    let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
    func format(_ cells: [String]) -> String {
      var line = cells[0] + String(repeating: " ", count: widths[0] - cells[0].count)
      for column in 1..<cells.count {
        line += "  " + String(repeating: " ", count: widths[column] - cells[column].count) + cells[column]
      }
      return line + "\n"
    }
    return ([header] + body).map(format).joined()
  }

  func textLine(_ change: MentionChange, showsRule: Bool) -> String {
    let sign =
      switch change.kind {
      case .added: "+"
      case .removed: "-"
      case .retyped, .relinked: "~"
      case .ruleRenamed: "="
      }
    let entities = change.entities.joined(separator: " → ")
    let c = context(change.mention)
    var line = "\(sign) \(change.kind.label)  \(Self.types(of: change)) \(entities)  \(change.mention.place)  "
    line += c.before + "[" + c.text + "]" + c.after
    if showsRule {
      line += "  (\(change.rule))"
    } else if let previous = Self.previousRule(of: change) {
      line += "  (was \(previous))"
    }
    return line
  }

  // MARK: Markdown

  func markdown() -> String {
    var out = "### quipu diff \(Self.code(oldLabel)) → \(Self.code(newLabel))\n\n"
    let summary = summaryLine
    if let colon = summary.firstIndex(of: ":") {
      out += "**\(summary[..<colon])**\(summary[colon...])\n"
    } else {
      out += "**\(summary)**\n"
    }
    guard !diff.changes.isEmpty else { return out }
    if diff.hasChanges {
      out += "\n" + Self.markdownTable(title: "type", rows: byType)
      out += "\n" + Self.markdownTable(title: "rule", rows: byRule)
    }
    for (title, groups, showsRule) in [("Changes by rule", ruleGroups, false), ("Changes by entity", entityGroups, true)]
    where !groups.isEmpty {
      out += "\n#### \(title)\n"
      for group in groups {
        out += "\n\(Self.code(group.key)) (\(group.changes.count))\n\n"
        let (shown, hidden) = limited(group.changes)
        for change in shown { out += "- " + markdownLine(change, showsRule: showsRule) + "\n" }
        if hidden > 0 { out += "- … and \(hidden) more\n" }
      }
    }
    return out
  }

  static func markdownTable(title: String, rows: [(key: String, counts: [ChangeKind: Int])]) -> String {
    var out = "| \(title) | " + ChangeKind.listed.map(\.label).joined(separator: " | ") + " |\n"
    out += "| --- |" + String(repeating: " ---: |", count: ChangeKind.listed.count) + "\n"
    for row in rows {
      let cells = ChangeKind.listed.map { String(row.counts[$0, default: 0]) }
      out += "| \(code(row.key).replacingOccurrences(of: "|", with: "\\|")) | " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }

  func markdownLine(_ change: MentionChange, showsRule: Bool) -> String {
    let entities = change.entities.map(Self.code).joined(separator: " → ")
    let c = context(change.mention)
    var line = "\(change.kind.label) \(Self.types(of: change)) \(entities) at \(Self.code(change.mention.place)): "
    line += Self.escaped(c.before) + "**" + Self.escaped(c.text) + "**" + Self.escaped(c.after)
    if showsRule {
      line += " (\(Self.code(change.rule)))"
    } else if let previous = Self.previousRule(of: change) {
      line += " (was \(Self.code(previous)))"
    }
    return line
  }

  /// Inline code whose fence is longer than any run of backticks inside.
  static func code(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return fence + pad + text + pad + fence
  }

  /// Text with Markdown's punctuation escaped, so a document's words never become markup.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>|~".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
