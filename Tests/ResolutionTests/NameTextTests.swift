import Testing

@testable import Resolution

/// Canonical mention text: NFC, white space runs collapsed, none at the ends.
@Suite struct NameTextTests {
  @Test(arguments: [
    ("Dina Boluarte", "Dina Boluarte"),
    ("Dina  Boluarte", "Dina Boluarte"),
    ("Dina\nBoluarte", "Dina Boluarte"),
    ("Dina\u{00A0}Boluarte", "Dina Boluarte"),
    (" Lima ", "Lima"),
    ("Pe\u{0301}rez", "Pérez"),
    ("", ""),
    ("U.S.", "U.S."),
  ])
  func canonical(_ pair: (String, String)) {
    #expect(NameText.canonical(pair.0).unicodeScalars.elementsEqual(pair.1.unicodeScalars))
  }
}
