import Foundation
import Testing
import TestSupport

/// The Dockerfile's structure: built with the official Swift image, run on Debian slim with
/// ICU only. (Docker itself cannot run here; `deploy/check` also parses it with dockerfile-parse.)
@Suite(.bug(id: 9)) struct DockerfileTests {
  /// Instructions, continuation lines joined, comments dropped.
  let instructions: [(keyword: String, value: String)]

  init() throws {
    var joined: [String] = []
    var pending = ""
    for line in try DeployFiles.text("Dockerfile").split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if pending.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
      if trimmed.hasSuffix("\\") {
        pending += trimmed.dropLast() + " "
      } else {
        joined.append(pending + trimmed)
        pending = ""
      }
    }
    instructions = joined.map { line in
      let parts = line.split(separator: " ", maxSplits: 1)
      return (String(parts[0]).uppercased(), parts.count > 1 ? String(parts[1]) : "")
    }
  }

  var stages: [[(keyword: String, value: String)]] {
    var stages: [[(keyword: String, value: String)]] = []
    for instruction in instructions {
      if instruction.keyword == "FROM" { stages.append([]) }
      if !stages.isEmpty { stages[stages.count - 1].append(instruction) }
    }
    return stages
  }

  func argument(_ name: String) -> String? {
    instructions.first { $0.keyword == "ARG" && $0.value.hasPrefix(name + "=") }.map { String($0.value.dropFirst(name.count + 1)) }
  }

  @Test func buildsWithTheOfficialSwiftImageAndLinksSwiftStatically() throws {
    let build = try #require(stages.first)
    #expect(build[0].value == "swift:${SWIFT_VERSION}-${DEBIAN} AS build")
    let compile = try #require(build.first { $0.keyword == "RUN" && $0.value.contains("swift build") })
    #expect(compile.value.contains("-c release --product quipu --static-swift-stdlib"))
    #expect(build.contains { $0.keyword == "COPY" && $0.value == "rules /opt/quipu/rules" })
    for source in ["Package.swift", "Sources", "Tests", "rules"] {
      #expect(FileManager.default.fileExists(atPath: DeployFiles.root.appendingPathComponent(source).path))
    }
  }

  @Test func runsOnDebianSlimWithICUOnly() throws {
    #expect(stages.count == 2)
    let runtime = try #require(stages.last)
    #expect(runtime[0].value == "debian:${DEBIAN}-slim")
    let install = try #require(runtime.first { $0.keyword == "RUN" && $0.value.contains("apt-get install") })
    let packages = install.value.components(separatedBy: "--no-install-recommends ").last?
      .components(separatedBy: " && ").first?.split(separator: " ")
    #expect(packages == ["${ICU_PACKAGE}"])
    // The ICU package must be the one the chosen Debian ships.
    let icu = ["bullseye": "libicu67", "bookworm": "libicu72", "trixie": "libicu76"]
    #expect(icu[argument("DEBIAN") ?? ""] == argument("ICU_PACKAGE"))
    #expect(runtime.contains { $0.keyword == "COPY" && $0.value == "--from=build /opt/quipu /opt/quipu" })
  }

  @Test func theImageRunsQuipuWithTheDefaultRulesAsAnUnprivilegedUser() throws {
    let runtime = try #require(stages.last)
    #expect(runtime.contains { $0.keyword == "WORKDIR" && $0.value == "/opt/quipu" })
    #expect(runtime.contains { $0.keyword == "RUN" && $0.value.contains("quipu check") })
    #expect(runtime.contains { $0.keyword == "USER" && $0.value == "10001:10001" })
    #expect(runtime.last?.keyword == "CMD")
    #expect(runtime.contains { $0.keyword == "ENTRYPOINT" && $0.value == #"["quipu"]"# })
  }

  @Test func theBuildContextKeepsWhatTheBuildCopies() throws {
    let ignored = try DeployFiles.text(".dockerignore").split(separator: "\n").filter { !$0.hasPrefix("#") }
    for needed in ["Package.swift", "Sources", "Tests", "rules"] { #expect(!ignored.contains(Substring(needed))) }
    #expect(ignored.contains(".build*"))
  }
}
