#!/usr/bin/env python3
"""Writes rules/lexicons/places-ru.yaml and places-el.yaml: the case forms of place names.

Russian and Greek decline place names: "Испания" is "Испании" (of/in Spain), "в Москве",
"с Мексикой"; "Ισπανία" is "της Ισπανίας", "στην Ισπανία". The reference packs list the
nominative only, so the other forms match nothing. This script reads the Russian and Greek
names of
  - every country in rules/reference/countries.yaml (aliases whose languages include ru / el),
  - every first-level region in rules/reference/regions.yaml (aliases with lang: ru / el),
  - the big cities of rules/reference/cities15000.txt (places of at least CITY_POPULATION
    people; their alternate names in Cyrillic / Greek script),
and writes an `extend:` entry per entity adding the other case forms as aliases.

Russian: pymorphy3 with the OpenCorpora dictionary (pymorphy3-dicts-ru, CC BY-SA 3.0),
versions pinned in tools/packs/inflections. Each word of a name is parsed; a word whose
parse is in the nominative (a place name "Geox", else a noun or adjective the dictionary
knows) is put in every other case, singular or plural as it is, and the words of a name
change together ("Южная Корея" -> "Южной Кореи", "Южную Корею" ...); words in another case
("Острова Кука": "Кука" is genitive), indeclinable words ("Перу") and words the dictionary
does not know stay as they are. Both prepositional forms are kept ("о Крыме", "в Крыму").

Greek: no open morphological dictionary is on the package index, so a small rule-based
declension of the regular endings (see GREEK_ENDINGS below): genitive and accusative of
feminine -α/-η (Ισπανία -> Ισπανίας), masculine -ας/-ης/-ος (Λίβανος -> Λιβάνου, with the
accent moved to the penultimate when it would otherwise sit three syllables before the end
of a longer form), neuter -ο/-ι/-ιο (Μεξικό -> Μεξικού, Βέλγιο -> Βελγίου), and the plural
-ες/-ες -> -ων (Ηνωμένες Πολιτείες -> Ηνωμένων Πολιτειών). A wrong guess (a word that
does not decline regularly) yields a form no text contains, which matches nothing; Greek
names that decline irregularly are simply not covered.

A form is left out when it is the name itself, shorter than 4 letters, a form of two
entities (countries win over regions over cities, as in the packs; but a city named as its
region gets the region's forms too: Νέας Υόρκης, Нью-Йорка), or a common word of the
language (rules/reference/common-words/<lang>.txt, compared case-folded) in another reading:
in Russian, a frequent form stays only when every pymorphy3 reading of it is a proper noun
("России" stays, "Того" goes); in Greek, only when it names a country or a big city (the
frequent-word list is full of their genitives: "Ισπανίας", "Αθήνας"), not a region.
Output is sorted by code point, with no timestamps: byte-identical when regenerated.

    inflections.py REFERENCE_DIR LEXICON_DIR
"""
from importlib import metadata
import os
import re
import sys

CITY_POPULATION = 300_000  # capitals below it are left out: "Дугласа" is a person far more often than Douglas, Isle of Man
CYRILLIC = re.compile(r"^[\u0400-\u04FF\- ]+$")
GREEK = re.compile(r"^[\u0370-\u03FF\- ]+$")  # monotonic: polytonic names are not news
ALIAS = re.compile(r"^\s+- (?:\{ text: (?P<text>[^,}]+)(?P<rest>[^}]*)\}|(?P<plain>[^#{]+?))\s*(?:#\s*(?P<langs>.*))?$")


# ------------------------------------------------------------------------ reading the packs ---

def pack_names(path, lang):
    """(id, [names]) of the entities of a generated pack, with their names in `lang`."""
    result, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  - id: "):
                current = (line.split(": ", 1)[1].strip(), [])
                result.append(current)
                continue
            if current is None:
                continue
            m = ALIAS.match(line.rstrip("\n"))
            if not m or not line.startswith("      - "):
                continue
            text = (m.group("text") or m.group("plain") or "").strip()
            rest = m.group("rest") or ""
            langs = set((m.group("langs") or "").split())
            lm = re.search(r"lang: ([a-z]+)", rest)
            if lm:
                langs.add(lm.group(1))
            if lang in langs and text not in current[1]:
                current[1].append(text)
    return [(i, names) for i, names in result if names]


def city_names(path, script):
    """(id, [names]) of capitals and big cities, with their alternate names in `script`."""
    result = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) < 15 or row[6] != "P":
                continue
            if int(row[14] or 0) < CITY_POPULATION:
                continue
            names = sorted({n for n in row[3].split(",") if script.match(n) and len(n) >= 3})
            if names:
                result.append((f"geonames/{row[0]}", names))
    return result


def common_words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip().casefold() for w in f if w.strip() and not w.startswith("#")}


PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"}


def russian_keeps_common(morph):
    """A Russian form that is a frequent word stays when every reading of it is a proper
    noun ("России", "Москве" are frequent because they are places; "Того" is "of that")."""
    def keep(entity_id, form):
        return all(PROPER & set(p.tag.grammemes) for p in morph.parse(form))
    return keep


def greek_keeps_common(entity_id, form):
    """Greek has no dictionary here to tell a place's genitive from a common word, and the
    frequent-word list is full of place genitives ("Ισπανίας", "Αθήνας"): a frequent form
    stays when it names a country or one of the big cities, and goes when it names a region
    (regions' names are more often common words: "Άρτας")."""
    return not entity_id.startswith("region/")


# ------------------------------------------------------------------------------- Russian ---

RU_CASES = ["gent", "datv", "accs", "ablt", "loct", "loc2"]


def russian_forms(morph, name):
    """The case forms of a Russian name (one or more words, hyphens kept)."""
    words = name.split(" ")
    plans = []  # per word: None (unchanged) or the chosen parse
    for word in words:
        parts = word.split("-")
        if len(parts) > 1:
            # "Санкт-Петербург", "Нью-Йорк": only the last part declines
            plans.append(("hyphen", parts))
            continue
        plans.append(("word", ru_parse(morph, word)))
    forms = set()
    for case in RU_CASES:
        out, changed = [], False
        for word, (kind, p) in zip(words, plans):
            if kind == "hyphen":
                last = ru_parse(morph, p[-1])
                inflected = ru_inflect(last, case) if last else None
                if inflected:
                    out.append("-".join(p[:-1] + [restore_case(p[-1], inflected)]))
                    changed = True
                else:
                    out.append(word)
            elif p is None:
                out.append(word)
            else:
                inflected = ru_inflect(p, case)
                if inflected is None:
                    out = None
                    break
                out.append(restore_case(word, inflected))
                changed = True
        if out and changed:
            form = " ".join(out)
            forms.add(form)
            if "ё" in form and "ё" not in name:
                forms.add(form.replace("ё", "е"))  # the dictionary writes ё, news mostly е
    return forms


def ru_parse(morph, word):
    """The nominative parse of a word the dictionary knows, place names first; else None."""
    if not word or "." in word:
        return None  # abbreviations stay
    parses = [p for p in morph.parse(word) if p.is_known and "nomn" in p.tag and "Fixd" not in p.tag]
    # nouns, adjectives and participles ("Соединённые") decline; "и", "о" and the like stay
    parses = [p for p in parses if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    if not parses:
        return None
    for p in parses:
        if "Geox" in p.tag:
            return p
    return parses[0]


def ru_inflect(parse, case):
    if case == "loc2" and "loc2" not in {str(f.tag.case) for f in parse.lexeme}:
        return None
    number = "plur" if "plur" in parse.tag else "sing"
    grammemes = {case, number}
    if parse.tag.POS in ("ADJF", "PRTF") and number == "sing":
        grammemes.add(parse.tag.gender)
    form = parse.inflect(grammemes)
    return form.word if form else None


def restore_case(original, lower):
    """Give a lowercase form its original's capitalization (first letter, or all caps)."""
    if original.isupper() and len(original) > 1:
        return lower.upper()
    if original[:1].islower():
        return lower  # "область" in "Пензенская область"
    return lower[:1].upper() + lower[1:]


# --------------------------------------------------------------------------------- Greek ---

VOWELS = "αεηιουωάέήίόύώϊϋΐΰ"
ACCENTED = {"ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ό": "ο", "ύ": "υ", "ώ": "ω", "ΐ": "ϊ", "ΰ": "ϋ"}
ACCENT = {v: k for k, v in ACCENTED.items() if k not in "ΐΰ"}
DIPHTHONGS = ("αι", "ει", "οι", "ου", "υι", "αυ", "ευ")

# nominative ending -> (genitive endings, accusative endings); several candidates where the
# class is not known from the ending (a wrong one matches nothing)
GREEK_ENDINGS = [
    ("ες", (["ων"], ["ες"])),          # plural feminine: Πολιτείες -> Πολιτειών
    ("ας", (["α"], ["α"])),            # masculine -ας: Παναμάς -> Παναμά
    ("ης", (["η"], ["η"])),            # masculine -ης
    ("ος", (["ου"], ["ο"])),           # masculine/feminine -ος: Λίβανος -> Λιβάνου, Κύπρος -> Κύπρου
    ("ιο", (["ιου"], ["ιο"])),         # neuter -ιο: Βέλγιο -> Βελγίου
    ("ο", (["ου"], ["ο"])),            # neuter -ο: Μεξικό -> Μεξικού
    ("ι", (["ιου"], ["ι"])),           # neuter -ι (rare in place names)
    ("α", (["ας"], ["α"])),            # feminine -α: Ισπανία -> Ισπανίας, Αθήνα -> Αθήνας
    ("η", (["ης"], ["η"])),            # feminine -η: Κρήτη -> Κρήτης
]


def strip_accents(s):
    return "".join(ACCENTED.get(c, c) for c in s)


def syllable_nuclei(word):
    """Start indices of the vowel groups of a lowercase Greek word (diphthongs one group)."""
    nuclei, i = [], 0
    while i < len(word):
        if word[i] in VOWELS:
            nuclei.append(i)
            if strip_accents(word[i:i + 2]) in DIPHTHONGS and word[i + 1] not in "ϊϋΐΰ" and word[i] not in "άέόώ":
                i += 2
                continue
        i += 1
    return nuclei


def place_accent(word, syllable_from_end):
    """`word` without accents, with the accent on the given syllable counted from the end (1 = last)."""
    bare = strip_accents(word)
    nuclei = syllable_nuclei(bare)
    if len(nuclei) < syllable_from_end:
        return bare
    i = nuclei[-syllable_from_end]
    # a diphthong takes the accent on its second letter (ου -> ού, αι -> αί)
    if strip_accents(bare[i:i + 2]) in DIPHTHONGS and i + 1 < len(bare):
        i += 1
    return bare[:i] + ACCENT.get(bare[i], bare[i]) + bare[i + 1:]


def accent_position(word):
    """The accented syllable counted from the end (1 = last), or None."""
    nuclei = syllable_nuclei(word)
    for n, i in enumerate(reversed(nuclei), 1):
        if any(c in ACCENTED for c in word[i:i + 2][:2 if strip_accents(word[i:i + 2]) in DIPHTHONGS else 1]):
            return n
    return None


def greek_word_forms(word):
    """{case: [forms]} of one capitalized Greek word, by its ending."""
    lower = word.lower()
    if not word[:1].isupper() or len(word) < 3:
        return None
    bare = strip_accents(lower)
    for ending, (gen, acc) in GREEK_ENDINGS:
        if not bare.endswith(ending):
            continue
        stem = lower[: len(lower) - len(ending)]
        pos = accent_position(lower)
        result = {}
        for case, endings in (("gen", gen), ("acc", acc)):
            forms = []
            for e in endings:
                form = stem + e
                if pos is not None:
                    length_change = len(syllable_nuclei(strip_accents(form))) - len(syllable_nuclei(bare))
                    new_pos = pos + length_change
                    # the same syllable keeps the accent; the genitive in -ου/-ων pulls an
                    # accent three syllables from the end to the penultimate (Λίβανος -> Λιβάνου)
                    if e in ("ου", "ιου", "ων") and new_pos >= 3:
                        forms.append(place_accent(form, 2))
                        forms.append(place_accent(form, new_pos))
                    elif e == "ων" and ending == "ες":
                        forms.append(place_accent(form, 1))  # nouns: Πολιτείες -> Πολιτειών
                        forms.append(place_accent(form, max(new_pos, 1)))  # adjectives: Ηνωμένων
                    else:
                        forms.append(place_accent(form, max(new_pos, 1)))
                else:
                    forms.append(form)
            result[case] = [restore_case(word, f) for f in dict.fromkeys(forms)]
        return result
    return None


def greek_forms(name):
    words = name.split(" ")
    per_word = []
    for w in words:
        forms = greek_word_forms(w) if w[:1].isupper() else None
        per_word.append(forms)
    if all(f is None for f in per_word):
        return set()
    result = set()
    for case in ("gen", "acc"):
        combos = [[]]
        for w, forms in zip(words, per_word):
            options = forms[case] if forms else [w]
            combos = [c + [o] for c in combos for o in options][:8]
        result.update(" ".join(c) for c in combos)
    return result


# -------------------------------------------------------------------------------- output ---

def collect(sources, forms_of, common, keep_common):
    """{id: sorted forms}: each form given to the first entity (sources in precedence order),
    and also to a city whose name is the name of the region that has the form (Νέα Υόρκη is
    the state and the city: Νέας Υόρκης goes to both, and resolution chooses between them as it
    does for the name itself)."""
    owner, own_names = {}, set()
    names_of = {}
    for entities in sources:
        for entity_id, names in entities:
            own_names.update(names)
            names_of.setdefault(entity_id, set()).update(names)
    shared = {}  # form -> cities that share the name of its region
    for entities in sources:
        for entity_id, names in entities:
            for name in names:
                for form in forms_of(name):
                    if form in own_names:
                        continue
                    if form in owner:
                        first = owner[form]
                        if (entity_id.startswith("geonames/") and first.startswith("region/")
                                and name in names_of[first]):
                            shared.setdefault(form, set()).add(entity_id)
                        continue
                    letters = form.replace(" ", "").replace("-", "")
                    if len(letters) < 4:
                        continue
                    if " " not in form and form.casefold() in common and not keep_common(entity_id, form):
                        continue
                    owner[form] = entity_id
    by_id = {}
    for form, entity_id in owner.items():
        by_id.setdefault(entity_id, []).append(form)
        for city in shared.get(form, ()):
            by_id.setdefault(city, []).append(form)
    return {i: sorted(set(forms)) for i, forms in by_id.items()}


def write(path, header, lang, by_id):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("extend:\n")
        for entity_id in sorted(by_id):
            f.write(f"  - id: {entity_id}\n    aliases:\n")
            for form in by_id[entity_id]:
                f.write(f"      - {{ text: {form}, lang: {lang}, match: folded }}\n")


def main():
    reference, lexicons = sys.argv[1], sys.argv[2]
    os.makedirs(lexicons, exist_ok=True)
    countries = os.path.join(reference, "countries.yaml")
    regions = os.path.join(reference, "regions.yaml")
    cities = os.path.join(reference, "cities15000.txt")

    import pymorphy3
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    ru_sources = [pack_names(countries, "ru"), pack_names(regions, "ru"), city_names(cities, CYRILLIC)]
    ru_sources = [[(i, [n for n in names if CYRILLIC.match(n)]) for i, names in s] for s in ru_sources]
    ru = collect(ru_sources, lambda n: russian_forms(morph, n),
                 common_words(os.path.join(reference, "common-words", "ru.txt")), russian_keeps_common(morph))
    write(os.path.join(lexicons, "places-ru.yaml"),
          "# Russian case forms of the names of countries, first-level regions and big cities\n"
          "# (places of %d people or more) in rules/reference/: \"Испании\",\n"
          "# \"в Москве\", \"Пензенской области\". The nominative stays in the reference packs.\n"
          "# GENERATED by tools/packs/inflections (tools/packs/inflections.py): do not edit.\n"
          "# Morphology: pymorphy3 %s with the OpenCorpora dictionary pymorphy3-dicts-ru %s\n"
          "# (opencorpora.org, CC BY-SA 3.0). Forms that are common Russian words are left out.\n"
          % (CITY_POPULATION, metadata.version("pymorphy3"), metadata.version("pymorphy3-dicts-ru")),
          "ru", ru)

    el_sources = [pack_names(countries, "el"), pack_names(regions, "el"), city_names(cities, GREEK)]
    el_sources = [[(i, [n for n in names if GREEK.match(n)]) for i, names in s] for s in el_sources]
    el = collect(el_sources, greek_forms, common_words(os.path.join(reference, "common-words", "el.txt")),
                 greek_keeps_common)
    write(os.path.join(lexicons, "places-el.yaml"),
          "# Greek genitive and accusative forms of the names of countries, first-level regions and\n"
          "# big cities (places of %d people or more) in rules/reference/:\n"
          "# \"Ισπανίας\", \"Λιβάνου\", \"Ηνωμένων Πολιτειών\". The nominative stays in the packs.\n"
          "# GENERATED by tools/packs/inflections (tools/packs/inflections.py): do not edit.\n"
          "# Rule-based declension of the regular endings (the project's own rules, documented in\n"
          "# inflections.py); forms that are common Greek words are left out.\n" % CITY_POPULATION,
          "el", el)


if __name__ == "__main__":
    main()
