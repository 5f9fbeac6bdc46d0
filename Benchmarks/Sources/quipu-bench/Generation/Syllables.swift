/// Syllable inventories for made-up names and words in several scripts.
///
/// Names are built from syllables, so a million of them look like names of the script
/// (and exercise the same normalization paths: accents, Cyrillic and Greek transliteration,
/// Han segmentation) without being anyone's real name.
enum Script: String, CaseIterable, Sendable {
  case latin, cyrillic, greek, han
}

enum Syllables {
  static let latinOnsets = [
    "b", "c", "d", "f", "g", "h", "j", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "ch", "cl",
    "dr", "gr", "pl", "tr", "st", "qu", "ll", "ñ", "k", "w", "fl", "gu", "x", "sh", "th",
  ]
  static let latinVowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ia", "ue", "ai", "ou"]
  static let latinAccented = ["á", "é", "í", "ó", "ú", "ã", "õ", "ê", "â", "ü", "ô"]
  static let latinCodas = ["", "", "", "n", "r", "s", "l", "m", "z", "nt", "st", "x"]
  static let latinFamilyEndings = [
    "ez", "es", "os", "son", "ton", "eira", "ado", "ini", "elli", "berg", "ford", "ley", "anda", "ero", "ães",
    "iz", "ens", "ska", "ovic", "ier", "ard", "ão", "inho", "ães", "ett",
  ]
  static let latinGivenEndings = ["a", "o", "el", "ia", "io", "an", "en", "ine", "ís", "ert", "ena", "ur", "ela", ""]

  static let cyrillicOnsets = [
    "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "щ", "бр",
    "гр", "кр", "ст", "пл", "тр", "св", "зв",
  ]
  static let cyrillicVowels = ["а", "о", "е", "и", "у", "я", "ю", "ы", "ё", "э"]
  static let cyrillicFamilyEndings = ["ов", "ев", "ин", "ский", "ова", "енко", "ук", "ич", "ая", "цкий", "ёв"]
  static let cyrillicGivenEndings = ["а", "ий", "ей", "ан", "ия", "ор", "ис", "ер", "ина", ""]
  static let cyrillicPlaceEndings = ["ск", "град", "бург", "горск", "поль", "ово", "ино", "ань"]

  static let greekOnsets = ["β", "γ", "δ", "ζ", "θ", "κ", "λ", "μ", "ν", "ξ", "π", "ρ", "σ", "τ", "φ", "χ", "στ", "τρ"]
  static let greekVowels = ["α", "ε", "ι", "ο", "υ", "ω", "η", "ά", "έ", "ί", "ό", "ή"]
  static let greekFamilyEndings = ["όπουλος", "άκης", "ίδης", "άτος", "ίου", "άς"]
  static let greekGivenEndings = ["ος", "ης", "α", "η", "ας"]

  /// Common Chinese surnames with toneless pinyin.
  static let hanSurnames: [(String, String)] = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
    ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"),
    ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"),
    ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"),
    ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"), ("萧", "Xiao"), ("田", "Tian"), ("董", "Dong"),
    ("袁", "Yuan"), ("潘", "Pan"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"), ("叶", "Ye"),
    ("程", "Cheng"), ("苏", "Su"), ("魏", "Wei"), ("吕", "Lü"), ("丁", "Ding"), ("任", "Ren"), ("沈", "Shen"),
    ("姚", "Yao"), ("卢", "Lu"), ("姜", "Jiang"), ("崔", "Cui"), ("钟", "Zhong"), ("谭", "Tan"), ("陆", "Lu"),
    ("范", "Fan"), ("金", "Jin"), ("石", "Shi"), ("廖", "Liao"), ("夏", "Xia"), ("方", "Fang"), ("白", "Bai"),
    ("孟", "Meng"), ("熊", "Xiong"), ("秦", "Qin"), ("江", "Jiang"), ("薛", "Xue"), ("雷", "Lei"), ("龙", "Long"),
  ]
  /// Characters common in Chinese given names and place names, with toneless pinyin.
  static let hanGiven: [(String, String)] = [
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
    ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
    ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("玉", "yu"), ("兰", "lan"), ("萍", "ping"), ("红", "hong"),
    ("鹏", "peng"), ("辉", "hui"), ("建", "jian"), ("文", "wen"), ("宇", "yu"), ("浩", "hao"), ("然", "ran"),
    ("轩", "xuan"), ("晨", "chen"), ("博", "bo"), ("思", "si"), ("雨", "yu"), ("欣", "xin"), ("怡", "yi"),
    ("佳", "jia"), ("琪", "qi"), ("梓", "zi"), ("涵", "han"), ("嘉", "jia"), ("俊", "jun"), ("宏", "hong"),
    ("志", "zhi"), ("国", "guo"), ("庆", "qing"), ("东", "dong"), ("海", "hai"), ("波", "bo"), ("斌", "bin"),
    ("峰", "feng"), ("春", "chun"), ("秋", "qiu"), ("德", "de"), ("安", "an"), ("宁", "ning"), ("泽", "ze"),
    ("新", "xin"), ("源", "yuan"), ("山", "shan"), ("河", "he"), ("阳", "yang"), ("昌", "chang"), ("兴", "xing"),
  ]
  static let hanPlaceSuffixes: [(String, String)] = [("市", "City"), ("县", "County"), ("镇", "Town"), ("州", "")]
  static let hanOrgSuffixes: [(String, String)] = [
    ("集团", "Group"), ("银行", "Bank"), ("大学", "University"), ("科技公司", "Technology"), ("研究院", "Institute"),
    ("电力公司", "Power"), ("航空", "Airlines"),
  ]

  static let orgWords: [Script: [String]] = [
    .latin: [
      "Group", "Holdings", "Institute", "Foundation", "Bank", "Energy", "Mining", "Partners", "Labs", "Airlines",
      "Union", "Council", "Alliance", "Corporation", "Media", "Telecom", "Capital", "Motors", "Pharma",
    ],
    .cyrillic: ["Групп", "Банк", "Энерго", "Холдинг", "Инвест", "Телеком", "Трест", "Союз", "Фонд", "Нефть"],
    .greek: ["Όμιλος", "Τράπεζα", "Ενέργεια", "Ίδρυμα", "Ένωση"],
  ]
  static let orgPrefixes: [Script: [String]] = [
    .latin: [
      "Banco", "Grupo", "Partido", "Frente", "Instituto", "Fundación", "Companhia", "Sindicato", "Movimiento",
      "Consejo", "Federação", "Universidad", "Associação",
    ],
    .cyrillic: ["Партия", "Союз", "Фонд", "Движение", "Университет", "Корпорация"],
    .greek: ["Κόμμα", "Ένωση"],
  ]
  static let placePrefixes: [Script: [String]] = [
    .latin: ["San", "Santa", "Port", "Puerto", "Nueva", "Villa", "Mount", "Lake", "São", "Ciudad de", "North", "Isla"],
    .cyrillic: ["Ново", "Верхний", "Нижний", "Старый"],
    .greek: ["Άγιος", "Νέα", "Άνω"],
  ]
}
