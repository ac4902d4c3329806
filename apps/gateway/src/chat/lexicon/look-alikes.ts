// Why: everyday phrases built from danger words (跳楼价, 血汗钱, 吵死, 打死蚊子, "fire the staff") name no danger;
// they are removed once per message (reading.ts) before any danger rule, danger sign or framing cue reads the text.

/** Everyday Chinese phrases built from danger words (跳楼价, 血汗钱, 吵死, 打死蚊子 …). */
const BENIGN =
  /((?:电脑|手机|系统|软件|u盘)[^，。]{0,6}(?:中毒|中了病毒)|杀毒软件|(?:拿|用)?(?:菜)?刀?(?:剁|切)(?:馅儿?|肉|排骨|骨头|菜)|磨刀|(?:菜)?刀钝|[吵气烦急热]得想(?:杀人|死)|想死的心都有|火烧云|火烧眉毛|火烧(?:饼|馍)|跳楼价|跳楼甩卖|跳楼大甩卖|血汗钱|抢修|抢购|抢号|抢票|抢着(?:走|过|开|上|买|抢)|烟熏火燎|杀(?:了)?(?:一|两|几)?(?:只|头|条|口)?(?:年猪|鸡|鱼|鸭|鹅|猪|羊|牛)|杀(?:棋|进去|进场|出重围|时间|价)|杀猪菜|杀猪盘|狼人杀|三国杀|杀得(?:片甲不留|落花流水)|[得的](?:要死|要命)|秒杀|火爆|爆火|爆款|爆单|气(?:到|得)?爆炸|气炸|坑死|(?:暖气|锅炉)[^，。]{0,2}烧得|烧得跟没烧|打死[^，。]{0,4}(?:猫|狗|蚊子|老鼠|蟑螂|虫)|(?:吵|热|累|冻|气|急|烦|笑|饿|困|忙|闷|吓|臭|亏|赔|穷)死(?:了|人|我)?|火锅|火车|上火|发火|恼火|窝火|火气|[辣笑热累困饿丑美甜酸苦冷难吃喝][到得]「?“?救命|熄火|(?:开|转|调|改)(?:大|小|中)火)/g;

/**
 * Danger words as figures of speech: a likeness (跟爆炸一样, 像着火了似的), a state pushed to its limit (热得我都要冒烟了,
 * 头都要炸了, 他要爆炸了), slang (爆炸头, 音响炸裂), a chore that "kills" (作业要把我杀死了). Not 烧得冒烟 (a wire burning)
 * and not a person who "will kill me" (他要把我杀死了): only non-living subjects and states of the speaker. Internet slang too:
 * 杀疯了, 塌房, 吃瓜, 人气炸了, 系统炸了, 屏幕摔炸了, a fireworks show (烟花秀), a car that stalled in water (泡灭火).
 */
const FIGURATIVE =
  /((?:跟|像|好像|如同|犹如|似)[^，。]{0,8}(?:爆炸|着火|打仗|炸弹|火山爆发)[^，。]{0,2}(?:一样|似的|一般|般)|(?:热|累|渴|急|气|忙|饿|吵|辣|烦|困|晒)[得到][^，。]{0,4}(?:要|快)?(?:冒烟|冒火|爆炸|炸(?:了|开|掉|裂))|(?:脑壳|脑袋|脑子|头)[^，。]{0,3}(?:要|快)(?:炸|爆炸)(?:了|开|裂)?|(?:佢|他|她|我|人)[^，。\p{Script=Han}]{0,2}(?:都)?(?:要|快)(?:爆炸|炸)(?:了|喇|啦)?|(?:mouth|tongue) ?着火|爆炸头|(?:音响|声音|音乐|演技|颜值|现场|效果)[^，。]{0,2}炸裂|(?:作业|考试|工作|上班|加班|天气|太阳|题目?|学习|论文|房贷|期末|月考|高考|中考|数学|英语)[^，。]{0,6}(?:要)?把我[^，。]{0,2}(?:杀|逼|整|累|热|冷|折磨|烦|急|卷)死|杀疯了|塌房|吃瓜|(?:人气|流量|评论区|弹幕|直播间|朋友圈|业主群|群里|群|热搜|系统|服务器|网站|屏幕|屏|手机|沙发|心态|烟花秀?|烟火秀?|现场|全场)[^，。]{0,4}炸(?:了|裂|开)?|炸了炸了|烟花秀|烟火秀|(?:sounds?|sounded|looks?|feels?|felt) like [^，。]{0,10}?(?:爆炸|着火)|(?:全场|观众|粉丝|歌迷)[^，。]{0,2}尖叫|(?:泡|淹)(?:灭火|熄火))/gu;

/** Titles of books, films and songs (《杀死一只知更鸟》) name no live danger. */
const TITLE = /《[^》]{0,30}》/g;

/** Normalized text with titles and everyday look-alike phrases blanked out (a full-width space each). */
export function stripBenign(normalized: string): string {
  return normalized.replace(TITLE, '　').replace(BENIGN, '　').replace(FIGURATIVE, '　');
}

/** English look-alikes: firing staff, a cooking flame, near misses name no danger. Over lower-case text. */
const ENGLISH_BENIGN =
  /\b(fire|fired|firing) (an? |the |my |our |his |her |all |some )?(employees?|workers?|staff|people|him|her|me|them|us|someone|somebody)\b|\b(got|get|was|were|be|been|being) fired\b|\b(the )?fire on (high|low|medium|full)\b|\bfire (off|away)\b|\b(high|low|medium) fire\b|\b(nearly|almost) (crash|hit|collide)\w*|\b(sounds?|sounded|looks?|felt|feels?) like (an? )?(explosions?|bombs?|a war ?zone|fire)\b|\b(sets?|setting) (your|my|the) (mouth|tongue) on fire\b|\b(mouth|tongue) on fire\b|\b(work|work from home|wfh|homework|this|that|the heat|traffic|the commute|exams?|my (\w+ )?teacher|my boss|deadlines?|grammar)\b[^.!?]{0,12}\b(is|are|'s|'re) killing me\b|\bkilling me with\b|\b(market|stocks?|shares|crypto|server|app|website|site|system|computer|laptop|phone|game)s? (has |have |just |totally )?crashed\b|\bserver('s| is)? on fire\b/g;

/** Lower-case raw text with the English look-alikes blanked out (a space each). */
export function stripEnglishBenign(lower: string): string {
  return lower.replace(ENGLISH_BENIGN, ' ');
}
