import Testing
import TestSupport
@testable import Presentation

@Suite struct HTMLRendererTests {
  func page() throws -> String {
    let renderer = HTMLRenderer(palette: TypePalette(types: try PresentationFixture.rules().types))
    return renderer.render(try PresentationFixture.documents(), title: "news <2023>")
  }

  /// `RECORD_SNAPSHOTS=1 swift test --filter PresentationTests` re-records the golden file.
  @Test func pageGolden() throws {
    let actual = try page()
    #expect(actual == (try Snapshot.expected(actual, named: "page.html")))
  }

  @Test func theTooltipNamesEntityNameHowAndRule() throws {
    #expect(
      try page().contains(
        #"<mark class="m t0" data-id="person/dina-boluarte" data-tip="id    person/dina-boluarte&#10;name  Dina Boluarte&#10;"#
          + #"type  PERSON&#10;how   name “Dina Boluarte”, loose match&#10;rule  rules/test.yaml:9 (#person/dina-boluarte)">Dina Boluarte</mark>"#))
  }

  @Test func documentAndRuleTextIsEscaped() throws {
    let page = try page()
    #expect(page.contains("<title>Quipu: news &lt;2023&gt;</title>"))
    #expect(page.contains(" &lt;b&gt;&amp;&lt;/b&gt;."))
    #expect(page.contains(#">Copa &lt;América&gt; &amp; &quot;Sur&quot;</mark>"#))
    #expect(page.contains("name  Copa &lt;América&gt; &amp; &quot;Sur&quot;&#10;"))
    #expect(page.contains("Perú</mark>\u{FFFD}[31m, &#39;hoy&#39;."))
    #expect(!page.contains("<b>") && !page.contains("\u{1B}"))
  }

  @Test func thePageLoadsNothing() throws {
    let page = try page()
    for reference in ["src=", "href=", "url(", "@import", "http:", "https:"] {
      #expect(!page.contains(reference), "\(reference)")
    }
    #expect(page.contains(#"content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'""#))
  }

  @Test func everyTypeHasItsColourAndEveryEntityARow() throws {
    let page = try page()
    for slot in 0..<4 { #expect(page.contains(".t\(slot) { background: ")) }
    for id in ["person/dina-boluarte", "org/cgtp", "country/pe", "event/copa"] {
      #expect(page.contains("<tr data-id=\"\(id)\">"))
    }
    #expect(page.contains(#"<p class="summary">2 documents, 7 mentions, 4 entities</p>"#))
  }

  struct EscapeCase: Sendable, CustomTestStringConvertible {
    var text: String
    var content: String
    var attribute: String
    var testDescription: String { text.debugDescription }
  }

  static let escapes: [EscapeCase] = [
    EscapeCase(text: #"<a href="x">&'"#, content: "&lt;a href=&quot;x&quot;&gt;&amp;&#39;", attribute: "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"),
    EscapeCase(text: "a\nb\r\nc\td", content: "a\nb\r\nc\td", attribute: "a&#10;b&#13;&#10;c\td"),
    EscapeCase(text: "\u{0}\u{1B}\u{85}", content: "\u{FFFD}\u{FFFD}\u{FFFD}", attribute: "\u{FFFD}\u{FFFD}\u{FFFD}"),
    EscapeCase(text: "Перу 秘鲁 🌎", content: "Перу 秘鲁 🌎", attribute: "Перу 秘鲁 🌎"),
  ]

  @Test(arguments: escapes)
  func escaping(_ c: EscapeCase) {
    #expect(HTMLRenderer.escape(c.text) == c.content)
    #expect(HTMLRenderer.escape(c.text, inAttribute: true) == c.attribute)
  }
}
