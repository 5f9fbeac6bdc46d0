#!/usr/bin/env python3
"""Prints the README's accuracy table: Quipu's output on the dev set scored by the reference
scorer, per language and per type, on the part the rules were tuned on and on the part kept
aside (document numbers ending in 0, 3 or 6, never read while writing rules).

    python3 tools/dev/accuracy.py --gold ../shared/dev/news/gold.jsonl --out /tmp/dev-out

Needs ../shared/gold/score.py and linking.py (the reference scorer); prints Markdown.
"""
import argparse
import json
import os
import subprocess
import sys

TUNED = r"^[0-9]*[124578]_"
ASIDE = r"^[0-9]*[036]_"


def score(scorer, gold, out, docs):
    result = subprocess.run(
        [sys.executable, scorer, "--gold", gold, "--out", out, "--docs", docs, "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def cell(s, key="ALL"):
    part = s[key]
    return f"{part['strict_f1']:.2f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../../shared/gold"))
    args = parser.parse_args()
    scorer = os.path.join(args.shared, "score.py")
    languages = sorted({json.loads(line)["doc"][:-4].rsplit("_", 1)[-1] for line in open(args.gold, encoding="utf-8")})
    print("| part | strict P / R / F1 | PERSON F1 (R) | ORG F1 (R) | PLACE F1 (R) | B-cubed P / R |")
    print("|---|---|---|---|---|---|")
    for name, docs in [("all", "."), ("tuned on", TUNED), ("kept aside", ASIDE)]:
        s = score(scorer, args.gold, args.out, docs)
        a = s["ALL"]
        types = " | ".join(f"{s[t]['strict_f1']:.2f} ({s[t]['strict_r']:.2f})" for t in ["PERSON", "ORG", "PLACE"])
        print(f"| {name} | {a['strict_p']:.2f} / {a['strict_r']:.2f} / **{a['strict_f1']:.2f}** | {types} "
              f"| {s['bcubed_p']:.3f} / {s['bcubed_r']:.3f} |")
    print()
    print("| language | " + " | ".join(languages) + " |")
    print("|---|" + "---|" * len(languages))
    for name, docs in [("tuned on", TUNED), ("kept aside", ASIDE)]:
        row = []
        for lang in languages:
            row.append(cell(score(scorer, args.gold, args.out, f"{docs}{lang}[.]txt$")))
        print(f"| {name} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
