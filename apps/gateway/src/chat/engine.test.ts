// Why: the chat engine's rules (emergency first, no FAQ for out-of-scope, context, clarify, drafts, lexicon, pinyin, English) and its accuracy floors on the dev sets.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, ChatMessageResponseSchema } from '@minhu/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChatEngine, type ChatAnswer, type ChatEngine } from './engine.js';
import { evaluate, parseEvalFile } from './eval.js';
import { extractAddress } from './draft.js';
import { KbLoadError, loadSeedKb, type KbEntry } from './kb.js';
import { ENGLISH } from './lexicon/english.js';
import { normalizeText } from './normalize.js';

let kb: KbEntry[];
let engine: ChatEngine;

// Building the engine trains its models: seconds, more on a busy machine.
beforeAll(() => {
  kb = loadSeedKb();
  engine = createChatEngine(kb);
}, 120_000);

/** Send messages in one conversation, passing the context along. */
function converse(e: ChatEngine, ...texts: string[]): ChatAnswer[] {
  const out: ChatAnswer[] = [];
  let context: unknown;
  for (const t of texts) {
    const a = e.answer(t, context);
    out.push(a);
    context = JSON.parse(JSON.stringify(a.context)); // what the gateway stores is JSON
  }
  return out;
}

describe('the decision table', () => {
  it('names the row that answered', () => {
    expect(engine.answer('你好').situation).toBe('greeting');
    expect(engine.answer('楼下着火了，烟越来越大').situation).toBe('emergency');
    expect(engine.answer('公积金怎么提取').situation).toBe('consult');
    expect(engine.answer('千条线万条线掉到水里看不见打一自然现象').situation).toBe('not real');
    const first = engine.answer('社保卡丢了怎么补办');
    expect(engine.answer('那需要带什么材料', first.context).situation).toBe('follow-up');
  });
});

describe('knowledge base', () => {
  it('loads every category with at least 6 valid entries, localValue null and enabled', () => {
    expect(kb.length).toBeGreaterThanOrEqual(108);
    for (const c of CATEGORIES) expect(kb.filter((e) => e.categoryId === c.id).length, c.id).toBeGreaterThanOrEqual(6);
    for (const e of kb) {
      expect(e.localValue).toBeNull();
      expect(e.enabled).toBe(true);
      expect(e.paraphrases.length).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(kb.map((e) => e.id)).size).toBe(kb.length);
  });

  it('rejects a malformed file with the file name in the error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'heating.json'), JSON.stringify({ categoryId: 'heating', entries: [{ id: 'h1', question: '供暖', paraphrases: [] }] }));
    expect(() => loadSeedKb(dir)).toThrow(KbLoadError);
    expect(() => loadSeedKb(dir)).toThrow(/heating\.json/);
  });

  it('rejects a file whose categoryId does not match its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'noise.json'), JSON.stringify({ categoryId: 'heating', department: '供热企业', entries: [] }));
    expect(() => loadSeedKb(dir)).toThrow(/expected "noise"/);
  });

  it('names the department answering every entry: the file’s, or the entry’s own', () => {
    for (const e of kb) expect(e.department.length, e.id).toBeGreaterThanOrEqual(2);
    expect(kb.find((e) => e.id === 'heating-03')?.department).toBe('供热企业');
    expect(kb.find((e) => e.id === 'heating-07')?.department).toBe('市民政局');
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'noise.json'), JSON.stringify({ categoryId: 'noise', entries: [] }));
    expect(() => loadSeedKb(dir)).toThrow(/noise\.json: department/);
  });
});

describe('emergency comes first', () => {
  const cases: [string, string[]][] = [
    ['楼下冒黑烟还有噼啪声', ['119']],
    ['厨房里一股臭鸡蛋味 越来越浓', ['119']],
    ['我爸突然倒地叫不醒', ['120']],
    ['奶奶在卫生间摔了 喊她没答应', ['120']],
    ['我不想活了', ['110']],
    ['有人站在天台边上要往下跳', ['110']],
    ['他拿着菜刀在楼道追人', ['110']],
    ['有人抢了我的包往地铁站跑了', ['110']],
    ['老公喝醉了还在打我', ['110']],
    ['水已经漫到胸口了出不去', ['120']],
    ['我们被困在电梯里半个小时了', ['119']],
    ['孩子掉河里了 看不见人了', ['110']],
    ['工地脚手架倒了 下面压着人', ['119']],
    ['一辆货车把骑电动车的大爷撞飞了 躺着不动', ['122']],
    ['孩子误吃了洗衣液一直在吐', ['120']],
    ['我闺蜜吞了一整瓶安眠药', ['120']],
    ['屋企着火呀 快啲嚟', ['119']],
    ['My neighbour collapsed and is not breathing', ['120']],
    ['Someone is breaking into my flat right now', ['110']],
    ['There is smoke coming out of the apartment upstairs', ['119']],
  ];
  for (const [text, numbers] of cases) {
    it(`"${text}" → call ${numbers.join('/')}`, () => {
      const a = engine.answer(text);
      expect(a.intent).toBe('emergency');
      for (const n of numbers) {
        expect(a.reply.emergencyNumbers).toContain(n);
        expect(a.reply.text).toContain(n);
      }
      expect(a.faqId).toBeUndefined();
      // The numbers come first; the draft is the way on for a citizen who says it is not urgent (继续反映).
      expect(a.reply.text.indexOf(numbers[0]!)).toBeLessThan(a.reply.text.indexOf('。'));
      expect(a.draft).toMatchObject({ description: text });
      expect(a.reply.suggestions).toEqual([]);
    });
  }

  it('drafts the report a false alarm goes on to, with the category a complaint would get', () => {
    // Read as an emergency today (issue #16) or as a complaint: either way the way on is the same heating report.
    const text = '我家暖气管爆了，水漫到楼下了';
    expect(engine.answer(text).draft).toMatchObject({ categoryId: 'heating', description: text });
    const fire = engine.answer('楼下着火了，好大的烟');
    expect(fire.intent).toBe('emergency');
    expect(fire.draft?.description).toBe('楼下着火了，好大的烟');
  });

  it('wins over a complaint in the same message', () => {
    const a = engine.answer('我要投诉物业 楼道里的电动车着火了 全是烟');
    expect(a.intent).toBe('emergency');
    expect(a.reply.emergencyNumbers).toEqual(['119']);
  });

  it('names 122 for a crash and adds 120 when someone is hurt', () => {
    expect(engine.answer('门口刚刚发生车祸 有人满头是血').reply.emergencyNumbers).toEqual(['120', '122']);
  });

  const notEmergencies = [
    '燃气停气通知在哪看',
    '电梯坏了好几天没人修',
    '小区电梯经常困人 物业也不管',
    '商家搞跳楼价清仓 结果是假货',
    '上个月家里着火烧坏了 能申请救助吗',
    '追尾了没人受伤 怎么快速处理',
    '灶台打不着火是不是停气了',
    '我都气炸了 工资三个月没发',
    '孩子在学校被打扰得没法午休',
    '老板不给工资 打死也不给 怎么办',
  ];
  for (const text of notEmergencies) {
    it(`no false alarm on "${text}"`, () => {
      expect(engine.answer(text).intent).not.toBe('emergency');
    });
  }
});

describe('out of scope', () => {
  const texts = ['明天会下雨吗', '讲个笑话', '茅台股票能买吗', '帮我解个方程 3x+5=20', '红烧肉怎么做', '帮我写个python爬虫', 'Tell me a joke', '帮我写一篇关于防汛的作文', '公积金这个词用英语怎么说'];
  for (const text of texts) {
    it(`"${text}" is declined without an FAQ`, () => {
      const a = engine.answer(text);
      expect(a.intent).toBe('out_of_scope');
      expect(a.faqId).toBeUndefined();
      expect(a.categoryId).toBeNull();
      expect(a.reply.suggestions).toEqual([]);
      expect(a.reply.text).toContain('18 类');
      expect(a.reply.text).toContain('投诉');
      for (const e of kb) expect(a.reply.text).not.toContain(e.answer.slice(0, 30));
    });
  }

  it('greets back on a bare greeting', () => {
    const a = engine.answer('你好');
    expect(a.intent).toBe('out_of_scope');
    expect(a.reply.text).toContain('您好');
  });
});

describe('consult', () => {
  it('answers with the FAQ text and up to 3 related suggestions, in the response contract', () => {
    const a = engine.answer('户口迁移需要什么条件');
    expect(a.intent).toBe('consult');
    expect(a.categoryId).toBe('household-id');
    const entry = kb.find((e) => e.id === a.faqId);
    expect(entry?.categoryId).toBe('household-id');
    expect(a.reply.text).toBe(entry?.answer);
    expect(a.reply.suggestions.length).toBeGreaterThan(0);
    expect(a.reply.suggestions.length).toBeLessThanOrEqual(3);
    expect(a.reply.suggestions.map((s) => s.faqId)).not.toContain(a.faqId);
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
    const { context: _context, ...body } = a;
    expect(ChatMessageResponseSchema.safeParse({ conversationId: 'c', messageId: 'm', ...body }).success).toBe(true);
  });

  it("appends the city's local details when set", () => {
    const withLocal = kb.map((e) => (e.categoryId === 'heating' ? { ...e, localValue: '本市供热服务热线：由城市填写' } : e));
    const a = createChatEngine(withLocal).answer('暖气费在哪交');
    expect(a.categoryId).toBe('heating');
    expect(a.reply.text).toContain('本市供热服务热线：由城市填写');
  });

  it('never answers with a disabled entry; rebuild() and size() follow the entries', () => {
    const e = createChatEngine(kb);
    const first = e.answer('社保卡怎么激活');
    expect(first.faqId).toBeDefined();
    e.rebuild(kb.map((x) => (x.id === first.faqId ? { ...x, enabled: false } : x)));
    expect(e.size()).toBe(kb.length - 1);
    const second = e.answer('社保卡怎么激活');
    expect(second.faqId).not.toBe(first.faqId);
    expect(second.categoryId).toBe('citizen-card');
  });
});

describe('browsing and search', () => {
  it('lists entries by category, in category order', () => {
    const all = engine.list();
    expect(all.length).toBe(kb.length);
    expect(all[0]!.categoryId).toBe(CATEGORIES[0].id);
    expect(engine.list('heating').every((e) => e.categoryId === 'heating')).toBe(true);
  });

  it('searches with the chat normalization (typos, English) and an optional category', () => {
    expect(engine.search('社宝卡激活')[0]?.categoryId).toBe('citizen-card');
    expect(engine.search('provident fund withdrawal')[0]?.categoryId).toBe('housing-fund');
    const inHeating = engine.search('费用', { categoryId: 'heating', limit: 5 });
    expect(inHeating.length).toBeGreaterThan(0);
    expect(inHeating.length).toBeLessThanOrEqual(5);
    expect(inHeating.every((e) => e.categoryId === 'heating')).toBe(true);
  });
});

describe('conversation context', () => {
  it('keeps a follow-up in the previous category', () => {
    const [first, second] = converse(engine, '户口从老家迁过来要什么条件', '那需要带什么材料？');
    expect(first!.categoryId).toBe('household-id');
    expect(second!.intent).toBe('consult');
    expect(second!.categoryId).toBe('household-id');
    expect(second!.faqId).toMatch(/^household-id/);
  });

  it('without context the same follow-up has nothing to go on', () => {
    expect(engine.answer('那需要带什么材料？').categoryId).not.toBe('household-id');
  });

  it('resolves a clarify question by naming the option', () => {
    const [ask, resolved] = converse(engine, '密码忘了咋整', '社保卡');
    expect(ask!.intent).toBe('clarify');
    expect(ask!.context.pending?.options.map((o) => o.categoryId)).toEqual(expect.arrayContaining(['citizen-card', 'housing-fund']));
    expect(ask!.reply.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(resolved!.intent).toBe('consult');
    expect(resolved!.categoryId).toBe('citizen-card');
    expect(resolved!.context.pending).toBeNull();
  });

  it('resolves a clarify question by ordinal', () => {
    const [ask, resolved] = converse(engine, '上户口要啥材料', '第二个');
    expect(ask!.intent).toBe('clarify');
    const second = ask!.context.pending!.options[1]!.categoryId;
    expect(resolved!.categoryId).toBe(second);
    expect(resolved!.intent).toBe('consult');
  });

  it('does not ask when the conversation already says which reading', () => {
    const [, a] = converse(engine, '新生儿出生证明去哪办', '上户口要啥材料');
    expect(a!.intent).toBe('consult');
    expect(a!.categoryId).toBe('newborn');
  });

  it("accumulates the citizen's words into the complaint draft", () => {
    const [, second, third] = converse(engine, '我家楼下烧烤摊天天营业到凌晨两点', '油烟大 吵得没法睡 你们管管', '地址是幸福路18号');
    expect(second!.intent).toBe('complaint');
    expect(second!.draft?.description).toContain('烧烤摊');
    expect(second!.draft?.description).toContain('吵得没法睡');
    expect(third!.intent).toBe('complaint');
    expect(third!.draft?.description).toContain('吵得没法睡');
    expect(third!.draft?.location?.address).toBe('幸福路18号');
  });

  it('ignores a malformed context instead of failing', () => {
    expect(engine.answer('社保卡怎么激活', { v: 99, junk: true }).categoryId).toBe('citizen-card');
    expect(engine.answer('社保卡怎么激活', 'not an object').categoryId).toBe('citizen-card');
  });
});

describe('complaints become drafts', () => {
  const kinds: [string, string, string][] = [
    ['举报 人民路88号有家店卖假酒', 'report', 'consumer-rights'],
    ['表扬一下城南派出所户籍窗口的民警 周六加班给我们办证', 'praise', 'household-id'],
    ['建议阳光小区门口装个红绿灯 老人过马路太危险', 'suggestion', 'traffic-parking'],
    ['求助 我七十多了一个人住 腿脚不方便 想请社区派人上门帮忙', 'help', 'elderly-care'],
    ['暖气片冰凉 报修三天了没人来', 'complaint', 'heating'],
    ['工地半夜还在打桩 吵得根本睡不着', 'complaint', 'noise'],
  ];
  for (const [text, kind, categoryId] of kinds) {
    it(`"${text}" → ${kind} draft in ${categoryId}`, () => {
      const a = engine.answer(text);
      expect(a.intent).toBe('complaint');
      expect(a.faqId).toBeUndefined();
      expect(a.categoryId).toBe(categoryId);
      expect(a.draft).toMatchObject({ kind, categoryId, description: text });
      expect(a.reply.text).toContain('预填');
    });
  }

  it('extracts addresses', () => {
    expect(extractAddress('我家住在中山路12号 楼下太吵')).toBe('中山路12号');
    expect(extractAddress('阳光花园小区门口天天堵车')).toBe('阳光花园小区');
    expect(extractAddress('城南街道那边一直停水')).toBe('城南街道');
    expect(extractAddress('暖气不热')).toBeUndefined();
    expect(engine.answer('举报 人民路88号有家店卖假酒').draft?.location?.address).toBe('人民路88号');
  });

  it('does not lecture with an FAQ answer', () => {
    const a = engine.answer('公司三个月没给我交公积金了 找老板也不管');
    expect(a.intent).toBe('complaint');
    expect(a.categoryId).toBe('housing-fund');
    for (const e of kb) expect(a.reply.text).not.toBe(e.answer);
  });

  it('asking how to complain is a question, filing one is a complaint', () => {
    expect(engine.answer('去劳动监察大队投诉欠薪要准备什么证据').intent).toBe('consult');
    expect(engine.answer('我要投诉 老板欠我三个月工资').intent).toBe('complaint');
  });
});

describe('lexicon, pinyin and English', () => {
  const synonyms: [string, string][] = [
    ['社宝卡怎么激活', 'citizen-card'],
    ['公基金怎么提取', 'housing-fund'],
    ['gjj贷款额度怎么算', 'housing-fund'],
    ['执照怎么办', 'business-registration'],
    ['户囗迁移要什么条件', 'household-id'],
    ['身分证过期了怎么换', 'household-id'],
    ['暧气费多少钱一平', 'heating'],
    ['养老院點樣申請', 'elderly-care'],
    ['屋企冇电 几时来电', 'utilities-outage'],
  ];
  for (const [text, categoryId] of synonyms) {
    it(`"${text}" → ${categoryId}`, () => {
      expect(engine.answer(text).categoryId).toBe(categoryId);
    });
  }

  it('normalizes typos, dialect, traditional characters and English terms', () => {
    expect(normalizeText('社宝卡')).toBe('社保卡');
    expect(normalizeText('营业执照')).toBe('营业执照'); // a canonical form is never rewritten
    expect(normalizeText('咋整')).toBe('怎么办');
    expect(normalizeText('戶口')).toBe('户口');
    expect(normalizeText('my residence permit')).toContain('居住证');
  });

  it('lists each English phrase under one Chinese term only (a second listing would never be used)', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const [zh, phrases] of Object.entries(ENGLISH)) {
      for (const p of phrases) {
        const key = p.toLowerCase().trim().split(/\s+/).join(' ');
        if (seen.has(key)) repeated.push(`${key}: ${seen.get(key)} / ${zh}`);
        else seen.set(key, zh);
      }
    }
    expect(repeated).toEqual([]);
  });

  it('reads English inflections and phrases with the small words left out or added', () => {
    expect(normalizeText('transferring my pension')).toContain('转移'); // transferring → transfer
    expect(normalizeText('I registered yesterday')).toContain('登记'); // registered → register
    expect(normalizeText('how to register business')).toContain('注册公司'); // "register a business" without "a"
    expect(normalizeText('we want to register our new business')).not.toContain('注册公司'); // only stopwords may be skipped
    expect(normalizeText('3 months salary')).toContain('工资'); // a phrase match never swallows the next word
    expect(normalizeText('我外公么样申请')).toContain('怎么申请');
    expect(normalizeText('怎么样')).toBe('怎么样'); // the standard word that contains a dialect variant is kept
  });

  const homophones: [string, string][] = [
    ['居主证怎么办理', 'household-id'], // 居主 → 居住 (same sound, not in the typo list)
    ['养老经每个月发多少', 'social-insurance'],
    ['出生证名怎么补', 'newborn'],
    ['shebaoka怎么激活', 'citizen-card'],
    ['gongjijin怎么查余额', 'housing-fund'],
  ];
  for (const [text, categoryId] of homophones) {
    it(`homophone typo "${text}" → ${categoryId}`, () => {
      expect(engine.answer(text).categoryId).toBe(categoryId);
    });
  }

  const english: [string, string, string][] = [
    ['How do I apply for a residence permit?', 'consult', 'household-id'],
    ['Can I withdraw my housing provident fund when I leave China?', 'consult', 'housing-fund'],
    ['Where can I get a birth certificate for my newborn?', 'consult', 'newborn'],
    ['The bar downstairs plays loud music until 3am every night. Please send someone.', 'complaint', 'noise'],
    ['My employer has not paid my wages for two months. Please help.', 'complaint', 'wage-arrears'],
    ['Our building has had no electricity for two days and nobody came to fix it', 'complaint', 'utilities-outage'],
    ['When will the water come back? There is no water in my flat', 'consult', 'utilities-outage'],
  ];
  for (const [text, intent, categoryId] of english) {
    it(`English "${text}" → ${intent}/${categoryId}`, () => {
      const a = engine.answer(text);
      expect(a.intent).toBe(intent);
      expect(a.categoryId).toBe(categoryId);
    });
  }
});

describe('requests worded as questions, and framing that says nothing is live', () => {
  const cases: [string, string][] = [
    // A polite English request for action is a complaint, a request for information a consult.
    ['Would it be possible for someone to follow up on my business licence change? It has been pending for weeks.', 'complaint'],
    ['Could you tell me which documents I need for a business licence?', 'consult'],
    ['I would like to commend the officer at the citizen card counter, she was so patient.', 'complaint'],
    // "怎么办/咋整" after a grievance asks for help; after a plain situation it asks for the answer.
    ['包工头欠了俺们三个月工资到现在一分没给 咋整', 'complaint'],
    ['社保卡丢了怎么办', 'consult'],
    ['小区门口的路灯坏了一个月，能不能派人修一下', 'complaint'],
    // The learned layer yields when nothing says the danger is live.
    ['我奶奶问明天落不落雨，她想晒被子', 'out_of_scope'],
    ['我爷爷在工地干了半年，老板到现在还欠他八千块没给', 'complaint'],
    // …and the rules still catch a live one with no danger keyword.
    ['车开进下穿通道水位一直上涨，已经没过车门了，车门打不开', 'emergency'],
    ['The wall behind the school is bulging and cracking and kids are playing right next to it', 'emergency'],
    ['工友讨不到工资，爬到塔吊顶上说再不给钱就跳下去', 'emergency'],
    ['The gas tank at the noodle stall next door is hissing really loud and the smell is strong', 'emergency'],
    ['The scaffolding on the site just fell down and two workers are under it', 'emergency'],
    // Fiction, fire-service words and cooking are not emergencies.
    ['看《杀死一只知更鸟》要写读后感，怎么写', 'out_of_scope'],
    ['The fire lane in our compound is always blocked by parked cars, please send someone', 'complaint'],
    ['二手房过户两个月了，能不能帮我查一下卡在哪个环节', 'complaint'],
    ['朋友发消息说谢谢大家照顾，永别了，之后电话一直不接', 'emergency'],
    ['A pipe in the workshop is leaking chemical fumes, two workers are coughing and one has collapsed', 'emergency'],
    ['股票跌得我想死的心都有，明天还能涨吗', 'out_of_scope'],
    ['How do I say "fire an employee" politely in Chinese?', 'out_of_scope'],
    ['楼下饭馆天天半夜拿刀剁馅儿，咣咣响，吵得睡不着', 'complaint'],
    ['My friend fell down in the kitchen, he is not wake up and breathing very strange', 'emergency'],
    ["Bit of bother: the chip pan's gone up and flames are licking the ceiling", 'emergency'],
    ["My flatmate texted to say goodbye and that she won't be a burden any more, now she's not picking up", 'emergency'],
    ['Fire off a quick limerick about Monday mornings, would you?', 'out_of_scope'],
    // Not real: a riddle or a dream; it is over. But a scene while watching, or a live report that asks which number, is live.
    ['脑筋急转弯 一个人从二十楼跳下来为啥一点事都没有', 'out_of_scope'],
    ['My flatmate set the toast on fire this morning, all fine now, how do I get the smell out?', 'out_of_scope'],
    ['看电视剧的时候闻到一股煤气味，我妈已经晕倒了', 'emergency'],
    ['我在拍视频，突然有人掉进河里了，一直没上来', 'emergency'],
    ["My coworker just collapsed at his desk and isn't breathing. Which number do we call, 120?", 'emergency'],
    ['救命', 'emergency'],
    // Figures of speech and cooking are not emergencies; the same words said of a real thing are.
    ['工地半夜还在打桩，轰轰的跟爆炸一样，整栋楼都在震', 'complaint'],
    ['今天热得我都要冒烟了，明天还这么热吗', 'out_of_scope'],
    ['炖肉火大了锅底全糊了冒黑烟，这锅还能要吗', 'out_of_scope'],
    ['插线板的电线烧得冒烟了，屋里全是烟', 'emergency'],
    ['油锅着火了盖不住，火苗窜到抽油烟机上了', 'emergency'],
    ['他拿着刀说要把我杀死，我躲在厕所里', 'emergency'],
    // A public matter none of our categories covers is a question for a person; the weather is nobody's business.
    ['过年小区门口能不能放鞭炮，今年禁放范围有没有变？', 'consult'],
    ['What number do I call for an ambulance here? Nothing has happened, I just want to save it.', 'consult'],
    ['明天会下雨吗', 'out_of_scope'],
    // Words for ending one's life are an emergency, however they are put; a missing child is, in English too.
    ['欠了一屁股债 刀就在手边 今晚想做个了断', 'emergency'],
    ['My daughter went missing at the park ten minutes ago, we have looked everywhere', 'emergency'],
    // 救命 among other words is an interjection; alone, or with "is anyone there", it is a cry.
    ['女朋友一天没理我了 救命 我是不是说错话了', 'out_of_scope'],
    ['救命啊 有人吗', 'emergency'],
    // A danger the rules heard as over is not brought back by the danger score.
    ['上个星期骑电动车给车撞了，现在好了，那个司机跑了，交警一直没消息', 'complaint'],
    // A near miss is over; a fall happening now is not.
    ['路口的井盖没了，昨天一个老人差点掉下去，到现在也没人围起来', 'complaint'],
    ['井盖没了，一个老人掉下去了，在下面喊救命', 'emergency'],
    // Telegraphic, without particles, is still a report.
    ['电梯困。十七楼附近。听不见对讲。闷。', 'emergency'],
    ['昨晚停电。电梯停半小时。无人被困。以后停电。提前哪里查。', 'consult'],
    // Getting ready is not a report; a live English report still is.
    ['for a school quiz: which number do you call for a traffic accident where people are hurt?', 'consult'],
    ['Someone just got hit by a car outside our school, he is bleeding, please help', 'emergency'],
  ];
  for (const [text, intent] of cases) {
    it(`"${text}" → ${intent}`, () => expect(engine.answer(text).intent).toBe(intent));
  }
});

describe('accuracy floors on the labelled sets', () => {
  const dir = resolve(fileURLToPath(import.meta.url), '../../../../../tests/chat');
  // Every labelled set in tests/chat: the dev set and each blind set once its first-contact figures were recorded.
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  it('finds the dev set and the blind sets', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const file of files) {
    it(`${file}: intent ≥ 90%, category top-1 ≥ 90%, emergency recall 100%, no FAQ for out-of-scope`, () => {
      const m = evaluate(engine, parseEvalFile(join(dir, file)));
      expect(m.total).toBeGreaterThan(100);
      expect(m.intentAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(m.categoryTop1).toBeGreaterThanOrEqual(0.9);
      expect(m.emergencyRecall).toBe(1);
      expect(m.outOfScopeFaqAnswers).toBe(0);
    });
  }
});

describe('the issue-16 blind sets, scored below the floors on first contact (tests/chat/blind-next*)', () => {
  const dir = resolve(fileURLToPath(import.meta.url), '../../../../../tests/chat');
  // Below the floors above and the targets (their READMEs have the first-contact figures); held where they
  // stand so nothing slips back, and moved beside the other sets once they clear the floors.
  const held: [file: string, limits: { falseAlarms: number; faqToOutOfScope: number; intent?: number }][] = [
    ['blind-next/set-a.jsonl', { falseAlarms: 2, faqToOutOfScope: 0 }],
    ['blind-next/set-b.jsonl', { falseAlarms: 4, faqToOutOfScope: 0 }],
    ['blind-next-2/set-c.jsonl', { falseAlarms: 0, faqToOutOfScope: 2 }],
    ['blind-next-2/set-d.jsonl', { falseAlarms: 3, faqToOutOfScope: 1 }],
    ['blind-next-3/set-e.jsonl', { falseAlarms: 1, faqToOutOfScope: 1 }],
    ['blind-next-3/set-f.jsonl', { falseAlarms: 0, faqToOutOfScope: 1 }],
    ['blind-next-4/set-g.jsonl', { falseAlarms: 4, faqToOutOfScope: 1, intent: 0.9 }],
    ['blind-next-4/set-h.jsonl', { falseAlarms: 2, faqToOutOfScope: 4, intent: 0.89 }],
  ];
  for (const [file, limits] of held) {
    it(`${file}: emergency recall 100%, intent ≥ ${(limits.intent ?? 0.9) * 100}%, false alarms ≤ ${limits.falseAlarms}, FAQ answers to out-of-scope ≤ ${limits.faqToOutOfScope}`, () => {
      const m = evaluate(engine, parseEvalFile(join(dir, file)));
      expect(m.emergencyRecall).toBe(1);
      expect(m.intentAccuracy).toBeGreaterThanOrEqual(limits.intent ?? 0.9);
      expect(m.falseEmergencies).toBeLessThanOrEqual(limits.falseAlarms);
      expect(m.outOfScopeFaqAnswers).toBeLessThanOrEqual(limits.faqToOutOfScope);
    });
  }
});
