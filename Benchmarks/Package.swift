// swift-tools-version:6.1
// Quipu's benchmarks: their own package, so `swift build` / `swift test` at the root never
// build them. Run from the repository root:
//   swift run -c release --package-path Benchmarks quipu-bench generate
//   swift run -c release --package-path Benchmarks quipu-bench run
import PackageDescription

let package = Package(
  name: "QuipuBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Quipu", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .executableTarget(
      name: "quipu-bench",
      dependencies: [
        .product(name: "QuipuKit", package: "Quipu"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    )
  ]
)
