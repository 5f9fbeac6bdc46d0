/// The version of Quipu, printed by `quipu --version` and recorded in shard manifests, so
/// that shards written by different builds are never merged.
///
/// Raise it with every change to what `quipu run` writes.
public enum QuipuVersion {
  public static let current = "0.1.0"
}
