#!/usr/bin/env python3
"""Writes the Chinese and Japanese name lexicons under rules/lexicons/.

Chinese and Japanese have no capital letters, so the pattern packs rules/packs/zh.yaml and
ja.yaml find names from lexicons and cue words instead of word shapes. This script makes the
lexicons from open sources (versions pinned in tools/packs/cjk, which runs it):

  - jieba's dictionary (jieba, MIT): Chinese words tagged nr (person), nt (organization) and
    ns (place), with a frequency from jieba's corpus;
  - IPAdic (Debian's mecab-ipadic, BSD-3-Clause with the ICOT term): Japanese proper nouns,
    tagged 人名 (person: 姓 surname, 名 given name, 一般 full name), 組織 (organization);
  - faker's zh_CN, zh_TW and ja_JP person providers (Faker, MIT): frequent surnames and given
    names;
  - OpenCC (OpenCC, Apache-2.0): the Traditional forms of jieba's Simplified entries (and the
    Simplified forms of faker's zh_TW names), so that one entity matches both scripts.

What becomes what:
  - WORD LISTS (zh-names.yaml, ja-names.yaml): surnames and given names. A surname alone is
    evidence, not a verdict: 王, 金, 林, 森 are also common words, so the packs use these lists
    only beside a cue (a title before, an honorific or verb of saying after).
    Japanese surnames that are countries or regions (日本) are left out; common words are
    not (wordfreq counts 山本 and 野田 as frequent words), since the pack uses surnames only
    before a title. Japanese
    place names written in katakana (IPAdic 地域: コロンビア, ペルー) are a list too: ja.yaml
    uses it to keep a country out of a person pattern (コロンビア大統領).
    Japanese entries written in kana only are never entity aliases: an entity's name matches
    loosely, and kana transliterate to Latin words (ペロ is "pero"), so IPAdic's kana-only
    organizations (トヨタ, フォード, ジャガー: often also people or words) are left out.
  - ENTITY ALIASES (zh-entities.yaml, ja-entities.yaml): only entries that are names in any
    context. A Chinese person entry must be 3 or 4 characters, begin with a listed surname and
    be attested (jieba frequency >= ZH_PERSON_MIN_FREQ); two-character entries are left out
    (王朝, 明白, 文明 are nr in jieba), and so are entries made only of characters that
    transliterate foreign names (pieces of longer names), entries ending in an organization or
    place head (黄岩岛) and entries whose given part is a common word (强台风). Organizations and places need 3 characters or a
    frequency >= 50, and an entry that is a common word of the language
    (rules/reference/common-words/) is dropped unless it ends in an organization or place
    head (党, 院, 部, 銀行, 省 …), which makes it a name whatever its frequency (国务院,
    自民党). A frequent two-character place stays when the reference gazetteers list it with
    an administrative suffix (广东 for 广东省), a short form that is a name, not a word. Japanese organizations come from IPAdic's 組織 entries (common words and
    one-character entries dropped); Japanese full names from 人名,一般 (3 characters or more, with a Han character).
    Places come from jieba's ns (the reference gazetteers already hold the world's countries,
    regions and cities in both languages, and win where both list a name).
  The entity files have precedence -40, below the reference gazetteers: a name that a
  gazetteer lists keeps the gazetteer's entity.

Output is sorted by code point and has no timestamp: byte-identical for the same sources.
Usage: cjk.py OUT_DIR COMMON_WORDS_DIR IPADIC_DIR
"""
from importlib import metadata
import os
import re
import sys

import jieba
import opencc
from faker.providers.person import ja_JP, zh_CN, zh_TW

ZH_PERSON_MIN_FREQ = 5
ZH_ORG_MIN_FREQ = 3
ZH_PLACE_MIN_FREQ = 20
SHORT_MIN_FREQ = 50
ADMIN_SUFFIXES = ("省", "市", "县", "自治区", "特别行政区")  # two-character organizations and places

# Heads that make a word an organization or place name whatever its frequency.
ZH_ORG_HEADS = ("党", "部", "院", "委员会", "委", "局", "署", "厅", "办", "社", "银行", "公司",
                "集团", "大学", "学院", "协会", "联合会", "基金会", "组织", "军", "队", "法院",
                "检察院", "政府", "议会", "电视台", "电台", "报", "网", "联盟", "俱乐部")
ZH_PLACE_HEADS = ("省", "市", "县", "区", "州", "岛", "山", "河", "江", "湖", "海", "港", "镇",
                  "乡", "村", "峡", "湾", "广场", "群岛", "半岛", "自治区", "特别行政区")
JA_ORG_HEADS = ("党", "省", "庁", "院", "会", "局", "社", "銀行", "大学", "大", "軍", "隊",
                "協会", "連合", "組合", "機構", "委員会", "裁判所", "新聞", "放送", "工業",
                "自動車", "電機", "電力", "製薬", "商事", "物産", "証券", "生命", "航空", "鉄道",
                "グループ", "ホールディングス")

# Characters that transliterate foreign names (卡斯蒂约, 安切洛蒂): a person entry made only of
# them is usually a piece of a longer foreign name, and is left out.
TRANSLIT = set("阿埃艾爱安奥巴拜班邦贝本比毕宾波伯布查达戴丹德登迪蒂杜多厄恩法菲费芬丰弗福盖冈戈格"
               "贡古瓜哈海汉豪赫亨胡霍基吉加贾杰金卡凯坎康考科克肯库夸奎拉莱赖兰朗劳勒雷里利莉"
               "连琳卢鲁伦罗洛吕马麦曼梅门蒙米莫穆姆纳奈南内尼努诺欧帕潘佩皮普奇齐乔切琼萨塞"
               "桑森沙尚什施斯松苏索塔泰坦汤特提图托瓦万威韦维温沃乌西希谢辛休修雅亚扬耶伊因"
               "英尤约泽扎詹兹佐孔滕樊")
# Surnames of the Hundred Family Surnames (百家姓, a classical text) that faker's lists lack and
# that are not common words on their own.
EXTRA_SURNAMES = "习荀鄂蒯邴宓濮訾璩逄郦厍竺桓夔殳乜钮贲酆郗蓟庾暨宦莘"
DIRECTIONS = set("东南西北中上下東")

# jieba frequencies come partly from novels: entries ending in 家 are households (李家),
# entries ending in these are descriptions, not names.
ZH_PERSON_BAD_ENDS = ("家", "氏", "们", "说", "的", "了", "道")


def read_words(path):
    words = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.lower())
    return words


def is_han(text):
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def is_japanese(text):
    return all("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or ch in "ー・々ヶ"
               for ch in text)


def variants(word, converters):
    """The word, its converted forms, and the Traditional forms with 台 for 臺 (Taiwan's use)."""
    forms = {word}
    for converter in converters:
        forms.add(converter.convert(word))
    forms |= {form.replace("臺", "台") for form in forms}
    return sorted(forms)


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_list_file(path, header, pack, lists):
    lines = list(header) + [f"pack: {pack}", "", "lists:"]
    for name, (lang, comment, words) in lists.items():
        lines.append(f"  # {comment} ({len(words)})")
        lines.append(f"  {name}:")
        lines.append(f"    lang: {lang}")
        lines.append("    match: exact")
        lines.append("    words:")
        lines += [f"      - {yaml_str(word)}" for word in sorted(words)]
    write(path, lines)


def write_entity_file(path, header, pack, lang, entities):
    """entities: {(type, key): [aliases]}, key the id's slug."""
    lines = list(header) + [f"pack: {pack}", "precedence: -40", "", "entities:"]
    kinds = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
    for (kind, key), aliases in sorted(entities.items(), key=lambda item: (item[0][0], item[0][1])):
        lines.append(f"  - id: {kinds[kind]}/{lang}-{key}")
        lines.append(f"    type: {kind}")
        lines.append(f"    name: {yaml_str(key)}")
        others = [alias for alias in aliases if alias != key]
        if others:
            lines.append("    aliases: [" + ", ".join(
                "{text: " + yaml_str(alias) + ", match: exact}" for alias in others) + "]")
    write(path, lines)


def write(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")


def header(title, sources):
    return ([f"# {title}", "# GENERATED by tools/packs/cjk (tools/packs/cjk.py): do not edit; see the script's",
             "# docstring for what is kept and why. Sources:"]
            + [f"#   - {source}" for source in sources] + ["#"])


def main():
    out_dir, common_dir, ipadic_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    zh_common = read_words(os.path.join(common_dir, "zh.txt"))
    ja_common = read_words(os.path.join(common_dir, "ja.txt"))
    s2t = opencc.OpenCC("s2t")
    t2s = opencc.OpenCC("t2s")

    jieba_src = (f"jieba {metadata.version('jieba')} dict.txt (MIT), "
                 "https://github.com/fxsjy/jieba")
    opencc_src = f"OpenCC {metadata.version('OpenCC')} s2t/t2s (Apache-2.0)"
    faker_src = f"Faker {metadata.version('Faker')} person providers zh_CN, zh_TW, ja_JP (MIT)"
    ipadic_src = ("IPAdic 2.7.0-20070801 via Debian mecab-ipadic 2.7.0-20070801+main-3 "
                  "(BSD-3-Clause with the ICOT term; Copyright 2000-2003 Nara Institute of "
                  "Science and Technology)")

    # --- Chinese names: surnames and given names --------------------------------------------
    surnames = set()
    for name in EXTRA_SURNAMES:
        surnames.update(variants(name, (s2t,)))
    for provider in (zh_CN.Provider, zh_TW.Provider):
        for name in provider.last_names:
            surnames.update(variants(name, (s2t, t2s)))
    given = set()
    for provider in (zh_CN.Provider, zh_TW.Provider):
        for name in provider.first_names:
            given.update(variants(name, (s2t, t2s)))
    write_list_file(
        os.path.join(out_dir, "zh-names.yaml"),
        header("Chinese surnames and given names, in Simplified and Traditional forms.",
               [faker_src, opencc_src]),
        "zh-names",
        {"zh.surname": ("zh", "surnames: 王, 李, 欧阳 …", surnames),
         "zh.given": ("zh", "frequent given names: 伟, 秀英, 志明 …", given)})

    # --- Chinese entities from jieba ----------------------------------------------------------
    gazetteer = set()
    countries_regions = set()
    for name in ("regions.yaml", "countries.yaml", "cities15000.txt"):
        with open(os.path.join(common_dir, "..", name), encoding="utf-8") as handle:
            for line in handle:
                for chunk in re.findall(r"[\u3400-\u9fff]+", line):
                    gazetteer.add(chunk)
                    gazetteer.add(t2s.convert(chunk))
                    if name != "cities15000.txt":
                        countries_regions.add(chunk)
    dict_path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    zh_entities = {}
    dropped = 0
    with open(dict_path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) != 3:
                continue
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            if not is_han(word):
                continue
            common = word in zh_common
            if tag in ("nr", "nrfg"):
                if not (3 <= len(word) <= 4) or freq < ZH_PERSON_MIN_FREQ or common:
                    continue
                if not (word[0] in surnames or word[:2] in surnames) or word.endswith(ZH_PERSON_BAD_ENDS):
                    continue
                if word.endswith(ZH_ORG_HEADS + ZH_PLACE_HEADS) or all(ch in TRANSLIT for ch in word):
                    continue
                rest = word[2:] if word[:2] in surnames else word[1:]
                if rest in zh_common and len(rest) >= 2:
                    continue  # 强台风 is 强 + 台风 (typhoon)
                kind = "PERSON"
            elif tag == "nt":
                if freq < ZH_ORG_MIN_FREQ or len(word) < 2:
                    continue
                headed = word.endswith(ZH_ORG_HEADS)
                if (common and not headed) or (len(word) == 2 and freq < SHORT_MIN_FREQ and not headed):
                    dropped += 1
                    continue
                kind = "ORG"
            elif tag == "ns":
                if freq < ZH_PLACE_MIN_FREQ or len(word) < 2:
                    continue
                if all(ch in DIRECTIONS for ch in word):
                    continue
                headed = word.endswith(ZH_PLACE_HEADS) and len(word) >= 3
                # the short form of a province or city that the gazetteers list with its
                # suffix (广东 for 广东省, 福建 for 福建省) is a place though it is frequent
                short = any(word + suffix in gazetteer for suffix in ADMIN_SUFFIXES)
                if short:
                    pass
                elif (common and not headed) or (len(word) == 2 and (freq < SHORT_MIN_FREQ or not headed)):
                    dropped += 1
                    continue
                kind = "PLACE"
            else:
                continue
            zh_entities[(kind, word)] = variants(word, (s2t,))
    write_entity_file(
        os.path.join(out_dir, "zh-entities.yaml"),
        header("Chinese people, organizations and places that are names in any context "
               f"({len(zh_entities)} entities; Traditional forms as aliases).",
               [jieba_src, opencc_src, "filtered with rules/reference/common-words/zh.txt (wordfreq)"]),
        "zh-entities", "zh", zh_entities)

    # --- Japanese names and organizations from IPAdic -----------------------------------------
    def ipadic_rows(name):
        with open(os.path.join(ipadic_dir, name), encoding="euc-jp") as handle:
            for line in handle:
                yield line.rstrip("\n").split(",")

    def has_han(text):
        return any("\u3400" <= ch <= "\u9fff" for ch in text)

    ja_surnames = set(ja_JP.Provider.last_names)
    ja_kana_places = set()
    ja_given = set(ja_JP.Provider.first_names)
    ja_entities = {}
    for row in ipadic_rows("Noun.name.csv"):
        word, sub = row[0], row[7]
        if not is_japanese(word):
            continue
        if sub == "姓":
            ja_surnames.add(word)
        elif sub == "名":
            ja_given.add(word)
        elif sub == "一般" and len(word) >= 3 and word not in ja_common and has_han(word):
            ja_entities[("PERSON", word)] = [word]
    for row in ipadic_rows("Noun.place.csv"):
        word = row[0]
        if len(word) >= 2 and all("\u30a0" <= ch <= "\u30ff" for ch in word):
            ja_kana_places.add(word)
    ja_surnames = {name for name in ja_surnames
                   if name not in countries_regions and name not in ja_kana_places}
    for row in ipadic_rows("Noun.org.csv"):
        word = row[0]
        if not is_japanese(word) or len(word) < 2:
            continue
        if word in ja_common and not word.endswith(JA_ORG_HEADS):
            continue
        if len(word) == 2 and not word.endswith(JA_ORG_HEADS):
            continue  # 中日, 連合, 自社: abbreviations that are also words
        if has_han(word):
            ja_entities[("ORG", word)] = [word]
    write_list_file(
        os.path.join(out_dir, "ja-names.yaml"),
        header("Japanese surnames and given names.", [ipadic_src, faker_src]),
        "ja-names",
        {"ja.surname": ("ja", "surnames (IPAdic 人名,姓): 佐藤, 石破 …", ja_surnames),
         "ja.given": ("ja", "given names (IPAdic 人名,名): 茂, 佳彦 …", ja_given),
         "ja.place.kana": ("ja", "places written in katakana (IPAdic 地域): コロンビア …",
                           ja_kana_places)})
    write_entity_file(
        os.path.join(out_dir, "ja-entities.yaml"),
        header("Japanese organizations and people that are names in any context "
               f"({len(ja_entities)} entities).",
               [ipadic_src, "filtered with rules/reference/common-words/ja.txt (wordfreq)"]),
        "ja-entities", "ja", ja_entities)
    print(f"cjk: zh {len(zh_entities)} entities, {len(surnames)} surnames; "
          f"ja {len(ja_entities)} entities, {len(ja_surnames)} surnames, {len(ja_given)} given names",
          file=sys.stderr)


if __name__ == "__main__":
    main()
