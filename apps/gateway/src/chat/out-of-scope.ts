// Why: weather, jokes, stocks, homework, recipes, chit-chat and code are not the hotline's business; they get a polite decline, never an FAQ.

export type OutOfScopeTopic =
  | 'weather'
  | 'chitchat'
  | 'finance'
  | 'homework'
  | 'cooking'
  | 'code'
  | 'entertainment'
  | 'sports'
  | 'fortune'
  | 'travel'
  | 'shopping'
  | 'apps'
  | 'pets'
  | 'errands'
  | 'health-advice'
  | 'romance'
  | 'gossip';

/** Topic patterns over normalized text. A strong category signal can still override them (see engine). */
const TOPICS: { topic: OutOfScopeTopic; pattern: RegExp }[] = [
  {
    topic: 'weather',
    pattern:
      /(天气(?!预警)|天气预报|气温|降温|升温|几度|多少度|下雨吗|下不下雨|落不落雨|落不下雨|会不会落雨|落雨吗|下雨不|会下雨|(?:明天|明儿|今天|今儿|后天|周末|这几天|今晚|明早)[^，。]{0,6}(?:下雨|落雨|下雪|晴天|刮风|出太阳)|下雪不|会不会下雨|要下雨|下雪吗|会不会下雪|带伞|带不带伞|穿什么|穿外套|穿羽绒服|穿短袖|空气质量|雾霾|紫外线|晴天|阴天|刮风吗|热不热|冷不冷(?!.*暖气))/,
  },
  {
    topic: 'chitchat',
    pattern:
      /(笑话|段子|讲个故事|讲故事|唱首歌|唱个歌|你是谁|你叫什么|你是机器人|你是chatgpt|你是ai|你是人工智能|(?:哪个|哪家)公司做的你|谁做的你|谁开发的你|(?:你|您|恁|侬|汝)?这(?:个)?机器人|你是人吗|你是真人|你是男的|你是女的|男的还是女的|你几岁|你多大|你会什么|你会不会|(?:你|给我)[^，。]{0,4}(?:唱|跳个|画个|讲个)|你真棒|你真好|你吃饭|吃饭了没|吃了吗|食饱未|食咗饭未|食饭未|在吗|在不在|无聊|陪我聊|聊会天|聊聊天|聊会儿天|我爱你|喜欢你|你真笨|你好笨|傻瓜|哈哈哈|嘿嘿|呵呵|早上好|晚上好|晚安|午安|你好呀|在干嘛|干什么呢|做个朋友|生日快乐|新年快乐)/,
  },
  {
    topic: 'finance',
    pattern: /(股票|股市|炒股|a股|大盘|涨停|跌停|(?<!社保|养老|医保|公积|住房)基金(?!会)|理财|比特币|黄金|白银|虚拟币|币圈|期货|汇率|金价|黄金价格|彩票|双色球|大乐透|开奖|开什么号|割肉|抄底|牛市|熊市|市值|分红|股份还能|被套|套牢|套了半年|套了一年)/,
  },
  {
    topic: 'homework',
    pattern:
      /(打油诗|诗歌|(?:一首|首|写)[^，。]{0,4}诗|讲个笑话|讲笑话|说个笑话|来个笑话|(?:帮|给|替)[^，。]{0,6}(?:起|取)(?:个)?名字?|(帮我|帮忙|给我|替我|教我|帮孩子)[^，。]{0,4}(写|做|解|算|翻译|改|检查)[^，。]{0,4}(作业|题|作文|文章|诗|论文|翻译|报告)|数学题|方程|解题|这道题|作文|翻译一下|翻译成|英语怎么说|用英语怎么|日语怎么说|古诗|背诵|写一篇|写篇|论文|考试答案|等于几|等于多少|乘以|除以|首都是|哪一年|哪个朝代|朝是|历史上|情诗|写首诗|写一首|帮我(起|取|想)[^，。]{0,6}名|(写|拟)(个|一份|一封|一篇)?(请假条|检讨|发言稿|简历|情书|邮件|文案|周报|总结|演讲稿)|写(首|一首)?诗|写(?:一)?(?:首|个|篇|段|封|份)[^，。]{0,12}(?:诗|rap|歌|歌词|作文|文章|故事|段子|小说|对联|顺口溜|说唱|剧本)|how (?:do you |to |do i )?say|怎么 ?say|say[^，。]{0,24}english|in english\??$|用英文|英文(?:怎么|咋)(?:说|讲|写)|translat|对联|成语|造句|造.{0,2}句|是不是鱼|是什么动物|百科|科普|恐龙|宇宙|外星人)/,
  },
  {
    topic: 'cooking',
    pattern: /(菜谱|食谱|辅食|的做法|(?:教我|怎么|咋)做(?:个|一道|道)?[^，。]{0,3}(?:肉|菜|鱼|鸡|汤|面|饭|饺子|排骨)|怎么做好吃|(?:菜|肉|鱼|鸡|蛋|汤|面|饭|饺子|排骨)的做法|红烧|炒菜|煲汤|烘焙|怎么煮|怎么炒|怎么炖|好吃吗|哪家.{0,6}好吃|什么好吃|吃什么好|火锅|奶茶|外卖推荐|餐厅推荐|减肥餐|(?:川|湘|粤|鲁|东北)菜[^，。]{0,6}(?:和|还是)|哪个更辣|辣不辣)/,
  },
  {
    topic: 'code',
    pattern: /(代码|编程|写程序|程序员|python|javascript|java\b|typescript|sql|html|css|c\+\+|函数|算法|爬虫|正则表达式|前端|后端|数据库|写个脚本)/,
  },
  {
    topic: 'entertainment',
    pattern: /(电影|电视剧|综艺|明星|追星|八卦|小说|睡前故事|游戏|麻将|象棋|围棋|扑克|斗地主|打牌|下棋|掼蛋|王者荣耀|原神|抖音|动漫|歌曲|推荐.{0,4}(?:歌|电影|书|剧)|好看的剧|听歌|演唱会)/,
  },
  {
    topic: 'sports',
    pattern: /(比分|球赛|世界杯|nba|足球|篮球|奥运|国足|湖人|勇士|欧冠|英超|中超|谁赢了|赢了没)/,
  },
  {
    topic: 'fortune',
    pattern: /(星座|运势|算命|塔罗|风水|解梦|梦见|周公|八字|黄历|农历几号|宜不宜|生肖|属相|属(鼠|牛|虎|兔|龙|蛇|马|羊|猴|鸡|狗|猪)的|犯太岁|本命年|桃花运)/,
  },
  { topic: 'travel', pattern: /(旅游攻略|景点|好玩的地方|好去处|高铁票|火车票|去哪玩|去哪儿玩|哪里好玩|什么好玩|机票|酒店推荐|自驾游)/ },
  { topic: 'pets', pattern: /(猫咪|小猫|猫粮|狗粮|宠物(?!扰民|噪音)|狗狗(?!叫)|仓鼠|金鱼|鹦鹉)/ },
  { topic: 'errands', pattern: /(快递到哪|查(一下)?快递|物流信息|外卖到哪|几点了|现在几点|几号了|今天是几号|星期几|时差)/ },
  { topic: 'apps', pattern: /(微信|支付宝|抖音|淘宝|qq|手机号|app)[^，。]{0,6}(怎么改|改名|怎么用|怎么下载|怎么注册|怎么注销|密码)|四级|六级|考研|雅思|托福|驾校哪家/ },
  { topic: 'shopping', pattern: /(店铺推荐|充电宝|杀毒软件|推荐(?:个|一个|一款|几个|几款)?[^，。]{0,6}(?:软件|app|应用)|附近[^，。]{0,6}(?:哪家|有没有|推荐)[^，。]{0,6}(?:店|维修)|手机推荐|买什么手机|哪个牌子好|哪个好用|性价比|推荐.{0,4}(?:手机|电脑|车|餐厅|饭店)|iphone|华为和|苹果和|穿.{0,4}好看)/ },
  { topic: 'health-advice', pattern: /(感冒吃什么药|怎么减肥|减肥|健身计划|长胖|美白|护肤|失眠吃什么|偏方)/ },
  { topic: 'gossip', pattern: /((?:局长|书记|市长|区长|县长|官员|领导|明星)[^。]{0,8}(?:被调查|落马|被抓|双规|绯闻|离婚)|小道消息|八卦)/ },
  { topic: 'romance', pattern: /(谈恋爱|失恋|表白|找对象|不爱我|约会|搭讪|搭话|追女生|追男生|相亲|脱单|女朋友生气|男朋友生气|哄女朋友)/ },
];

/** Requests to produce content (an essay, a translation, code, a fortune) stay out of scope even when they mention a hotline subject. */
export const HARD_TOPICS: ReadonlySet<OutOfScopeTopic> = new Set(['homework', 'code', 'fortune', 'finance', 'romance', 'health-advice', 'errands', 'gossip']);

/** The out-of-scope topic the text is about, or null. */
export function detectOutOfScopeTopic(normalized: string): OutOfScopeTopic | null {
  return matchOutOfScopeTopic(normalized)?.topic ?? null;
}

/** The topic and the words that named it ("麻将"), so those words are not also counted as one of our subjects. */
export function matchOutOfScopeTopic(normalized: string): { topic: OutOfScopeTopic; words: string } | null {
  for (const { topic, pattern } of TOPICS) {
    const m = pattern.exec(normalized);
    if (m) return { topic, words: m[0] };
  }
  return null;
}

/** Greetings, thanks and filler with no request in them ("你好", "谢谢", "嗯"). */
export function isSmallTalk(normalized: string): boolean {
  const t = normalized.replace(/[\s,.!?;:，。！？、~…]+/g, '');
  return /^(你好|您好|你好呀|hello|hi|喂|在吗|在不在|有人吗|谢谢|谢谢你|多谢|感谢|好的|好|嗯|嗯嗯|哦|ok|okay|收到|再见|拜拜|bye|早|早上好|晚上好|晚安)*$/.test(t) && t.length > 0;
}
