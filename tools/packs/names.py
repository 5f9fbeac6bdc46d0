#!/usr/bin/env python3
"""Writes rules/lexicons/names-<lang>.yaml: given names and surnames of each language.

A name list is evidence, not a verdict: rules/packs/names.yaml makes a PERSON of a known given
name followed by capitalized name words ("Maria Schmidt", "Владимира Путина"), never of a
given name alone. The lists are named `name.given` and `name.surname` in every file, so they
add up across languages (names travel: "Pedro Sánchez" in an English text), and match loosely
(without case or accents, other scripts transliterated: "Педро" matches "Pedro"). Arabic names
are in `name.given.ar` and `name.surname.ar` instead, matched `folded`: transliterated without
vowels, Arabic words collide ("إلى", to, would match a name).

Sources (versions pinned by tools/packs/names, which runs this with the pack venv's Python):
  - faker's per-locale person providers (first names, last names; MIT licence)
  - for Russian, OpenCorpora's dictionary as packaged in pymorphy3-dicts-ru (CC BY-SA 3.0),
    read with pymorphy3 (MIT): every case form of the lemmas tagged Name (given name) and
    Surn (surname), so "Владимира" and "Путина" are listed, not only "Владимир"; only the
    lemmas used in text (wordfreq, Zipf >= 2 for given names, 2.5 for surnames)
  - for Greek, the case forms are generated from faker's nominatives by the regular endings
    (-ος/-ου/-ο/-ε, -ης/-η, -ας/-α, -α/-ας, -η/-ης); accents are not moved, since the lists
    match loosely (without accents): "Παπαδόπουλου" stands for "Παπαδοπούλου" too
  - for Greek also names-el-foreign.yaml: the capitalized words of Debian's Greek spelling
    dictionary (hunspell-el; MPL-1.1, GPL-2 or LGPL-2.1) that sound like a given name of the
    de/en/es/fr/it/pt lists by a rough transliteration ("Ντόναλντ", "Φρίντριχ", "Χαβιέρ"):
    Greek news write foreign names in Greek letters; words with a capitalized plural in the
    dictionary are peoples, not names ("Έλληνα")
  - names-common.yaml: the common words of de/en/es/fr/it/pt as one list, `name.common`
Filters (each dropped entry is listed at the end of its file, with the reason):
  - short: under 3 letters ("Al", "Jo", "طه")
  - common word: an entry whose accent- and case-free form is a common word of the language
    (rules/reference/common-words/<lang>.txt; for the Latin-script languages, of any of those
    whose list was checked against a spelling dictionary, as the lists add up: "Tia" is
    Spanish "aunt"), unless faker lists it for two languages or more (the Spanish list has
    "carlos" and "ana", the Portuguese one "silva"); with a check per script where that list
    contains names (it is made from word frequencies, and "владимир", "محمد", "μαρία" are
    frequent): in Russian only a form that OpenCorpora also reads as a non-name ("Вера",
    "Роман"); in Greek only a word Debian's Greek spelling dictionary (hunspell-el) writes in
    lowercase with the same accents ("Ελπίδα", "Νίκη"; not "Χρήστος": "χρηστός" is "useful");
    in Arabic only a word whose form with the article ال is itself frequent (Zipf >= 4.5 in
    wordfreq: "رئيس", "عالم" are nouns, "محمد" is not). The given names dropped so are listed
    as `name.given.not`, which names.yaml excludes: loosely matched, "Вера" would otherwise
    match the Spanish "Vera".
  - place: a given name that is the name of a city of 250,000 people or more in
    rules/reference/cities15000.txt or of a country (CLDR, rules/reference/countries.yaml) in
    English or a language listed here ("Santiago", "Victoria", "Jordan"), and likewise a
    surname ("Lima", "Paris")
Output is sorted by code point, one entry a line: byte-stable for the same sources.
Usage: names.py OUT_DIR COMMON_WORDS_DIR CITIES_TXT COUNTRIES_YAML
"""
from importlib import import_module, metadata
import json
import os
import re
import sys
import unicodedata

LANGUAGES = {  # language -> faker locales
    "en": ["en_US", "en_GB", "en_IE"],
    "es": ["es_ES", "es_MX", "es_AR", "es_CL", "es_CO"],
    "fr": ["fr_FR", "fr_CA"],
    "it": ["it_IT"],
    "pt": ["pt_BR", "pt_PT"],
    "de": ["de_DE", "de_AT", "de_CH"],
    "nl": ["nl_NL"],
    "pl": ["pl_PL"],
    "tr": ["tr_TR"],
    "ru": ["ru_RU"],
    "el": ["el_GR"],
    "ar": ["ar_AA", "ar_SA", "ar_PS"],
}
GIVEN = ["first_names", "first_names_male", "first_names_female"]
SURNAME = ["last_names", "last_names_male", "last_names_female"]
SCRIPTS = {  # entries of these languages must be in their own script
    "ru": re.compile(r"^[\u0400-\u052F\- ]+$"),
    "el": re.compile(r"^[\u0370-\u03FF\u1F00-\u1FFF\- ]+$"),
    "ar": re.compile(r"^[\u0600-\u06FF\u0750-\u077F ]+$"),
}
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’\- ]+$")
# the common-word lists made with a spelling dictionary (common_words.py): "boston", "joe" are
# not in them; the others (nl, pl, tr) hold frequent names too, and are not used here
DICTIONARY_CHECKED = ["de", "en", "es", "fr", "it", "pt"]
MIN_LETTERS = 3
PLACE_POPULATION = 250_000
ARABIC_ARTICLE_ZIPF = 4.5
GREEK_DICTIONARY = "/usr/share/hunspell/el_GR.dic"  # Debian hunspell-el, ISO-8859-7


def key(text):
    """Case- and accent-free form, like Quipu's loose key for Latin, Greek and Cyrillic."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ё", "е").replace("ς", "σ")


def faker_names(locale, attributes):
    provider = import_module(f"faker.providers.person.{locale}").Provider
    names = set()
    for attribute in attributes:
        values = getattr(provider, attribute, None)
        if isinstance(values, (list, tuple, dict, set, frozenset)):
            names.update(str(v).strip() for v in values)
    return {n for n in names if n}


def read_words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and not w.startswith("#")}


def read_common(folder, lang):
    path = os.path.join(folder, f"{lang}.txt")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {key(line.strip()) for line in f if line.strip() and not line.startswith("#")}


def read_places(cities, countries):
    """Keys of city names (population >= PLACE_POPULATION) and of country names."""
    places = set()
    with open(cities, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) > 14 and c[14].isdigit() and int(c[14]) >= PLACE_POPULATION:
                places.update(key(n) for n in (c[1], c[2]) if n)
    # a country's English name, and its names in the languages with a lexicon here
    ours = set(LANGUAGES)
    entry = re.compile(r"^\s+(?:name: (?P<name>.+)|- \{ text: (?P<text>.+), lang: (?P<lang>[a-z_]+) \}"
                       r"|- (?P<alias>.+?)  # (?P<langs>.+))$")
    with open(countries, encoding="utf-8") as f:
        for line in f:
            m = entry.match(line.rstrip("\n"))
            if not m:
                continue
            if m["name"]:
                places.add(key(m["name"].strip("'\"")))
            elif m["text"] and m["lang"] in ours:
                places.add(key(m["text"].strip("'\"")))
            elif m["alias"] and ours & set(m["langs"].split()):
                places.add(key(m["alias"].strip("'\"")))
    return places


def letters(text):
    return sum(1 for c in text if c.isalpha())


def capitalize(word):
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


# --- Russian: OpenCorpora via pymorphy3 --------------------------------------------------------

RUSSIAN_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


RUSSIAN_MIN_ZIPF = {"Name": 2.0, "Surn": 2.5}


def russian_names():
    """Every case form of OpenCorpora's given names and surnames, capitalized, for the lemmas
    of which some form is used in Russian text (Zipf >= RUSSIAN_MIN_ZIPF in wordfreq: once in
    100 million words for a given name): the 12,818 given names and 9,171 surnames of the
    dictionary have 190,000 forms, most of names no news text uses ("Вонифатий")."""
    import pymorphy3
    import wordfreq

    morph = pymorphy3.MorphAnalyzer()
    lemmas = {"Name": {}, "Surn": {}}
    for word, tag, normal, para, _idx in morph.dictionary.iter_known_words():
        for grammeme, forms in lemmas.items():
            if grammeme in tag:
                forms.setdefault((normal, para), set()).add(word)
    kept = {}
    for grammeme, forms in lemmas.items():
        kept[grammeme] = set()
        for words in forms.values():
            if max(wordfreq.zipf_frequency(w, "ru") for w in words) >= RUSSIAN_MIN_ZIPF[grammeme]:
                kept[grammeme] |= words
    return {capitalize(w) for w in kept["Name"]}, {capitalize(w) for w in kept["Surn"]}, morph


def russian_common_reading(morph, word):
    """Whether OpenCorpora also reads `word` as something else than a name ("вера": faith)."""
    return any(not (RUSSIAN_PROPER & p.tag.grammemes) for p in morph.parse(word.lower()))


# --- Greek: case forms from the endings ----------------------------------------------------------

MALE_ENDINGS = [("ος", ["ου", "ο", "ε"]), ("ός", ["ού", "ό", "έ"]), ("ας", ["α"]), ("άς", ["ά"]),
                ("ης", ["η"]), ("ής", ["ή"]), ("ές", ["έ"]), ("ούς", ["ού"])]
FEMALE_ENDINGS = [("α", ["ας"]), ("ά", ["άς"]), ("η", ["ης"]), ("ή", ["ής"])]


def greek_forms(name, female):
    forms = {name}
    for ending, replacements in FEMALE_ENDINGS if female else MALE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 1:
            forms.update(name[: -len(ending)] + r for r in replacements)
            break
    return forms


def greek_names():
    given, surnames = set(), set()
    for female, attribute in [(False, "first_names_male"), (True, "first_names_female")]:
        for name in faker_names("el_GR", [attribute]):
            given |= greek_forms(name, female)
    for female, attribute in [(False, "last_names_male"), (True, "last_names_female")]:
        for name in faker_names("el_GR", [attribute]):
            # female surnames in -ου or -η are genitives already and do not change
            surnames |= greek_forms(name, female) if not female or name.endswith(("α", "ά")) else {name}
    return given, surnames


def greek_capitalized_words():
    with open(GREEK_DICTIONARY, encoding="iso-8859-7") as f:
        return {key(w) for w in (line.split("/")[0].strip() for line in f) if w[:1].isupper()}


def greek_lowercase_words():
    if not os.path.exists(GREEK_DICTIONARY):
        sys.exit(f"names.py: {GREEK_DICTIONARY} is missing (apt-get install hunspell-el)")
    with open(GREEK_DICTIONARY, encoding="iso-8859-7") as f:
        return {unicodedata.normalize("NFC", w) for w in (line.split("/")[0].strip() for line in f)
                if w and w == w.lower()}


# --- Greek: foreign given names as the Greek dictionary writes them -------------------------------

GREEK_DIGRAPHS = [("ου", "u"), ("αι", "e"), ("ει", "i"), ("οι", "i"), ("τζ", "j"), ("τσ", "ts"),
                  ("γγ", "ng"), ("ντ", "D"), ("μπ", "B"), ("γκ", "G"), ("θ", "th"), ("ψ", "ps"), ("ξ", "x")]
GREEK_LETTERS = dict(zip("αβγδεζηικλμνοπρστυφχω", "avgdeziiklmnoprstifho"))
GREEK_AMBIGUOUS = [("D", ("d", "nt")), ("B", ("b", "mp")), ("G", ("g", "nk"))]


def sound_key(text):
    """Doubled letters once, "ji" before a vowel as "j": "Τζόρτζια" and "Giorgia" alike."""
    text = re.sub(r"(.)\1", r"\1", text)
    return re.sub(r"ji(?=[aeou])", "j", text)


def greek_sound_keys(word):
    """Rough Latin readings of a Greek word: "Ντόναλντ" -> donald, ntonalnt."""
    s, out, i = key(word), "", 0
    while i < len(s):
        for digraph, latin in GREEK_DIGRAPHS:
            if s.startswith(digraph, i):
                out += latin
                i += len(digraph)
                break
        else:
            out += GREEK_LETTERS.get(s[i], "?")
            i += 1
    keys = {out}
    for mark, readings in GREEK_AMBIGUOUS:
        if mark in out:
            keys = {k.replace(mark, r) for k in keys for r in readings}
    return {sound_key(k) for k in keys}


def latin_sound_key(name, lang):
    """How a Latin-script name of `lang` sounds, in the letters of greek_sound_keys."""
    s = key(name).replace("ph", "f").replace("ck", "k").replace("qu", "k").replace("q", "k")
    s = s.replace("w", "v").replace("y", "i")
    if lang == "es":
        s = s.replace("ll", "y").replace("j", "h").replace("ñ", "ni").replace("ch", "ts")
    elif lang == "it":
        s = re.sub(r"gi(?=[aou])", "j", s)
        s = re.sub(r"g(?=[ei])", "j", s)
        s = re.sub(r"c(?=[ei])", "ts", s).replace("ch", "k")
    elif lang == "de":
        s = s.replace("sch", "s").replace("ch", "h").replace("ie", "i").replace("ei", "ai")
        s = s.replace("z", "ts").replace("v", "f")
    elif lang == "en":
        s = s.replace("ch", "ts").replace("sh", "s").replace("ee", "i").replace("oo", "u")
    elif lang in ("fr", "pt"):
        s = s.replace("ch", "s").replace("ou", "u")
    s = re.sub(r"c(?=[ei])", "s", s).replace("c", "k")
    return sound_key(s)


GREEK_ENDINGS = ["ος", "ου", "ο", "ας", "α", "ης", "η", "ες", "οι", "ων", "ε", "ις", "ους", "ής", "ή", "ού"]
GREEK_PLURALS = ["ες", "οι", "ους"]


def declines(word, capitalized):
    """Whether the dictionary has a capitalized plural of `word`, or it is one: names have no
    plural, peoples do ("Έλληνα", a Greek: Έλληνες; "Δανοί", Danes)."""
    plain = key(word)
    for ending in sorted(GREEK_ENDINGS, key=len, reverse=True):
        if plain.endswith(key(ending)) and len(plain) > len(ending) + 1:
            if ending in GREEK_PLURALS:
                return True
            stem = plain[: -len(ending)]
            return any(stem + key(e) in capitalized for e in GREEK_PLURALS)
    return False


def greek_foreign_names(latin_given):
    """Capitalized words of Debian's Greek spelling dictionary that sound like a given name of
    the Latin-script lists: "Ντόναλντ" (Donald), "Φρίντριχ" (Friedrich), "Χαβιέρ" (Javier)."""
    sounds = {}
    for lang, names in latin_given.items():
        for name in names:
            k = latin_sound_key(name, lang)
            if len(k) >= 4:
                sounds.setdefault(k, set()).add(name)
    found = {}
    with open(GREEK_DICTIONARY, encoding="iso-8859-7") as f:
        for line in f:
            word = unicodedata.normalize("NFC", line.split("/")[0].strip())
            if word[:1].isupper() and word[1:] == word[1:].lower() and SCRIPTS["el"].match(word):
                matches = set().union(*(sounds.get(k, set()) for k in greek_sound_keys(word)))
                if matches:
                    found[word] = matches
    return found


# --- filters and output ----------------------------------------------------------------------------

def is_common(lang, name, common, extra, listed_by):
    k = key(name)
    if lang not in SCRIPTS:
        # the lists add up, so a Latin-script name must not be a common word of any Latin-script
        # language ("Tia" is Spanish "aunt"), unless two languages list it as a name
        return k in extra["latin_common"] and len(listed_by.get(k, ())) < 2
    if k not in common:
        return False
    if lang == "ru":
        return russian_common_reading(extra["morph"], name)
    if lang == "el":  # accents kept: "χρηστός" (useful) is no "Χρήστος"
        return unicodedata.normalize("NFC", name.lower()) in extra["greek_lowercase"]
    if lang == "ar":
        import wordfreq

        return wordfreq.zipf_frequency("ال" + name, "ar") >= ARABIC_ARTICLE_ZIPF
    return True


def clean(lang, names, common, places, extra, listed_by):
    kept, dropped = set(), {}
    script = SCRIPTS.get(lang, LATIN)
    for name in names:
        name = unicodedata.normalize("NFC", name.replace("\u0651", ""))  # Arabic shadda: optional
        if not script.match(name) or not name[:1].isalpha():
            dropped[name] = "script"
        elif letters(name) < MIN_LETTERS:
            dropped[name] = "short"
        elif is_common(lang, name, common, extra, listed_by):
            dropped[name] = "common word"
        elif key(name) in places:
            dropped[name] = "place"
        else:
            kept.add(name)
    return kept, dropped


def arabic_variants(name, common):
    """The spellings news use for a name: final ي as ى ("سامى"), initial أ/إ/آ as ا, final ة as
    ه; not where the variant is a common word ("على", on, is not "علي")."""
    forms = {name}
    for form in list(forms):
        if form[:1] in "أإآ":
            forms.add("ا" + form[1:])
    for form in list(forms):
        words = form.split(" ")
        if words[-1].endswith("ي"):
            forms.add(" ".join(words[:-1] + [words[-1][:-1] + "ى"]))
        if words[-1].endswith("ة"):
            forms.add(" ".join(words[:-1] + [words[-1][:-1] + "ه"]))
    return {f for f in forms if f == name or f not in common}


def yaml_list(name, words, match=None):
    out = [f"  {name}:"] + ([f"    match: {match}"] if match else []) + ["    words:"]
    out += [f"      - {json.dumps(w, ensure_ascii=False)}" for w in sorted(words)]
    if not words:
        out[-1] += " []"
    return out


def write(out_dir, lang, sources, given, surnames, dropped, extra_lists=()):
    lines = [
        f"# Given names and surnames ({lang}): `name.given` and `name.surname`, used by",
        "# rules/packs/names.yaml (a known given name followed by capitalized name words is a",
        "# person; a given name alone is not). Lists with one name add up across files.",
        "# GENERATED by tools/packs/names (tools/packs/names.py): do not edit; sorted by code point.",
    ]
    lines += [f"# Source: {s}" for s in sources]
    lines += [
        f"# {len(given)} given names, {len(surnames)} surnames; {len(dropped)} entries dropped (listed at the end).",
        f"pack: names-{lang}",
        "lists:",
    ]
    if lang == "ar":
        # folded, not loose: Arabic transliterated without vowels collides with other words
        # ("إلى", to, would match a name); so Arabic names have lists of their own
        lines += yaml_list("name.given.ar", given, "folded")
        lines += yaml_list("name.surname.ar", surnames, "folded")
    else:
        lines += yaml_list("name.given", given)
        lines += yaml_list("name.surname", surnames)
    # the given names dropped as common words: other lists must not bring them back through
    # loose matching ("Вера", faith, would match the Spanish name "Vera" transliterated)
    # (not the Greek ones: "Μάρκο", mark, is also how Greek writes "Marco")
    not_given = sorted(w for w, (kind, r) in dropped.items() if kind == "given" and r == "common word")
    if not lang.startswith(("ar", "el")):
        lines += yaml_list("name.given.not", not_given)
    for name, comment, words in extra_lists:
        lines.append(f"  # {comment}")
        lines += yaml_list(name, words, "folded")
    for reason in sorted({r for _, r in dropped.values()}):
        words = sorted(f"{w} ({kind})" for w, (kind, r) in dropped.items() if r == reason)
        lines.append(f"# dropped, {reason}:")
        for i in range(0, len(words), 8):
            lines.append("#   " + ", ".join(words[i:i + 8]))
    with open(os.path.join(out_dir, f"names-{lang}.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main(out_dir, common_dir, cities, countries):
    os.makedirs(out_dir, exist_ok=True)
    places = read_places(cities, countries)
    extra = {"greek_lowercase": greek_lowercase_words(), "greek_capitalized": greek_capitalized_words(),
             "latin_common": set().union(*(read_common(common_dir, l) for l in DICTIONARY_CHECKED))}
    write_common(out_dir, common_dir)
    latin_given = {}
    listed_by = {"given": {}, "surname": {}}  # key -> languages whose faker locales list it
    for lang, locales in LANGUAGES.items():
        for kind, attributes in [("given", GIVEN), ("surname", SURNAME)]:
            for loc in locales:
                for name in faker_names(loc, attributes):
                    listed_by[kind].setdefault(key(name), set()).add(lang)
    faker_source = f"faker {metadata.version('faker')} (MIT), person providers"
    for lang, locales in LANGUAGES.items():
        common = read_common(common_dir, lang)
        sources = [f"{faker_source} {', '.join(locales)}"]
        if lang == "el":
            given, surnames = greek_names()
            sources.append("case forms generated from the endings (tools/packs/names.py)")
            sources.append("common-word check: Debian hunspell-el (MPL-1.1 / GPL-2 / LGPL-2.1)")
        else:
            given = set().union(*(faker_names(loc, GIVEN) for loc in locales))
            surnames = set().union(*(faker_names(loc, SURNAME) for loc in locales))
        dropped = {}
        if lang == "ru":
            ru_given, ru_surnames, extra["morph"] = russian_names()
            given |= ru_given
            surnames |= ru_surnames
            sources.append(
                f"OpenCorpora {opencorpora_version()} via pymorphy3-dicts-ru "
                f"{metadata.version('pymorphy3-dicts-ru')} (CC BY-SA 3.0), read with pymorphy3 "
                f"{metadata.version('pymorphy3')} (MIT): all case forms of Name and Surn lemmas "
                f"of Zipf >= {RUSSIAN_MIN_ZIPF['Name']} and {RUSSIAN_MIN_ZIPF['Surn']} in wordfreq "
                f"{metadata.version('wordfreq')} (data CC BY-SA 4.0)")
        if lang == "ar":
            sources.append(f"common-word check: wordfreq {metadata.version('wordfreq')} (data CC BY-SA 4.0)")
        sources.append("filters: rules/reference/common-words, cities15000.txt, countries.yaml")
        given, drop_given = clean(lang, given, common, places, extra, listed_by["given"])
        surnames, drop_surnames = clean(lang, surnames, common, places, extra, listed_by["surname"])
        if lang == "ar":
            raw_common = read_words(os.path.join(common_dir, "ar.txt"))
            given = set().union(*(arabic_variants(n, raw_common) for n in given))
            surnames = set().union(*(arabic_variants(n, raw_common) for n in surnames))
        dropped.update({w: ("given", r) for w, r in drop_given.items()})
        dropped.update({w: ("surname", r) for w, r in drop_surnames.items()})
        if lang == "ru":  # 100,000+ dropped forms of rare lemmas would drown the review
            dropped = {w: v for w, v in dropped.items() if v[1] != "script"}
        extra_lists = []
        if lang == "ar":  # Arabic has no capitals: names.yaml needs the frequent words
            words = read_words(os.path.join(common_dir, "ar.txt"))
            extra_lists.append(("name.ar.common", "frequent words (common-words/ar.txt): not part of a name", words))
        write(out_dir, lang, sources, given, surnames, dropped, extra_lists)
        if lang not in SCRIPTS:
            latin_given[lang] = given
        print(f"names-{lang}: {len(given)} given, {len(surnames)} surnames, {len(dropped)} dropped",
              file=sys.stderr)
    write_greek_foreign(out_dir, latin_given, common_dir, places, extra)


def write_common(out_dir, common_dir):
    """names-common.yaml: the common words of the Latin-script languages whose lists were
    checked against a spelling dictionary, as one list, `name.common`: a capitalized common
    word ("Palazzo", "Avenue") is no given name where names.yaml guesses one."""
    words = set()
    for lang in DICTIONARY_CHECKED:
        words |= {w for w in read_words(os.path.join(common_dir, f"{lang}.txt")) if LATIN.match(w)}
    lines = [
        "# Common words of " + ", ".join(DICTIONARY_CHECKED) + " as one list, `name.common`: rules/packs/names.yaml",
        "# does not take a capitalized common word for an unknown given name (\"Palazzo Chigi\").",
        "# GENERATED by tools/packs/names (tools/packs/names.py) from rules/reference/common-words/:",
        "# do not edit; sorted by code point. Word frequencies: wordfreq, data CC BY-SA 4.0.",
        "pack: names-common",
        "lists:",
    ]
    lines += yaml_list("name.common", words)
    with open(os.path.join(out_dir, "names-common.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_greek_foreign(out_dir, latin_given, common_dir, places, extra):
    found = greek_foreign_names({l: n for l, n in latin_given.items() if l in DICTIONARY_CHECKED})
    common = read_common(common_dir, "el")
    given, dropped = clean("el", set(found), common, places, extra, {})
    dropped = {w: ("given", r) for w, r in dropped.items()}
    # peoples are capitalized in Greek, names have no plural
    declined = {w for w in given if declines(w, extra["greek_capitalized"])}
    dropped.update({w: ("given", "declines") for w in declined})
    given -= declined
    sources = [
        "Debian hunspell-el (MPL-1.1 / GPL-2 / LGPL-2.1): its capitalized words that sound like a",
        "  given name of names-{de,en,es,fr,it,pt}.yaml by a rough transliteration (tools/packs/names.py):",
        "  foreign names as Greek writes them (Ντόναλντ, Φρίντριχ, Χαβιέρ)",
    ]
    write(out_dir, "el-foreign", sources, given, set(), dropped)
    print(f"names-el-foreign: {len(given)} given, {len(dropped)} dropped", file=sys.stderr)


def opencorpora_version():
    import pymorphy3_dicts_ru

    with open(os.path.join(pymorphy3_dicts_ru.get_path(), "meta.json"), encoding="utf-8") as f:
        meta = dict(json.load(f))
    return f"{meta.get('source_version', '?')} (revision {meta.get('source_revision', '?')})"


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(*sys.argv[1:])
