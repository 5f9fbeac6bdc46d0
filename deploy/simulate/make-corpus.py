#!/usr/bin/env python3
"""Writes a generated news-like corpus for deploy/simulate/run.sh.

Documents mix sentences of the repository's seeds/ (the default rules' own material) with
generated sentences in several languages and scripts that name the seeds' entities and people
no rule lists, in nested folders. The same arguments always write the same bytes.

    python3 deploy/simulate/make-corpus.py OUT_FOLDER [DOCUMENTS] [SEED]
"""
import pathlib
import random
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
out = pathlib.Path(sys.argv[1])
documents = int(sys.argv[2]) if len(sys.argv) > 2 else 2500
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 9)

seed_sentences = []
for path in sorted((root / "seeds").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    seed_sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n\n+", text) if len(s.strip()) > 20]

people = ["Dina Boluarte", "Boluarte", "Evo Morales", "Héctor Béjar", "Hector Bejar", "Geronimo Lopez",
          "Дина Болуарте", "Эво Моралес"]
places = ["Peru", "Perú", "Перу", "Puno", "Lima", "Cusco", "Bolivia", "Bolivie", "United States", "EE.UU."]
orgs = ["CGTP", "Peruvian Congress", "Congreso", "Armed Forces", "National Police", "SOUTHCOM"]
syllables = ["ka", "lu", "mi", "ra", "to", "vel", "qui", "sa", "no", "dra", "pe", "ñu", "zó", "ri"]
templates = [
    "On {day}, {person} met {name} in {place} to discuss the {org} proposal.",
    "El {day} {person} viajó a {place}; {name} criticó al {org}.",
    "{name} said the {org} would answer {person} before the vote in {place}.",
    "В {place} {person} встретился с {name}.",
    "Le {day}, {person} a rencontré {name} à {place}.",
]
days = ["Monday", "martes", "mercredi", "Thursday", "viernes"]


def invented_name():
    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
    return f"{word()} {word()}"


for i in range(documents):
    parts = []
    for _ in range(rng.randint(6, 30)):
        if rng.random() < 0.5:
            parts.append(rng.choice(seed_sentences))
        else:
            parts.append(rng.choice(templates).format(
                day=rng.choice(days), person=rng.choice(people), name=invented_name(),
                place=rng.choice(places), org=rng.choice(orgs)))
    text = ""
    for part in parts:
        text += part + ("\n\n" if rng.random() < 0.3 else " ")
    folder = out / f"{2020 + i % 5}" / f"{1 + i % 12:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
