#!/usr/bin/env python3
"""Writes one large news-like document for the "Memory per document" table (BENCHMARKS.md).

    python3 Benchmarks/memory/make-doc.py MEGABYTES [--seed N] > doc.txt

Paragraphs of headlines and sentences in English, Spanish, Russian and Chinese, from templates
written for this benchmark, with names: a few well-known people and organizations, and a fixed
cast of a few thousand made-up people and organizations (with acronyms) built from syllables,
and places. Content words are made up from syllables too, and new ones keep coming, so the
vocabulary grows with the document as real text's does. Deterministic: the same arguments write
the same bytes (Python's `random` with a fixed seed; `make-doc.py 1` starts 0df0f59c56c06231 in
SHA-256 with Python 3.11). Standard library only. Used by measure.sh.
"""
import argparse
import random
import sys

SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo ran len mar tor gal ves pin dor".split()
CYR = "ба бе би бо да де ди до ка ке ки ко ла ле ли ло ма ме ми мо на не ни но ра ре ри ро са се си со та те ти то ва ве ви во".split()
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府".replace("", " ").split()
PLACES = ["Lima", "Peru", "Cusco", "Puno", "Bolivia", "Madrid", "Spain", "Mexico", "Brazil", "Chile", "Argentina", "Colombia", "Ecuador", "Russia", "Moscow", "China", "Beijing", "France", "Paris", "Germany", "Berlin", "Italy", "Rome", "Japan", "Tokyo", "Callao", "Arequipa", "Quito", "Bogota", "Santiago"]
SEED_PEOPLE = ["Dina Boluarte", "Evo Morales", "Pedro Castillo", "Luis Arce"]
SEED_ORGS = ["Congress", "National Police", "Armed Forces", "United Nations", "European Union"]
TITLES_EN = ["President", "Minister", "Senator", "General", "Mayor", "Governor"]
TITLES_ES = ["presidente", "ministro", "senador", "general", "alcalde", "gobernador"]
ORG_HEADS = ["Ministry of", "National Institute of", "Council for", "Federation of", "Agency for", "Union of"]
ORG_TAILS = ["Energy", "Health", "Mining", "Transport", "Labour", "Education", "Water", "Trade", "Defence", "Culture"]


def word(rng, n=None):
    return "".join(rng.choice(SYLLABLES) for _ in range(n or rng.choice([1, 2, 2, 3, 3, 4])))


def name(rng):
    return word(rng, 2).capitalize()


class Writer:
    def __init__(self, rng):
        self.rng = rng
        # Content words follow a Zipf-like law: a few frequent ones, a long tail of new ones.
        self.content = [word(rng) for _ in range(2000)]
        # A fixed cast (resolution compares a document's distinct names pairwise).
        self.people = [f"{name(rng)} {name(rng)}" for _ in range(3000)]
        cyrillic = lambda: "".join(rng.choice(CYR) for _ in range(rng.choice([2, 3]))).capitalize()
        self.russians = [f"{cyrillic()} {cyrillic()}" for _ in range(500)]
        self.orgs = []
        for _ in range(500):
            long = f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_TAILS)} and {name(rng)}"
            acro = "".join(w[0] for w in long.split() if w[0].isupper())
            self.orgs.append((long, acro))

    def noun(self):
        r = self.rng.random()
        if r < 0.08:
            w = word(self.rng)  # a word seen perhaps once
            self.content.append(w)
            return w
        return self.content[int(len(self.content) * r ** 3)]

    def person(self):
        r = self.rng.random()
        if r < 0.15:
            return self.rng.choice(SEED_PEOPLE)
        return self.people[int(len(self.people) * self.rng.random() ** 2)]

    def org(self):
        if self.rng.random() < 0.2:
            return self.rng.choice(SEED_ORGS), None
        return self.orgs[int(len(self.orgs) * self.rng.random() ** 2)]

    def english(self):
        rng = self.rng
        p, o, pl = self.person(), self.org(), rng.choice(PLACES)
        surname = p.split()[-1]
        choices = [
            f"{rng.choice(TITLES_EN)} {p} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that the {self.noun()} of {pl} would {self.noun()} the {self.noun()}.",
            f"The {o[0]}{f' ({o[1]})' if o[1] else ''} announced a new {self.noun()} plan for {pl}, with {rng.randint(2, 900)} {self.noun()}s.",
            f"{surname} told reporters in {pl} that {o[1] or o[0]} had not {self.noun()}ed the {self.noun()} {self.noun()}.",
            f"According to {p}, the {self.noun()} in {pl} and {rng.choice(PLACES)} grew by {rng.randint(1, 40)}.{rng.randint(0, 9)} percent in {rng.randint(1990, 2025)}.",
            f"Protests against {rng.choice(TITLES_EN)} {surname} spread from {pl} to {rng.choice(PLACES)} as the {self.noun()} {self.noun()} continued.",
        ]
        return rng.choice(choices)

    def spanish(self):
        rng = self.rng
        p, o, pl = self.person(), self.org(), rng.choice(PLACES)
        choices = [
            f"El {rng.choice(TITLES_ES)} {p} afirmó el lunes que la {self.noun()} de {pl} no {self.noun()}ará el {self.noun()}.",
            f"Según {p}, el {o[0]} prevé {rng.randint(2, 900)} {self.noun()}s en {pl} y {rng.choice(PLACES)} este año.",
            f"La policía de {pl} informó que {p.split()[-1]} se reunió con dirigentes de la {self.noun()} {self.noun()}.",
        ]
        return rng.choice(choices)

    def russian(self):
        rng = self.rng
        w = lambda: "".join(rng.choice(CYR) for _ in range(rng.choice([2, 3, 3, 4])))
        return f"{rng.choice(['Президент', 'Министр', 'Глава'])} {self.russians[int(len(self.russians) * rng.random() ** 2)]} заявил, что в {rng.choice(['Москве', 'Перу', 'Лиме', 'Китае'])} {w()} и {w()} {w()} не будет {w()}ться."

    def chinese(self):
        rng = self.rng
        body = "".join(rng.choice(HAN) for _ in range(rng.randint(20, 60)))
        return f"{rng.choice(['秘鲁', '北京', '利马', '中国'])}{body}。"

    def paragraph(self):
        rng = self.rng
        lang = rng.choices([self.english, self.spanish, self.russian, self.chinese], [60, 20, 10, 10])[0]
        return " ".join(lang() for _ in range(rng.randint(1, 6)))

    def headline(self):
        return f"{self.person()} {self.noun().capitalize()}s {self.org()[0]} in {self.rng.choice(PLACES)}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("megabytes", type=float)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    writer = Writer(rng)
    limit = int(args.megabytes * (1 << 20))
    out = sys.stdout.buffer
    written = 0
    while written < limit:
        block = writer.headline() + "\n\n" if rng.random() < 0.15 else ""
        block += writer.paragraph() + "\n\n"
        data = block.encode()
        if written + len(data) > limit:
            data = data[: limit - written].decode(errors="ignore").encode()
            if not data:
                break
        out.write(data)
        written += len(data)


if __name__ == "__main__":
    main()
