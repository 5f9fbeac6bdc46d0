"""Peers on quipu-bench's inputs, beside Quipu's numbers, and issue 16's ratios in one table.

Each configuration (tool x rules) runs in a child process of its own, so that its peak RSS
(getrusage ru_maxrss) is its own, and within time limits: a load that takes longer than
--load-limit seconds is reported as such instead of waited for.

What is timed, as for Quipu:
  load s  reading the gazetteer's TSV and building the matcher
  run s   reading every corpus file (sorted paths, UTF-8) and matching it, one thread;
          Quipu's run also writes its JSONL output, the peers only count their matches

The peers, and what each one counts:
  spacy           spaCy's EntityRuler on a blank "xx" pipeline, phrase patterns on LOWER:
                  spaCy's tokens, case folded; every entity span it returns.
  flashtext       KeywordProcessor(case_sensitive=False): keywords and text lowercased,
                  longest match first, left to right, no overlaps; a match must start and end
                  next to a character that is not an ASCII letter, digit or "_" (flashtext's
                  own word boundaries: any other character, accented and Han letters
                  included, counts as a boundary).
  pyahocorasick   ahocorasick.Automaton, one key per distinct lowercased alias (str.lower();
                  the value is the alias's index, its entity in a list beside it); the text
                  lowercased the same way; iter_long: leftmost-longest, non-overlapping.
  ahocorasick-rs  ahocorasick_rs.AhoCorasick over the same distinct lowercased aliases,
                  MATCHKIND_LEFTMOST_LONGEST, the library's default implementation;
                  find_matches_as_indexes(overlapping=False) on the lowercased text.
                  For both Aho-Corasick peers a match counts only when neither neighbour
                  (the characters just before and just after it) is a word character,
                  Unicode's letters and digits (str.isalnum) or "_"; a match so rejected is
                  dropped, not replaced by a shorter one at the same place (flashtext would
                  fall back to a shorter alias ending on a boundary). Han and kana letters
                  are word characters, so an alias inside unspaced Chinese text is rejected
                  unless it fills the run of letters.
  pyicu           no rules: ICU's word break iterator (PyICU,
                  BreakIterator.createWordInstance(Locale.getRoot())), setText on each
                  document, then every boundary iterated in Python; counts the word-like
                  segments (getRuleStatus() >= 100). Issue 16's "bare ICU word-segmentation
                  loop"; measured once, whatever --rules says.

Then the issue 16 table: each of the issue's ratios, from this run's peers and the last
`quipu-bench run` (Benchmarks/.data/results/quipu.json), against its goal; it is printed
last and saved under "issue16" in Benchmarks/.data/results/peers.json.
"""

import argparse
import datetime
import importlib.metadata
import json
import os
import resource
import signal
import subprocess
import sys
import time

LABELS = ["default", "10k", "100k", "1m"]
TOOLS = ["spacy", "flashtext", "pyahocorasick", "ahocorasick-rs", "pyicu"]
# The module each tool is imported as, and the distribution it is installed from.
MODULES = {"spacy": "spacy", "flashtext": "flashtext", "pyahocorasick": "ahocorasick",
           "ahocorasick-rs": "ahocorasick_rs", "pyicu": "icu"}
DISTRIBUTIONS = {"spacy": "spacy", "flashtext": "flashtext", "pyahocorasick": "pyahocorasick",
                 "ahocorasick-rs": "ahocorasick-rs", "pyicu": "PyICU"}
NAMES = {"spacy": "spaCy EntityRuler", "flashtext": "flashtext", "pyahocorasick": "pyahocorasick",
         "ahocorasick-rs": "ahocorasick-rs", "pyicu": "PyICU word segmentation"}
# Tools that take no rules: measured once, under this label.
NO_RULES = "none"


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


def distinct_lowercased(rows):
    """Each distinct alias, lowercased, with its entity (the last row wins, as in flashtext)."""
    entities = {}
    for entity, kind, alias in rows:
        if alias:
            entities[alias.lower()] = entity
    return list(entities), list(entities.values())


def whole_word(text, start, end):
    """Neither neighbour of text[start:end] is a word character (a letter, a digit, "_")."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c == "_":
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or c == "_":
            return False
    return True


def build(tool, rows):
    if tool == "spacy":
        import spacy

        nlp = spacy.blank("xx")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns([{"label": kind, "pattern": alias, "id": entity} for entity, kind, alias in rows])
        return lambda text: len(nlp(text).ents)
    if tool == "pyahocorasick":
        import ahocorasick

        aliases, entities = distinct_lowercased(rows)
        automaton = ahocorasick.Automaton()
        for index, alias in enumerate(aliases):
            automaton.add_word(alias, index)
        automaton.make_automaton()

        def match(text):
            text = text.lower()
            count = 0
            for end, index in automaton.iter_long(text):
                if whole_word(text, end + 1 - len(aliases[index]), end + 1):
                    count += 1
            return count

        match.entities = entities  # kept, as a tool that names what it found would
        return match
    if tool == "ahocorasick-rs":
        import ahocorasick_rs

        aliases, entities = distinct_lowercased(rows)
        automaton = ahocorasick_rs.AhoCorasick(aliases, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)

        def match(text):
            text = text.lower()
            return sum(1 for _, start, end in automaton.find_matches_as_indexes(text) if whole_word(text, start, end))

        match.entities = entities
        return match
    if tool == "pyicu":
        import icu

        breaker = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())

        def match(text):
            breaker.setText(text)
            words = 0
            for _ in breaker:
                if breaker.getRuleStatus() >= 100:
                    words += 1
            return words

        return match
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
        rows = read_tsv(tsv) if args.child[1] != NO_RULES else []
        match = build(args.child[0], rows)
        result["load_s"] = time.perf_counter() - start
        signal.alarm(0)
    except OverTime:
        result["status"] = "load > %d s" % args.load_limit
        result["load_s"] = None
        result["peak_rss_bytes"] = peak_rss_bytes()
        print(json.dumps(result))
        return
    result["aliases"] = len(rows) if args.child[1] != NO_RULES else None
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


def table(header, rows, left=(0,)):
    """A Markdown table; the columns in `left` are aligned left, the others right."""
    widths = [max(len(str(r[c])) for r in [header] + rows) for c in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) if i in left else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    rule = "|" + "|".join(" " + "-" * w + " " if i in left else " " + "-" * (w - 1) + ": " for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), rule] + [line(r) for r in rows])


def load_quipu(args):
    """The last `quipu-bench run`: its measurements and machine, or nothing."""
    path = os.path.join(args.data, "results", "quipu.json")
    if not os.path.exists(path):
        print("peers: no %s; run `quipu-bench run` first to compare" % path, file=sys.stderr)
        return [], {}
    with open(path) as f:
        saved = json.load(f)
    return saved["measurements"], saved.get("machine", {})


def report(args, peers):
    measurements, machine = load_quipu(args)
    quipu = [m for m in measurements if m["kind"] == "quipu"]
    compiles = {m["rules"]: m for m in measurements if m["kind"] == "compile"}

    def quipu_load(m):
        """What a run pays for its rules: the compiled-rules cache read (else parse + compile), then the trie."""
        cached = m.get("cacheLoadSeconds", 0)
        return (cached if cached > 0 else m["parseSeconds"] + m["compileSeconds"]) + m["trieSeconds"]

    def quipu_compile(label):
        c = compiles.get(label)
        return c and c["parseSeconds"] + c["compileSeconds"] + c.get("cacheWriteSeconds", 0)

    def peer_row(p, label, q1, qspeed, qcpu, qload, qcompile):
        speed = mbps(p.get("corpus_bytes"), p.get("run_s"))
        name = NAMES[p["tool"]]
        if p["status"] != "ok":
            name += " (%s)" % p["status"]
        return [
            name, label, 1, fmt(p.get("aliases")), fmt(p.get("load_s")), fmt(p.get("run_s")), fmt(speed),
            fmt(p.get("run_cpu_s")), fmt(p.get("mentions")),
            fmt(p["peak_rss_bytes"] / 1e6, 0) if p.get("peak_rss_bytes") else "—",
            ratio(qspeed, speed), ratio(p.get("run_cpu_s"), qcpu),
            ratio(p.get("load_s"), qload) + (" (%s)" % ratio(p.get("load_s"), qcompile) if qcompile else ""),
            ratio(p.get("peak_rss_bytes"), q1 and q1["peakRSSBytes"]),
            "%.1f → %.1f" % (p["load_before"], p["load_after"]) if "load_after" in p else "",
        ]

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
            rows.append(peer_row(p, label, q1, qspeed, qcpu, qload, qcompile))
    q1 = next((m for m in quipu if m["rules"] == "default" and m["jobs"] == 1), None)
    for p in [p for p in peers if p["rules"] == NO_RULES]:
        rows.append(peer_row(p, "—", q1, q1 and mbps(q1["corpusBytes"], q1["runSeconds"]),
                             q1 and q1.get("runCPUSeconds"), None, None))
    print(table(header, rows))
    print()
    print("Ratios compare each peer with Quipu on 1 thread and the same rules: Quipu's MB/s over the")
    print("peer's (wall time), the peer's run CPU seconds over Quipu's (robust to other processes on the")
    print("machine), the peer's load time over Quipu's, the peer's peak RSS over Quipu's. Quipu's load s is")
    print("what each run pays (compiled-rules cache read + trie), and in parentheses what compiling the")
    print("rules from YAML once costs (parse + compile + cache write); the load ratio is given against")
    print("both. Peers run on 1 thread and count matches; Quipu's run also writes its output (out/ on")
    print("disk here). PyICU's row takes no rules: its mentions are word-like segments, its ratios are")
    print("against Quipu with the default rules.")
    print("load avg: the 1-minute load average before and after the configuration (2 cores).")
    print("Mentions differ by design: the peers fold case only (spaCy LOWER, flashtext, str.lower for")
    print("the Aho-Corasick peers, whose word boundaries are Unicode's where flashtext's are ASCII);")
    print("Quipu folds accents and scripts too, but never matches a capitalized alias in lowercase text.")
    print()
    rows16 = issue16(measurements, peers)
    print("Issue 16: each ratio against its goal (Quipu: %s; peers: peers.json%s)" % (
        ("quipu.json, " + machine.get("date", "")) if measurements else "no quipu.json", ", " + peers_date(args) if peers_date(args) else ""))
    print()
    print(table(["measure", "measured", "goal", "", "from"],
                [[r["measure"], r["shown"], r["goal_text"], r["status"], r["from"]] for r in rows16], left=(0, 3, 4)))
    print()
    print("Quipu's MB/s are its out/-in-RAM runs (tmpfs) where quipu.json has them, else out/ on disk, as")
    print("the \"from\" column says. The issue's flashtext gazetteer had 16k aliases; this one has 10k")
    print("(gazetteers/10k.tsv). Ratios over 1 are Quipu faster; the re-run share is the unchanged re-run's")
    print("time over the full run's, both with out/ on disk.")
    return rows16


def peers_date(args):
    return getattr(args, "peers_date", None)


def issue16(measurements, peers):
    """Issue 16's table: one row per ratio, with its goal and whether this run meets it."""
    quipu = [m for m in measurements if m["kind"] == "quipu"]

    def q(rules, jobs):
        return next((m for m in quipu if m["rules"] == rules and m["jobs"] == jobs), None)

    def speed(m):
        """Quipu's MB/s, out/ in RAM when measured, and where out/ was."""
        if m is None:
            return None, ""
        if m.get("memoryRunSeconds", 0) > 0:
            return mbps(m["corpusBytes"], m["memoryRunSeconds"]), "out/ in RAM"
        return mbps(m["corpusBytes"], m["runSeconds"]), "out/ on disk"

    def peer(tool, rules):
        p = next((p for p in peers if p["tool"] == tool and p["rules"] == rules and p["status"] == "ok"), None)
        return p and mbps(p.get("corpus_bytes"), p.get("run_s"))

    rows = []

    def add(measure, value, goal, at_least, source, unit="×"):
        if value is None:
            shown, status = "—", "not measured"
        else:
            shown = "%.1f%%" % (100 * value) if unit == "%" else ("%.0f MB" % value if unit == "MB" else "%.2f×" % value)
            status = "met" if (value >= goal if at_least else value <= goal) else "missed"
        goal_text = ("≥ " if at_least else "≤ ") + ("%g%%" % (100 * goal) if unit == "%" else
                                                    ("%g MB" % goal if unit == "MB" else "%g×" % goal))
        rows.append({"measure": measure, "value": value, "shown": shown, "goal": goal, "at_least": at_least,
                     "goal_text": goal_text, "status": status, "from": source})

    def versus(measure, quipu_rules, tool, rules, goal):
        qs, where = speed(q(quipu_rules, 1))
        ps = peer(tool, rules)
        if qs and ps:
            source = "Quipu %s MB/s (%s) ÷ %s %s MB/s" % (fmt(qs), where, NAMES[tool], fmt(ps))
        else:
            missing = [("Quipu on %s, 1 thread" % quipu_rules, qs),
                       (NAMES[tool] + ("" if rules == NO_RULES else " on " + rules), ps)]
            source = "missing: " + "; ".join(name for name, value in missing if not value)
        add(measure, qs / ps if qs and ps else None, goal, True, source)

    versus("1 thread, default rules ÷ flashtext, 10k gazetteer", "default", "flashtext", "10k", 3)
    versus("1 thread, default rules ÷ pyahocorasick, 10k gazetteer", "default", "pyahocorasick", "10k", 3)
    versus("1 thread, default rules ÷ ahocorasick-rs, 10k gazetteer", "default", "ahocorasick-rs", "10k", 3)
    versus("1 thread, default rules ÷ PyICU word segmentation loop", "default", "pyicu", NO_RULES, 0.45)

    s1, where1 = speed(q("default", 1))
    s2, where2 = speed(q("default", 2))
    others = []
    for rules in [r for r in LABELS if r != "default"]:
        a, b = speed(q(rules, 1))[0], speed(q(rules, 2))[0]
        if a and b:
            others.append("%s %.2f×" % (rules, b / a))
    add("2 threads ÷ 1, default rules", s2 / s1 if s1 and s2 else None, 1.8, True,
        ("Quipu %s ÷ %s MB/s (%s)" % (fmt(s2), fmt(s1), where1) + ("; " + ", ".join(others) if others else ""))
        if s1 and s2 else "missing: Quipu on default, %s" % ("1 and 2 threads" if not s1 and not s2 else
                                                              "2 threads" if s1 else "1 thread"))

    rerun = next((m for m in quipu if m.get("rerunSeconds", 0) > 0), None)
    if rerun:
        same = "same output" if rerun.get("rerunOutputDigest") == rerun.get("outputDigest") else "OUTPUT DIFFERS"
        memory = (", %.1f%% of the out/-in-RAM run" % (100 * rerun["rerunSeconds"] / rerun["memoryRunSeconds"])
                  if rerun.get("memoryRunSeconds", 0) > 0 else "")
        add("unchanged re-run ÷ full run, %.0f MB corpus, %s rules, 1 thread" % (rerun["corpusBytes"] / 1e6, rerun["rules"]),
            rerun["rerunSeconds"] / rerun["runSeconds"], 0.05, False, unit="%", source=
            "%s s ÷ %s s (out/ on disk%s), %s of %s documents reused, %s" % (
                fmt(rerun["rerunSeconds"]), fmt(rerun["runSeconds"]), memory, fmt(rerun.get("rerunReused")),
                fmt(rerun["documents"]), same))
    else:
        add("unchanged re-run ÷ full run, 20 MB corpus, default rules, 1 thread", None, 0.05, False,
            "missing: Quipu's re-run (quipu-bench before issue 16, or no default rules on 1 thread)", unit="%")
    shared = [m for m in measurements if m["kind"] == "shared" and m.get("runSeconds", 0) > 0]
    if shared:
        m = max(shared, key=lambda m: m["documents"])
        same = "same output" if m.get("rerunOutputDigest") == m.get("outputDigest") else "OUTPUT DIFFERS"
        add("unchanged re-run ÷ full run, %s small documents sharing entities" % fmt(m["documents"]),
            m["rerunSeconds"] / m["runSeconds"], 0.05, False,
            "%s s ÷ %s s (out/ on disk), %s" % (fmt(m["rerunSeconds"]), fmt(m["runSeconds"]), same), unit="%")

    versus("1M aliases, 1 thread ÷ flashtext at 1M", "1m", "flashtext", "1m", 3)
    for tool in ("pyahocorasick", "ahocorasick-rs"):
        if peer(tool, "1m"):
            versus("1M aliases, 1 thread ÷ %s at 1M" % tool, "1m", tool, "1m", 3)
    at_1m = [m for m in quipu if m["rules"] == "1m"]
    peak = max(at_1m, key=lambda m: m["peakRSSBytes"]) if at_1m else None
    add("1M aliases, Quipu's peak RSS", peak and peak["peakRSSBytes"] / 1e6, 600, False,
        "the larger of %s" % ", ".join("%d thread%s %s MB" % (m["jobs"], "s" if m["jobs"] > 1 else "",
                                                               fmt(m["peakRSSBytes"] / 1e6, 0)) for m in at_1m)
        if at_1m else "missing: Quipu on 1m", unit="MB")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--data", default=os.path.join(here, "..", ".data"))
    parser.add_argument("--corpus-mb", type=int, default=20)
    parser.add_argument("--rules", default=",".join(LABELS), help="comma-separated: default,10k,100k,1m")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: " + ",".join(TOOLS))
    parser.add_argument("--load-limit", type=int, default=300, help="seconds a load may take")
    parser.add_argument("--run-limit", type=int, default=900, help="seconds a run may take")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--report-only", action="store_true",
                        help="print the tables again from the saved results (peers.json, quipu.json)")
    args = parser.parse_args()
    args.data = os.path.abspath(args.data)
    if args.child:
        return child(args)
    args.rules = [r for r in args.rules.split(",") if r]
    tools = [t for t in args.tools.split(",") if t]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        sys.exit("peers: unknown tool %s (known: %s)" % (", ".join(unknown), ", ".join(TOOLS)))
    results = os.path.join(args.data, "results", "peers.json")
    if args.report_only:
        with open(results) as f:
            saved = json.load(f)
        args.peers_date = saved.get("date")
        saved["issue16"] = report(args, saved["peers"])
        with open(results, "w") as f:
            json.dump(saved, f, indent=2, ensure_ascii=False)
        return
    missing = [r for r in args.rules if not os.path.exists(os.path.join(args.data, "gazetteers", r + ".tsv"))]
    if missing or not os.path.isdir(os.path.join(args.data, "corpus-%dmb" % args.corpus_mb)):
        sys.exit("peers: inputs missing under %s; run `quipu-bench generate` first" % args.data)
    for tool in tools:  # fail early
        __import__(MODULES[tool])
    versions = {tool: importlib.metadata.version(DISTRIBUTIONS[tool]) for tool in tools}
    versions["python"] = sys.version.split()[0]
    if "pyicu" in tools:
        import icu

        versions["icu"] = icu.ICU_VERSION
    print("peers: " + ", ".join("%s %s" % (k, v) for k, v in versions.items()), file=sys.stderr)
    peers = [measure(args, tool, label) for label in args.rules for tool in tools if tool != "pyicu"]
    if "pyicu" in tools:
        peers.append(measure(args, "pyicu", NO_RULES))
    args.peers_date = datetime.date.today().isoformat()
    saved = {"peers": peers, "versions": versions, "date": args.peers_date}
    os.makedirs(os.path.join(args.data, "results"), exist_ok=True)
    with open(results, "w") as f:
        json.dump(saved, f, indent=2)
    saved["issue16"] = report(args, peers)
    with open(results, "w") as f:
        json.dump(saved, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
