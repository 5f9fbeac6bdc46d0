import Foundation
import Yams

/// The top-level keys of reference layers: `precedence`, `extend` and `geonames`
/// (see ``EntityExtension``, ``RuleSource/precedence(of:)`` and ``GeoNamesSource``).
extension RuleFileParser {
  static let layerKeys = ["precedence", "extend", "geonames"]
  static let extendKeys = ["id", "name", "aliases", "drop_aliases", "attributes"]

  mutating func parseLayerKey(_ key: String, _ value: Node) {
    switch key {
    case "precedence":
      guard let text = value.scalar?.string, let number = Int(text) else {
        layerError(value, "'precedence' must be a whole number (reference packs use -10, -20, -30)")
        return
      }
      source.precedence[path] = number
    case "extend":
      guard let items = value.sequence else {
        layerError(value, "'extend' must be a list of maps with the keys \(Self.list(Self.extendKeys))")
        return
      }
      for item in items { parseExtension(item) }
    case "geonames":
      let items = value.sequence.map(Array.init) ?? [value]
      for item in items {
        guard let spec = GeoNamesSource.parse(item, parser: &self) else { continue }
        GeoNamesLoader.load(spec, into: &source)
      }
    default:
      break
    }
  }

  private mutating func parseExtension(_ node: Node) {
    guard let mapping = node.mapping else {
      layerError(node, "an 'extend' entry must be a map with the keys \(Self.list(Self.extendKeys))")
      return
    }
    var ext = EntityExtension(id: "", location: location(node))
    for (key, value) in mapping {
      switch key.string {
      case "id":
        ext.id = value.scalar?.string ?? ""
        if ext.id.isEmpty { layerError(value, "'id' must be a string") }
      case "name":
        guard let name = value.scalar?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
          layerError(value, "'name' must be a string")
          continue
        }
        ext.name = name
        ext.nameLocation = location(value)
      case "aliases":
        guard let items = value.sequence else {
          layerError(value, "'aliases' must be a list")
          continue
        }
        for item in items { if let alias = parseAlias(item) { ext.aliases.append(alias) } }
      case "drop_aliases":
        guard let items = value.sequence else {
          layerError(value, "'drop_aliases' must be a list of alias texts")
          continue
        }
        for item in items {
          guard let text = item.scalar?.string else {
            layerError(item, "an alias to drop must be a string")
            continue
          }
          ext.droppedAliases.append((text, location(item)))
        }
      case "attributes":
        guard let map = value.mapping else {
          layerError(value, "'attributes' must be a map of keys to values")
          continue
        }
        for (k, v) in map {
          guard let ks = k.scalar?.string, let vs = v.scalar?.string else {
            layerError(v, "attribute values must be plain strings or numbers")
            continue
          }
          ext.attributes.append(.init(key: ks, value: vs))
        }
      default:
        layerError(key, "unknown key '\(key.string ?? "?")' (expected \(Self.list(Self.extendKeys)))")
      }
    }
    if mapping["id"] == nil { layerError(node, "'extend' entry is missing 'id'") }
    guard !ext.id.isEmpty else { return }
    source.extensions.append(ext)
  }

  mutating func layerError(_ node: Node, _ message: String) {
    source.diagnostics.append(.error(at: location(node), message))
  }
}
