// Why: one place for the words that say how a message frames what it tells — happening now, just now, in the past,
// again and again, hypothetically, in a story, about claims and rules, a grievance, thanks, a farewell — so the
// danger rules, the danger score and the learned layer's guard read the same cue sets (issue: "is this happening
// now?" was written eight times). Danger *patterns* (fire, blood, weapons …) are not framing and stay in
// emergency.ts / emergency-score.ts.
//
// Every set is a small regex tested once per message (reading.ts): the Chinese sets over the normalized text with
// everyday look-alikes removed (look-alikes.ts), the English sets (names starting with `en`) over the raw text in
// lower case. A message's framing is the *set of names* whose regex matched. Consumers never test a regex here;
// they ask whether any name of a named composition (NOW_OVERRIDES_ALL, PAST, ADMIN …) is in that set.
//
// Where two consumers used slightly different lists for one idea, each difference is its own small set, and each
// consumer's list is a composition: the union is exactly the list the consumer used before, so behaviour is
// unchanged. Merging the variants (or turning the cue names into learned features) is a later, measured step.

/** Person word class used *inside* danger patterns (emergency.ts): the danger concerns a person. */
export const PERSON_WORDS =
  '(?:人|我|他|她|孩子|宝宝|婴儿|老人|老年人|爸|妈|爷爷|奶奶|外婆|外公|姥姥|姥爷|阿婆|阿公|阿伯|老公|老婆|丈夫|妻子|媳妇|儿子|女儿|邻居|同事|朋友|学生|工人|司机|路人|行人|男子|女子|男的|女的|小伙|大爷|大妈|阿姨|叔叔|家人|室友|病人|一家|全家|伙计|师傅|老头|老太|老伴|哥|姐|弟|妹|俩|几个|爹|娘|老爷子|老太太|顾客|乘客|游客|客人|婆婆|公公|孙子|孙女|外孙|同学|小孩|女孩|男孩|小伙子|姑娘|宝|娃)';

/**
 * People other than the speaker, inside danger patterns: symptoms that are hyperbole when said of oneself
 * (头疼得要命) are serious when said of them. Not a cue set: a word class of the medical rule.
 */
export const OTHER_PERSON_WORDS = '(?:孩子|宝宝|婴儿|老人|爸|妈|外婆|外公|爷爷|奶奶|姥姥|姥爷|老公|老婆|丈夫|妻子|他|她|同事|朋友|邻居|老伴|病人|同学)';

export interface CueSet {
  /** What the set means — and what it is not. */
  readonly doc: string;
  readonly pattern: RegExp;
  /**
   * 'zh': tested on the normalized, look-alike-stripped text; 'en': on the raw text in lower case (only when it
   * has Latin letters); 'typed': on the raw text in lower case, always (words as typed, before normalization
   * rewrites them: 欠工资 → 欠薪, 永別 → 永别).
   */
  readonly over: 'zh' | 'en' | 'typed';
}

const zh = (doc: string, pattern: RegExp): CueSet => ({ doc, pattern, over: 'zh' });
const en = (doc: string, pattern: RegExp): CueSet => ({ doc, pattern, over: 'en' });

const SETS = {
  // ── Now: it is happening at this moment ──────────────────────────────────────────────
  inProgress: zh('In progress: 正在, 还在. Not 一直在 (ongoing, see keepsOn), not 现在 (present), not a heart still pounding (心还在跳).', /(正在|(?<!心)还在)/),
  alarm: zh('Alarm: 赶紧, 救命, an exclamation mark. Not 快 (quick) or 快来 (comeNow).', /(赶紧|救命|[!！])/),
  urgent: zh('Urgency of a scene unfolding: 快点, 快救, 救救, 越来越, 来人, 此刻, 眼看. Not 快 alone (see quick).', /(快点|快救|救救|越来越|来人|此刻|眼看)/),
  comeNow: zh('Come now: 快来 — but not 快来修/处理/清/看看/弄/管/疏通 (a repair request, see comeAndFix).', /快来(?!修|处理|清|看看|弄|管|疏通)/),
  comeAndFix: zh('An urgent repair request: 快来修, 快来处理 … Says "now" to the framing guard, not to the danger rules.', /快来(?=修|处理|清|看看|弄|管|疏通)/),
  keepsOn: zh('Ongoing: 一直在 (他一直在流血). Not 一直 without 在 (see stillOrAlready).', /一直在/),
  stillOrAlready: zh('Already / all along: 已经, 一直 (not followed by 在). Nudges the danger score only; not a "now" for any guard.', /(已经|一直(?!在))/),
  helpWord: zh('The English word "help" inside the normalized text (no word boundary: helpline matches too). A now for the danger rules.', /help/),
  enRightNow: en('"right now". Not bare "now" (enNow).', /\bright now\b/),
  enHurry: en('"hurry" (hurry up, please hurry). Not "no rush".', /\bhurry\b/),
  enNow: en('"now" as a word (also inside "right now"). Not "know", "nowhere".', /\bnow\b/),
  enCallForHelp: en('"help", "quick", "please come", "emergency" as words. Not "emergency number(s)" (a list for the fridge).', /\b(help|quick|please come|emergency(?! (numbers?|services? numbers?|contacts?)))\b/),
  // ── Just now: it has only just happened, or is about to ──────────────────────────────
  justNow: zh('Just now / suddenly / any moment: 刚刚, 刚才, 突然, 马上. Not 快 (quick), not 现在 (present).', /(刚刚|刚才|突然|马上)/),
  quick: zh('快 anywhere (快点, 快来, 快救 included). Weak on its own: also 很快, 快递 — so it only overrides the administrative guard.', /快/),
  present: zh('现在 as "now" — not inside 到现在 / 直到现在 (those measure how long, see untilNow).', /(?<!到)现在/),
  untilNow: zh('到现在 / 直到现在: how long a problem has lasted. Not a present moment for the framing guard; the danger rules and score still read it as 现在.', /到现在/),
  toThisDay: zh('至今: how long a problem has lasted. Not "now". (No consumer reads it yet; it is kept so 至今 has a name.)', /至今/),
  whileDoing: zh(
    'While doing something: 看电视的时候, 刷手机时, 睡觉的时候 — the moment something happened, a weak now. Not 着火的时候 (what to do when, see duringDisaster).',
    /(看|刷|玩|睡|吃|洗|做|上|走|开|骑)[^，。？?]{0,6}(的时候|时)(?![^，。]{0,8}(怎么|咋|如何|应该|该|要不要))/,
  ),
  enJust: en('"just" as a word ("he just fell"). Not "just in case", "just wondering", "just asking", "just curious".', /\bjust\b(?! in case| wondering| asking| curious)/),
  // ── Past: it happened before ─────────────────────────────────────────────────────────
  pastDated: zh(
    'A dated past: 昨天, 前天, 前几日, 去年, 上个月, 上周, 上次, 以前, 之前, 曾经, 年轻时, 小时候 … Not 刚才 (justNow); not 昨晚 (what began last night may be found only now: 昨晚烧炭取暖，早上叫不醒).',
    /(昨天|前天|前两天|去年|上个月|上个号头|上周|上次|上回|前几天|前几日|前两日|以前|之前|曾经|年轻时|小时候|过去(?:了)?(?:一|两|三|几|半)(?:周|个?星期|个?礼拜|天|个?月)了)/,
  ),
  pastDatedMore: zh('More dated past the danger rules read and the score does not: 上月, 上星期, 上礼拜, 前些天, 前段时间, 年前.', /(上月|上星期|上个星期|上礼拜|上个礼拜|前些天|前段时间|年前)/),
  averted: zh(
    'It ended well: 所幸, 幸好没, 没有伤亡, 无人受伤 (冇人受伤), 人都没事, 扑灭了, 消防来过灭了, 现在好了, 已经出院了. Not 没人管 (neglected), not 还没扑灭, not 人没事吧.',
    /(所幸|幸好没|(?:无|没有|没|冇)(?:人员)?(?:伤亡|人受伤)|(?:人|大家)都(?:没|冇)事|(?:现在|已经)(?:好了|没事了|冇事了|好多了|康复了|出院了)|(?<!没|没有|还没|没能|未)(?:扑灭|熄灭|灭掉|灭脱)了|(?:修好了|已经修好|闻不到(?:味道?|气味)?了|没(?:有)?味道了|(?:人|大家)?没事体|(?:无|没有|没)人(?:员)?被困)|(?:消防|火)[^，。]{0,6}(?<!没|没有|还没|未)灭了(?!吗|没))/,
  ),
  avertedStaff: zh('无人员受伤 / 没有人员受伤 (the rules only).', /(?:无|没有|没)人员受伤/),
  history: zh('A medical or event history: 中风过, 手术后, 得过, 患过, 过两次, 着过火. Not a symptom now.', /((?:中风|脑梗|心梗|骨折|摔伤|手术)(?:过|后)|中过风|得过|患过|过(?:一|两|三|几|好几)次|(?:着|起|失)过火)/),
  enLastPeriod: en('"last week/month/year": a dated past. Not "the last bus".', /\blast (week|month|year)\b/),
  enYearsAgo: en('"a year ago", "years ago": a dated past.', /\byears? ago\b/),
  enAgo: en('"days/weeks/months ago": a dated past (the not-live guard).', /\b(days?|weeks?|months?) ago\b/),
  // ── Recurring: it keeps happening (a complaint, not a live emergency) ────────────────
  recurring: zh('Again and again: 经常, 老是, 总是, 每次, 每天, 天天, 夜夜, 好几次, 好几天, 一下雨就, 两个月 … Not 一直在 (keepsOn).', /(长期|一落雨就|一下雨就|经常|老是|总是|好几次|每次|每天|天天|夜夜|晚晚|日日|隔(?:个把|几|一两)?(?:礼拜|星期|天|月)就|好几天|[一两三几]个(?:星期|礼拜|月))/),
  recurringMore: zh('More recurrence the danger rules read: 常年, 一直以来, 多次, 屡次, 三天两头, 时不时, 每年, 几年了 …', /(常年|一直以来|多次|屡次|三天两头|隔三差五|时不时|几天了|好几年|几年了|每年|年年)/),
  whenever: zh('每逢, 每到 (the danger score only).', /(每逢|每到)/),
  neglected: zh('Nobody fixes it: 没人修/管/处理/清. A complaint about neglect, not a danger.', /没人(?:修|管|处理|清)/),
  enEvery: en('"every morning/day/night/evening/week".', /\bevery (morning|day|night|evening|week)\b/),
  enEveryMore: en('"every time/rain/month …", "daily", "all the time", "always" (the framing guard only).', /\b(every (time|rain|storm|arvo|afternoon|weekend|month|year)|every other (day|week|night)|daily|nightly|each day|all the time|constantly|always)\b/),
  enSince: en('"since Monday", "since last …", "since yesterday": it has been going on.', /\bsince (monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|yesterday)\b/),
  enSinceMonth: en('"since November/December/January" (the framing guard only).', /\bsince (november|december|january)\b/),
  nearMiss: zh('A near miss: 差点, 差一点, 险些, 差啲 — it almost happened (the not-live guard, unless a now).', /(差点|差一点|险些|差啲|差些)/),
  enNearMiss: en('"nearly got hit", "almost crashed": a near miss, not a crash.', /\b(nearly|almost) (got|was|were|had|hit|crashed|fell|died)\b/),
  // ── Hypothetical: it might happen ────────────────────────────────────────────────────
  hypothetical: zh('If / in case: 万一, 如果, 假如. Not a report of something that happened.', /(万一|如果|假如)/),
  hypotheticalMore: zh('要是, 担心, 以防, and a feared someday: 哪天, 迟早, 早晚会, 怕有人, 惊有, 怕着火, 真着火了…都/就 (if a fire really broke out) (the danger rules only).', /(要是|担心|以防|哪天|迟早|早晚会|怕有人|惊有|怕[^，。]{0,3}(?:着火|起火|烧起来)|真(?:的|要)?(?:着火|起火|失火|出事|发生火灾)了?[^，。!！]{0,6}(?:都|就|咋|怎么))/),
  duringDisaster: zh('"when there is an earthquake/fire/flood" (地震时, 着火时): a question about what to do, the score only.', /(?:地震|火灾|着火|停电|洪水|台风)时/),
  afterwards: zh('What follows: 之后能, 后能不能, 后怎么 — a question about the aftermath.', /(之后能|后能不能|后怎么)/),
  // ── Fiction: a story being discussed ─────────────────────────────────────────────────
  fiction: zh('A TV drama, a film, a game: 电视剧, 追剧, 剧情, 电影里, 小说里, 读后感, 游戏里. Not 小说 alone (novel).', /(电视剧|悬疑剧|追剧|剧情|剧里|电影里|小说里|读后感|游戏里)/),
  episode: zh('第三集: an episode of a drama being discussed.', /第[一二三四五六七八九十\d]+集/),
  inABook: zh('书里: in a book (not read by the administrative guard of the rules).', /书里/),
  novel: zh('小说 anywhere, 作文 (homework): the rules\' administrative guard.', /(小说|作文)/),
  // ── Not real: a dream, a screen, a game, a riddle, a piece of writing or a word asked about ──
  dream: zh('A dream: 梦见, 梦到, 做梦, 噩梦, 梦里, 发梦 (Cantonese). Not 梦想 (an ambition).', /(梦见|梦到|做梦|做了个梦|噩梦|梦里|梦中|发梦)/),
  screen: zh(
    'Something watched or heard: 刷到, 新闻里/上/说, 视频里, 电视上 (not 电视机), 电影里, 纪录片, 剧本杀, 动画片, 剧透, 女主/男主, 这首歌 … Not 视频 alone (a citizen may film a live scene).',
    /(刷到|看(?:到|了)?(?:个|一个|那个|部|一部)?(?:新闻|纪录片|动画片|综艺|电影|电视剧)|新闻(?:里|上|说|话|报道)|(?:视频|抖音|快手|电视|电影|动画|节目)(?:里|上|中)(?!机)|看(?:抖音|快手|微博|新闻)(?:说|讲)|纪录片|剧本杀|动画片|小猪佩奇|剧透|(?:那|这)(?:个|部)剧|演得|女主|男主|主角|(?:这|那|几)首[^，。]{0,12}歌|歌(?:名|叫|词))/,
  ),
  farAway: zh(
    'Far away: another country (日本, 土耳其, 国外 …) or 别的省/外省. Read with `screen`: news from elsewhere, not a matter for this city.',
    /(日本|韩国|美国|土耳其|印尼|菲律宾|泰国|越南|缅甸|尼泊尔|印度|巴基斯坦|阿富汗|伊朗|墨西哥|智利|意大利|希腊|新西兰|澳大利亚|欧洲|外国|国外|别的省|外省|别的城市)/,
  ),
  enFarNews: en('"on the news" (or a documentary) with another country named (Japan, Turkey …), or "abroad": news from elsewhere.', /\b(on the news|news|documentary)\b[^.]{0,60}\b(japan|turkey|korea|america|the us|texas|california|florida|indonesia|philippines|india|nepal|myanmar|europe|abroad|overseas|back home)\b/),
  curiosity: zh(
    'Curiosity about a story: 真的假的, 是真的还是…, 后来怎么样了, 是摆拍的吗. Read with `screen`: a watched story asked about, not a problem of the citizen.',
    /(真的假的|是真的还是|真的还是假的|摆拍|后来(?:咋样|怎么样|怎样|如何)|结局)/,
  ),
  game: zh('Playing a video game: 打游戏, 玩游戏, 王者, 吃鸡, 上分, 掉段, 我的角色, 复活. Not what happens inside one (gameWorld).', /(打游戏|玩(?:个|一个|的)?游戏|王者|吃鸡|上分|掉段|(?:我的|游戏)角色|复活|我的世界|苦力怕|minecraft)/),
  gameWorld: zh('Inside a game: 游戏里, 游戏入面, 关卡, 副本, 通关 — whatever it names (an earthquake, a fire) happens in the game.', /(游戏(?:里|入面|中)|关卡|副本|通关)/),
  riddle: zh('A riddle: 打一(字/物/自然现象 …), 谜语, 谜底, 脑筋急转弯.', /(打一(?:个|样|种)?(?:字|物|东西|自然现象|动物|成语|地名|水果|用品)|谜语|谜底|猜谜|脑筋急转弯|考你(?:个|一个|道)?题|考考你|智力题)/),
  writingRequest: zh('Asked to write something: 帮我写, 写一首/一段/个故事, 文案, 朋友圈. Not 写了投诉信 (a grievance).', /((?:帮我|给我|替我)写|写(?:一|个|首|段|篇)[^，。]{0,8}(?:故事|诗|文案|作文|歌|段子)|文案)/),
  wordQuestion: zh('A question about a word: 中文/英文/日语…怎么说, …是什么意思. Not a report.', /((?:中文|英文|英语|日语|日文|普通话|粤语|韩语)[^，。]{0,8}(?:怎么说|是|叫)|是什么意思|是谁写的|出自哪|哪首诗)/),
  enWritingRequest: en('Writing asked for: "write a story/poem/essay", "writing a short story", "plot twist".', /\b(write|writing) (a |an |the )?(short )?(story|poem|essay|limerick|song|script|plot)\b|\bplot twist\b/),
  enNotReal: en(
    'English dreams, screens, games, stories and words: dream, nightmare, movie, film, TV show, documentary, cartoon, video game, (bedtime/short) story, poem, song, riddle, "how do you say", "in Chinese".',
    /\b(dream(t|ed|s)?|nightmares?|movies?|films?|tv (show|series)|documentar\w+|cartoons?|video games?|in the game|bedtime stor\w+|short stor\w+|a story|poems?|limericks?|songs?|riddles?|how do (i|you) say|in chinese|thriller|novel|screenplay|for the plot|writing a (story|book|novel|script)|k-?drama|drama|episode)\b/,
  ),
  // ── Administrative: claims, money, procedures, prevention ───────────────────────────
  claims: zh('Money after harm: 补贴, 补助, 补偿, 赔偿, 报销, 津贴, 保险, 医保.', /(补贴|补助|补偿|赔偿|报销|津贴|保险|医保)/),
  claimsMore: zh('救助金, 理赔, 工伤, 能补, 补多少, 赔多少, 怎么补/赔, 能报, 不给报 (the rules only).', /(救助金|理赔|能补|补多少|赔多少|怎么补|怎么赔|工伤|不给报|能报)/),
  socialSecurity: zh('社保: social insurance (the score only).', /社保/),
  procedure: zh('Procedures and papers: 流程, 材料, 手续, 证明, 规定, 罚款, 怎么申请, 可以申请, 申请吗 …', /(流程|材料|手续|证明|规定|罚款|怎么申请|如何申请|可以申请|可申请|申请吗)/),
  procedureMore: zh('能申请, 通知, 标准, 处罚 (the rules only).', /(能申请|通知|标准|处罚)/),
  procedureAsk: zh('Where / whom / how long: 多少钱, 政策, 怎么查, 去哪, 找谁, 上报, 多久能, 能不能申请 (the score only).', /(能不能申请|多少钱|政策|怎么查|去哪|在哪查|找谁|报告给谁|报给谁|上报|要多久|多久能)/),
  prevention: zh('Prevention and teaching: 预防, 防范, 隐患, 演练, 宣传, 培训.', /(预防|防范|隐患|演练|宣传|培训)/),
  preventionMore: zh('知识, 注意事项, 安全检查, 防止, 防溺水, 防火, 防汛, 安全教育, 讲座 (the rules only).', /(知识|注意事项|安全检查|防止|防溺水|防火|防汛|安全教育|讲座)/),
  education: zh('教育 (the score only; the rules read 安全教育).', /教育/),
  consumer: zh('Goods and shops: 商家, 退货, 退款, 质量, 买的, 网购 (the score only).', /(商家|退货|退款|质量|买的|网购)/),
  refusal: zh('Someone refuses or deflects: 不承认, 不认账, 不管, 不处理, 推卸, 不赔, 院方, 物业 (the score only).', /(不承认|不认账|不管|不处理|推卸|不赔|院方|物业)/),
  cooking: zh(
    'Cooking: a burnt pot (炒糊, 糊锅, 锅底), 炖, 火候, 饭焦, 煲仔, 炒菜, 做饭 — smoke from a pan is not a fire. Not 油锅着火 (the fire rule reads that).',
    /(炒糊|烧糊|煮糊|烤糊|煎糊|糊锅|糊了|锅底|铁锅|炒锅|饭焦|煲仔|火候|炖|炒菜|做饭|下锅|复炸|油温|白切鸡|烧鹅|烧鸭|斩件|斩鸡|牛排|白兰地|油炸|炸鸡|炸串|不开火|开不了火)/,
  ),
  enCooking: en('Cooking: toast, a pan, hotpot, "burnt the …", the oven (the danger score).', /\b(toast|frying pan|hot ?pot|burnt the|burned the|oven|barbecue|bbq|ghee|tadka|deep[- ]fry\w*)\b/),
  towed: zh('A car towed away (车被拖走): a parking matter. Not a child taken away (拖走 alone).', /(车|电动车)[^，。]{0,6}(拖走|被拖)/),
  property: zh('房产: property matters (the score only).', /房产/),
  enClaims: en('"insurance", "compensation", "subsidy", "reimburse".', /\b(insurance|compensat\w*|subsid\w*|reimburs\w*)\b/),
  enClaim: en('"claim" as a word (an insurance claim). Not "claims" (the English rules read only the singular).', /\bclaim\b/),
  enPrevention: en(
    '"prevent…", "safety tips/check/inspection", "drill", and getting ready: a quiz, a list for the fridge, "just in case", "for future reference".',
    /\b(prevent\w*|safety (tips|check|inspection)|drill|quiz|for the fridge|list of (emergency )?numbers|just in case|in case of|for future reference)\b/,
  ),
  enAverted: en('It ended well: "all fine now", "all good now", "nobody was hurt", "it\'s sorted now", "put it out", "has recovered".', /\b(all (fine|good|ok|okay) now|(everyone|everybody)('s| is) (fine|ok|okay)|no ?(one|body) (was |got )?hurt|(all |it'?s )?sorted now|put it out|(has|have|had) (fully )?recovered)\b/),
  enMoney: en('"paid", "pay", "refund", "deposit", "membership", "fine(d)".', /\b(paid|pay|refund|deposit|membership|fined?)\b/),
  enApplication: en('"applied", "application": a procedure, not a live danger.', /\b(applied|application)\b/),
  // ── Grievance: a ticket about a problem, not a live danger ──────────────────────────
  ticketWord: zh('Naming a ticket: 投诉, 举报, 建议.', /(投诉|举报|建议)/),
  ticketWordMore: zh('反映, 差评: reporting a problem or a bad review (the not-live guard only).', /(反映|差评)/),
  wages: zh('工资: wages owed or a pay dispute — a grievance, not a danger.', /工资/),
  moneyOwed: zh(
    'Money owed or lost: 退不回, 退钱, 押金, 退款, 发票, 扣分, 罚多少, 欠我…钱, 办卡 … (a 到现在/至今 inside 欠…钱 counts as one character).',
    /(退不回|退钱|年卡|办了?卡|罚不罚|罚多少|扣几分|扣分|欠(他|她|我|我们|了)?(?:直到现在|到现在|至今|[^，。]){0,6}(钱|块|元)|押金|退款|发票)/,
  ),
  enComplaint: en('"complain", "complaint": a grievance. Not "compliant".', /\bcomplain\w*\b/),
  // ── Thanks ───────────────────────────────────────────────────────────────────────────
  thanks: zh('Thanks and praise: 感谢, 谢谢, 表扬. Not 谢谢照顾 said as a farewell (farewell wins).', /(感谢|谢谢|表扬)/),
  enThanks: en('"thank…" (thanks, thank you).', /\bthank/),
  // ── Farewell: a goodbye message — never a thank-you or a past event ──────────────────
  farewell: zh('A goodbye: 永别, 告别, 遗言, 遗书, 再见了, 来生, 下辈子, 最后一次, 别了.', /(永别|告别|遗言|遗书|再见了|来生|下辈子|最后一次|别了)/),
  enFarewell: en('"goodbye", "farewell" as words: a goodbye. Not "good bye" split.', /\b(goodbye|farewell)\b/),
  // ── Joking ───────────────────────────────────────────────────────────────────────────
  enJoke: en('"haha", "lol", "jk", "just kidding", "asking for a friend": a joke ("my teacher will kill me haha"), not a threat.', /\b(haha+|hahaha\w*|lol|lmao|jk|just kidding|kidding|asking for a friend)\b/),
  // ── A person at risk ─────────────────────────────────────────────────────────────────
  person: zh('Someone the danger could concern (人, 我, 孩子, 老人, 工人 …) — the danger score\'s bonus. Not the word class inside the rules (PERSON_WORDS).', /(人|我|他|她|老头|老太|老爷子|孩子|小孩|宝宝|老人|爸|妈|爷|奶|外婆|外公|老公|老婆|男的|女的|女孩|男孩|同事|朋友|邻居|室友|工人|司机|路人|老汉|阿婆|阿公|老伴)/),
} satisfies Record<string, CueSet>;

const union = (...names: (keyof typeof SETS)[]): RegExp => new RegExp(names.map((n) => SETS[n].pattern.source).join('|'));
const typed = (doc: string, pattern: RegExp): CueSet => ({ doc, pattern, over: 'typed' });

/**
 * The named cue sets. Chinese and English variants of one idea sit next to each other; the two "as typed" sets
 * are unions of Chinese sets above read over the raw text (the same words, no second list).
 */
export const CUES = {
  ...SETS,
  grievanceAsTyped: typed(
    'Ticket words, money owed, wages and thanks as typed (工资 before normalization turns 欠工资 into 欠薪).',
    union('ticketWord', 'ticketWordMore', 'moneyOwed', 'wages', 'thanks'),
  ),
  farewellAsTyped: typed('The farewell words as typed, titles included (《告别》 is blanked in the stripped text).', union('farewell')),
} satisfies Record<string, CueSet>;

export type CueName = keyof typeof CUES;
/** The framing of one message: the names of the cue sets that matched. */
export type Cues = ReadonlySet<CueName>;

const compose = (...names: CueName[]): readonly CueName[] => names;

// ── Named compositions: what each guard reads ────────────────────────────────────────────

/** The danger rules' strong now: overrides the past and the recurring guard (and the administrative one). */
export const NOW_OVERRIDES_ALL = compose('inProgress', 'alarm', 'urgent', 'comeNow', 'helpWord');
/** The danger rules' weak now: overrides the administrative guard only. */
export const NOW_OVERRIDES_ADMIN = compose(...NOW_OVERRIDES_ALL, 'justNow', 'quick', 'present', 'untilNow', 'whileDoing', 'enNow', 'enRightNow', 'enHurry', 'enCallForHelp', 'enJust');
/** The not-live guard's strong now (Chinese and English): overrides the past. */
export const FRAMING_NOW = compose('inProgress', 'alarm', 'urgent', 'comeNow', 'comeAndFix', 'keepsOn', 'enRightNow', 'enHurry');
/** The not-live guard's weak now: overrides recurrence, the administrative framing and English aftermath words. */
export const FRAMING_NOW_WEAK = compose(...FRAMING_NOW, 'justNow', 'quick', 'present', 'whileDoing', 'enNow', 'enJust');
/** The danger score's now (+0.5): includes 已经/一直 — a weaker sense than any guard's. */
export const SCORE_NOW = compose('inProgress', 'justNow', 'quick', 'present', 'untilNow', 'keepsOn', 'stillOrAlready');
/** Live-now words that keep an off-topic message's learned emergency (正在, 现在, 刚才, 救命, 快来 …, "now", "just"). */
export const TOPIC_NOW = compose('inProgress', 'present', 'untilNow', 'justNow', 'whileDoing', 'alarm', 'comeNow', 'comeAndFix', 'enNow', 'enJust');
/** The English rules' now ("now", "help", "hurry", "quick", "please come", "emergency"). */
export const ENGLISH_NOW = compose('enNow', 'enCallForHelp', 'enHurry');

/** It happened before (rules and the not-live guard). */
export const PAST = compose('pastDated', 'pastDatedMore', 'averted', 'avertedStaff', 'history');
/** It keeps happening (rules and the not-live guard, Chinese). */
export const RECURRING = compose('recurring', 'recurringMore', 'neglected');
/** It keeps happening, English (the not-live guard). */
export const RECURRING_EN = compose('enEvery', 'enEveryMore', 'enSince', 'enSinceMonth', 'enNearMiss');
/** It almost happened (the not-live guard): 差点摔下去, "nearly got hit". */
export const NEAR_MISS = compose('nearMiss', 'enNearMiss');
/** Past or recurring, as the danger score reads it (−1.5). */
export const SCORE_PAST_OR_RECURRING = compose('pastDated', 'averted', 'recurring', 'whenever');

/** A story being discussed: the violence rule does not apply at all. */
export const FICTION = compose('fiction', 'episode', 'inABook');
/** Not real: a dream, a screen, a game, a riddle, writing or a word asked about — nothing is happening to anyone. */
export const NOT_REAL = compose('dream', 'screen', 'fiction', 'episode', 'game', 'gameWorld', 'riddle', 'writingRequest', 'wordQuestion', 'enNotReal', 'enWritingRequest');
/** Not real and not news either: what the chat declines as out of scope (a news report about a local warning is ours). */
export const NOT_REAL_NOR_NEWS = compose('dream', 'fiction', 'episode', 'game', 'gameWorld', 'riddle', 'writingRequest', 'wordQuestion', 'enNotReal', 'enWritingRequest');
/** Watched (screen) and only wondered about (curiosity): both must match. "新闻里那个被救的小孩后来咋样了". */
export const SCREEN_GOSSIP = compose('screen', 'curiosity');
/** English news from elsewhere (one set: the news and the place in one pattern). */
export const EN_FAR_NEWS = compose('enFarNews');
/** News from another country or province: out of scope, whatever disaster it names. */
export const FAR_NEWS = compose('screen', 'farAway');
/**
 * Content asked for or about, out of scope whatever subject it names: a riddle, a word ("火灾的英文怎么说"), a level of a
 * game ("游戏入面地震 个关卡点过"), a piece of writing ("帮我写首诗", "a short story about a flood"; a ticket word keeps
 * "帮我写投诉信" ours).
 */
export const CONTENT_REQUEST = compose('riddle', 'wordQuestion', 'gameWorld', 'writingRequest', 'enWritingRequest');
/**
 * A scene unfolding, strong enough to outweigh NOT_REAL ("拍视频的时候突然有人掉进河里了"): 正在, 还在, 越来越, 快来, 一直在,
 * 突然, 刚刚, "right now", "hurry". Not 救命 or an exclamation mark alone: "救命 王者又掉段了" is slang.
 */
export const SCENE_NOW = compose('inProgress', 'urgent', 'comeNow', 'keepsOn', 'justNow', 'whileDoing', 'enRightNow', 'enHurry');
/** The rules' administrative framing: hypothetical, fiction, claims, procedures, prevention (guard unless a weak now). */
export const ADMIN = compose(
  'fiction', 'episode', 'novel', 'afterwards', 'hypothetical', 'hypotheticalMore',
  'claims', 'claimsMore', 'procedure', 'procedureMore', 'prevention', 'preventionMore', 'enPrevention', 'enClaims',
);
/** The danger score's administrative framing (−2): also goods, refusals and where-to-ask questions. */
export const SCORE_ADMIN = compose(
  'fiction', 'inABook', 'hypothetical', 'duringDisaster', 'claims', 'socialSecurity', 'procedure', 'procedureAsk',
  'prevention', 'education', 'consumer', 'refusal', 'ticketWord', 'wages', 'property', 'towed', 'cooking', 'enCooking',
);
/** English words of an aftermath (claims, prevention, a dated past, a routine) that silence the English rules unless ENGLISH_NOW. */
export const ENGLISH_AFTERMATH = compose('enEvery', 'enSince', 'enClaims', 'enClaim', 'enPrevention', 'enLastPeriod', 'enYearsAgo', 'enCooking');
/**
 * English that says it is over whatever "now" it contains ("all fine now"): the English rules do not apply. Not
 * "which number do we call" — a live emergency asks that too ("he isn't breathing, which number do we call?").
 */
export const ENGLISH_NOT_HAPPENING = compose('enAverted');
/** English words of money, claims and the past that make the not-live guard say "not live" unless a weak now. */
export const ENGLISH_NOT_LIVE = compose('enMoney', 'enLastPeriod', 'enAgo', 'enYearsAgo', 'enClaims', 'enComplaint', 'enApplication');
/** Complaints, money owed and thanks: outweigh a weak now in the not-live guard ("现在关门了，钱退不回来"). */
export const GRIEVANCE_OR_THANKS = compose('ticketWord', 'ticketWordMore', 'moneyOwed', 'wages', 'thanks', 'enThanks', 'grievanceAsTyped');
/** A goodbye: the not-live guard never applies. */
export const FAREWELL = compose('farewell', 'enFarewell', 'farewellAsTyped');
/** A joke: the English rules do not apply. */
export const JOKE = compose('enJoke');
/** Someone who could be at risk (the danger score's +0.5). */
export const PERSON_AT_RISK = compose('person');

/** True when every cue of the composition matched. */
export function all(cues: Cues, composition: readonly CueName[]): boolean {
  for (const n of composition) if (!cues.has(n)) return false;
  return true;
}

/** True when any cue of the composition matched. */
export function any(cues: Cues, composition: readonly CueName[]): boolean {
  for (const n of composition) if (cues.has(n)) return true;
  return false;
}

const ZH = (Object.keys(CUES) as CueName[]).filter((n) => CUES[n].over === 'zh');
const EN = (Object.keys(CUES) as CueName[]).filter((n) => CUES[n].over === 'en');
const TYPED = (Object.keys(CUES) as CueName[]).filter((n) => CUES[n].over === 'typed');

/**
 * The framing of a message: every set is tested once. `zhText` is the normalized text with look-alikes removed,
 * `rawLower` the raw text in lower case (English is read before normalization rewrites it).
 */
export function readCues(zhText: string, rawLower: string): Cues {
  const hits = new Set<CueName>();
  for (const n of ZH) if (CUES[n].pattern.test(zhText)) hits.add(n);
  // English cues only where there are English words to read.
  if (/[a-z]/.test(rawLower)) for (const n of EN) if (CUES[n].pattern.test(rawLower)) hits.add(n);
  for (const n of TYPED) if (CUES[n].pattern.test(rawLower)) hits.add(n);
  return hits;
}
