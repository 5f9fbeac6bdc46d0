// swift-tools-version:6.1
// Quipu's fuzz targets: their own package, so `swift build` / `swift test` at the root never
// build them. Each target is a libFuzzer executable; `Fuzz/run.sh TARGET SECONDS` builds one
// and runs it on its seed corpus (Fuzz/Corpus/TARGET/). The build, from the repository root:
//   swift build -c release --package-path Fuzz --product fuzz-normalizer \
//     --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (Fuzz/README.md says why each flag is needed.)
import PackageDescription

let quipu = Target.Dependency.product(name: "QuipuKit", package: "Quipu")

let package = Package(
  name: "QuipuFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Quipu", path: "..")
  ],
  targets: [
    // Invariant checks shared by the targets: a broken promise traps, which libFuzzer reports.
    .target(name: "FuzzSupport", dependencies: [quipu]),
    // Bytes → TextDecoder (strict and replacing) → Normalizer: token offsets and invariants.
    .executableTarget(name: "fuzz-normalizer", dependencies: [quipu, "FuzzSupport"]),
    // Bytes as a YAML rule file → RuleLoader.parse → RuleSet.compile → a Recognizer run.
    .executableTarget(name: "fuzz-rules", dependencies: [quipu, "FuzzSupport"]),
    // First line a pattern, the rest a text → PatternCompiler → Recognizer (Pike VM).
    .executableTarget(name: "fuzz-patterns", dependencies: [quipu, "FuzzSupport"]),
    // Bytes → a file tree and its changes → BatchRunner runs (first, unchanged, incremental,
    // fresh, racing): output coverage, nothing foreign deleted, incremental = fresh.
    .executableTarget(name: "fuzz-batch", dependencies: [quipu, "FuzzSupport"]),
  ]
)
