#!/usr/bin/env python3
"""Writes the seed corpus of fuzz-batch (Fuzz/Corpus/batch/): one file per trait, each a
TreeProgram (Fuzz/Sources/fuzz-batch/TreeProgram.swift) spelled out byte by byte.
Run from the repository root: python3 Fuzz/make-batch-corpus.py"""
import os

# Indexes into TreeProgram.nameParts and textParts (keep in step with the Swift lists).
N = {n: i for i, n in enumerate([
    "a", "b", "A", "é", "e\u0301", ".", "..", ".txt", ".TXT", ".md", ".jsonl", ".conll", ".ann", ".log", ".bin",
    ".quipu", "docs", "entities", "annotation", "out", " ", "-", "*", "?", "[", "\\", "\n", "\t", "Ω", "名", "\u202e",
    "\ufeff", "~", "#", "x" * 100, "Ａ", "ﬁ", "<FF>", "<C3>", "<surrogate>", "<80>", "<C0AF>"])}
T = {t: i for i, t in enumerate([
    "en", "es", "congreso", "us", "ru-zh", "nfd", "crlf2", "lf", "nul", "u2028", "flag", "dina", "empty",
    "<FF>", "<C3>", "<surrogate>", "<FEFF>"])}
FORMAT = {"jsonl": 0, "conll": 1, "brat": 2, "spans": 3}
ENC = {"utf8": 0, "bom": 1, "utf16le": 2, "utf16be": 3, "utf16le-nobom": 4, "utf16-odd": 5, "cut": 6, "empty": 7}
MODE = {"000": 0, "w": 1, "r": 2, "x": 3, "rw": 4}  # files: 000 200 444 600 644; folders: 000 500 400 100 755
KIND = {"file": 0, "folder": 5, "link": 7}


def name(*parts):
    return [len(parts) - 1] + [N[p] for p in parts]


def text(*parts):
    return [len(parts)] + [T[p] for p in parts]


def file(parent, nm, tx, enc="utf8", mode="rw"):
    """parent: 0 for the input folder, k for the k-th folder created so far."""
    return [KIND["file"], parent] + nm + [MODE[mode]] + tx + [ENC[enc]]


def folder(parent, nm, mode="rw"):
    return [KIND["folder"], parent] + nm + [MODE[mode]]


def link(parent, nm, target):
    """target: an entry index, or the number of entries so far for a dangling link."""
    return [KIND["link"], parent] + nm + [MODE["rw"], target]


def program(entries, fmt="jsonl", replace=False, explain=False, foreign=None, between=(), during=None):
    flags = FORMAT[fmt] | (4 if replace else 0) | (8 if explain else 0) | (16 if foreign else 0) | (32 if during else 0)
    out = [flags, len(entries) - 1] + sum(entries, [])
    if foreign:
        out += [len(foreign) - 1] + sum(foreign, [])
    out += [len(between)] + sum(between, [])
    if during:
        out += [len(during) - 1] + sum(during, [])
    return bytes(out)


# Changes: target is an entry index (entries, then earlier adds, in order).
def edit(i, tx, enc="utf8"): return [0, i] + tx + [ENC[enc]]
def append(i, tx): return [1, i] + tx
def delete(i): return [2, i]
def rename(i, parent, nm, count): return [3, i, count if parent is None else parent] + nm  # parent: entry index
def chmod(i, mode, isfolder=False): return [4, i, 0 if isfolder else 1, MODE[mode]]
def add(kind, parent, nm, mode, count, tx=None, enc="utf8"):
    b = [5, 0, 0 if kind == "file" else 3, count if parent is None else parent] + nm + [MODE[mode]]
    return b + (tx + [ENC[enc]] if kind == "file" else [])


seeds = {
    "plain": program([file(0, name("a", ".txt"), text("en")), file(0, name("b", ".md"), text("es", "lf", "congreso"))]),
    "nfc-nfd-pair": program(
        [file(0, name("é", ".txt"), text("en")), file(0, name("e\u0301", ".txt"), text("es"))],
        between=[edit(1, text("us")), rename(0, None, name("A", ".txt"), 2)]),
    "case-pair-and-fullwidth": program(
        [file(0, name("a"), text("en")), file(0, name("A"), text("dina")), file(0, name("Ａ", ".TXT"), text("ru-zh"))]),
    "encodings": program([
        file(0, name("a"), text("es"), "utf16le"), file(0, name("b"), text("es"), "utf16be"),
        file(0, name("A"), text("en"), "utf16le-nobom"), file(0, name("é"), text("en"), "utf16-odd"),
        file(0, name("-"), text("ru-zh"), "cut"), file(0, name("~"), text("en"), "empty"),
        file(0, name("#"), text("en", "nul"), "bom"), file(0, name("Ω"), text("en", "<FF>"))],
        between=[edit(0, text("en"), "utf8"), edit(6, text("en"), "utf8"), edit(7, text("en", "<C3>"))]),
    "invalid-replaced": program(
        [file(0, name("a", ".txt"), text("en", "<FF>", "es", "<surrogate>")), file(0, name("b", ".txt"), text("<FEFF>", "us"))],
        replace=True, explain=True),
    "permissions": program([
        file(0, name("a", ".txt"), text("en"), mode="000"), folder(0, name("docs"), "000"),
        file(1, name("b", ".txt"), text("es")), folder(0, name("b"), "x"), file(4, name("a"), text("en")),
        folder(0, name("A"), "r"), file(6, name("a"), text("us")), file(0, name("b", ".md"), text("en"), mode="w")],
        between=[chmod(0, "rw"), chmod(1, "rw", True), chmod(7, "000")]),
    "unreadable-after-output": program(
        [file(0, name("a", ".txt"), text("en")), folder(0, name("b")), file(1, name("~"), text("es"))],
        between=[chmod(0, "000"), chmod(1, "000", True), append(2, text("us"))]),
    "non-utf8-names": program([
        file(0, name("<FF>", ".txt"), text("en")), folder(0, name("<C3>")), file(1, name("a"), text("es")),
        file(0, name("a", "<surrogate>"), text("en")), file(0, name("<80>", ".bin"), text("en")),
        file(0, name("b", "<C0AF>"), text("us"))],
        between=[rename(0, None, name("a", ".txt"), 6)]),
    "output-collision-jsonl": program(
        [file(0, name("a"), text("en")), folder(0, name("a", ".jsonl")), file(1, name("b"), text("es"))],
        between=[delete(0)]),
    "output-collision-brat": program(
        [file(0, name("a"), text("en")), folder(0, name("a", ".txt")), file(1, name("b"), text("es")),
         file(0, name("annotation"), text("us"))], fmt="brat", between=[delete(1)]),
    "output-collision-conll": program(
        [folder(0, name("a", ".conll")), file(0, name("a", ".conll", ".txt"), text("en")), file(0, name("a"), text("es"))],
        fmt="conll"),
    "foreign-files": program(
        [file(0, name("a", ".txt"), text("en")), file(0, name("b"), text("es"))],
        foreign=[[0] + name("a", ".txt") + text("dina"), [1] + name("b", ".md") + text("lf"),
                 [2] + name("a", ".txt") + text("dina"), [3] + name("b") + text("en")],
        between=[delete(0), add("file", None, name("b", ".md"), "rw", 2, text("us"))]),
    "foreign-docs-file": program([file(0, name("a"), text("en"))], fmt="brat", foreign=[[0] + name("docs") + text("en")]),
    "renames": program([
        folder(0, name("docs")), file(1, name("a", ".txt"), text("en")), folder(1, name("b")),
        file(3, name("entities", ".jsonl"), text("es")), file(0, name("a"), text("us"))],
        between=[rename(0, None, name(".", "a"), 5), rename(4, 2, name("a", ".bin"), 5), rename(2, None, name("b"), 5),
                 delete(3), add("folder", None, name("docs"), "rw", 5)]),
    "long-names": program([
        file(0, name("x" * 100, "x" * 100, ".txt"), text("en")), file(0, name("x" * 100, "x" * 100, "a", ".md"), text("es")),
        folder(0, name("x" * 100, "x" * 100)), file(2, name("x" * 100, "x" * 100, "b"), text("us")),
        file(0, name("x" * 100, "x" * 100, "x" * 100), text("en"))]),
    "odd-characters": program([
        file(0, name("a", "\n", "b"), text("en")), file(0, name("*", "?", "[", ".txt"), text("es")),
        file(0, name("\\", "\t", "\u202e"), text("us")), file(0, name("\ufeff", "名", "ﬁ"), text("ru-zh", "flag")),
        file(0, name("a", " ", ".txt", " "), text("dina")), file(0, name("a", ".", ".md"), text("en")),
        file(0, name("out"), text("en")), folder(0, name("out")), file(7, name("a"), text("es"))]),
    "hidden-and-quipu-names": program([
        folder(0, name(".", "out")), file(1, name("a"), text("en")), folder(0, name("a", ".quipu")),
        file(3, name("b"), text("es")), file(0, name(".quipu"), text("en")), file(0, name("..", "a"), text("en"))]),
    "links": program([
        file(0, name("a", ".txt"), text("en")), link(0, name("b", ".txt"), 0), link(0, name("~"), 2),
        folder(0, name("#")), link(0, name("Ω"), 3), file(3, name("-"), text("es"))],
        between=[delete(0), rename(5, None, name("a", ".txt"), 6)]),
    "spans": program([file(0, name("a"), text("en")), file(0, name("b"), text("<FF>")), folder(0, name("~")),
                      file(2, name("a"), text("es"))], fmt="spans", between=[edit(1, text("es")), delete(3)]),
    "conll-explain": program([file(0, name("a"), text("en", "crlf2", "congreso")), file(0, name("b"), text("u2028", "nfd"))],
                             fmt="conll", explain=True, between=[append(0, text("us"))]),
    "racing-edits": program(
        [file(0, name("a"), text("en")), file(0, name("b"), text("es")), folder(0, name("~")), file(2, name("#"), text("us"))],
        between=[edit(0, text("es"))],
        during=[edit(1, text("en")), delete(3), rename(0, 2, name("Ω"), 4), chmod(1, "000")]),
    "racing-folders": program(
        [folder(0, name("a")), file(0, name("b"), text("en")), file(1, name("~"), text("es")), folder(1, name("#")),
         file(3, name("Ω"), text("us"))],
        fmt="brat", during=[rename(3, None, name("-"), 5), delete(0), add("file", None, name("a"), "rw", 5, text("en"))]),
}

folder_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus", "batch")
os.makedirs(folder_path, exist_ok=True)
for key, data in sorted(seeds.items()):
    with open(os.path.join(folder_path, key + ".bin"), "wb") as f:
        f.write(data)
