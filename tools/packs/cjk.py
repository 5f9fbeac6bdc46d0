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

What a user sees (quipu issue 14: display names in one language, English by default, local
forms as aliases):
  - PLACES that are a reference gazetteer's country, region or city are no entity of their
    own: their forms become `extend:` aliases of the reference entity, which shows its English
    name (广东 -> region/cn-gd Guangdong, 巴伐利亚州 -> region/de-by Bavaria). A place matches
    through the gazetteers' Han aliases (and the names their precision rules dropped: 浙江省),
    with or without an administrative suffix (省, 州, 市, 県, 府, 都, 自治区 …; see
    `reference_place` for the guards: regions abroad, counties, GeoNames' noisy alternates).
    Places that match nothing stay entities with their Chinese names. A city of a million
    people or more also gets its Han names in the other script (OpenCC): GeoNames often has
    one form only (紐約, 利馬), and news writes the other (纽约, 利马).
  - PEOPLE: Chinese people keep their Han name (an entity's name is also an alias, and pinyin
    of a dictionary's rare names makes Latin words such as "A Lima" that match running Spanish
    "a Lima"). Japanese names (IPAdic full names, and
    Japanese names in jieba such as 石破茂) from IPAdic's readings of surname and given name,
    in Hepburn without macrons, given name first as English Wikipedia writes them (Shigeru
    Ishiba). The native form stays an alias. Names with no reading (安倍晋三: IPAdic lacks 晋三),
    transliterated foreign names (费希尔) and Chinese or Korean names in IPAdic (江沢民, 金英浩)
    keep their native form.
  - ORGANIZATIONS keep their native names: the sources give no English names, and
    translations are not invented. A country's name and a government body (美国商务部,
    韩国国防部; ZH_COUNTRY_BODIES) is left to rules/packs/orgs.yaml, which finds the pair whole:
    as an entry here it would lose to an institution's shorter alias inside it.

Output is sorted by code point and has no timestamp: byte-identical for the same sources.
Usage: cjk.py OUT_DIR COMMON_WORDS_DIR IPADIC_DIR
"""
import difflib
from importlib import metadata
import os
import re
import sys

import jieba
import opencc
from faker.providers.person import ja_JP, zh_CN, zh_TW
from pypinyin import Style, lazy_pinyin

ZH_PERSON_MIN_FREQ = 5
ZH_ORG_MIN_FREQ = 3
ZH_PLACE_MIN_FREQ = 20
BIG_CITY = 1_000_000  # cities whose Han names get their other script's form (see main)
SHORT_MIN_FREQ = 50
ADMIN_SUFFIXES = ("省", "市", "县", "自治区", "特别行政区")  # two-character organizations and places

# Heads that make a word an organization or place name whatever its frequency.
ZH_ORG_HEADS = ("党", "部", "院", "委员会", "委", "局", "署", "厅", "办", "社", "银行", "公司",
                "集团", "大学", "学院", "协会", "联合会", "基金会", "组织", "军", "队", "法院",
                "检察院", "政府", "议会", "电视台", "电台", "报", "网", "联盟", "俱乐部")
# Government bodies that rules/packs/orgs.yaml (`orgs.cjk.body`, keep in step) finds after a
# country's name (美国商务部, 韩国国防部): jieba's entries made of a country and one of them are
# left out, because listed they would lose to an institution's shorter alias inside them (商务部
# is China's ministry) while the pattern takes them whole.
ZH_COUNTRY_BODIES = ("外交部", "国防部", "商务部", "财政部", "内政部", "司法部", "卫生部", "教育部",
                     "能源部", "国务院", "议会", "国会", "众议院", "参议院", "央行", "中央银行",
                     "国家警察", "武装部队", "军队", "海军", "空军", "陆军", "最高法院", "宪法法院",
                     "选举委员会", "总统府")
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
# Compound surnames of the Hundred Family Surnames (百家姓): 司马相如 is Sima Xiangru, not a
# Japanese surname 司马 (used for display names only; the pack's surname list is faker's).
ZH_COMPOUND_SURNAMES = {"司马", "欧阳", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                        "宇文", "司徒", "令狐", "夏侯", "端木", "轩辕", "独孤", "南宫", "西门", "百里",
                        "呼延", "赫连", "澹台", "公冶", "宗政", "濮阳", "太史", "申屠", "闻人", "万俟",
                        "钟离", "拓跋", "司空", "完颜"}
# A person entry made only of these is a transliterated foreign name (费希尔, Fischer): pinyin
# would not give the name as English writes it, so it keeps its Chinese form.
FOREIGN_CHARS = TRANSLIT | set("尔嘉仁慕黑玛娜妮莎丝露瑟")
# Surnames of the Hundred Family Surnames (百家姓, a classical text) that faker's lists lack and
# that are not common words on their own.
EXTRA_SURNAMES = "习荀鄂蒯邴宓濮訾璩逄郦厍竺桓夔殳乜钮贲酆郗蓟庾暨宦莘"
DIRECTIONS = set("东南西北中上下東")

# jieba frequencies come partly from novels: entries ending in 家 are households (李家),
# entries ending in these are descriptions, not names.
ZH_PERSON_BAD_ENDS = ("家", "氏", "们", "说", "的", "了", "道")


# --- Display names: Hepburn for Japanese people ---------------------------------------------------

KANA = {}
for _row, _cons in (("アイウエオ", ["a", "i", "u", "e", "o"]),
                    ("カキクケコ", ["ka", "ki", "ku", "ke", "ko"]), ("ガギグゲゴ", ["ga", "gi", "gu", "ge", "go"]),
                    ("サシスセソ", ["sa", "shi", "su", "se", "so"]), ("ザジズゼゾ", ["za", "ji", "zu", "ze", "zo"]),
                    ("タチツテト", ["ta", "chi", "tsu", "te", "to"]), ("ダヂヅデド", ["da", "ji", "zu", "de", "do"]),
                    ("ナニヌネノ", ["na", "ni", "nu", "ne", "no"]), ("ハヒフヘホ", ["ha", "hi", "fu", "he", "ho"]),
                    ("バビブベボ", ["ba", "bi", "bu", "be", "bo"]), ("パピプペポ", ["pa", "pi", "pu", "pe", "po"]),
                    ("マミムメモ", ["ma", "mi", "mu", "me", "mo"]), ("ヤユヨ", ["ya", "yu", "yo"]),
                    ("ラリルレロ", ["ra", "ri", "ru", "re", "ro"]), ("ワヰヱヲ", ["wa", "i", "e", "o"]),
                    ("ァィゥェォ", ["a", "i", "u", "e", "o"]), ("ン", ["n"]), ("ヴ", ["vu"])):
    KANA.update(zip(_row, _cons))
SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}


def hepburn(kana):
    """Katakana reading -> Hepburn without macrons, as English Wikipedia titles write names:
    シゲル -> shigeru, コウノ -> kono, ユウコ -> yuko, イノウエ -> inoue (a vowel follows)."""
    syllables = []
    i = 0
    while i < len(kana):
        ch = kana[i]
        if ch in SMALL_Y and syllables and syllables[-1].endswith("i"):
            prev = syllables.pop()
            base = prev[:-1] if prev[:-1] in ("sh", "ch", "j") else prev[:-1] + "y"
            syllables.append(base + SMALL_Y[ch])
        elif ch == "ッ":
            syllables.append("ッ")
        elif ch == "ー":
            pass
        elif ch in KANA:
            syllables.append(KANA[ch])
        else:
            return None
        i += 1
    out = []
    lengthened = False
    for k, syl in enumerate(syllables):
        nxt = syllables[k + 1] if k + 1 < len(syllables) else ""
        if (syl in ("u", "o") and out and not lengthened and out[-1][-1:] == ("o" if syl == "o" else "o")
                and nxt not in ("a", "i", "u", "e", "o")) or (
                syl == "u" and out and not lengthened and out[-1].endswith("u")
                and nxt not in ("a", "i", "u", "e", "o")):
            lengthened = True
            continue  # オウ, オオ, ウウ: a long vowel, written once
        lengthened = False
        if syl == "ッ":
            out.append("")
            continue
        if out and out[-1] == "":
            out[-1] = "t" if syl.startswith("ch") else syl[0]
        out.append(syl)
    text = "".join(out)
    return text if text and "ッ" not in text else None


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


# Suffixes that a reference place's Chinese or Japanese name may carry or lack (广东省 and 广东,
# 巴伐利亚州 and 巴伐利亚). 区 and 道 are not among them: 朝阳区 is a district of Beijing, not
# the city 朝阳, and 北海道 is not 北海.
PLACE_SUFFIXES = ("省", "州", "市", "县", "縣", "県", "府", "都", "自治区", "自治區", "自治州",
                  "特别行政区", "特別行政區")


def sounds_like(han, latin):
    """Whether a Chinese city's Han name reads as its GeoNames name in pinyin (哈尔滨市 and
    Harbin, not 浏阳 and Guankou): GeoNames' alternate names of Chinese cities include the
    names of the counties and districts around them."""
    stem = han[:-1] if len(han) > 2 and han[-1] in "市县縣" else han
    reading = "".join(lazy_pinyin(stem, style=Style.NORMAL, v_to_u=True)).replace("ü", "u")
    name = re.sub("[^a-z]", "", latin.lower())
    return difflib.SequenceMatcher(None, reading, name).ratio() >= 0.8


def reference_places(reference_dir, t2s):
    """Han aliases of the reference gazetteers' countries, regions and cities:
    {alias: [(rank, -population or 1 for a dropped name, id, country of a city)]}, rank 0 for
    a country, 1 a region, 2 a city. Cities
    count with 100,000 people or more (cities.yaml keeps their alternate names)."""
    index = {}

    def add(alias, key):
        for form in {alias, t2s.convert(alias)}:
            index.setdefault(form, set()).add(key)

    for rank, name in ((0, "countries.yaml"), (1, "regions.yaml")):
        current = None
        with open(os.path.join(reference_dir, name), encoding="utf-8") as handle:
            for line in handle:
                match = re.match(r"  - id: (\S+)", line)
                if match:
                    current = match.group(1)
                    continue
                if current is None or "attributes" in line:
                    continue
                dropped = re.match(r"\s+# dropped: (\S+) \(", line)
                if dropped:
                    # a name a precision rule kept out of the gazetteer (浙江省 is a common
                    # word to wordfreq): it still says which entity a lexicon place is
                    if is_han(dropped.group(1)):
                        add(dropped.group(1), (rank, 1, current, ""))
                    continue
                for text in re.findall(r"text: ([^,}]+)", line) or re.findall(r"^\s+- ([^#{]+?)\s*(?:#.*)?$", line):
                    text = text.strip().strip('"')
                    if text and is_han(text):
                        add(text, (rank, 0, current, ""))
    with open(os.path.join(reference_dir, "cities15000.txt"), encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] != "P" or int(cols[14] or 0) < 100000:
                continue
            for text in cols[3].split(","):
                if text and is_han(text):
                    if cols[8] in ("CN", "TW", "HK", "MO") and not sounds_like(text, cols[2]):
                        continue  # GeoNames lists 浏阳 for Guankou, a part of Liuyang
                    add(text, (2, -int(cols[14]), f"geonames/{cols[0]}", cols[8]))
    return {alias: sorted(keys) for alias, keys in index.items()}


LOCAL_COUNTRIES = ("cn", "tw", "hk", "mo", "jp")


def reference_place(word, forms, index, common):
    """The reference entity a lexicon place is, or None. A name the gazetteers already match
    (a country's or region's alias, a city's of a million people) keeps its entity; else the
    name with or without an administrative suffix, a country before a region before a city
    (河南 is the province 河南省, not a town GeoNames also calls 河南); cities only in China,
    Taiwan and Japan (巴东县 is Badong County, not 巴东 Padang)."""
    exact = sorted(key for form in forms for key in index.get(form, ())
                   if (key[0] < 2 and key[1] == 0) or key[1] <= -1000000)
    if exact:
        return exact[0][2]
    found = [key for form in forms for key in index.get(form, ())]
    for form in forms:
        for suffix in PLACE_SUFFIXES:
            # 广东 is 广东省, but 海湾 is not Papua New Guinea's Gulf Province 海湾省: a short
            # form of a region abroad needs three characters and not to be a common word
            found += [key for key in index.get(form + suffix, [])
                      if key[0] != 1 or key[2][7:9] in LOCAL_COUNTRIES
                      or (len(form) >= 3 and form not in common)]
            # 巴伐利亚州 is 巴伐利亚; a county (县) is not the city of its name
            if form.endswith(suffix) and len(form) - len(suffix) >= 2 and suffix not in "县縣":
                found += index.get(form[:-len(suffix)], [])
    found = sorted(key for key in found if key[0] < 2 or key[3] in ("CN", "TW", "HK", "MO", "JP"))
    if not found:
        return None
    best = {key[2] for key in found if key[:2] == found[0][:2]}
    return found[0][2] if len(best) == 1 or found[0][0] == 2 else None  # two regions: ambiguous


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


def write_entity_file(path, header, pack, lang, entities, names=None, extends=None):
    """entities: {(type, key): [aliases]}, key the id's slug; names: {(type, key): display
    name} where it is not the key (the key then stays an alias); extends: {reference id:
    [aliases]}, names that are a reference gazetteer's entity."""
    names = names or {}
    lines = list(header) + [f"pack: {pack}", "precedence: -40", "", "entities:"]
    kinds = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
    for (kind, key), aliases in sorted(entities.items(), key=lambda item: (item[0][0], item[0][1])):
        name = names.get((kind, key), key)
        lines.append(f"  - id: {kinds[kind]}/{lang}-{key}")
        lines.append(f"    type: {kind}")
        lines.append(f"    name: {yaml_str(name)}")
        others = [alias for alias in ([key] if name != key else []) + aliases if alias != name]
        others = sorted(set(others), key=others.index)
        if others:
            lines.append("    aliases: [" + ", ".join(
                "{text: " + yaml_str(alias) + ", match: exact}" for alias in others) + "]")
    if extends:
        lines += ["", "# Places that a reference gazetteer (rules/reference/) lists: their Chinese forms become",
                  "# aliases of the reference entity, which shows its English name.", "extend:"]
        for ref_id in sorted(extends):
            lines.append(f"  - id: {ref_id}")
            lines.append("    aliases: [" + ", ".join(
                "{text: " + yaml_str(alias) + ", match: exact}" for alias in sorted(extends[ref_id])) + "]")
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
    pinyin_src = f"pypinyin {metadata.version('pypinyin')} (MIT): city names read in pinyin, to check GeoNames"
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
    literal = set()  # Han names exactly as the reference gazetteers write them
    countries_regions = set()
    countries = set()
    for name in ("regions.yaml", "countries.yaml", "cities15000.txt"):
        with open(os.path.join(common_dir, "..", name), encoding="utf-8") as handle:
            for line in handle:
                for chunk in re.findall(r"[\u3400-\u9fff]+", line):
                    literal.add(chunk)
                    gazetteer.add(chunk)
                    gazetteer.add(t2s.convert(chunk))
                    if name != "cities15000.txt":
                        countries_regions.add(chunk)
                    if name == "countries.yaml" and len(chunk) >= 2:
                        countries.add(t2s.convert(chunk))
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
                if any(word.endswith(body) and word[:-len(body)] in countries for body in ZH_COUNTRY_BODIES):
                    continue  # 美国商务部: the country and the body (see ZH_COUNTRY_BODIES)
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

    # --- Display names: Latin script for people, the reference entity for places ------------
    def ipadic_rows(name):
        with open(os.path.join(ipadic_dir, name), encoding="euc-jp") as handle:
            for line in handle:
                yield line.rstrip("\n").split(",")

    # IPAdic's readings of surnames and given names, the likeliest (lowest cost) first
    ja_readings = {"姓": {}, "名": {}}
    for row in ipadic_rows("Noun.name.csv"):
        if row[7] in ja_readings and len(row) > 11 and hepburn(row[11]):
            ja_readings[row[7]].setdefault(row[0], []).append((int(row[3]), row[11]))
    for table in ja_readings.values():
        for readings in table.values():
            readings.sort()

    def japanese_name(word, full_reading=None):
        """石破茂 -> Shigeru Ishiba (given name first): the word is a surname and a given name
        that IPAdic both lists, with their likeliest readings, or, given the full name's
        reading, readings that make it up. None where no such split exists."""
        for cut in range(len(word) - 1, 0, -1):  # the longest surname first
            surname, given = word[:cut], word[cut:]
            for _, sur_reading in ja_readings["姓"].get(surname, []):
                if full_reading is not None and cut == 1 and (
                        surname in chinese_surnames or sur_reading.endswith("ノ")):
                    continue  # 江沢民, 金英浩 (Chinese, Korean); 紀貫之 is Ki no Tsurayuki
                for _, given_reading in ja_readings["名"].get(given, []):
                    if full_reading is not None and full_reading != sur_reading + given_reading:
                        continue
                    first, last = hepburn(given_reading), hepburn(sur_reading)
                    if first and last:
                        return first.capitalize() + " " + last.capitalize()
        return None

    chinese_surnames = surnames | {s2t.convert(name) for name in surnames}
    reference = reference_places(os.path.join(common_dir, ".."), t2s)
    zh_names = {}
    zh_extends = {}
    taken = set()
    japanese_in_jieba = 0
    for (kind, word), aliases in sorted(zh_entities.items()):
        if kind == "PERSON":
            # a Japanese name in jieba (石破茂, 安倍晋三): a surname of two characters that
            # IPAdic lists and Chinese does not, then one given-name character that IPAdic
            # lists, or two or more; shown romanized where IPAdic has the readings, else native
            japanese = False
            name = None
            for form in dict.fromkeys([word, s2t.convert(word)]):
                head, rest = form[:2], form[2:]
                if (head in ja_readings["姓"] and head not in surnames and head not in zh_common
                        and t2s.convert(head) not in ZH_COMPOUND_SURNAMES
                        and (len(rest) >= 2 or rest in ja_readings["名"])):
                    japanese = True
                    name = japanese_name(form)
                    if name:
                        break
            # Chinese people keep their Han name: an entity's name is also an alias, and pinyin
            # of a dictionary's rare names makes Latin words ("A Lima", "Ha Lima") that match
            # running Spanish or Portuguese ("a Lima"). Japanese readings come from IPAdic's
            # name entries only, and spell real Japanese names.
            if japanese:
                japanese_in_jieba += 1
            if name:
                zh_names[(kind, word)] = name
        elif kind == "PLACE":
            forms = sorted(set(aliases) | {t2s.convert(a) for a in aliases})
            ref_id = reference_place(word, forms, reference, zh_common)
            if ref_id:
                del zh_entities[(kind, word)]
                new = [a for a in aliases if ref_id not in {k[2] for k in reference.get(a, ())}
                       and a not in taken]
                taken.update(new)
                if new:
                    zh_extends.setdefault(ref_id, set()).update(new)
    # A big city's name in the other script: GeoNames often has one form only (紐約 and 利馬,
    # not 纽约 and 利马; 罗马市 but not 罗马); OpenCC gives the other, unless a gazetteer writes
    # it for something else. Cities of BIG_CITY people: names precise enough whatever wordfreq
    # says (纽约 is a frequent word).
    with open(os.path.join(common_dir, "..", "cities15000.txt"), encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] != "P" or int(cols[14] or 0) < BIG_CITY:
                continue
            ref_id = f"geonames/{cols[0]}"
            for text in cols[3].split(","):
                if not (text and is_han(text) and len(text) >= 2):
                    continue
                for form in (t2s.convert(text), s2t.convert(text)):
                    if form not in literal and form not in taken:
                        taken.add(form)
                        zh_extends.setdefault(ref_id, set()).add(form)
    moved = sum(len(v) for v in zh_extends.values())
    write_entity_file(
        os.path.join(out_dir, "zh-entities.yaml"),
        header("Chinese people, organizations and places that are names in any context "
               f"({len(zh_entities)} entities; Traditional forms as aliases). Chinese people keep "
               "their Han names, Japanese ones are shown in Hepburn; places that a "
               f"reference gazetteer lists are aliases of its entity ({moved} aliases, under extend:).",
               [jieba_src, opencc_src, pinyin_src,
                "filtered with rules/reference/common-words/zh.txt (wordfreq)",
                "IPAdic's readings for Japanese names in jieba (" + ipadic_src + ")",
                "rules/reference/{countries,regions}.yaml, cities15000.txt (Han aliases)"]),
        "zh-entities", "zh", zh_entities, zh_names, zh_extends)

    # --- Japanese names and organizations from IPAdic -----------------------------------------

    def has_han(text):
        return any("\u3400" <= ch <= "\u9fff" for ch in text)

    ja_surnames = set(ja_JP.Provider.last_names)
    ja_kana_places = set()
    ja_given = set(ja_JP.Provider.first_names)
    ja_entities = {}
    ja_names = {}
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
            name = japanese_name(word, row[11]) if len(row) > 11 else None
            if name and ("PERSON", word) not in ja_names:
                ja_names[("PERSON", word)] = name
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
        "ja-entities", "ja", ja_entities, ja_names)
    print(f"cjk: zh {len(zh_names)} people in Latin script ({japanese_in_jieba} Japanese names), "
          f"{moved} place aliases on reference entities; ja {len(ja_names)} people in Latin script",
          file=sys.stderr)
    print(f"cjk: zh {len(zh_entities)} entities, {len(surnames)} surnames; "
          f"ja {len(ja_entities)} entities, {len(ja_surnames)} surnames, {len(ja_given)} given names",
          file=sys.stderr)


if __name__ == "__main__":
    main()
