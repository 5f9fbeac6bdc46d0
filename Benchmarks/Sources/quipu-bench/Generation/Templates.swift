/// Sentence templates of a news-like corpus, written for this benchmark.
///
/// Slots: `{P}` a person, `{O}` an organization, `{L}` a place, `{N}` a number, `{PCT}` a
/// percentage, `{D}` a date, `{T}` a topic word, `{W}` a rare word (the long tail of a real
/// vocabulary). Roughly one sentence in three names nobody, as in real news.
enum Language: String, CaseIterable, Sendable {
  case en, es, pt, ru, zh

  /// The script most of this language's names are written in.
  var nameScript: Script {
    switch self {
    case .en, .es, .pt: .latin
    case .ru: .cyrillic
    case .zh: .han
    }
  }
}

enum Templates {
  static let sentences: [Language: [String]] = [
    .en: [
      "{P} said on {D} that the government of {L} would review its agreement with {O}.",
      "According to {O}, more than {N} people joined the march through the centre of {L}.",
      "The {T} talks between {L} and {L} stalled again on {D}, officials said.",
      "“We will not accept this,” {P} told reporters outside the {O} headquarters.",
      "Prices of {T} rose by {PCT} in {L} last month, the highest rate in a decade.",
      "{O} announced a {T} plan worth {N} million dollars for the region.",
      "Critics accused {P} of ignoring the {W} warnings issued by {O}.",
      "In {L}, schools remained closed for a third day as the {T} crisis deepened.",
      "The minister met {P} and representatives of {O} on {D}.",
      "Analysts expect {T} exports to fall by {PCT} this year, citing weak demand in {L}.",
      "Residents of {L} said the {W} situation had not improved since {D}.",
      "{P}'s office declined to comment on the report.",
      "Police detained {N} people after clashes near the offices of {O}.",
      "The court in {L} will rule on the case on {D}, a spokesperson for {O} said.",
      "Turnout was {PCT}, slightly lower than in the previous election.",
      "The agreement still needs the approval of parliament, where the opposition holds {N} seats.",
      "Thousands of travellers were stranded after {O} cancelled flights to {L}.",
      "{P} and {P} are expected to meet in {L} later this month.",
      "The {T} sector employs about {N} workers, most of them in the south.",
      "It was not immediately clear whether the {W} rules would apply to {O}.",
      "Officials did not say how many families had been evacuated.",
      "The report, published on {D}, describes the {T} situation as “critical”.",
      "Shares of {O} fell {PCT} in early trading.",
      "“This is a {W} moment for {L},” said {P}, a professor at the university.",
    ],
    .es: [
      "{P} afirmó el {D} que el gobierno de {L} revisará el acuerdo con {O}.",
      "Según {O}, más de {N} personas participaron en la marcha en el centro de {L}.",
      "Las negociaciones sobre {T} entre {L} y {L} volvieron a estancarse el {D}.",
      "«No vamos a aceptar esto», dijo {P} a la prensa frente a la sede de {O}.",
      "El precio de {T} subió un {PCT} en {L} durante el último mes.",
      "{O} anunció un plan de {T} por {N} millones de soles para la región.",
      "Los críticos acusaron a {P} de ignorar las advertencias {W} de {O}.",
      "En {L}, las escuelas siguieron cerradas por tercer día consecutivo.",
      "El ministro se reunió con {P} y con dirigentes de {O} el {D}.",
      "Los analistas prevén que las exportaciones de {T} caigan un {PCT} este año.",
      "Vecinos de {L} denunciaron que la situación {W} no ha mejorado desde el {D}.",
      "La oficina de {P} no quiso comentar el informe.",
      "La policía detuvo a {N} personas tras los enfrentamientos cerca de {O}.",
      "El tribunal de {L} se pronunciará el {D}, informó un vocero de {O}.",
      "La participación fue del {PCT}, algo menor que en la elección anterior.",
      "Miles de pasajeros quedaron varados después de que {O} cancelara los vuelos a {L}.",
      "{P} y {P} se reunirán en {L} a finales de mes.",
      "El sector de {T} emplea a unos {N} trabajadores, la mayoría en el sur del país.",
      "No quedó claro si las nuevas normas {W} se aplicarán a {O}.",
      "Las autoridades no precisaron cuántas familias fueron evacuadas.",
      "«Es un momento {W} para {L}», señaló {P}, profesora de la universidad.",
      "Las acciones de {O} cayeron un {PCT} en la apertura.",
    ],
    .pt: [
      "{P} afirmou em {D} que o governo de {L} vai rever o acordo com {O}.",
      "Segundo {O}, mais de {N} pessoas participaram da manifestação no centro de {L}.",
      "As negociações sobre {T} entre {L} e {L} voltaram a travar em {D}.",
      "“Não vamos aceitar isso”, disse {P} aos jornalistas diante da sede da {O}.",
      "O preço de {T} subiu {PCT} em {L} no último mês, a maior alta em dez anos.",
      "A {O} anunciou um plano de {T} de {N} milhões de reais para a região.",
      "Críticos acusaram {P} de ignorar os alertas {W} da {O}.",
      "Em {L}, as escolas continuaram fechadas pelo terceiro dia seguido.",
      "O ministro reuniu-se com {P} e com representantes da {O} em {D}.",
      "Os analistas esperam que as exportações de {T} caiam {PCT} neste ano.",
      "Moradores de {L} disseram que a situação {W} não melhorou desde {D}.",
      "A assessoria de {P} não quis comentar o relatório.",
      "A polícia deteve {N} pessoas após confrontos perto da sede da {O}.",
      "O tribunal de {L} vai decidir o caso em {D}, informou um porta-voz da {O}.",
      "A participação foi de {PCT}, um pouco abaixo da eleição anterior.",
      "Milhares de passageiros ficaram retidos depois que a {O} cancelou voos para {L}.",
      "{P} e {P} devem se encontrar em {L} ainda este mês.",
      "O setor de {T} emprega cerca de {N} trabalhadores, a maioria no Nordeste.",
      "Não ficou claro se as novas regras {W} valerão para a {O}.",
      "As autoridades não disseram quantas famílias foram retiradas.",
    ],
    .ru: [
      "{P} заявил {D}, что правительство {L} пересмотрит соглашение с {O}.",
      "По данным {O}, в шествии в центре {L} приняли участие более {N} человек.",
      "Переговоры о {T} между {L} и {L} снова зашли в тупик {D}.",
      "«Мы этого не примем», — сказал {P} журналистам у здания {O}.",
      "Цены на {T} в {L} выросли за месяц на {PCT}, сообщает {O}.",
      "{O} объявила о программе {T} стоимостью {N} млн рублей.",
      "Критики обвинили {P} в том, что он проигнорировал {W} предупреждения {O}.",
      "В {L} школы остаются закрытыми третий день подряд.",
      "Министр встретился с {P} и представителями {O} {D}.",
      "Аналитики ожидают, что экспорт {T} в этом году сократится на {PCT}.",
      "Жители {L} говорят, что {W} ситуация не улучшилась с {D}.",
      "В пресс-службе {P} от комментариев отказались.",
      "Полиция задержала {N} человек после столкновений возле офиса {O}.",
      "Суд {L} вынесет решение по делу {D}, сообщил представитель {O}.",
      "Явка составила {PCT}, немного ниже, чем на прошлых выборах.",
      "{P} и {P} встретятся в {L} в конце месяца.",
      "В отрасли {T} занято около {N} работников.",
      "Пока неясно, распространятся ли {W} правила на {O}.",
      "Власти не уточнили, сколько семей было эвакуировано.",
      "Акции {O} подешевели на {PCT} в начале торгов.",
    ],
    .zh: [
      "{P}{D}表示，{L}政府将重新审查与{O}的协议。",
      "据{O}称，超过{N}人参加了在{L}市中心举行的游行。",
      "{L}与{L}之间关于{T}的谈判{D}再次陷入僵局。",
      "“我们不会接受这一点，”{P}在{O}总部外对记者说。",
      "上个月{L}的{T}价格上涨了{PCT}，创十年来新高。",
      "{O}宣布了一项价值{N}亿元的{T}计划。",
      "批评者指责{P}无视{O}发出的警告。",
      "在{L}，学校连续第三天停课。",
      "部长{D}会见了{P}和{O}的代表。",
      "分析人士预计今年{T}出口将下降{PCT}。",
      "{L}居民表示，自{D}以来情况并未好转。",
      "{P}的办公室拒绝对该报告发表评论。",
      "警方在{O}办公室附近的冲突后拘留了{N}人。",
      "{O}发言人说，{L}法院将于{D}对此案作出裁决。",
      "投票率为{PCT}，略低于上届选举。",
      "{P}和{P}预计本月晚些时候在{L}会面。",
      "{T}行业雇用了约{N}名工人。",
      "目前尚不清楚新规定是否适用于{O}。",
      "当局没有说明有多少家庭被疏散。",
      "{O}股价开盘下跌{PCT}。",
    ],
  ]

  /// Sentences that name nobody: most of a news text.
  static let plain: [Language: [String]] = [
    .en: [
      "The measure was approved by a narrow margin after a debate that lasted until dawn.",
      "Prices for {T} have more than doubled since the start of the year, according to official figures.",
      "Many residents say they were never consulted about the project.",
      "The decision is expected to face legal challenges in the coming weeks.",
      "Inflation slowed to {PCT} in the twelve months to the end of the quarter.",
      "Schools, hospitals and markets were closed, and public transport was suspended in several districts.",
      "Opposition lawmakers walked out of the session before the vote, calling the process {W}.",
      "Farmers blocked roads with tractors to demand lower fuel prices and better access to credit.",
      "The new rules will take effect on {D}, although some provisions will be phased in over two years.",
      "Officials said {N} homes had been damaged and that the number could rise.",
      "It is the third time this year that the talks have broken down.",
      "Economists warned that the {W} policy could deepen the slowdown.",
    ],
    .es: [
      "La medida fue aprobada por un estrecho margen tras un debate que se prolongó hasta la madrugada.",
      "El precio de {T} se ha duplicado desde comienzos de año, según cifras oficiales.",
      "Muchos vecinos aseguran que nunca fueron consultados sobre el proyecto.",
      "Se espera que la decisión sea impugnada en los tribunales en las próximas semanas.",
      "La inflación se desaceleró al {PCT} en los últimos doce meses.",
      "Colegios, hospitales y mercados permanecieron cerrados, y el transporte público fue suspendido.",
      "Los legisladores de oposición abandonaron la sesión antes de la votación.",
      "Los agricultores bloquearon carreteras para exigir combustible más barato y acceso al crédito.",
      "Las nuevas normas entrarán en vigor el {D}, aunque algunas se aplicarán de forma gradual.",
      "Las autoridades informaron que {N} viviendas resultaron dañadas y que la cifra podría aumentar.",
      "Es la tercera vez en el año que se rompe el diálogo.",
      "Los economistas advirtieron que la política {W} podría profundizar la desaceleración.",
    ],
    .pt: [
      "A medida foi aprovada por uma margem estreita depois de um debate que durou até a madrugada.",
      "O preço de {T} mais que dobrou desde o início do ano, segundo dados oficiais.",
      "Muitos moradores dizem que nunca foram consultados sobre o projeto.",
      "A decisão deve ser contestada na Justiça nas próximas semanas.",
      "A inflação desacelerou para {PCT} em doze meses.",
      "Escolas, hospitais e mercados ficaram fechados, e o transporte público foi suspenso.",
      "Deputados da oposição deixaram a sessão antes da votação.",
      "Agricultores bloquearam estradas com tratores para exigir combustível mais barato.",
      "As novas regras entram em vigor em {D}, mas algumas serão aplicadas aos poucos.",
      "Segundo as autoridades, {N} casas foram danificadas e o número pode aumentar.",
      "É a terceira vez neste ano que as negociações fracassam.",
      "Economistas alertam que a política {W} pode aprofundar a desaceleração.",
    ],
    .ru: [
      "Закон был принят с небольшим перевесом после дебатов, которые продолжались до утра.",
      "С начала года цены на {T} выросли более чем вдвое, по официальным данным.",
      "Многие жители говорят, что с ними никто не советовался.",
      "Ожидается, что решение будет оспорено в суде в ближайшие недели.",
      "Инфляция за двенадцать месяцев замедлилась до {PCT}.",
      "Школы, больницы и рынки были закрыты, общественный транспорт не работал.",
      "Депутаты оппозиции покинули зал до начала голосования.",
      "Фермеры перекрыли дороги, требуя снизить цены на топливо.",
      "Новые правила вступят в силу {D}, однако часть из них будет вводиться постепенно.",
      "По словам чиновников, пострадали {N} домов, и это число может вырасти.",
      "Переговоры срываются уже в третий раз за год.",
      "Экономисты предупреждают, что {W} политика может усугубить спад.",
    ],
    .zh: [
      "经过持续到凌晨的辩论，该措施以微弱多数获得通过。",
      "根据官方数据，今年以来{T}价格上涨了一倍多。",
      "许多居民表示，他们从未就该项目征求过意见。",
      "预计该决定将在未来几周内面临法律挑战。",
      "过去十二个月的通胀率放缓至{PCT}。",
      "学校、医院和市场关闭，多个地区的公共交通暂停运营。",
      "反对派议员在投票前退出了会议。",
      "农民用拖拉机封锁道路，要求降低燃油价格。",
      "新规定将于{D}生效，但部分条款将分阶段实施。",
      "官员说，已有{N}所房屋受损，这一数字可能还会上升。",
      "这是今年第三次谈判破裂。",
      "经济学家警告说，这项政策可能加剧经济放缓。",
    ],
  ]

  static let topics: [Language: [String]] = [
    .en: ["energy", "mining", "water", "housing", "health", "trade", "fuel", "copper", "wheat", "pension", "transport", "security", "budget", "tax"],
    .es: ["energía", "minería", "agua", "vivienda", "salud", "comercio", "combustible", "cobre", "trigo", "pensiones", "transporte", "seguridad"],
    .pt: ["energia", "mineração", "água", "habitação", "saúde", "comércio", "combustível", "cobre", "soja", "previdência", "transporte"],
    .ru: ["энергетике", "добыче", "воде", "жилье", "здравоохранении", "торговле", "топливе", "меди", "пшенице", "пенсиях"],
    .zh: ["能源", "矿业", "水资源", "住房", "医疗", "贸易", "燃油", "铜", "小麦", "养老金", "交通"],
  ]

  static let months: [Language: [String]] = [
    .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    .es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    .pt: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    .ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    .zh: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  ]

  /// Headline patterns; `{H}` is a headline word.
  static let headlines: [Language: [String]] = [
    .en: ["{P} says {L} will not back down", "{O} cuts jobs as {T} prices fall", "Protests spread across {L}", "{L} and {O} reach deal on {T}"],
    .es: ["{P}: «{L} no dará marcha atrás»", "{O} recorta empleos por la caída de {T}", "Las protestas se extienden por {L}"],
    .pt: ["{P} diz que {L} não vai recuar", "{O} corta vagas com queda de {T}", "Protestos se espalham por {L}"],
    .ru: ["{P}: {L} не отступит", "{O} сокращает рабочие места", "Протесты охватили {L}"],
    .zh: ["{P}：{L}不会让步", "{O}因{T}价格下跌裁员", "抗议活动蔓延至{L}"],
  ]

  /// What a pasted tweet says around its names and tags.
  static let tweets: [Language: [String]] = [
    .en: ["Huge crowd in {L} right now", "Can't believe what {P} just said", "Thread on the {O} decision", "breaking: {T} talks collapse in {L}"],
    .es: ["Impresionante la marcha en {L}", "Increíble lo que dijo {P}", "Hilo sobre la decisión de {O}", "ÚLTIMO: fracasa el diálogo en {L}"],
    .pt: ["Multidão enorme em {L} agora", "Não acredito no que {P} disse", "Fio sobre a decisão da {O}"],
    .ru: ["Огромная толпа в {L} прямо сейчас", "Не верю, что {P} это сказал", "Тред о решении {O}"],
    .zh: ["{L}现在人山人海", "不敢相信{P}刚才说的话", "关于{O}决定的讨论"],
  ]
}
