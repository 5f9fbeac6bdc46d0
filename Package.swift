// swift-tools-version:6.1
// Quipu: a staged, rule-based entity-extraction pipeline.
// Modules follow the pipeline, dependencies point one way (down this list).
import PackageDescription

/// Hot loops over tokens: the runtime exclusivity checks on captured state cost a sixth of the
/// instructions in release builds (measured with callgrind), and these modules own no shared
/// mutable state across threads. Debug builds (and so the tests) keep the checks.
let hotLoops: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "Quipu",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "quipu", targets: ["quipu"]),
    .library(name: "QuipuPipeline", targets: ["Pipeline"]),
    // Every stage, for Benchmarks/ (its own package, depending on ".." by path).
    .library(
      name: "QuipuKit", targets: ["CICU", "Normalization", "Rules", "Recognition", "Resolution", "Output", "Pipeline"]),
    .executable(name: "quipu-packs", targets: ["quipu-packs"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The system ICU (Debian libicu-dev) behind a header of plain C types.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
    ),
    .target(name: "Normalization", dependencies: ["CICU"], swiftSettings: hotLoops),
    .target(name: "Rules", dependencies: ["Normalization", .product(name: "Yams", package: "Yams")]),
    .target(name: "Recognition", dependencies: ["Normalization", "Rules"], swiftSettings: hotLoops),
    .target(name: "Resolution", dependencies: ["Normalization", "Rules", "Recognition"]),
    .target(name: "Output", dependencies: ["Normalization", "Rules", "Resolution"]),
    .target(name: "Pipeline", dependencies: ["Normalization", "Rules", "Recognition", "Resolution", "Output"]),
    // Review tools beside the pipeline: scoring against gold, comparing two outputs, showing mentions in context.
    .target(name: "Evaluation", dependencies: ["Normalization"]),
    .target(name: "Review", dependencies: ["Normalization"]),
    .target(name: "Presentation", dependencies: ["Normalization", "Rules", "Recognition", "Resolution", "Pipeline"]),
    .executableTarget(
      name: "quipu",
      dependencies: [
        "Pipeline", "Rules", "Output", "Evaluation", "Presentation", "Review",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Reference pack generation (maintainers only): CLDR countries, ISO 3166-2 regions, GeoNames cities.
    .target(name: "Packs", dependencies: ["CICU", "Normalization"]),
    .executableTarget(
      name: "quipu-packs",
      dependencies: ["Packs", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),

    .target(name: "TestSupport", dependencies: ["Normalization", "Rules"], path: "Tests/TestSupport"),
    .testTarget(name: "NormalizationTests", dependencies: ["Normalization", "TestSupport"]),
    .testTarget(name: "RulesTests", dependencies: ["Rules", "TestSupport"]),
    .testTarget(name: "RecognitionTests", dependencies: ["Recognition", "TestSupport"]),
    .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Pipeline", "TestSupport"]),
    .testTarget(name: "OutputTests", dependencies: ["Output", "Pipeline", "TestSupport"]),
    .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Rules", "TestSupport"]),
    .testTarget(name: "PacksTests", dependencies: ["Packs", "Rules", "TestSupport"]),
    .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "TestSupport"]),
    .testTarget(name: "ReviewTests", dependencies: ["Review", "TestSupport"]),
    .testTarget(
      name: "PresentationTests", dependencies: ["Presentation", "Pipeline", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Pipeline", "TestSupport"]),
    // The Dockerfile, Kubernetes manifests and Slurm scripts under deploy/.
    .testTarget(name: "DeployTests", dependencies: ["Pipeline", "TestSupport", .product(name: "Yams", package: "Yams")]),
  ]
)
