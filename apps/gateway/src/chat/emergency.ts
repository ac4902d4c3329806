// Why: danger to life must be caught first and sent to 110/119/120/122 — by concepts (danger sign × people × now), not by a list of sentences.
import type { EmergencyKind, EmergencyMatch, EmergencyNumber } from './emergency-kinds.js';
import { DANGER_THRESHOLD, dangerScore } from './emergency-score.js';
import {
  ADMIN,
  any,
  ENGLISH_AFTERMATH,
  ENGLISH_NOT_LIVE,
  ENGLISH_NOT_HAPPENING,
  ENGLISH_NOW,
  FAREWELL,
  FICTION,
  FRAMING_NOW,
  FRAMING_NOW_WEAK,
  GRIEVANCE_OR_THANKS,
  JOKE,
  NEAR_MISS,
  NOT_REAL,
  SCENE_NOW,
  NOW_OVERRIDES_ADMIN,
  NOW_OVERRIDES_ALL,
  OTHER_PERSON_WORDS,
  PAST,
  PERSON_WORDS,
  RECURRING,
  RECURRING_EN,
  type CueName,
} from './lexicon/framing.js';
import type { DangerReading } from './reading.js';

export type { EmergencyKind, EmergencyMatch, EmergencyNumber } from './emergency-kinds.js';

// ── Concept word classes ──────────────────────────────────────────────────────────────
/** Someone: the danger concerns a person (lexicon/framing.ts). */
const PERSON = PERSON_WORDS;
/** Water that can drown. */
const WATER = '(?:水|洪水|河|江|湖|海|水库|池塘|鱼塘|水塘|水沟|河沟|泳池|水池|井|下水道|车库进水|进水|淹|灌|冰面|冰窟窿)';
/** People other than the speaker, for symptoms that are hyperbole when said of oneself (头疼得要命). */
const OTHER = OTHER_PERSON_WORDS;
/** Someone has not come out / is going under. */
const NOT_OUT = '(?:(?:车)?门(?:无法|不能|没法|怎么也)?(?:打不开|推不开|打开不了|开不了|无法打开)|没出来|没有出来|出不来|出不去|走不出|没上来|还在屋里|还在里面|在往下沉|往下沉|沉下去|看不见了|冲走|被困|门打不开|打不开门|爬不上来|上不来|扑腾|挣扎|呛水|喊救命|掉下去|掉进去|推不开|瘫痪|没浮上来|浮不上来|没有浮上来|沉底|沉到水底|漂着不动|脸朝下)';
/** A place to fall or jump from. */
const HEIGHT = '(?:桥上|大桥|桥边|江边|河边|楼顶|天台|屋顶|栏杆|窗台|窗外|窗户外|空调架|阳台外|楼边|顶楼|高架)';
/** Harming weapons. */
const WEAPON = '(?:刀|斧|棍|棒|砖|酒瓶|铁锹|锤|枪|剪刀|硫酸|汽油)';
/** Blood or a wound that is bad. */
const BLEEDING =
  '(?:大出血|血流不止|流血不止|一直流血|血止不住|止不住血|流了(?:很多|好多|一地|一滩)(?:的)?血|一滩血|满[^，。]{0,2}(?:是|都是)血|满(?:身|脸|头|地|腿|手|脚)(?:是|都是)?血|(?:腿|手|头|脸|身)上[^，。]{0,3}(?:全是|都是)血|浑身是血|一地的血|都是血|头破血流|血哗哗|血直流|流[^，。]{0,2}血(?!压)|开瓢|吐血|出了好多血)';

/** No answer from someone who should answer. */
const NO_RESPONSE = '(?:没反应|没有反应|不醒|不应|没应|不答应|没答应|不回应|没回应|不吭声|不吱声|没动静|没声音|不说话了|没知觉|没意识|不理人了|叫不动|只会哼|只是哼|直哼哼|哼哼唧唧)';

interface Rule {
  kind: EmergencyKind;
  numbers: EmergencyNumber[];
  pattern: RegExp;
  /** Suppressed by past cues (unless a strong now cue) and by administrative cues (unless any now cue). */
  guarded?: boolean;
  /** Suppressed by recurring-problem cues unless a now cue is present. */
  recurringGuard?: boolean;
  /** Phrases that look alike but are not this danger (跳楼价, 钥匙锁在车里 …); stripped before matching. */
  exclude?: RegExp;
  /** The rule does not apply at all when this matches (smoke from a barbecue is not a fire). */
  unless?: RegExp;
  /** The rule does not apply at all under this framing (a story being discussed is not a fight). */
  unlessFramed?: readonly CueName[];
}

const alt = (...parts: string[]): RegExp => new RegExp(parts.join('|'));

/** A dream, a screen, a game, a riddle (lexicon NOT_REAL): nothing is happening to anyone, unless a scene is unfolding as they write. */
const notReal = (r: DangerReading): boolean => any(r.cues, NOT_REAL) && !any(r.cues, SCENE_NOW);

/**
 * English that says it is over ("all fine now") or jokes ("lol"), in a message with no Chinese: the English lexicon
 * turns "on fire" into 着火 for the Chinese rules, so they must hear it too; a Chinese message keeps its own framing.
 */
const overInEnglish = (r: DangerReading): boolean => (any(r.cues, ENGLISH_NOT_HAPPENING) || any(r.cues, JOKE)) && !/[\u4e00-\u9fff]/.test(r.raw);

/** A cry for help with no event named (the hazard rule reads it): what a lone cry is made of. */
const CRY = /救命|救救我|快救人|救人啊/g;

/**
 * A lone cry that comes with more than a few words of something else ("男朋友三天没回我消息了 救命 我是不是该分手"):
 * no rule found danger in those words, so the cry is an interjection. "救命" or "救命啊 有人吗" alone still stands.
 */
export function cryAmongOtherWords(r: DangerReading): boolean {
  return r.stripped.replace(CRY, '').replace(/[^\p{L}\p{N}]/gu, '').length > 8;
}

const RULES: Rule[] = [
  {
    kind: 'fire',
    numbers: ['119'],
    pattern: alt(
      '着火|失火|起火|自燃|烧得通红|火灾(?!险|隐患)|大火|火光|火苗|火舌|火势|明火|烧起来|烧着了|燃起来|烧了起来|冒火|火花|火星|焦糊味|烧焦味|糊味.{0,6}(?:冒|烟|火)',
      '(?:燃气|火)[^，。]{0,3}(?:还)?开着|爆炸|(?<!气)炸了|纵火|放火|放了?(?:一把)?火|烧焦|火烧|(?:煤气罐|气罐|液化气|锅炉|高压锅|变压器|电瓶|电池|充电宝)[^，。]{0,6}(?:爆|炸)|(?:轰|嘭|砰)的一声[^。]{0,10}(?:爆|炸|火|烟)|火窜|窜火|火苗窜|(?:油锅|锅里|灶|车|房子|家|屋)(?:里)?着了',
      '泼(?:汽油|酒精)|汽油味|(?:汽油|酒精|硫酸)[^。]{0,10}泼|泼[^。]{0,10}(?:汽油|酒精|硫酸)|闻[^，。]{0,4}(?:像)?汽油',
      '(?:房子|楼|车|店|厂|仓库|家|屋|厨房|电瓶车|电动车)[^，。]{0,4}烧(?:了|起来|着)',
    ),
    guarded: true,
    // Smoke and a burning smell every night (烧垃圾, 油烟) is a complaint.
    recurringGuard: true,
    exclude: /(火星文|打不着火|点不着火|不着火)/g,
  },
  {
    // Smoke and fumes: a fire unless the text names an everyday source (barbecue, cooking, burning paper).
    kind: 'fire',
    numbers: ['119'],
    pattern: alt(
      '浓烟|冒(?:白|黑|青|浓)?烟|往外冒烟|(?:烧|焦)[^，。]{0,3}(?:塑料|橡胶|电线)(?:的)?(?:味|气)|黑烟|烟雾弥漫|满屋.{0,2}烟|都是烟|全是烟|烟很浓|浓浓的烟',
      '(?:呛人|呛得|呛鼻|熏得|辣眼睛)[^。]{0,12}(?:味|烟|气|睁不开|喘)|(?:味|烟|气)[^。]{0,8}(?:呛人|呛得|熏得|睁不开)',
    ),
    guarded: true,
    recurringGuard: true,
    unless: /(油烟|吸烟|抽烟|烟花|香烟|烟草|烟熏火燎|烧纸|烧垃圾|烧秸秆|焚烧|烧烤|排烟|烟囱)/,
    unlessFramed: ['cooking'],
  },
  {
    kind: 'gas',
    numbers: ['119'],
    pattern: alt(
      '(?:燃气|煤气|天然气|液化气|瓦斯|气罐)[^。!?？]{0,14}(?:泄漏|泄露|漏气|漏了|味|臭|嘶嘶|滋滋|嗤嗤|呲呲|呛|关不上|关不掉|关不住|断了|冒气|往外冒)',
      '燃气泄漏|漏气|臭鸡蛋|(?:煤气|一氧化碳|燃气)中毒|闻到.{0,4}(?:煤气|燃气|天然气)|烧炭',
      '(?:气味|味道|怪味|味儿)[^。]{0,12}(?:头晕|头疼|头痛|恶心|想吐|晕)',
    ),
    guarded: true,
    exclude: /(轮胎漏气|车胎漏气|漏气费)/g,
  },
  {
    kind: 'medical',
    numbers: ['120'],
    pattern: alt(
      // no response
      `叫不醒|喊不醒|叫不应|拍不醒|(?:叫|喊|拍|摇|推)[^，。]{0,6}${NO_RESPONSE}|(?:摔|跌|倒|晕|昏)[^。]{0,10}${NO_RESPONSE}`,
      `${PERSON}[^，。]{0,6}(?:没反应了|没有反应了|不醒了|不动了)|一动不动|躺(?:着|在)[^，。]{0,4}(?:起不来|不动)|不省人事|昏迷|晕倒|昏倒|晕过去|昏过去|晕厥|失去意识|意识不清`,
      // collapse of a person, falls
      '倒地|倒在地上|躺在地上(?:不动|起不来)|倒下了|突然倒|(?:摔|跌)(?:倒|了|跤|下来|落地|在地|低)[^。]{0,10}(?:起不来|起不到身|起不了身|爬不起来|不动|流血|出血|不应|没反应|昏|晕|叫不醒|冰)|坠楼|摔下来|从楼上掉',
      `(?:孩子|儿子|女儿|老人|人|爸|妈|宝宝|工人|爷爷|奶奶|老公|老婆)[^，。的]{0,8}从[^，。]{0,8}(?:掉|摔|跌|坠)(?:下去|下来|了)`,
      '从[^，。]{0,6}(?:房顶|屋顶|楼上|楼顶|梯子|树上|脚手架|阳台|窗户|窗台|高处|楼梯|架子|几楼|[二三四五六七八九十0-9]+楼)[^，。]{0,3}(?:掉|摔|跌|坠|滚)(?:下|了)',
      // breathing, heart, stroke, poisoning
      '没(?:有)?脉搏|摸不(?:到|着)脉|脉搏(?:没了|停了)|没有呼吸|没呼吸|没了呼吸|呼吸困难|喘不上气|喘不过气|没气了|没心跳|心脏骤停|心跳停|心脏病发|心脏病犯|胸口剧痛|胸口疼得|胸口(?:疼|痛|闷)[^。]{0,6}(?:冷汗|喘|晕)|冷汗直冒|抽搐|口吐白沫|休克|中风|脑梗|心梗',
      '大舌头|半拉脸|脸[^，。]{0,3}耷拉|(?:手|胳膊|腿)[^，。]{0,4}(?:抬不起来|没劲了|不听使唤)|说不出话|说不清楚话|说话不清|口齿不清|半边身子|半边脸|脸歪|嘴歪|口角歪|中毒|误(?:服|吞|吃|喝|食)|吃错药|瘫(?:那|倒|在地|软)|一头栽|栽(?:下去|倒|了下去)|歪倒[^。]{0,8}(?:口水|流|说不)|(?:被|遭)(?:高压)?电(?:打|击|到)|电打了|躺在(?:马路|路中间|路上|街上)|烫(?:伤|到|了)[^。]{0,10}(?:皮|泡|大片|哭)|跌亲|抽过去|抽风(?!机)|翻白眼|噎住|卡住喉咙|卡喉咙|卡在喉咙|卡进喉咙|喉咙(?:里)?卡|呛住|窒息|憋得(?:发紫|喘不|透不过)|脸(?:色)?发(?:紫|青)|晕在|昏在|倒在血泊|躺在(?:地|路)[^，。]{0,4}(?:不动|不起|起不来)|腿(?:都)?变形|骨头(?:露|断)|断了(?:腿|胳膊)|割(?:手)?腕|割手腕|一动也不动|动也不动|(?:吃|喝)[^，。]{0,4}呛(?:到|住)|噎到|呛奶|(?:脸|嘴唇|嘴)[^，。]{0,3}(?:发)?(?:青|紫|乌)了|毒蛇|被蛇咬|蛇咬|被(?:马)?蜂(?:蛰|蜇)[^。]{0,8}(?:肿|晕|喘|倒)',
      `${OTHER}[^。]{0,10}(?:血压[^，。]{0,4}(?:高|上来|飙|爆)|(?:疼|痛)得(?:要命|受不了|打滚|厉害|不行|直冒汗|说不出话)|剧痛|一直(?:吐|抽)|吐血|大口喘)`,
      `(?:浴室|卫生间|厕所|房间|屋里)[^，。]{0,8}(?:一直|半天|好久|很久)?没(?:有)?出来|(?:敲门|叫他|叫她|喊他|喊她)[^，。]{0,6}${NO_RESPONSE}`,
      `${PERSON}[^，。]{0,6}(?:倒在|动不了了|晕在|昏在)`,
      '(?:吃|喝|吞)了?[^，。]{0,4}(?:洗衣液|洗洁精|消毒液|84|漂白|杀虫剂|老鼠药|纽扣电池|电池|磁铁|硬币|干燥剂)',
      `(?:吃|喝|吞)[^，。]{0,6}(?:一整|一把|一瓶|一板|好多|很多)[^，。]{0,4}(?:药|片)|(?:安眠药|农药|老鼠药|敌敌畏|百草枯|一整瓶药|一瓶药|一把药)[^。]{0,8}(?:吃|喝|吞)|(?:吃|喝|吞)[^。]{0,8}(?:安眠药|农药|老鼠药|敌敌畏|百草枯|一整瓶药|一把药)`,
      // injuries and bleeding
      BLEEDING,
      '烫伤|烧伤|骨折|受了重伤|重伤|伤得很重|生命危险|快死了|奄奄一息|人不行了|快不行了|没声了|哭不出声|不哭了|脸色发紫|嘴唇发紫',
      '高烧.{0,6}(?:抽|不退|4\\d度)|触电|被电(?:到|了)|中暑.{0,6}(?:晕|昏|倒)|羊水破了|要生了|快生了|过敏.{0,6}(?:喘|肿|休克)',
    ),
    guarded: true,
    exclude: /(中毒性|游戏中毒|流鼻血|牙龈出血)/g,
  },
  {
    kind: 'violence',
    numbers: ['110'],
    pattern: alt(
      `打人|(?:还|正|一直)在打(?:我|人|他|她|孩子|老人|架|${PERSON})|打我(?!电话|手机)|殴打|被(?:人)?打(?!扰|折|印|针|卡|电话|款|分|败|开|通|包)|挨打|暴打|群殴|围殴|打架|斗殴|干仗|相拍|扇我|踹(?:我|人|门)`,
      '砍人|砍伤|被砍|劈友|劈人|斩人|斩伤|(?:互|对|乱|追着|拿刀)砍|砍(?:死|了)|捅人|捅伤|被捅|捅了|行凶|杀人|要杀|杀了我|杀我|弄死|打死(?!也不|都不)|追着砍|追着打|追人|追砍',
      `(?:用|拿|提|持|举|带|掏|抄|抡|挥)(?![不唔]稳|什么|哪)[^，。]{0,3}${WEAPON}(?![剁切削磨])|${WEAPON}[^，。]{0,2}(?:顶|架|抵|对着|指着)|刀砍|(?:有人|开)[^，。]{0,2}枪|枪声`,
      `(?:卷|绞|夹|轧)(?:进|到)[^，。]{0,6}(?:手|脚|腿|胳膊|头发|人|车底)|被(?:机器|车|公交|卡车)(?:卷|绞|夹|轧)|(?:拽|拖|拉|抱|塞|拐)[^，。]{0,6}(?:车里|车上|面包车)|(?:往|向|进)[^，。]{0,5}车(?:里|上)?[^，。]{0,2}(?:拽|拖|拉|塞|抱)|关(?:在|着)[^，。]{0,6}不让(?:我)?(?:出|走)|砸人|拿[^，。]{0,4}砸(?:人|我|他|她)`,
      '家暴|家庭暴力|打红了眼|打起来了|打成一团|扭打|厮打|(?:拿起|抄起|抡起|举起)(?:了)?[^，。]{0,3}(?:椅子|凳子|砖|刀|棍|酒瓶|锤|铁)|把(?:人|他|她|孩子|老人|我)(?!的|们)[^，。的]{0,3}(?:打|揍|踢|砸)(?!错|烂|坏|碎|印|扫|包|卡|折|开|通|听)|(?:拖|拉|拽)到[^，。]{0,6}(?:打|揍)|哭喊|惨叫|哭叫|求饶|抽我|用皮带|同归于尽|摸我|摸她|(?:一直|还)跟着我|偷偷跟着|掐我|掐脖子|掐着|勒脖子|绑架|绑走|劫持|人质|强奸|性侵|猥亵|非礼|砸门|砸窗|砸车|砸东西|砸店|打砸|持械|械斗|尖叫|呼救|喊救命',
    ),
    exclude: /(打人工|打人家电话|打死[^，。]{0,4}(?:猫|狗|蚊子|老鼠|蟑螂|虫))/g,
    // "上周被人打了，派出所不管" is a report about the past, not a fight going on now.
    guarded: true,
    unlessFramed: FICTION,
  },
  {
    kind: 'crime',
    numbers: ['110'],
    pattern: alt(
      '抢劫|抢包|抢手机|抢东西|拦住[^。]{0,12}(?:拿走|抢|要钱)|(?:手机|钱|包|项链)[^，。]{0,4}(?:都)?(?:被)?(?:拿走|抢走|抢了)|(?:不认识|陌生)[^。]{0,10}(?:敲门|要进来|开门)|敲[^，。]{0,4}门[^。]{0,10}(?:要进来|不认识)|抢(?:小孩|孩子|婴儿|人)|(?:陌生|不认识)[^，。]{0,6}(?:拉走|拖走|抱走|带走|拽走)|(?:孩子|女儿|儿子|小孩)[^，。]{0,10}(?:拉走|拖走|抱走|带走|拽走)|被抢|打劫|撬|屋里有动静|家里有动静|有人在(?:我)?(?:家|屋)里|关起来|被关(?:在|起来)|扣住|扣留|软禁|囚禁|不让离开|不放我走|传销|有人[^。]{0,12}(?:院子|家门口|窗外|阳台)[^。]{0,6}(?:转悠|转|徘徊|晃悠|晃|偷看|窥)|被控制|限制(?:人身)?自由|扣押|飞车抢|抢了我|抢(?:了|走)?[^，。]{0,6}(?:包|手机|钱包|项链|金链|首饰|电动车)|陌生(?:男)?人[^，。]{0,6}(?:进|闯|在我家|在屋)|进了?(?:个|一个)?陌生|撬门|撬锁|撬我家|有人闯|闯进|闯入|入室|翻窗|翻墙进|进小偷|进贼|有贼|正在偷|在偷|偷(?:走|了)我|偷车',
      '(?:出车祸|车祸|被绑架|绑架|在抢救|被抓|涉嫌|安全账户|保证金)[^。]{0,24}(?:转|汇|打)[^。]{0,4}(?:钱|款|账|万)|(?:转|汇)[^。]{0,4}(?:钱|款|万)[^。]{0,16}(?:排队|柜台|银行|正在|马上)[^。]{0,10}(?:骗|电话|陌生)',
      '小偷.{0,6}(?:正在|在偷|还在|跑|进|屋)|拐卖|拐走|抱走|跟踪我|尾随|被(?:人)?跟(?:踪|着|了一路)|有人跟着我|偷拍我|报警(?!器)|敲诈|勒索|非法拘禁|关起来不让走|躲在(?:卧室|房间|厕所|柜子|衣柜|床底|卫生间|便利店|店里|车里)',
    ),
    recurringGuard: true,
    // "如果有人撬门，是先报警还是…" asks what to do; "上个月被偷了" is over.
    guarded: true,
    exclude: /(抢钱吗|抢钱啊|跟抢钱|是抢钱|明抢|抢学位|抢号|抢票|抢购|能报警|要不要报警|可以报警|该报警|报警吗|报警有用|报警不|报警没用|报警也|报警还是|先报警|短信报警|如何报警|怎么报警|报警电话)/g,
  },
  {
    kind: 'trapped',
    numbers: ['119'],
    pattern: alt(
      '(?:困在|被困|困住|关在|锁在|堵在|憋在)[^，。]{0,8}(?:电梯|里面|里头|屋里|楼里|车里|水里|山上|井里|洞里|房间|厕所|卫生间|阳台|楼顶|废墟|下面|中间)',
      '电梯[^，。]{0,2}困|电梯[^，。]{0,8}(?:困|关|卡)[^，。]{0,4}(?:人|住|在里|了|中间)|电梯[^。]{0,12}里面(?:还)?有|电梯困人|困人|被困',
      `${PERSON}[^，。]{0,6}(?:困|关|锁)在|(?:人|孩子|头|腿|脚|手|身子)卡在|${PERSON}[^，。]{0,4}卡在|(?:手|脚|头|腿|胳膊|手指)[^，。]{0,3}(?:卡进|卡在|夹住|夹在|被夹|卡住)|把(?:手|脚|头|腿)[^，。]{0,2}卡|(?:卡进|夹进)[^，。]{0,4}(?:电梯|门缝|机器|防盗窗)|(?:车里|屋里|里面|里头|里边)[^，。]{0,3}出不来|有人[^，。]{0,6}(?:出不来|出不去)|(?:山上|山里)[^，。]{0,8}(?:下不来|迷路|走不出)|迷路了[^。]{0,10}(?:天黑|山)|爬(?:上|到)[^，。]{0,4}(?:高压|电塔|电线杆)|${PERSON}[^，。]{0,6}(?:被卡住|卡住了)`,
      `(?:锁|关|困|闷)着(?:个|一个|两个)?${PERSON}`,
      '(?:门打不开|打不开门|反锁|锁住)[^，。]{0,8}(?:出不来|出不去|里面|孩子|人|老人)',
      `被埋|埋在|埋了|压在下面|压住(?:了)?\\S{0,2}${PERSON}|${PERSON}[^，。]{0,4}被压(?:在|住|伤|倒)|压着人|压到人|砸(?:到|中|伤)${PERSON}`,
      `${PERSON}[^。]{0,8}(?:爬到|站在|坐在|挂在|爬上)[^。]{0,6}${HEIGHT}|挂在窗外|悬在|吊在半空|掉进(?:了)?(?:坑|沟|井|下水道|窨井|洞)`,
      '(?:里面|屋里|楼里|车里)[^，。]{0,3}有人|人还在(?:里面|屋里|楼里|车里)|还有人(?:在)?(?:里面|屋里|没出来)',
    ),
    recurringGuard: true,
    guarded: true,
    exclude: /(钥匙锁在|钥匙关在|钥匙落在|卡在(?:哪|什么|这个|那个|审批|流程|系统)[^，。]{0,4}(?:环节|步骤|流程|审批|系统|手续|阶段|地方|部门)?)/g,
  },
  {
    kind: 'drowning',
    numbers: ['110', '120'],
    pattern: alt(
      '溺水|落水|掉(?:进)?(?:了)?(?:井|坑|窨井|下水道)里|掉(?:到|进)[^，。]{0,3}(?:粪坑|粪池|化粪池|井|坑|冰窟窿)|掉进?(?:了)?(?:河|湖|江|海|水塘|池塘|鱼塘|水库|水池|泳池|水里|水中|粪池|化粪池|水沟|河沟)|掉[^，。]{0,3}(?:河|湖|江|水|塘)里',
      '跳(?:进|入|下)?(?:了)?(?:江|河|湖|海|水库|水里)|冲进(?:了)?(?:河|江|湖|海|水)|冲起走|冲跑了|冲没了|(?:被|让)(?:水|浪|洪水|河水|海浪)?卷走|船[^，。]{0,3}翻|跳河|跳江|跳湖|跳海|淹死|快淹|要淹死|被(?:洪)?水冲|被冲走|冲走了|沉下去|往下沉|在下沉|不会游泳',
      '(?:水|洪水)[^，。]{0,6}(?:漫到|淹到|到了|没过|齐|已经到|涨到|到)[^，。]{0,3}(?:胸|(?<!脚)脖子|腰|下巴|头顶|屋顶|二楼|天花板|窗户|肩膀)',
      '被水围|被洪水围|水里.{0,4}(?:挣扎|喊|救)|水(?:在)?往上涨',
      // Water rising around someone who cannot get away (a car in an underpass, a ground-floor room).
      '(?:水位|水)[^，。]{0,6}(?:上涨|上升|猛涨|没过|漫过|淹过)[^。]{0,24}(?:车|人|孩子|儿童|老人|困|出不|打不开|无法)',
      `${WATER}[^。]{0,20}${NOT_OUT}`,
      `${PERSON}[^。]{0,12}不见了[^。]{0,20}(?:水|泳池|河|湖|塘|海)|(?:水|泳池|河|湖|塘|海)边[^。]{0,16}(?:不见了|找不到了)|水面上?漂着`,
      `${WATER}[^。]{0,20}来不及(?:跑|撤|逃)|(?:泄洪|洪水|山洪)[^。]{0,12}(?:还有人|有人)`,
    ),
    guarded: true,
    recurringGuard: true,
  },
  {
    kind: 'collapse',
    numbers: ['119', '120'],
    pattern: alt(
      '(?:楼|房|房子|房屋|墙|屋顶|屋|天花板|吊顶|桥|棚|脚手架|塔吊|广告牌|隧道|矿|工地|阳台|围墙|厂房)[^，。]{0,6}(?:塌了|塌下|倒塌|坍塌|垮了|垮塌|塌方|在晃|晃得厉害|断了)',
      `(?:楼|房子|房屋|墙|围墙|脚手架|塔吊)倒了|(?:天花板|吊顶)[^，。]{0,6}掉下来[^。]{0,10}${PERSON}`,
      `塌方.{0,6}(?:人|压|埋|困)|(?:落石|滚石|石头)[^，。]{0,4}砸(?:中|到|了)|(?:盖住|埋住|吞没|冲垮|冲倒)[^，。]{0,6}(?:人|户|家|房|村)|(?:人|户|家|房|村)[^，。]{0,4}(?:被)?(?:盖住|埋住|埋了|冲垮|吞没)|(?:滑坡|泥石流|山洪|石头)[^，。]{0,8}(?:来了|冲|埋|压|困|快跑|救命|人被|房子被|有人)`,
      `(?:树|电线杆|杆子|招牌|广告牌)[^，。]{0,6}(?:压|砸)[^，。]{0,4}${PERSON}|楼在晃|房子在晃|塌了|倒塌|坍塌|塌陷.{0,6}(?:人|车|掉)`,
      // Things falling from a building onto people below (高空坠物).
      `(?:外墙|保温层|瓷砖|玻璃|广告牌|招牌|空调外机|窗户|窗框|阳台|墙皮|脚手架|砖)[^，。]{0,8}(?:脱落|坠落|掉落|坠下|往下掉|掉下来|砸下来)[^。]{0,16}(?:楼下|下面|底下|路上)[^，。]{0,6}(?:有|还有|仍有|都是)?(?:人|儿童|孩子|行人|小孩|${PERSON})`,
    ),
    recurringGuard: true,
    guarded: true,
  },
  {
    kind: 'suicide',
    numbers: ['110', '120'],
    pattern: alt(
      '(?:做个|做一个|来个|来一个)了断|了断自己|不想活|活不下去|活着没意思|活着没意义|活着没劲|活着太累|活着好累|活够了|不想再活|想死|去死|想自杀|自杀|轻生|寻死|寻短见|了结自己|结束(?:自己的)?生命|结束自己|结束这一切|结束一切|离开这个世界|去另一个世界|不想活着',
      '跳楼|要跳(?!舞|绳|格子|过|远|高|槽|伞|级|闸|广场舞)|跳下去|跳下来|割腕|上吊|服毒|喝农药|吃安眠药|一了百了|不如死了|死了算了|死了就好|遗书|遗言|告别信|交代后事|解脱',
      '想不开|做傻事|走极端|不想(?:再)?醒|永远睡|翻过(?:了)?[^，。]{0,6}(?:护栏|栏杆|围栏)|越走越深|往(?:河|湖|江|海|水库)里走|跨出栏杆|翻过栏杆|翻出栏杆|爬上栏杆|站在栏杆外|(?:留了?(?:一)?封信|留下遗书|对不起大家)[^。]{0,16}(?:关机|联系不上|不接|找不到)|不活了|带着?孩子一起(?:走|死|跳)|活着就是(?:个)?(?:拖累|累赘)|活着是(?:个)?(?:拖累|累赘)|我就是个(?:拖累|累赘)|从桥上(?:下去|跳)',
      `(?:撑不下去|熬不下去|受不了了|太累了|没意思)[^。]{0,24}(?:${HEIGHT}|电话(?:也)?不接|联系不上|说再见|对不起)`,
      `${PERSON}[^。]{0,6}(?:站在|坐在|爬上)[^。]{0,4}(?:楼顶|天台|栏杆|窗台|桥)`,
      // A goodbye, then silence; pills saved up.
      '(?:永别|告别|遗言|再见了|谢谢[^，。]{0,4}照顾|来生|下辈子|对不起大家)[^。]{0,30}(?:电话不接|不接电话|联系不上|关机|找不到|不回)',
      '(?:攒|囤|存)(?:了)?[^，。]{0,4}(?:安眠药|药片|一瓶药|农药|老鼠药)',
      // Climbed up somewhere high and threatening to jump (a classic wage protest).
      '(?:爬|站|坐|蹲|跑)(?:上|到|在)(?:了)?[^，。]{0,8}(?:顶|楼|天台|塔吊|脚手架|桥|栏杆|广告牌|高处|烟囱)[^。]{0,20}(?:跳|不活|寻死|死给)',
    ),
    exclude: /(跳楼价|跳楼甩卖|跳楼大甩卖|跳下来的价格|想死的心都有|想死的心|[吵气烦急热累困饿冻笑]得想死)/g,
  },
  {
    kind: 'crash',
    numbers: ['122', '120'],
    pattern: alt(
      '(?:车祸|撞车|相撞|翻车|侧翻|碾压|肇事|逃逸|连环撞|交通事故|追尾)[^。]{0,12}(?:伤|血|倒地|躺|昏|不动|严重|起火|卡在|困在|翻了|死|救护|跑了|现在|刚刚|刚才|有人|人被|压|砸)',
      '(?:伤|血)[^。]{0,8}(?:车祸|被车撞|撞倒|碾压)|(?:撞|碾|轧)(?:了|到|倒|伤|死|飞)?(?:一个|一|个|两个|几个)?(?:人|行人|老人|孩子|路人|学生|小孩|大爷|大妈|老太|骑车的)|把[^，。]{0,10}(?:撞|碾|轧)(?:飞|倒|伤|死|了)|撞飞',
      '车[^，。]{0,3}撞(?:了|上|在)[^。]{0,12}(?:伤|血|倒地|躺|昏|不动|卡在|困在|出不来|死|救护|人)|车[^，。]{0,4}翻了|被车撞|被撞倒|被车碾|撞在一起|撞成一团|卷到车底|压在车底|车底下|(?:撞|冲)进(?:了)?[^，。]{0,6}(?:店|人群|房|屋|商场|超市|餐馆|学校)|连环相撞|好多车撞|几辆车[^，。]{0,4}撞|撞(?:到|成)?一(?:块|起|堆)|撞人了|出车祸了|发生车祸|车祸现场|撞了就跑|翻(?:进|到)?沟里|掉下桥',
    ),
    recurringGuard: true,
    guarded: true,
    exclude: /(没人受伤|没有人受伤|无人受伤|没有受伤|没受伤|人没事|人都没事|没伤到人|没有伤亡)/g,
  },
  {
    kind: 'missing',
    numbers: ['110'],
    pattern: alt(
      '(?:孩子|老人|老年人|爸|妈|爷爷|奶奶|外婆|外公|女儿|儿子)[^，。]{0,6}(?:丢了|走丢|不见了|找不到了|失踪|走失|被人抱走|被带走)',
      '找不到(?:孩子|老人|我爸|我妈)|孩子被抱走',
      '(?:孩子|小孩|老人|老年人|爸|妈|父亲|母亲|爷爷|奶奶|外婆|外公|老爷子|老太太|儿子|女儿|闺女|孙子|孙女|老公|老婆|丈夫|妻子)[^。]{0,16}(?:没回来|没回家|联系不上|找不到了|还没找到|没找到|不见了|走丢|失踪|走失)',
    ),
    guarded: true,
    exclude: /(防走失|走失手环|定位手环)/g,
  },
  {
    kind: 'hazard',
    numbers: ['119'],
    pattern: alt(
      '(?:漏水|渗水|水)[^。]{0,12}(?:火花|冒火|打火|滋滋)|火花[^。]{0,8}(?:漏水|水)|电线[^，。]{0,6}(?:掉|断|冒火|起火|火花|垂)|高压线[^，。]{0,6}(?:掉|断|落)|漏电[^，。]{0,6}(?:人|电到)|变压器[^，。]{0,6}(?:爆|着火|冒烟|炸)',
      '化学品泄漏|有毒气体|毒气|氯气|氨气|危化品|救命(?!钱|稻草)|(?<![a-z])sos(?![a-z])|快救人|救救我|救人啊',
    ),
    recurringGuard: true,
    guarded: true,
  },
];

/** English phrasings checked on the raw (lower-cased) text, where negations and pronouns still exist. */
const ENGLISH_RULES: { kind: EmergencyKind; numbers: EmergencyNumber[]; pattern: RegExp }[] = [
  { kind: 'fire', numbers: ['119'], pattern: /\b(fire(?! (lane|exit|escape|door|hydrant|extinguisher|safety|drill|alarm test|station|department|brigade|truck|engine|fighter|service|hose|hazard|risk|access|code|inspection|for my stove|on the stove|for the stove)s?\b)(?<!stove fire)|on fire|smoke|flames?|burning|explosion|exploded)\b/ },
  {
    // Understated fires: "the wok's gone up and it's licking the cupboard".
    kind: 'fire',
    numbers: ['119'],
    pattern: /\b((wok|pan|pot|oil|chip pan|kitchen|stove|hob|cooker|curtains?|sofa|bin|car|van|shed)('s| has| is)? (gone up|caught|ablaze|alight)|ablaze|alight|flames? (are |is )?licking|licking (the|at) (cupboard|ceiling|wall|curtains?))\b/,
  },
  { kind: 'hazard', numbers: ['119'], pattern: /\b(sparks?|sparking|electrocut\w*|live wires?|exposed wires?)\b/ },
  {
    kind: 'hazard',
    numbers: ['119', '120'],
    pattern:
      /\b((leak\w*|escap\w*|spill\w*|pour\w*)[^.]{0,30}\b(vapou?rs?|fumes?|chemicals?|ammonia|chlorine|acid)|toxic (gas|fumes?|smoke)|poison\w* (gas|fumes?)|(coughing|choking|dizzy)[^.]{0,50}\b(fallen( down)?|collapsed|fainted|passed out|unconscious))\b/,
  },
  { kind: 'drowning', numbers: ['110', '120'], pattern: /\b(drown\w*|can'?t swim|went under|pulled (him|her|them) out of the water|missing (near|by|at) the (pool|river|lake|sea))\b/ },
  { kind: 'gas', numbers: ['119'], pattern: /\b((gas|cylinder|tank|canister|pipe)[^.]{0,50}\bhiss\w*|hiss\w*[^.]{0,20}\b(gas|cylinder|tank|smell)|gas (leak|smell)|smell(s|ing)? (of |like )?(gas|rotten eggs?)|rotten eggs?|carbon monoxide)\b/ },
  {
    kind: 'medical',
    numbers: ['120'],
    pattern:
      /\b((not|isn'?t|stopped|no longer|barely|don'?t think (he|she)'?s|doesn'?t seem to be) breathing|unconscious|unresponsive|not responding|passed out|fainted|collapsed|not moving|isn'?t moving|won'?t wake|not waking|(not|can'?t|cannot|doesn'?t|didn'?t) (wake|waking) up|breathing (very |really |so )?(strange\w*|weird\w*|funny|odd\w*|badly|heavily|shallow|noisily)|(doesn'?t|does not|won'?t|didn'?t) respond|(lips|face|skin) (are |is )?(going|turning|turned|gone) (blue|purple|grey|gray)|gurgling|slurr(ed|ing)|(face|mouth) (is )?droop\w*|can'?t (lift|move) (his|her|my) (arm|leg|hand)|heart attack|stroke|seizure|overdose|took (a lot of|too many|a bottle of) pills|swallowed (a|an|some|the)|(drank|ate|swallowed) (some )?(bleach|poison|pesticide|detergent|rat poison)|bleeding|blood (on|everywhere|all over)|lying on the (floor|ground)|can'?t breathe|(cannot|can barely|barely) breathe|chest pains?|can'?t get up|cannot get up|choking|poison(ed|ing)|fell (off|from|down)|fallen (off|from))\b/,
  },
  {
    kind: 'violence',
    numbers: ['110'],
    pattern:
      /\b((with|holding|has|had|have|got|pulled|pulling|waving|swinging|brandishing|carrying) (a |an |his |her |their )?(kitchen |big |long )?(knife|knives|machete|cleaver|gun)|(knife|gun) (at|to|in his|in her)|stab(bed|bing)?|gun ?shots?|shoot(ing)?|(been|got|was) shot|(beat(ing)?|hitting|punching|kicking|attacking|strangling|choking) (a|an|the|his|her|my|some|someone|somebody|people|him|her|me|us)|assault(ed)?|(going to|gonna|wants? to|trying to|tried to|threaten\w* to|about to|(said|says) (he|she|they)('ll| will| would| is going to| are going to)) kill (me|her|him|us|them|my|his)|(is|are|'s) killing (her|him|me|them|my)|threaten(ing|ed)? to kill|fighting|domestic violence|touching me|following me)\b/,
  },
  { kind: 'crime', numbers: ['110'], pattern: /\b(broke into|break(ing)? into|trying to break|break[- ]in|burglar|intruder|robb(ed|ery|ing)|mugg(ed|ing)|snatched|kidnap(ped|ping)?|someone (is )?in my (house|home|apartment|flat)|hiding in|locked me (in|up))\b/ },
  { kind: 'trapped', numbers: ['119'], pattern: /\b(trapped|doors? (won'?t|will not|don'?t|can'?t) open|(water|flood)[^.]{0,20}up to (the |my |our )?(windows?|chest|neck|waist|roof)|(climbing|standing|sitting|hanging|leaning) (onto|over|on|off|out of|out over) (the |a )?(\w+ )?(railings?|balcony|ledge|edge|window ?sill|window|roof|flower pots)|alone on (the |a )?\w* ?(balcony|roof|ledge)|stuck in (the|an?|our|my) (elevator|lift|flood|water|car|rubble)|locked in (the|a) car|can'?t get out|hanging (from|off|out of))\b/ },
  { kind: 'drowning', numbers: ['110', '120'], pattern: /\b(drown(ing|ed)?|fell into (the )?(river|water|lake|sea|pool)|swept away|carried away|water (is )?rising|it'?s rising)\b/ },
  { kind: 'collapse', numbers: ['119', '120'], pattern: /\b(collapsed building|building (has )?collapsed|(roof|wall|house|ceiling) (has )?collapsed|buried)\b/ },
  {
    // Someone under or inside what came down ("the scaffold just collapse, workers dey under am").
    kind: 'collapse',
    numbers: ['119', '120'],
    pattern:
      /\b((scaffold\w*|wall|building|roof|ceiling|crane|bridge|house|structure|tower|billboard|tree|trench|shed)[^.]{0,30}\b(collapsed?|collapses|fell|fall(en)?|came down|caved in|come down)\b[^.]{0,20}\.?[^.]{0,40}\b(under|beneath|trapped|buried|inside|on top of)|(workers?|people|someone|somebody|children|kids|men|man|woman|family) (are |is |dey |still )?(under|beneath|buried|trapped))\b/,
  },
  {
    // A structure giving way with people next to it, or about to come down.
    kind: 'collapse',
    numbers: ['119', '120'],
    pattern:
      /\b((about to|going to|could) (collapse|come down|give way|fall down)|collapsing|caving in|giving way|((wall|building|ceiling|roof|balcony|slope|hillside|scaffold\w*|crane|tree|billboard|house)s?\b[^.,]{0,30}?\b(is |are )?(\w+ )?(bulging|cracking|leaning|tilting|sliding|crumbling|sagging|swaying)[^.]{0,80}\b(people|staff|workers|kids|children|someone|residents|students|pedestrians|we'?re|we are|i'?m)\b[^.]{0,30}\b(beside|under|below|near|next to|inside|underneath|walking|working|playing|living|right)))\b/,
  },
  {
    kind: 'suicide',
    numbers: ['110', '120'],
    pattern: /\b(((say|said|saying) goodbye|farewell|goodbye message)[^.]{0,80}\b(not (picking|answering)|won'?t (pick|answer)|can'?t reach|isn'?t answering|not replying|phone('s| is)? off)|won'?t be a burden|not be a burden|be a burden (any ?more|to anyone)|better off without me|suicid(e|al)|kill myself|end my life|want to die|take my own life|jump off|end it all|(want|going|about|threatening) to jump|jump (from|off)|standing on the (roof|edge|ledge|bridge))\b/,
  },
  {
    // Someone missing now ("my son went missing from the play area fifteen minutes ago").
    kind: 'missing',
    numbers: ['110'],
    pattern:
      /\b((son|daughter|child|kid|boy|girl|grandson|granddaughter|grand(ma|pa|mother|father)|mother|father|mum|mom|dad|husband|wife)\b[^.]{0,30}\b(went missing|is missing|has gone missing|gone missing|disappeared|wandered off|has not come back|hasn'?t come back)|(can'?t|cannot|couldn'?t) find (my|our) (son|daughter|child|kid|little \w+|grand\w+|mother|father|mum|mom|dad))\b/,
  },
  { kind: 'crash', numbers: ['122', '120'], pattern: /\b(car (crash|accident)|hit by a (car|truck|bus)|run over|crash(ed)?|hit (a|an|the) (motorcyclist|cyclist|pedestrian|child|kid|man|woman|boy|girl|person)|drove off|hit and run)\b/ },
];

const NUMBERS_BY_KIND: Record<EmergencyKind, EmergencyNumber[]> = {
  fire: ['119'],
  gas: ['119'],
  medical: ['120'],
  violence: ['110'],
  crime: ['110'],
  trapped: ['119'],
  drowning: ['110', '120'],
  collapse: ['119', '120'],
  suicide: ['110', '120'],
  crash: ['122', '120'],
  missing: ['110'],
  hazard: ['119'],
};

/**
 * True when the framing says a danger is not live: it happened before, it keeps happening, it is about claims,
 * rules or money, or it is a thank-you — and nothing says it is happening now. The learned layer, which cannot
 * tell what it reacted to, yields to this framing; the rules apply their own finer guards. A farewell ("谢谢照顾，
 * 永别了") is never framed as not live. The cue sets and compositions are in lexicon/framing.ts.
 */
export function framedAsNotLive(r: DangerReading): boolean {
  const cues = r.cues;
  if (any(cues, FAREWELL)) return false;
  if (notReal(r) || overInEnglish(r)) return true;
  const now = any(cues, FRAMING_NOW);
  const nowWeak = any(cues, FRAMING_NOW_WEAK);
  if (any(cues, PAST) && !now) return true;
  // A problem that keeps coming back ("天天有车横着停", "every day") is a complaint.
  if (!nowWeak && (any(cues, RECURRING) || any(cues, RECURRING_EN) || any(cues, NEAR_MISS))) return true;
  if (!nowWeak && any(cues, ADMIN)) return true;
  // Money, complaints and thanks outweigh a weak "now" ("现在关门了，钱退不回来").
  if (!now && any(cues, GRIEVANCE_OR_THANKS)) return true;
  return any(cues, ENGLISH_NOT_LIVE) && !nowWeak;
}

/** Reads a message's stripped text (and its raw text for English); returns the kinds and numbers to call, or null. */
export function detectEmergency(r: DangerReading): EmergencyMatch | null {
  const normalized = r.stripped;
  const cues = r.cues;
  const kinds: EmergencyKind[] = [];
  const numbers = new Set<EmergencyNumber>();
  const now = any(cues, NOW_OVERRIDES_ALL);
  const past = any(cues, PAST);
  const admin = any(cues, ADMIN);
  const nowWeak = any(cues, NOW_OVERRIDES_ADMIN);
  const recurring = any(cues, RECURRING) || any(cues, RECURRING_EN);
  const unreal = notReal(r);
  let cryOnly = false;
  // Not real, or over in English, silences every rule, the unguarded ones too ("脑筋急转弯 从二十楼跳下来为啥没事"),
  // but never a farewell.
  const silenced = (unreal || overInEnglish(r)) && !any(cues, FAREWELL);
  // The guard every guarded rule obeys: it is over (unless a strong now), or administrative (unless any now).
  const framedOver = (past && !now) || (admin && !nowWeak);
  // A rule found the danger but its recurrence guard said it keeps happening: the score must not bring it back.
  let recurringOut = false;
  for (const rule of RULES) {
    if (silenced) continue;
    if (rule.unless?.test(normalized)) continue;
    if (rule.unlessFramed && any(cues, rule.unlessFramed)) continue;
    const text = rule.exclude ? normalized.replace(rule.exclude, '　') : normalized;
    if (!rule.pattern.test(text)) continue;
    if (rule.guarded && framedOver) continue;
    if (rule.recurringGuard && recurring && !now) {
      recurringOut = true;
      continue;
    }
    kinds.push(rule.kind);
    for (const n of rule.numbers) numbers.add(n);
    if (rule.kind === 'hazard' && !rule.pattern.test(text.replace(CRY, '　'))) cryOnly = true;
  }
  // English is read on the raw text with its look-alikes ("fire the staff", "nearly hit") blanked; a joke
  // ("my teacher will kill me haha") or aftermath words without a now silence it.
  const lower = r.english;
  if (/[a-z]{3}/.test(lower) && !unreal && !any(cues, JOKE) && !any(cues, ENGLISH_NOT_HAPPENING) && (!any(cues, ENGLISH_AFTERMATH) || any(cues, ENGLISH_NOW))) {
    for (const rule of ENGLISH_RULES) {
      if (!rule.pattern.test(lower) || kinds.includes(rule.kind)) continue;
      kinds.push(rule.kind);
      for (const n of rule.numbers) numbers.add(n);
    }
  }
  if (kinds.length === 0) {
    // The score is a net under the patterns, not around their guards: what the framing calls over, administrative
    // or recurring (for a danger a rule named) it does not call live either.
    if (unreal || silenced || framedOver || recurringOut) return null;
    // Second net: enough danger signs together, even if no pattern names the event.
    const danger = dangerScore(r);
    if (danger.score < DANGER_THRESHOLD || danger.kinds.length === 0) return null;
    for (const k of danger.kinds) {
      kinds.push(k);
      for (const n of NUMBERS_BY_KIND[k]) numbers.add(n);
    }
  }
  // A crash with nobody hurt needs 122 only.
  if (kinds.length === 1 && kinds[0] === 'crash' && !/(伤|血|倒|躺|昏|不动|死|救护|严重|卡在|困在|hurt|injur|blood|bleed)/.test(normalized + lower)) {
    numbers.delete('120');
  }
  const order: EmergencyNumber[] = ['110', '119', '120', '122'];
  const match: EmergencyMatch = { kinds, numbers: order.filter((n) => numbers.has(n)) };
  if (cryOnly && kinds.length === 1 && r.signs.length === 0) match.loneCry = true;
  return match;
}
