import Foundation
import Pipeline
import Testing
import TestSupport

/// deploy/kubernetes: the fields that must agree, and the pods' commands run as a pod would
/// run them (with /data and the image's rules folder mapped to a temporary folder).
@Suite(.bug(id: 9)) struct KubernetesManifestTests {
  let shards: YAMLValue
  let merge: YAMLValue
  let volume: YAMLValue

  init() throws {
    shards = try DeployFiles.yaml("deploy/kubernetes/shards-job.yaml")
    merge = try DeployFiles.yaml("deploy/kubernetes/merge-job.yaml")
    volume = try DeployFiles.yaml("deploy/kubernetes/volume.yaml")
  }

  var shardCount: Int? { shards["spec"]["completions"].int }
  func container(_ job: YAMLValue) -> YAMLValue { job["spec"]["template"]["spec"]["containers"][0] }
  func script(_ job: YAMLValue) -> String { container(job)["args"][0].string ?? "" }

  @Test func theShardJobIsAnIndexedJobWhoseCountsAgree() throws {
    #expect(shards["apiVersion"].string == "batch/v1")
    #expect(shards["kind"].string == "Job")
    #expect(shards["spec"]["completionMode"].string == "Indexed")
    let count = try #require(shardCount)
    #expect(count > 1)
    #expect(shards["spec"]["parallelism"].int == count)
    #expect(script(shards).contains("--shard auto --shards \(count) "))
    #expect(script(shards).contains(#"--out "/data/shards/$JOB_COMPLETION_INDEX""#))
    #expect(shards["spec"]["template"]["spec"]["restartPolicy"].string == "Never")
  }

  @Test func aRulesOrUsageErrorFailsTheWholeJobAndOtherFailuresRetryTheirShard() {
    let rule = shards["spec"]["podFailurePolicy"]["rules"][0]
    #expect(rule["action"].string == "FailJob")
    #expect(rule["onExitCodes"]["containerName"].string == container(shards)["name"].string)
    #expect(rule["onExitCodes"]["operator"].string == "In")
    #expect(rule["onExitCodes"]["values"].array.map(\.int) == [2])
    #expect((shards["spec"]["backoffLimitPerIndex"].int ?? 0) >= 1)
    #expect(merge["spec"]["backoffLimit"].int == 0)
  }

  @Test func bothJobsShareTheVolumeTheImageAndTheUser() throws {
    let claim = try #require(volume["metadata"]["name"].string)
    #expect(volume["kind"].string == "PersistentVolumeClaim")
    #expect(volume["spec"]["accessModes"].strings == ["ReadWriteMany"])
    for job in [shards, merge] {
      let pod = job["spec"]["template"]["spec"]
      #expect(pod["volumes"][0]["persistentVolumeClaim"]["claimName"].string == claim)
      #expect(container(job)["volumeMounts"][0]["name"].string == pod["volumes"][0]["name"].string)
      #expect(container(job)["volumeMounts"][0]["mountPath"].string == "/data")
      #expect(container(job)["command"].strings == ["/bin/sh", "-c"])
      #expect(pod["securityContext"]["runAsUser"].int == 10001, "the Dockerfile's USER")
    }
    let image = try #require(container(shards)["image"].string)
    #expect(container(merge)["image"].string == image)
    #expect(image.hasSuffix("/quipu:\(QuipuVersion.current)"), "the manifests name this version's image")
  }

  @Test func theMergeJobMergesEveryShardFolder() {
    #expect(merge["kind"].string == "Job")
    #expect(script(merge).contains("quipu merge /data/shards/* --out /data/out"))
  }

  /// Runs the pods' commands with `sh -c`, as the container does, with /data mapped.
  @Test func thePodsCommandsShardAndMergeToWhatOneRunWrites() throws {
    let tmp = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: tmp) }
    let data = tmp.appendingPathComponent("data")
    try Fixture.write(Corpus.generate(documents: 20), under: data.appendingPathComponent("corpus"))
    try Fixture.write(["rules/test.yaml": Array(Corpus.rules.utf8)], under: tmp)
    func mapped(_ script: String) -> String {
      script.replacingOccurrences(of: "/opt/quipu/rules", with: tmp.appendingPathComponent("rules").path)
        .replacingOccurrences(of: "/data/", with: data.path + "/")
    }
    let shell = URL(fileURLWithPath: "/bin/sh")
    let count = try #require(shardCount)
    for index in 0..<count {
      let r = try QuipuBinary.run(
        shell, ["-c", mapped(script(shards))], in: tmp, environment: ["JOB_COMPLETION_INDEX": "\(index)"])
      // The corpus has one unreadable document: quipu exits 1 in its shard, the pod succeeds.
      #expect(r.status == 0, "\(r.stderr)")
    }
    let merged = try QuipuBinary.run(shell, ["-c", mapped(script(merge))], in: tmp)
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stderr.contains("quipu merge: \(count) shards"), "\(merged.stderr)")

    let full = try QuipuBinary.run(
      QuipuBinary.url, ["run", "data/corpus", "--out", "full"], in: tmp)
    #expect(full.status == 1)
    #expect(try Snapshot.files(data.appendingPathComponent("out")) == Snapshot.files(tmp.appendingPathComponent("full")))

    // Exit status 2 (here: no JOB_COMPLETION_INDEX) reaches the pod, for podFailurePolicy.
    let unindexed = try QuipuBinary.run(shell, ["-c", mapped(script(shards))], in: tmp)
    #expect(unindexed.status == 2, "\(unindexed.stderr)")
  }
}
