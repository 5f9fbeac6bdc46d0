/// The printed report of a `run`: the main table, its footnotes, and the details.
struct Report {
  let machine: Machine
  let measurements: [Measurement]
  let repetitions: Int

  struct Saved: Codable {
    var machine: Machine
    var repetitions: Int
    var measurements: [Measurement]
  }

  var saved: Saved { Saved(machine: machine, repetitions: repetitions, measurements: measurements) }

  var rendered: String {
    var out = """
      Machine: \(machine.cores) cores, \(machine.cpu), \(fixed(machine.memoryGB, 1)) GB RAM, \(machine.kernel)
      \(machine.swift); ICU \(machine.icu); \(machine.date); best of \(repetitions) runs per configuration

      """
    out += "\n" + mainTable.rendered + "\n\n"
    out += """
      MB = 10^6 bytes (corpus: UTF-8 bytes on disk; memory: ru_maxrss of the configuration's own process).
      run s: `BatchRunner.run`, end to end: list the folder, read, decode, segment, normalize, match,
      resolve, write one JSONL file per document and entities.jsonl.
      ¹ Rule compile s: YAML → compiled rules → the binary compiled-rules cache, paid once per change
        of the rules (a `compile` child process; peak RSS in the rules table). Compiled-rules load s:
        what every run pays: reading the cache back (each input file's hash checked) + the trie.
      ² References, one thread, corpus already in memory: ICU's word break iterator alone over text
        already decoded to UTF-16 (tokens/s counts word-like segments); and Quipu's Normalizer
        (decode + sentence and word breaks + cached keys), with no rules, matching or output.
      ³ The same runs (same process, alternating with the disk runs) writing out/ to tmpfs (/dev/shm):
        no disk and no fsync cost, so what the CPU allows.

      """
    out += "\nRules: compiling once (parse, compile, cache write) and loading in every run (cache read, trie):\n\n"
      + rulesTable.rendered + "\n"
    out += """

      Wall time against CPU time (user + system, all threads) of the runs above, and the 1-minute
      load average around each configuration: with 1 thread, wall time well above CPU time means
      the run waited, for the disk (fsync) or for a core held by another process.


      """
    out += contentionTable.rendered + "\n"
    for m in batchRuns where m.rerunSeconds > 0 {
      let share = m.runSeconds > 0 ? fixed(100 * m.rerunSeconds / m.runSeconds, 1) + "%" : "—"
      out += """

        Unchanged re-run of the \(fixed(m.megabytes, 1)) MB corpus (\(m.rules) rules, \(m.jobs) thread, out/ on disk, into
        the folder of the last full run; issue 16): \(fixed(m.rerunSeconds, 2)) s (CPU \(fixed(m.rerunCPUSeconds, 2)) s) against \
        \(fixed(m.runSeconds, 2)) s for the full run, \(share);
        \(grouped(m.rerunReused)) of \(grouped(m.documents)) documents reused; same output: \
        \(m.outputDigest == m.rerunOutputDigest ? "yes" : "NO").

        """
    }
    let shared = measurements.filter { $0.kind == "shared" }
    if !shared.isEmpty {
      out += """

        Many small documents sharing entities (every document mentions Lima, Madrid and Peru; default
        rules, 1 thread): a full run into an empty folder, then an unchanged re-run of the same folder
        (issue 16: both should grow linearly, and the re-run be a small share of the full run).


        """
      out += sharedTable(shared).rendered + "\n"
    }
    let stages = measurements.filter { $0.kind == "stages" }
    if !stages.isEmpty {
      out += "\nWhere one thread's time goes (documents in memory, no file I/O; seconds over the whole corpus):\n\n"
      out += stagesTable(stages).rendered + "\n"
    }
    return out
  }

  private var batchRuns: [Measurement] { measurements.filter { $0.kind == "quipu" } }

  private var mainTable: Table {
    var table = Table(
      [
        "configuration", "threads", "corpus MB", "documents", "aliases", "rule compile s", "compiled-rules load s¹",
        "run s", "MB/s", "tokens/s", "mentions", "peak RSS MB", "× 1 thread", "MB/s, out/ in RAM³", "× 1 thread³",
      ], numeric: Set(1...14))
    for m in batchRuns {
      let single = batchRuns.first { $0.rules == m.rules && $0.jobs == 1 }
      let scaling = single.map { m.jobs == 1 ? "" : fixed(m.megabytesPerSecond / $0.megabytesPerSecond, 2) + "×" } ?? ""
      let memoryScaling =
        single.map {
          m.jobs == 1 || m.memoryRunSeconds == 0 ? "" : fixed(m.memoryMegabytesPerSecond / $0.memoryMegabytesPerSecond, 2) + "×"
        } ?? ""
      let compile = measurements.first { $0.kind == "compile" && $0.rules == m.rules }
      table.add([
        "Quipu, \(m.rules == "default" ? "default rules" : m.rules + " gazetteer")", String(m.jobs), fixed(m.megabytes, 1),
        grouped(m.documents), grouped(m.aliases), fixed(compile?.ruleCompileSeconds ?? m.ruleCompileSeconds, 2),
        fixed(m.ruleLoadSeconds, 2),
        fixed(m.runSeconds, 2), fixed(m.megabytesPerSecond, 2), perSecond(m.tokensPerSecond), grouped(m.mentions),
        fixed(m.peakRSSMegabytes, 0), scaling, m.memoryRunSeconds > 0 ? fixed(m.memoryMegabytesPerSecond, 2) : "—",
        memoryScaling,
      ])
    }
    for m in measurements where m.kind == "icu-words" || m.kind == "normalizer" {
      table.add([
        m.kind == "icu-words" ? "ICU word segmentation only²" : "Normalizer only²", "1", fixed(m.megabytes, 1),
        grouped(m.documents), "—", "—", "—", fixed(m.runSeconds, 2), fixed(m.megabytesPerSecond, 2),
        perSecond(m.tokensPerSecond), "—", fixed(m.peakRSSMegabytes, 0), "", "", "",
      ])
    }
    return table
  }

  private var rulesTable: Table {
    var table = Table(
      [
        "rules", "entities", "aliases", "warnings", "parse YAML s", "compile s", "cache write s", "cache MB",
        "compile peak RSS MB", "cache read s", "trie s", "run's RSS after load MB", "same output for any threads",
      ],
      numeric: Set(1...11))
    var seen: Set<String> = []
    for m in batchRuns where seen.insert(m.rules).inserted {
      let digests = Set(
        batchRuns.filter { $0.rules == m.rules }.flatMap { [$0.outputDigest, $0.memoryOutputDigest] }.filter { !$0.isEmpty })
      let runs = batchRuns.filter { $0.rules == m.rules }.map { String($0.jobs) }.joined(separator: ", ")
      let c = measurements.first { $0.kind == "compile" && $0.rules == m.rules } ?? m
      table.add([
        m.rules, grouped(m.entities), grouped(m.aliases), grouped(m.ruleWarnings), fixed(c.parseSeconds, 2),
        fixed(c.compileSeconds, 2), fixed(c.cacheWriteSeconds, 2), fixed(Double(c.cacheBytes) / 1e6, 0),
        fixed(c.peakRSSMegabytes, 0), fixed(m.cacheLoadSeconds, 2), fixed(m.trieSeconds, 2),
        fixed(Double(m.rulesRSSBytes) / 1e6, 0),
        (digests.count == 1 ? "yes" : "NO") + " (threads \(runs); digest \(m.outputDigest.prefix(8)))",
      ])
    }
    return table
  }

  private var contentionTable: Table {
    var table = Table(
      [
        "configuration", "threads", "load avg before → after", "run wall s", "run CPU s", "MB per CPU s",
        "out/ in RAM: wall s", "CPU s",
      ], numeric: Set(1...7))
    for m in measurements {
      let name =
        switch m.kind {
        case "quipu": m.rules
        case "stages": "stages, \(m.rules)"
        default: m.kind
        }
      table.add([
        name, String(m.jobs), fixed(m.loadBefore, 2) + " → " + fixed(m.loadAfter, 2), fixed(m.runSeconds, 2),
        fixed(m.runCPUSeconds, 2), m.runCPUSeconds > 0 ? fixed(m.megabytes / m.runCPUSeconds, 2) : "—",
        m.memoryRunSeconds > 0 ? fixed(m.memoryRunSeconds, 2) : "—",
        m.memoryRunSeconds > 0 ? fixed(m.memoryRunCPUSeconds, 2) : "—",
      ])
    }
    return table
  }

  private func stagesTable(_ stages: [Measurement]) -> Table {
    let names = ["decode", "normalize", "recognize", "resolve", "render"]
    var table = Table(
      ["rules"] + names.map { "\($0) s" } + ["total s", "MB/s", "distinct forms", "mentions"], numeric: Set(1...9))
    for m in stages {
      table.add(
        [m.rules] + names.map { fixed(m.stages[$0] ?? 0, 2) }
          + [fixed(m.runSeconds, 2), fixed(m.megabytesPerSecond, 2), grouped(m.distinctForms), grouped(m.mentions)])
    }
    return table
  }

  private func sharedTable(_ shared: [Measurement]) -> Table {
    var table = Table(
      [
        "documents", "run s", "µs per document", "unchanged re-run s", "µs per document", "re-run CPU s",
        "re-run / run", "reused", "same output",
      ], numeric: Set(0...7))
    for m in shared {
      let perDocument = { (seconds: Double) in m.documents > 0 ? fixed(seconds * 1e6 / Double(m.documents), 0) : "—" }
      table.add([
        grouped(m.documents), fixed(m.runSeconds, 2), perDocument(m.runSeconds), fixed(m.rerunSeconds, 2),
        perDocument(m.rerunSeconds), fixed(m.rerunCPUSeconds, 2),
        m.runSeconds > 0 ? fixed(100 * m.rerunSeconds / m.runSeconds, 1) + "%" : "—", grouped(m.rerunReused),
        m.outputDigest == m.rerunOutputDigest ? "yes" : "NO",
      ])
    }
    return table
  }
}
