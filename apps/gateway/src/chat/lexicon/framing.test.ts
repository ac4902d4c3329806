// Why: every framing cue set is tested once, with a message it must catch and a look-alike it must not.
import { describe, expect, it } from 'vitest';
import * as framing from './framing.js';
import { CUES, readCues, type CueName } from './framing.js';

/** [catches, does not catch] — Chinese examples are already normalized (simplified, lower case). */
const EXAMPLES: Record<CueName, [string, string]> = {
  inProgress: ['他正在砸门', '他一直在流血'],
  alarm: ['救命啊', '快点来'],
  urgent: ['火越来越大', '快来'],
  comeNow: ['快来人啊', '快来修一下路灯'],
  comeAndFix: ['快来修一下路灯', '快来人啊'],
  keepsOn: ['他一直在流血', '一直没人管'],
  stillOrAlready: ['已经三天了', '他一直在流血'],
  helpWord: ['help me', '帮帮我'],
  enRightNow: ['he is bleeding right now', 'now he is fine'],
  enHurry: ['please hurry', 'no rush'],
  enNow: ['it is burning now', 'i know the rules'],
  enCallForHelp: ['please come quick', 'a list of emergency numbers for the fridge'],
  justNow: ['刚才有人摔倒了', '快递到了'],
  quick: ['快递到了', '慢慢来'],
  present: ['现在着火了', '到现在还没修好'],
  untilNow: ['到现在还没修好', '现在着火了'],
  toThisDay: ['至今没有答复', '今天停水'],
  enJust: ['he just fell', 'justice for all'],
  pastDated: ['昨天有人打架', '刚才有人打架'],
  dream: ['昨晚梦见家里着火了', '我的梦想是当消防员'],
  screen: ['刷到个电动车自燃的视频', '我拍了视频，火越来越大'],
  whileDoing: ['看电视剧的时候闻到煤气味', '做饭的时候着火了怎么办'],
  enAverted: ['the toast caught fire but it is all fine now', 'the kitchen is on fire'],
  farAway: ['新闻说土耳其又地震了', '我们小区又停电了'],
  enFarNews: ['saw on the news there was an earthquake in japan', 'the news said our road will close'],
  curiosity: ['那个视频是真的还是摆拍的', '这个补贴是真的能领吗'],
  game: ['打游戏我的角色被烧死了', '孩子在玩积木'],
  gameWorld: ['游戏入面地震 个关卡点过', '游戏厅着火了'],
  enWritingRequest: ['my students are writing a short story about a flood', 'the story is that the pipe burst'],
  riddle: ['千条线万条线掉到水里看不见打一自然现象', '打一二零叫救护车'],
  writingRequest: ['帮我写个故事，一条龙把城市烧了', '我写了投诉信没人回'],
  wordQuestion: ['fire中文是火还是火灾', '楼下着火了'],
  enNotReal: ['tell me a bedtime story about a dragon', 'my story is that the kitchen is on fire'],
  pastDatedMore: ['上个星期摔了一跤', '上周摔了一跤'],
  averted: ['火当时就扑灭了', '火还没扑灭了吗'],
  avertedStaff: ['没有人员受伤', '没有人受伤'],
  history: ['我爸中风过', '我爸中风了'],
  enLastPeriod: ['it happened last week', 'the last bus'],
  enYearsAgo: ['two years ago', 'years of waiting'],
  enAgo: ['three days ago', 'a day away'],
  recurring: ['每天晚上都吵', '今天晚上很吵'],
  recurringMore: ['三天两头停水', '停水了'],
  whenever: ['每逢下雨就积水', '下雨积水'],
  neglected: ['路灯坏了没人修', '有人在修'],
  enEvery: ['every night they shout', 'everyone is fine'],
  enEveryMore: ['it floods all the time', 'just in time'],
  enSince: ['since monday', 'since 2019'],
  enSinceMonth: ['since december', 'since monday'],
  enNearMiss: ['i nearly got hit', 'i got hit'],
  nearMiss: ['有个阿伯差啲跌落去', '阿伯跌落去'],
  hypothetical: ['如果着火了怎么办', '着火了'],
  hypotheticalMore: ['担心孩子掉进河里', '孩子掉进河里'],
  duringDisaster: ['地震时应该往哪跑', '地震了'],
  afterwards: ['手术之后能报销吗', '手术后'],
  fiction: ['电视剧里有人被砍', '小说写得好'],
  episode: ['第三集里他被打', '第三次'],
  inABook: ['书里写的', '书包丢了'],
  novel: ['写一篇作文', '电影里'],
  claims: ['看病能报销吗', '报警'],
  claimsMore: ['理赔要多久', '赔偿'],
  socialSecurity: ['社保断缴', '医保'],
  procedure: ['需要什么材料', '需要帮忙'],
  procedureMore: ['有什么标准', '有什么规定'],
  procedureAsk: ['这事该找谁', '找到了'],
  prevention: ['防范电信诈骗', '范围'],
  preventionMore: ['防溺水安全教育', '溺水了'],
  education: ['教育孩子', '教室'],
  consumer: ['网购的东西质量差', '购物'],
  refusal: ['物业不管', '管理员'],
  towed: ['我的车被拖走了', '车被撞了'],
  cooking: ['锅底全糊了冒黑烟', '油锅着火了'],
  enCooking: ['burnt the toast again', 'the kitchen is on fire'],
  property: ['房产证', '房子'],
  enClaims: ['can i get compensation', 'company'],
  enClaim: ['how do i claim', 'claims'],
  enPrevention: ['for a school quiz: which number is it', 'event'],
  enMoney: ['i paid a deposit', 'payment'],
  enApplication: ['i applied in may', 'apply'],
  ticketWord: ['我要投诉', '我要诉说'],
  ticketWordMore: ['给个差评', '好评'],
  wages: ['拖欠工资', '工作'],
  moneyOwed: ['他欠我三千块', '我欠考虑'],
  enComplaint: ['i want to complain', 'compliant'],
  thanks: ['谢谢你们', '谢绝'],
  enThanks: ['thanks a lot', 'than me'],
  grievanceAsTyped: ['工地欠工资找谁', '你好'],
  farewell: ['永别了', '特别好'],
  enFarewell: ['goodbye everyone', 'good bye'],
  farewellAsTyped: ['《告别》', '分开'],
  enJoke: ['he will kill me lol', 'lollipop'],
  person: ['老人摔倒了', '着火了'],
};

const hits = (text: string): ReadonlySet<CueName> => readCues(text, text.toLowerCase());

describe('framing cue sets', () => {
  for (const name of Object.keys(CUES) as CueName[]) {
    it(`${name}: ${CUES[name].doc.slice(0, 60)}`, () => {
      const [yes, no] = EXAMPLES[name];
      expect(hits(yes).has(name), yes).toBe(true);
      expect(hits(no).has(name), no).toBe(false);
    });
  }

  it('every set has a doc comment and examples', () => {
    for (const name of Object.keys(CUES) as CueName[]) {
      expect(CUES[name].doc.length, name).toBeGreaterThan(25);
      expect(EXAMPLES[name], name).toBeDefined();
    }
  });

  it('English sets read the raw text only, Chinese sets the stripped text only', () => {
    expect(readCues('', 'it is burning now').has('enNow')).toBe(true);
    expect(readCues('it is burning now', '').has('enNow')).toBe(false);
    expect(readCues('', '现在着火了').has('present')).toBe(false);
  });
});

describe('compositions', () => {
  const compositions = Object.entries(framing).filter(([k, v]) => /^[A-Z_]+$/.test(k) && Array.isArray(v)) as [string, CueName[]][];

  it('name only existing sets, and every set but toThisDay is read by some composition', () => {
    const used = new Set<CueName>();
    for (const [k, names] of compositions) for (const n of names) {
      expect(CUES[n], `${k}: ${n}`).toBeDefined();
      used.add(n);
    }
    const unused = (Object.keys(CUES) as CueName[]).filter((n) => !used.has(n));
    expect(unused).toEqual(['toThisDay']);
  });

  it('a weak now includes the strong now it extends', () => {
    for (const n of framing.NOW_OVERRIDES_ALL) expect(framing.NOW_OVERRIDES_ADMIN).toContain(n);
    for (const n of framing.FRAMING_NOW) expect(framing.FRAMING_NOW_WEAK).toContain(n);
  });

  it('reads a strong now, a weak now, the past and the administrative framing', () => {
    expect(framing.any(hits('他正在砍人'), framing.NOW_OVERRIDES_ALL)).toBe(true);
    expect(framing.any(hits('他刚才摔倒了'), framing.NOW_OVERRIDES_ALL)).toBe(false);
    expect(framing.any(hits('他刚才摔倒了'), framing.NOW_OVERRIDES_ADMIN)).toBe(true);
    expect(framing.any(hits('上周被人打了'), framing.PAST)).toBe(true);
    expect(framing.any(hits('摔伤了能报销吗'), framing.ADMIN)).toBe(true);
    // 到现在 measures how long: a weak now for the danger rules, not for the not-live guard.
    expect(framing.any(hits('到现在还没修'), framing.NOW_OVERRIDES_ADMIN)).toBe(true);
    expect(framing.any(hits('到现在还没修'), framing.FRAMING_NOW_WEAK)).toBe(false);
  });
});
