"""spaCy's EntityRuler and flashtext on quipu-bench's inputs, beside Quipu's numbers.

Each configuration (tool x rules) runs in a child process of its own, so that its peak RSS
(getrusage ru_maxrss) is its own, and within time limits: a load that takes longer than
--load-limit seconds is reported as such instead of waited for.

What is timed, as for Quipu:
  load s  reading the gazetteer's TSV and building the matcher
  run s   reading every corpus file (sorted paths, UTF-8) and matching it, one thread;
          Quipu's run also writes its JSONL output, the peers only count their matches
"""

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time

LABELS = ["default", "10k", "100k", "1m"]
TOOLS = ["spacy", "flashtext"]


class OverTime(Exception):
    pass


def on_alarm(signum, frame):
    raise OverTime()


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            entity, kind, alias = line.rstrip("\n").split("\t")
            rows.append((entity, kind, alias))
    return rows


def corpus_files(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, f) for f in files if not f.startswith(".")]
    return sorted(found, key=lambda p: os.path.relpath(p, folder).encode())


def build(tool, rows):
    if tool == "spacy":
        import spacy

        nlp = spacy.blank("xx")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns([{"label": kind, "pattern": alias, "id": entity} for entity, kind, alias in rows])
        return lambda text: len(nlp(text).ents)
    from flashtext import KeywordProcessor

    processor = KeywordProcessor(case_sensitive=False)
    for entity, kind, alias in rows:
        processor.add_keyword(alias, entity)
    return lambda text: len(processor.extract_keywords(text))


def child(args):
    """Measures one configuration; prints one JSON object."""
    result = {"tool": args.child[0], "rules": args.child[1], "status": "ok", "load_before": load_average()}
    signal.signal(signal.SIGALRM, on_alarm)
    tsv = os.path.join(args.data, "gazetteers", args.child[1] + ".tsv")
    try:
        signal.alarm(args.load_limit)
        start = time.perf_counter()
        rows = read_tsv(tsv)
        match = build(args.child[0], rows)
        result["load_s"] = time.perf_counter() - start
        signal.alarm(0)
    except OverTime:
        result["status"] = "load > %d s" % args.load_limit
        result["load_s"] = None
        result["peak_rss_bytes"] = peak_rss_bytes()
        print(json.dumps(result))
        return
    result["aliases"] = len(rows)
    result["rss_after_load_bytes"] = peak_rss_bytes()
    files = corpus_files(os.path.join(args.data, "corpus-%dmb" % args.corpus_mb))
    try:
        signal.alarm(args.run_limit)
        cpu = cpu_seconds()
        start = time.perf_counter()
        mentions = 0
        size = 0
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            size += len(data)
            mentions += match(data.decode("utf-8-sig"))
        result["run_s"] = time.perf_counter() - start
        result["run_cpu_s"] = cpu_seconds() - cpu
        signal.alarm(0)
    except OverTime:
        result["status"] = "run > %d s" % args.run_limit
        result["run_s"] = None
        mentions = None
    result.update(documents=len(files), corpus_bytes=size, mentions=mentions, peak_rss_bytes=peak_rss_bytes(),
                  load_after=load_average())
    print(json.dumps(result))


def measure(args, tool, label):
    command = [sys.executable, os.path.abspath(__file__), "--child", tool, label, "--data", args.data]
    command += ["--corpus-mb", str(args.corpus_mb), "--load-limit", str(args.load_limit)]
    command += ["--run-limit", str(args.run_limit)]
    print("peers: %s on %s" % (tool, label), file=sys.stderr, flush=True)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.load_limit + args.run_limit + 120)
    except subprocess.TimeoutExpired:
        return {"tool": tool, "rules": label, "status": "killed after %d s" % (args.load_limit + args.run_limit + 120)}
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
        return {"tool": tool, "rules": label, "status": "failed (exit %d)" % done.returncode}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    summary = ", ".join(
        "%s %s" % (k, fmt(result.get(k), 2)) for k in ("load_s", "run_s", "mentions") if k in result
    )
    print("  %s (%s)" % (summary, result["status"]), file=sys.stderr, flush=True)
    return result


def fmt(value, digits=2):
    if value is None:
        return "—"
    if isinstance(value, int):
        return "{:,}".format(value)
    return "%.*f" % (digits, value)


def mbps(bytes_, seconds):
    return bytes_ / 1e6 / seconds if bytes_ and seconds else None


def ratio(a, b):
    return "%.1f×" % (a / b) if a and b else "—"


def table(header, rows):
    widths = [max(len(str(r[c])) for r in [header] + rows) for c in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    rule = "|" + "|".join(" " + "-" * w + " " if i == 0 else " " + "-" * (w - 1) + ": " for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), rule] + [line(r) for r in rows])


def report(args, peers):
    quipu_path = os.path.join(args.data, "results", "quipu.json")
    quipu = []
    if os.path.exists(quipu_path):
        with open(quipu_path) as f:
            measurements = json.load(f)["measurements"]
            quipu = [m for m in measurements if m["kind"] == "quipu"]
            compiles = {m["rules"]: m for m in measurements if m["kind"] == "compile"}
    else:
        compiles = {}
        print("peers: no %s; run `quipu-bench run` first to compare" % quipu_path, file=sys.stderr)

    def quipu_load(m):
        """What a run pays for its rules: the compiled-rules cache read (else parse + compile), then the trie."""
        cached = m.get("cacheLoadSeconds", 0)
        return (cached if cached > 0 else m["parseSeconds"] + m["compileSeconds"]) + m["trieSeconds"]

    def quipu_compile(label):
        c = compiles.get(label)
        return c and c["parseSeconds"] + c["compileSeconds"] + c.get("cacheWriteSeconds", 0)

    header = [
        "tool", "rules", "threads", "aliases", "load s", "run s", "MB/s", "run CPU s", "mentions", "peak RSS MB",
        "Quipu MB/s ×", "Quipu CPU ×", "load ÷ Quipu's", "RSS ÷ Quipu's", "load avg",
    ]
    rows = []
    for label in args.rules:
        q1 = next((m for m in quipu if m["rules"] == label and m["jobs"] == 1), None)
        qload = q1 and quipu_load(q1)
        qcompile = quipu_compile(label)
        qspeed = q1 and mbps(q1["corpusBytes"], q1["runSeconds"])
        qcpu = q1 and q1.get("runCPUSeconds")
        for m in [m for m in quipu if m["rules"] == label]:
            load = fmt(quipu_load(m)) + (" (%s)" % fmt(qcompile) if qcompile is not None else "")
            rows.append([
                "Quipu", label, m["jobs"], fmt(m["aliases"]), load, fmt(m["runSeconds"]),
                fmt(mbps(m["corpusBytes"], m["runSeconds"])), fmt(m.get("runCPUSeconds")), fmt(m["mentions"]),
                fmt(m["peakRSSBytes"] / 1e6, 0), "", "", "", "",
                "%.1f → %.1f" % (m["loadBefore"], m["loadAfter"]) if "loadBefore" in m else "",
            ])
        for p in [p for p in peers if p["rules"] == label]:
            speed = mbps(p.get("corpus_bytes"), p.get("run_s"))
            name = {"spacy": "spaCy EntityRuler", "flashtext": "flashtext"}[p["tool"]]
            if p["status"] != "ok":
                name += " (%s)" % p["status"]
            rows.append([
                name, label, 1, fmt(p.get("aliases")), fmt(p.get("load_s")), fmt(p.get("run_s")), fmt(speed),
                fmt(p.get("run_cpu_s")), fmt(p.get("mentions")),
                fmt(p["peak_rss_bytes"] / 1e6, 0) if p.get("peak_rss_bytes") else "—",
                ratio(qspeed, speed), ratio(p.get("run_cpu_s"), qcpu),
                ratio(p.get("load_s"), qload) + (" (%s)" % ratio(p.get("load_s"), qcompile) if qcompile else ""),
                ratio(p.get("peak_rss_bytes"), q1 and q1["peakRSSBytes"]),
                "%.1f → %.1f" % (p["load_before"], p["load_after"]) if "load_after" in p else "",
            ])
    print(table(header, rows))
    print()
    print("Ratios compare each peer with Quipu on 1 thread and the same rules: Quipu's MB/s over the")
    print("peer's (wall time), the peer's run CPU seconds over Quipu's (robust to other processes on the")
    print("machine), the peer's load time over Quipu's, the peer's peak RSS over Quipu's. Quipu's load s is")
    print("what each run pays (compiled-rules cache read + trie), and in parentheses what compiling the")
    print("rules from YAML once costs (parse + compile + cache write); the load ratio is given against")
    print("both. Peers run on 1 thread and count matches; Quipu's run also writes its output.")
    print("load avg: the 1-minute load average before and after the configuration (2 cores).")
    print("Mentions differ by design: spaCy (LOWER) and flashtext (case-insensitive) fold case only;")
    print("Quipu folds accents and scripts too, but never matches a capitalized alias in lowercase text.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--data", default=os.path.join(here, "..", ".data"))
    parser.add_argument("--corpus-mb", type=int, default=20)
    parser.add_argument("--rules", default=",".join(LABELS), help="comma-separated: default,10k,100k,1m")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: spacy,flashtext")
    parser.add_argument("--load-limit", type=int, default=300, help="seconds a load may take")
    parser.add_argument("--run-limit", type=int, default=900, help="seconds a run may take")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--report-only", action="store_true",
                        help="print the table again from the saved results (peers.json, quipu.json)")
    args = parser.parse_args()
    args.data = os.path.abspath(args.data)
    if args.child:
        return child(args)
    args.rules = [r for r in args.rules.split(",") if r]
    tools = [t for t in args.tools.split(",") if t]
    if args.report_only:
        with open(os.path.join(args.data, "results", "peers.json")) as f:
            return report(args, json.load(f)["peers"])
    missing = [r for r in args.rules if not os.path.exists(os.path.join(args.data, "gazetteers", r + ".tsv"))]
    if missing or not os.path.isdir(os.path.join(args.data, "corpus-%dmb" % args.corpus_mb)):
        sys.exit("peers: inputs missing under %s; run `quipu-bench generate` first" % args.data)
    import spacy, flashtext  # noqa: E401  (fail early, and report versions)

    print("peers: spaCy %s, flashtext %s, Python %s" % (spacy.__version__, getattr(flashtext, "__version__", "2.7"),
          sys.version.split()[0]), file=sys.stderr)
    peers = [measure(args, tool, label) for label in args.rules for tool in tools]
    os.makedirs(os.path.join(args.data, "results"), exist_ok=True)
    with open(os.path.join(args.data, "results", "peers.json"), "w") as f:
        json.dump({"peers": peers, "spacy": spacy.__version__, "python": sys.version.split()[0]}, f, indent=2)
    report(args, peers)


if __name__ == "__main__":
    main()
