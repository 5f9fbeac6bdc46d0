#!/usr/bin/env python3
"""Writes rules/lexicons/legal-forms.yaml: company legal forms that end (or, in Chinese and
Japanese, end or start) a company's name, for the `org.suffix` word list.

Sources (both MIT, both on PyPI, versions pinned by tools/packs/legal_forms):
  - OCCRP's `fingerprints` (types/types.yml): company types of many countries, each a key
    and its written forms, all in lowercase ("gmbh": "g.m.b.h", "gesellschaft mit
    beschränkter haftung" …).
  - OpenSanctions' `rigour` (names.org_types): the display form of a type, with its letter
    case ("gesellschaft mit beschränkter haftung" -> "GmbH", "società per azioni" -> "SpA").

The list is matched `exact` (case-sensitive: "SA" must not match "sa", "AS" not "as"), so
every entry is written the way company names write it:
  - a short form (at most 6 letters once dots are removed) gets rigour's display case
    ("GmbH", "SpA", "LLC"); its dotted spellings follow that case letter by letter ("S.p.A.",
    "S.A.", "G.m.b.H."). Cyrillic and Greek short forms are written in capitals ("ООО",
    "ПАО", "ΑΕ"). A short form rigour does not know is left out: its case is unknown.
  - a long form of two to four whole words (no abbreviation inside, first word of 4 letters
    or more) is written capitalized ("Sociedad anónima") and in title case ("Sociedad
    Anónima"); not in lowercase, where it is a description ("a joint stock company").
  - Chinese and Japanese forms (有限公司, 株式会社) are kept as written.
Left out (precision; the list ends names found by pattern in every language):
  - a short form of fewer than three letters without a dot ("AS", "SA", "AB": the English
    and German packs list AG, KG, SE, NV themselves), and a capitalized short form that is a
    common word of any language in rules/reference/common-words/ ("San", "SAD"), except
    the usual English forms in KEEP;
  - a one-word long form (a common noun: "company", "limitada", "компания");
  - forms with other characters than letters, dots, spaces, hyphens and ampersands.
Each line's comment names the type key(s). Output sorted by code point: byte-stable for the
same source versions.

Usage: legal_forms.py OUTPUT.yaml COMMON_WORDS_DIR
"""
from importlib import metadata
import os
import re
import sys

import yaml  # PyYAML, a dependency of fingerprints
import fingerprints
from rigour.names.org_types import replace_org_types_display

SHORT = 6
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Long forms that name a kind of body rather than a legal form ("joint venture", "national
# association", "federal state institution"): left out, they end descriptions as often as names.
GENERIC = {"venture", "association", "family", "institution", "establishment", "undertaking",
           "enterprise", "governamental", "projektile", "bank", "sector", "zone"}
# Reviewed letter case of short forms whose case rigour's display does not give.
CASE = {"bhd": "Bhd", "berhad": "Berhad", "corp": "Corp", "d.d.": "d.d.", "d.o.o.": "d.o.o.",
        "ehf": "ehf", "oyj": "Oyj", "pjsc": "PJSC", "pty": "Pty", "sae": "SAE", "snc": "SNC",
        "sro": "s.r.o.", "vof": "VOF", "vzw": "VZW", "lda.": "Lda.", "cía": "Cía"}
# Capitalized short forms kept although wordfreq counts them as frequent tokens.
KEEP = {"Inc", "Ltd", "Ltda", "Corp"}
ALLOWED = re.compile(r"^[\w .\-&'’]+$")


def load_common(folder):
    words = set()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line.casefold())
    return words


def letters(text):
    return "".join(ch for ch in text if ch.isalpha())


def display_case(form):
    """rigour's display form of `form` when it spells the same letters, else None."""
    out = replace_org_types_display(form).strip()
    if letters(out).casefold() == letters(form).casefold() and out != form:
        return out
    if letters(out).casefold() == letters(form).casefold() and any(c.isupper() for c in out):
        return out
    return None


def follow_case(form, model):
    """`form` (lowercase, with dots) with the letter case of `model` (same letters)."""
    model_letters = [c for c in model if c.isalpha()]
    out, i = [], 0
    for ch in form:
        if ch.isalpha():
            out.append(model_letters[i])
            i += 1
        else:
            out.append(ch)
    return "".join(out)


def is_cyrillic_or_greek(text):
    return all(("\u0370" <= c <= "\u03ff") or ("\u0400" <= c <= "\u04ff") or not c.isalpha()
               for c in text) and any(c.isalpha() for c in text)


def title_word(word, first):
    if not word:
        return word
    return word[0].upper() + word[1:]


def main():
    output, common_dir = sys.argv[1], sys.argv[2]
    common = load_common(common_dir)
    path = os.path.join(os.path.dirname(fingerprints.__file__), "types", "types.yml")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)

    entries = {}  # text -> set of type keys
    dropped = {}  # text -> reason

    def add(text, key):
        entries.setdefault(text, set()).add(key)

    for item in data["types"]:
        key = str(item["main"])
        forms = [key] + [str(x) for x in item.get("forms") or []]
        # rigour's display forms of this type's forms ("aktiengesellschaft" -> "AG"): the
        # letter case of its short forms.
        models = sorted({replace_org_types_display(f).strip() for f in forms} |
                        {replace_org_types_display("x " + f).strip()[2:] for f in forms})
        # The display case of this type: rigour's display of any of its forms that spells
        # the key's letters ("gmbh" -> "GmbH").
        for form in sorted(set(forms)):
            form = form.strip()
            if not form:
                continue
            if CJK.search(form):
                if len(form) >= 2 and not re.search(r"\s", form):
                    add(form, key)
                continue
            if not ALLOWED.match(form):
                dropped[form] = "characters"
                continue
            words = form.split()
            plain = letters(form)
            if len(words) == 1 and len(plain) <= SHORT:
                dotted = "." in form
                if len(plain) < 2 or (len(plain) < 3 and not dotted):
                    dropped[form] = "under three letters without a dot"
                    continue
                if is_cyrillic_or_greek(form):
                    add(form.upper(), key)
                    continue
                model = CASE.get(form) or display_case(plain) or display_case(form) or next(
                    (m for m in models if " " not in m and any(c.isupper() for c in m)
                     and letters(m).casefold() == plain.casefold()), None)
                if model is None:
                    dropped[form] = "case unknown"
                    continue
                cased = model if form in CASE else (follow_case(form, model) if dotted else model)
                # A capitalized or all-caps short form that is a common word ("San", "SAD",
                # "SIA") could end a sentence's capitalized words or an all-caps headline;
                # mixed-case forms ("SpA", "GmbH") cannot be running words. The usual
                # English forms stay (KEEP), and so do Cyrillic ones (ООО, ПАО, above).
                if (not dotted and plain.casefold() in common and cased not in KEEP
                        and cased in (cased.capitalize(), cased.upper())):
                    dropped[form] = "common word"
                    continue
                add(cased, key)
                # "Inc" is also written "Inc.", "Corp" "Corp.".
                if cased[-1].isalpha() and cased == cased.capitalize() and len(plain) >= 3:
                    add(cased + ".", key)
            elif 2 <= len(words) <= 4:
                # Whole words only: no abbreviation inside ("gmbh & co. kg" has no sure case),
                # connectors of at most 3 letters stay lowercase in title case.
                if any("." in w or not w.isalpha() for w in words if w not in ("&",)) or \
                        any(len(w) < 4 and i == 0 for i, w in enumerate(words)):
                    dropped[form] = "abbreviation inside"
                    continue
                if any(w in GENERIC for w in words):
                    dropped[form] = "names a kind of body"
                    continue
                capitalized = form[0].upper() + form[1:]
                title = " ".join(w if (len(w) <= 3 and i > 0) else title_word(w, i == 0)
                                 for i, w in enumerate(words))
                for variant in (capitalized, title):
                    add(variant, key)
            elif len(words) == 1:
                dropped[form] = "one-word long form"
            else:
                dropped[form] = "more than four words"

    fp_version = metadata.version("fingerprints")
    rg_version = metadata.version("rigour")
    lines = [
        "# Company legal forms for the `org.suffix` list (declared in rules/packs/common.yaml; lists",
        "# with one name add up across files): the words that end a company's name, \"Foo GmbH\",",
        "# \"Bar S.p.A.\", \"Baz ООО\", \"某某有限公司\".",
        "# GENERATED by tools/packs/legal_forms (tools/packs/legal_forms.py): do not edit; review with",
        "# git diff after regenerating. Reviewed additions go in another file.",
        f"# Sources: fingerprints {fp_version} (OCCRP, types/types.yml), MIT License;",
        f"#          rigour {rg_version} (OpenSanctions, names.org_types display forms), MIT License.",
        "# Rules (see the script): short forms in rigour's letter case, dotted spellings following it,",
        "# Cyrillic/Greek short forms in capitals, long forms of 2-4 whole words capitalized and in",
        "# title case, none naming a kind of body (GENERIC in the script); no common word of any language in rules/reference/common-words/.",
        f"# {len(entries)} entries; {len(dropped)} forms left out (listed at the end).",
        "",
        "lists:",
        "  org.suffix:",
        "    match: exact",
        "    words:",
    ]
    for text in sorted(entries):
        keys = ", ".join(sorted(entries[text]))
        lines.append(f"      - {yaml_quote(text)}  # {keys}")
    lines.append("")
    for text in sorted(dropped):
        lines.append(f"# dropped: {text} ({dropped[text]})")
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
