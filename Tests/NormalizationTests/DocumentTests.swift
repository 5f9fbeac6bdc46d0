import Testing

@testable import Normalization

@Suite struct DocumentTests {
  @Test func quotesTokensAndSpansFromTheOriginalText() throws {
    let doc = try Normalizer().document(path: "noticias/1.txt", text: "Dina 🇵🇪 Boluarte’s Peru\u{301}.")
    #expect(doc.path == "noticias/1.txt")
    #expect(doc.tokenTexts == ["Dina", "🇵🇪", "Boluarte", "’s", "Peru\u{301}", "."])
    #expect(units(doc.string(fromToken: 0, throughToken: 2)) == units("Dina 🇵🇪 Boluarte"))
    #expect(units(doc.string(fromToken: 4, throughToken: 5)) == units("Peru\u{301}."))
    #expect(units(doc.string(utf16: 5..<9)) == units("🇵🇪"))
    #expect(doc.string(utf16: 0..<0) == "")
  }
}
