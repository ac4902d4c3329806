// Why: tells a question with a standard answer (consult) from a request that needs someone to act (complaint/help/report/suggestion/praise).
export type DraftKind = 'complaint' | 'help' | 'report' | 'suggestion' | 'praise';

interface Cue {
  pattern: RegExp;
  weight: number;
  kind?: DraftKind;
}

/** Words that name the ticket the citizen wants (投诉/举报/建议/表扬/求助). Any of them makes it a complaint. */
const EXPLICIT: Cue[] = [
  { pattern: /(表扬|点赞|点个赞|锦旗|感谢信|好评|辛苦了|帮了大忙)/, weight: 4, kind: 'praise' },
  {
    pattern:
      /(感谢|谢谢).{0,16}(工作人员|师傅|同志|民警|警官|社区|街道|老师|医生|护士|窗口|部门|科长|主任|大姐|大哥|小姑娘|小伙子|小哥|司机|志愿者|网格员|他们|热心|耐心|及时|帮忙|帮助|帮我)|(服务|态度)(很|非常|特别|真|超级)好|(很|非常|特别|十分|真)(热心|耐心|负责)|办得(真|很|特别|非常|太)?(快|好|顺利)/,
    weight: 3,
    kind: 'praise',
  },
  { pattern: /(举报|检举|揭发|曝光)/, weight: 4, kind: 'report' },
  { pattern: /(建议|提议|提个意见|呼吁|希望.{0,8}(增加|增设|开通|延长|设置|安装|加装|多开|多设|改成|改为|提前|取消|放开|配备))/, weight: 4, kind: 'suggestion' },
  { pattern: /(投诉|差评)/, weight: 4, kind: 'complaint' },
  { pattern: /(求助|求帮忙|求求|帮帮(我|忙|我们)|救救|please help)/, weight: 4, kind: 'help' },
];

/** Signs that something is wrong and someone should act. */
const GRIEVANCE: Cue[] = [
  // someone should act
  { pattern: /(派(个)?人|上门帮|想请.{0,8}(帮|派|上门)|帮(我|我们|忙)(处理|解决|协调|催|查|问问|维权|讨|要回|联系|弄|看看)|请.{0,8}帮(我|忙)|麻烦.{0,8}(处理|解决|修|清|来|派|催|看看|管)|请.{0,8}(处理|解决|查处|整治|核实|催|管|查一查|查一下|排查|检查|看看|来看|清理)|你们(给)?(处理|管|查)|来修|快修|赶紧修|来清|来看看|派人处理)/, weight: 3, kind: 'help' },
  { pattern: /(管不管|管一管|管管|有没有人管|得有人管|要有人管|该管管|给个说法|讨个说法|要个说法|讨回公道|希望.{0,10}(处理|解决|管|重视|整治|尽快)|要求.{0,8}(处理|补缴|赔|退|解决|整改|查处|调查|查|改|道歉)|(让|要|叫)(他们|你们|对方|单位|公司).{0,6}(改|退|赔|给|补|处理)|求有关部门|请有关部门|请相关部门|查一查|查一下这|能不能快点|能不能(一次|别|不要|早点)|快点|快一点|加快|催一下|催催)/, weight: 3 },
  // nobody acts / runaround
  { pattern: /(没(有)?人(管|修|来|处理|理|回复|接|清|收|问|过问|负责|通知|告诉|说一声)|没(有)?动静|没人来(疏通|清|修|管|看|处理)?|(也|都|又)不说(一声|清楚|到|修到|啥|什么)?|谁(来)?管(一下|一哈|管|一管)|没个(通知|说法|准信|人)|(光|只|就|总|老)说(在修|马上|快了|在弄|在处理)|没(有)?结果|(仍|尚|至今|迟迟)未(审批|答复|处理|办理|发放|解决|回复|到账|批)|未(作|做)?(任何)?(答复|回复)|为(什么|啥)不(早|提前)|怎么不(早|提前)(说|通知)|打不通|不处理|不解决|不作为|推诿|推来推去|一直推|互相推|推给|踢皮球|敷衍|(也|都|就|根本|又)不管|不管不问|不归.{0,4}管|置之不理|说了(也)?不听|(都|也)?没(有)?用|(一|连)(句|个)[^，。]{0,6}都没(有)?|到底听谁的|听谁的|两头跑|来回跑|跑来跑去|踢来踢去|说好(的)?[^。]{0,24}(没|不|就走|结果|却|但是|可是|去了)|说找[^，。]{1,8}[^。]{0,12}说找|迟迟(不|没)|(也|都|从来)?不(提前)?(说|通知)一声|不提前(说|通知|告知)|劝了?(也)?不听|不听劝|没下文|没有下文|石沉大海|没有回复|也没回复|没(有)?消息|消息没有|人影都没有|没见人|不讲清楚|讲不清楚|说不清楚|不说清楚|不给说法)/, weight: 3 },
  // refusing, withholding, cheating
  { pattern: /((不|没|没有)给(我|我们)?(办|退|钱|工资|开|解决|处理|说法|交|缴|发|结|还)|不肯|不给退|不退|拒绝|死活不|就是不|还不给|不认账|扣着|(压|扣|拖|卡)着不(发|给|办|批|退)|不发(?!.{0,4}(吗|怎么))|只(发|给)(了)?(一半|一部分|几百)|少(发|给)了|卷(款|钱|走)|(拿|卷|带着钱)跑|跑了|跑路|关门了|倒闭了|坑了|被坑|被骗|骗了|骗人|宰客|强制|逼着|逼我|强迫|非要|硬要|强行|收了?(我|我们)[^，。]{0,6}(钱|块|元|费)|不认(?!识|真)|不承认|(请客|吃饭|红包|好处费|塞钱)[^。]{0,6}(才|就)|吃拿卡要|索要|乱收费|多收|多扣|扣了?(两|多)次|收什么|克扣|拖欠|欠(我|我们|了)(?!.{0,6}(怎么|咋|吗))|拖着|一拖再拖|拖了)/, weight: 2.5 },
  // staff behaviour
  { pattern: /(态度[^，。,]{0,3}(差|恶劣|蛮横|不好|冷漠|凶|恶|横|粗暴)|吼人|骂人|刁难|不理人|不理我|爱理不理|玩手机|插队|提前.{0,6}走了|早退|迟到|上班睡觉|门难进|脸难看|等到.{0,8}才(来|到|开))/, weight: 3, kind: 'complaint' },
  // things broken or harmful now
  { pattern: /(坏了(?!.{0,6}(怎么|能不能|能申请|咋))|坏(了)?(一|两|三|四|五|好几|几|半)(个)?(天|周|星期|礼拜|月)|(暖气|暖气片|屋里|家里)[^，。]{0,4}(一点)?(都|也)?不(热|暖)|冰凉|只有(\d+|十[一二三四五六七八九]?|十几)度|太险|漏水|渗水|堵死|堵住|堵了|乱停|占道|挡住|乱扔|乱倒|乱摆|偷排|臭死|熏死|冻死|冻感冒|冷死|违法|非法|无证|黑车|冒充|假的|假货|过期|变质|卖.{0,4}(过期|假)|报错|出错|登不上|打不开|崩了|崩溃|就崩|还要收|违停|不准点|不准时|甩站|拒载|不停车|打错|弄错|搞错|写错|缺斤|少两|短斤|差点(摔|撞|出事)|太危险|野蛮|太猛|揭不开锅|没饭吃|过不下去|有虫子|吃坏|拉肚子|不卫生|冷冰冰|乱七八糟|过不去|堆成山|堆满|太响|太大声|声音太大|才(\d+|十[一二三四五六七八九]?)度)/, weight: 1.5, kind: 'complaint' },
  // disturbance
  { pattern: /(太吵|吵死|吵得|很吵|好吵|在吵|吵到|吵个不停|吵痛|还在(吵|跳|唱|放|施工|干|响|打)|巨响|震耳|震得|扰民|没法睡|睡不着|影响(休息|生活|出行|睡眠|工作|学习)|严重影响|受不了|忍无可忍|烦死|气死|急死)/, weight: 1.5, kind: 'complaint' },
  // indignation
  { pattern: /(搞(什么|啥)名堂|这叫什么事|像话吗|还有没有王法|到底(什么|啥|怎么|要|还|能不能|管不管|修不修)|离谱|太黑了|黑心|太坑|坑人|太过分|过分了|凭什么|不合理|不公平|不服|不满|没天理|这不是.{0,8}吗|这叫.{0,6}[?？]|到底行不行|明明|耽误|害得|搞得我|交了[^，。]{0,6}还是)/, weight: 2, kind: 'complaint' },
  // it has been going on
  { pattern: /(还(说|是)?没(有)?(修|恢复|来|解决|处理|发|到账|到|寄到|收到|拿到|批|审核|办好|制好|做好|弄好|下来|抽干|回|通知|联系|答复|回复)|一直(没|不|在|都|显示|说)|到现在(都|还)?|至今|都没(拿到|到账|发|来|人)|还是(不|没|说))/, weight: 2 },
  { pattern: /((好|十|几|两|三|四|五|六|半|一)(几)?(个)?(天|月|周|星期|礼拜|年|钟|小时|钟头)了|(申请|提交|交上去|报上去|等|办|跑|试)了(好|一|两|三|四|五|半|几|十)|每天|天天|每晚|整晚|一整天|整夜|一个多月|半个月|好几次|好几趟|好几天|好几回|几回了|[一两三四五六七八九十几多]次了|(退回|驳回|拒绝)了?.{0,2}次|跑了.{0,2}趟|[三四五六七八九十]趟|年年|连着|每次|每周|每个月都|每周都|一下雨就|老是|总是|经常|三天两头|一天一夜|一整夜|不停(?!车)|没完没了|没日没夜|24小时|二十四小时)/, weight: 1.5 },
  { pattern: /(派人处理|do something|send someone)/, weight: 3, kind: 'help' },
  // Money lost or owed, and nobody to get it back from ("这钱找谁要去").
  { pattern: /((钱|工钱|工资|押金|卡里的钱|血汗钱)[^，。？]{0,8}找谁(要|讨|退)|找谁要(钱|去|回)|找谁讨)/, weight: 3, kind: 'help' },
  { pattern: /(介入|帮我(提交|反映|转达|上报|投诉))/, weight: 3, kind: 'help' },
  // A request for an action, worded as a question ("能不能把排水修下", "能帮忙退钱吗", "能不能找人管管").
  {
    pattern: /(能不能|能否|可不可以|可否|能|可以|麻烦|请求|恳请)[^，。？?]{0,12}(督办|督促|催办|帮忙|派人|找人|来人|修(一下|一哈|下|好)|管管|管一管|处理一下|清理|清一下|疏通|退(钱|款|费)|多放|加装|安排人|督促|催(一下|下|促))/,
    weight: 3,
    kind: 'help',
  },
];

/** "What am I to do": after a grievance it asks for help, not for a standard answer ("包工头不给钱 咋整"). */
const HELPLESS = /(怎么办|咋办|咋整|咋弄|咋个搞|怎么搞的|咋搞的|点算|点办|如何是好|么样搞|啷个办)/;

/** Thanks without naming a ticket: praise when nothing is asked. */
const SOFT_PRAISE: Cue = { pattern: /((非常|特别|十分|真心|衷心|万分|太)(感谢|谢谢)|加班.{0,6}(帮|给)(我|我们))/, weight: 2, kind: 'praise' };

/** Signs of a question with a standard answer. */
const QUESTION: Cue[] = [
  { pattern: /(怎么(办理|申请|办(证|手续|下来)|弄|查|交|缴|领|取|转|报|补|激活|提取|迁|开|注册|注销|备案|登记|预约|才能|算|收费|走|操作|用|处理|认定|维权|投诉)|如何|怎样|哪里|在哪|去哪|哪些|哪个部门|找谁|找哪|该找|多久|多长时间|(?<!好)几天(?!了)|多少钱|要多少|能(领|贷|提|报)多少|收费标准|费用)/, weight: 2 },
  { pattern: /(什么(材料|手续|条件|时候|流程|证件|资料|东西|证明|地方|部门|规定)|需要(什么|哪些|带|准备|多久|本人)|能[^，。]{0,10}吗|要带|带什么|要不要|用不用|需不需要|是不是|能不能(?!派|快|帮|给我|处理|解决|来|一次|别|不要|早点|管)|可不可以|可以.{0,10}吗|是否|有没有|有.{0,6}没有?$|算不算|合法吗|违法吗|规定)/, weight: 1.5 },
  { pattern: /(吗|么|呢|不)[?？]?$|[?？]|请问|想问|想了解|问一下|咨询|了解一下|咋|政策|流程|手续|条件|标准/, weight: 1 },
  { pattern: /(怎么办|怎么整|怎么回事|什么原因|什么情况|啥情况)/, weight: 1.5 },
  { pattern: /怎么[\u4e00-\u9fff]|如何|哪(里|儿)|什么/, weight: 0.5 },
  {
    pattern: /(多少|(?<![好十])几(?!十)(岁|号|月|天|级|点|年|次|个|种|成|倍|时|周|分)|是[^，。]{1,10}还是|还是(?!不|没|说|一样|很|那样|老样子)|谁|哪(个|年|些|家|天|种)|(?!能不能|可不可|要不要|管不管)([\u4e00-\u9fff])不\4|行不行|够不够|对不对|吗)/,
    weight: 1.5,
  },
  { pattern: /(为什么|为啥|凭什么.{0,6}[?？]|归谁管|谁管|该找谁|找哪个部门|哪个部门管|几点|什么时间|算不算|算(扰民|违规|违法|违章|超标|正常|合法|噪音)|有什么规定|有规定吗|怎么维权|我的权益)/, weight: 2 },
];

export interface IntentSignals {
  complaint: number;
  question: number;
  /** An explicit ticket word (投诉/举报/建议/表扬/求助) was used. */
  explicit: boolean;
  kind: DraftKind;
  /**
   * Names of the cues that matched (`ticket.2`, `act.0`, `ask.5`, `helpless`, `howToFile`): the learned intent
   * layer reads them as features (learned-features.ts) and learns their weights with the n-grams.
   */
  hits: string[];
}

function score(cues: Cue[], text: string, name: string, hits: string[], kinds?: Map<DraftKind, number>): number {
  let total = 0;
  for (const [i, cue] of cues.entries()) {
    if (!cue.pattern.test(text)) continue;
    hits.push(`${name}.${i}`);
    total += cue.weight;
    if (cue.kind && kinds) kinds.set(cue.kind, (kinds.get(cue.kind) ?? 0) + cue.weight);
  }
  return total;
}

/** Kind precedence when several fit: a report or praise is named on purpose; help and complaint are the fallbacks. */
const KIND_ORDER: DraftKind[] = ['report', 'praise', 'suggestion', 'complaint', 'help'];

/** "怎么投诉 / 去哪举报 / 投诉要准备什么": asking how the process works is a question, not yet a ticket. */
const HOW_TO_FILE =
  /((怎么|如何|去哪|在哪|哪里|找谁|该找|可以|能不能|能否|要不要|是否|向谁|找哪个)(才能|里|儿|去)?(投诉|举报|求助|反映)|(投诉|举报|反映)[^，。,]{0,10}(要准备|准备什么|需要什么|什么材料|什么证据|电话是|流程|多久|怎么|有用吗|渠道|找谁|找哪))/;

export function readIntentSignals(normalized: string): IntentSignals {
  const kinds = new Map<DraftKind, number>();
  const hits: string[] = [];
  const howTo = HOW_TO_FILE.test(normalized);
  if (howTo) hits.push('howToFile');
  const explicitScore = howTo ? 0 : score(EXPLICIT, normalized, 'ticket', hits, kinds);
  const grievance = score(GRIEVANCE, normalized, 'act', hits, kinds) + score([SOFT_PRAISE], normalized, 'thanks', hits, kinds);
  let question = score(QUESTION, normalized, 'ask', hits) + (howTo ? 2 : 0);
  let helpless = 0;
  if (grievance >= 2 && HELPLESS.test(normalized)) {
    hits.push('helpless');
    // The question words of "怎么办" (up to 1.5 + 1 + 0.5) stop counting as a question and count as a plea.
    helpless = 1.5;
    question = Math.max(0, question - 3);
    kinds.set('help', (kinds.get('help') ?? 0) + helpless);
  }
  return {
    complaint: explicitScore + grievance + helpless,
    question,
    explicit: explicitScore > 0,
    kind: pickKind(kinds, explicitScore > 0, normalized),
    hits,
  };
}

function pickKind(kinds: Map<DraftKind, number>, explicit: boolean, text: string): DraftKind {
  if (explicit) {
    // Explicit words decide: 举报 → report, 表扬 → praise (unless it is a grievance with a thank-you), 建议 → suggestion …
    if (/(举报|检举|揭发|曝光)/.test(text)) return 'report';
    if (/(投诉|差评)/.test(text)) return 'complaint';
    if (/(表扬|点赞|锦旗|感谢信|好评)/.test(text)) return 'praise';
    if (/(建议|提议|呼吁|提个意见)/.test(text)) return 'suggestion';
    if (/(求助|求帮忙|帮帮|救救|please help)/.test(text)) return 'help';
  }
  let best: DraftKind = 'complaint';
  let bestScore = 0;
  for (const k of KIND_ORDER) {
    const s = kinds.get(k) ?? 0;
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  }
  // Praise cues next to a grievance are politeness ("请尽快处理，谢谢你们"), not praise.
  if (best === 'praise' && (kinds.get('complaint') ?? 0) + (kinds.get('help') ?? 0) > 0) return 'complaint';
  return best;
}

