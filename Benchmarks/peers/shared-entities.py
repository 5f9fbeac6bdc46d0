#!/usr/bin/env python3
"""Makes N small documents that all mention the same few entities (issue 16).

    Benchmarks/peers/shared-entities.py N FOLDER

Every document mentions Lima, Madrid and Peru, so the entity table's rows for them list all N
documents: the corner where merging entity tables went quadratic. Documents go 1,000 to a
folder. Deterministic: the same N gives the same bytes. Text written for this benchmark.
"""
import os
import sys

TEMPLATES = [
    "Report {n}. The mayor of Lima met officials from Madrid on Monday to discuss trade with Peru.\n",
    "Note {n}. Flights between Lima and Madrid were delayed again, the airline in Peru said.\n",
    "Bulletin {n}. Peru will host the summit in Lima next year; Madrid sent a delegation.\n",
]


def main() -> None:
    count, folder = int(sys.argv[1]), sys.argv[2]
    for n in range(count):
        sub = os.path.join(folder, f"{n // 1000:04d}")
        if n % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{n:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(TEMPLATES[n % len(TEMPLATES)].format(n=n))


if __name__ == "__main__":
    main()
