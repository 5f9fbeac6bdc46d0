/// Writes documents with their mentions highlighted as one standalone HTML page.
///
/// The page loads nothing: CSS and JavaScript are inline, and a Content-Security-Policy of
/// `default-src 'none'` keeps it that way. Each mention is a `<mark>` in its type's colour;
/// hovering shows its entity id, canonical name, how the rule matched, and the rule's file
/// and line (a CSS tooltip, so it works with JavaScript off). A legend lists every entity with
/// its type, mention count and surface forms; hovering a legend row or a mention outlines
/// every mention of that entity, and clicking a row scrolls to its first mention.
///
/// Every text from documents and rules is escaped (`& < > " '`); control characters that
/// HTML forbids become U+FFFD. Output is deterministic, for golden-file tests.
public struct HTMLRenderer: Sendable {
  public var palette: TypePalette

  public init(palette: TypePalette) { self.palette = palette }

  public func render(_ documents: [AnnotatedDocument], title: String) -> String {
    let legend = LegendEntry.entries(for: documents, palette: palette)
    let mentionCount = documents.reduce(0) { $0 + $1.mentions.count }
    var slots = Set(palette.types.indices)
    for entry in legend { slots.insert(palette.slot(of: entry.type)) }

    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
      <meta name="generator" content="quipu show">
      <title>Quipu: \(Self.escape(title))</title>
      <style>
      \(Self.style)
      """
    for slot in slots.sorted() {
      let (background, accent) = palette.cssColors(ofSlot: slot)
      html += ".t\(slot) { background: \(background); border-color: \(accent); }\n"
    }
    html += """
      </style>
      </head>
      <body>
      <header>
      <h1>\(Self.escape(title))</h1>
      <p class="summary">\(documents.count) \(documents.count == 1 ? "document" : "documents"), \
      \(mentionCount) mentions, \(legend.count) entities</p>
      </header>
      <div class="layout">
      <main>

      """
    for document in documents { html += section(document) }
    html += """
      </main>
      <aside class="legend">
      <h2>Legend</h2>
      <p class="types">
      """
    for (type, count) in typeCounts(legend) {
      html += "<span class=\"tag t\(palette.slot(of: type))\">\(Self.escape(type))</span> \(count) "
    }
    html += """
      </p>
      <table>
      <thead><tr><th>type</th><th>entity</th><th class="n">mentions</th></tr></thead>
      <tbody>

      """
    for entry in legend {
      html += """
        <tr data-id="\(Self.escape(entry.entityID, inAttribute: true))"><td><span class="tag t\(palette.slot(of: entry.type))">\
        \(Self.escape(entry.type))</span></td><td><code>\(Self.escape(entry.entityID))</code><br>\(Self.escape(entry.name))\
        <div class="forms">\(Self.escape(entry.formsDescription))</div></td><td class="n">\(entry.mentions)</td></tr>

        """
    }
    html += """
      </tbody>
      </table>
      </aside>
      </div>
      <script>
      \(Self.script)
      </script>
      </body>
      </html>

      """
    return html
  }

  /// One document: its path, its mention count, and its text with `<mark>`s.
  func section(_ document: AnnotatedDocument) -> String {
    var text = ""
    for piece in document.pieces {
      switch piece {
      case .plain(let plain): text += Self.escape(plain)
      case .mention(let m):
        let tip = "id    \(m.entityID)\nname  \(m.name)\ntype  \(m.type)\nhow   \(m.how)\nrule  \(m.rule)"
        text +=
          "<mark class=\"m t\(palette.slot(of: m.type))\" data-id=\"\(Self.escape(m.entityID, inAttribute: true))\" "
          + "data-tip=\"\(Self.escape(tip, inAttribute: true))\">\(Self.escape(m.text))</mark>"
      }
    }
    let count = document.mentions.count
    return """
      <section class="doc">
      <h2>\(Self.escape(document.path))</h2>
      <p class="meta">\(count) \(count == 1 ? "mention" : "mentions")</p>
      <div class="text" dir="auto">\(text)</div>
      </section>

      """
  }

  func typeCounts(_ legend: [LegendEntry]) -> [(String, Int)] {
    var counts: [(String, Int)] = []
    for entry in legend {
      if let last = counts.last, last.0 == entry.type {
        counts[counts.count - 1].1 += entry.mentions
      } else {
        counts.append((entry.type, entry.mentions))
      }
    }
    return counts
  }

  /// `text` safe in element content and in double- or single-quoted attribute values.
  /// In attributes, line ends are written as `&#10;` and `&#13;` (so they survive); control
  /// characters other than tab and line ends become U+FFFD.
  static func escape(_ text: String, inAttribute: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n": out += inAttribute ? "&#10;" : "\n"
      case "\r": out += inAttribute ? "&#13;" : "\r"
      case "\t": out += "\t"
      case _ where scalar.properties.generalCategory == .control: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static let style = """
    :root { color-scheme: light; }
    body { margin: 0; font: 15px/1.65 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #212529; background: #f1f3f5; }
    header { padding: 14px 24px; background: #fff; border-bottom: 1px solid #dee2e6; }
    h1 { margin: 0; font-size: 19px; overflow-wrap: anywhere; }
    .summary { margin: 2px 0 0; color: #495057; }
    .layout { display: flex; gap: 20px; padding: 20px 24px; align-items: flex-start; }
    main { flex: 1 1 auto; min-width: 0; }
    .doc { background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 14px 20px; margin-bottom: 20px; }
    .doc h2 { margin: 0; font: 600 14px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace; overflow-wrap: anywhere; }
    .meta { margin: 2px 0 10px; color: #868e96; font-size: 13px; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; }
    mark.m { position: relative; color: inherit; padding: 0 2px; border-radius: 3px; border-bottom: 2px solid; cursor: help;
      word-break: keep-all; }
    mark.m:hover::after { content: attr(data-tip); position: absolute; left: 0; top: calc(100% + 4px); z-index: 10;
      white-space: pre; direction: ltr; text-align: left; pointer-events: none; padding: 6px 9px; border-radius: 6px;
      font: 12px/1.5 ui-monospace, "SFMono-Regular", Menlo, monospace; color: #f8f9fa; background: #212529;
      box-shadow: 0 4px 14px rgba(0, 0, 0, .25); }
    mark.m.hl { outline: 2px solid #212529; outline-offset: 1px; }
    .legend { flex: 0 0 330px; position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto;
      background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 12px 14px; font-size: 13px; }
    .legend h2 { margin: 0 0 6px; font-size: 15px; }
    .types { margin: 0 0 8px; }
    .legend table { border-collapse: collapse; width: 100%; }
    .legend th { text-align: left; font-weight: 600; color: #868e96; border-bottom: 1px solid #dee2e6; padding: 2px 4px; }
    .legend td { vertical-align: top; padding: 4px; border-bottom: 1px solid #f1f3f5; }
    .legend tbody tr { cursor: pointer; }
    .legend tbody tr:hover { background: #f8f9fa; }
    .legend code { font: 12px ui-monospace, "SFMono-Regular", Menlo, monospace; overflow-wrap: anywhere; }
    .forms { color: #868e96; }
    .n { text-align: right; }
    .tag { display: inline-block; padding: 0 6px; border: 1px solid; border-radius: 9px; font: 600 11px/1.6 ui-monospace, monospace; }
    @media (max-width: 900px) { .layout { flex-direction: column; } .legend { position: static; max-height: none; width: 100%; box-sizing: border-box; } }

    """

  static let script = """
    (function () {
      var marks = Array.prototype.slice.call(document.querySelectorAll("mark.m"));
      function outline(id, on) {
        marks.forEach(function (m) { if (m.dataset.id === id) { m.classList.toggle("hl", on); } });
      }
      function follow(element) {
        element.addEventListener("mouseenter", function () { outline(element.dataset.id, true); });
        element.addEventListener("mouseleave", function () { outline(element.dataset.id, false); });
      }
      marks.forEach(follow);
      document.querySelectorAll(".legend tr[data-id]").forEach(function (row) {
        follow(row);
        row.addEventListener("click", function () {
          var first = marks.find(function (m) { return m.dataset.id === row.dataset.id; });
          if (first) { first.scrollIntoView({ block: "center" }); }
        });
      });
    })();
    """
}
