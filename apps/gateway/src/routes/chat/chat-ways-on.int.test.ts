// No dead ends in the chat (issue #16 items 3–5), over HTTP on the real services: an emergency answer carries the
// report draft for a citizen who says it is not urgent; a consult answer and an FAQ entry say who answers it and
// when it last changed (admins edit the department, audited); two unhelpful turns in a row — two 没用, two answers
// that found nothing — offer a person (12345, or a consult ticket quoting the conversation), a helpful turn resets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChatFeedbackResponseSchema,
  ChatMessageResponseSchema,
  FaqEntryResponseSchema,
  TICKET_DESCRIPTION_MAX,
  type ChatMessageResponse,
} from '@minhu/shared';
import { startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { loadSeedKb } from '../../chat/kb.js';
import { addStaff } from '../../commands/staff-accounts.js';

let gw: TestGateway;
let admin: string;

const say = async (text: string, conversationId?: string): Promise<ChatMessageResponse> => {
  const res = await gw.api('POST', '/api/chat/messages', { body: { text, ...(conversationId ? { conversationId } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ChatMessageResponseSchema.parse(res.body);
};
const rate = async (answer: ChatMessageResponse, helpful: boolean) => {
  const res = await gw.api('POST', '/api/chat/feedback', { body: { conversationId: answer.conversationId, messageId: answer.messageId, helpful } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ChatFeedbackResponseSchema.parse(res.body);
};
const isoDay = (iso: string) => {
  expect(new Date(iso).toISOString()).toBe(iso);
  return iso.slice(0, 10);
};

beforeAll(async () => {
  gw = await startTestGateway({ CHAT_IP_PER_MINUTE: '1000', CHAT_CONVERSATION_PER_MINUTE: '1000' });
  const a = await addStaff(gw.deps, { username: 'kb-dept', role: 'admin', name: '知识库管理员' });
  admin = (await gw.api('POST', '/api/staff/session', { body: { username: 'kb-dept', password: a.password } })).body.token;
});
afterAll(() => gw?.close());

describe('an emergency answer is no dead end', () => {
  it('gives the numbers first and carries the report prefilled from the citizen’s words', async () => {
    const text = '楼下着火了，好大的烟';
    const res = await say(text);
    expect(res.intent).toBe('emergency');
    expect(res.reply.emergencyNumbers).toContain('119');
    expect(res.reply.text.indexOf('119')).toBeLessThan(res.reply.text.indexOf('。'));
    expect(res.faqId).toBeUndefined();
    expect(res.draft).toMatchObject({ description: text });
    expect(['complaint', 'help', 'report']).toContain(res.draft!.kind);
    expect(res.handoff).toBeUndefined();
  });

  it('drafts from the same words and with the same builder a complaint uses', async () => {
    const text = '我家暖气管爆了，水漫到楼下了';
    const res = await say(text);
    // Whether it is read as an emergency (issue #16's false alarms) or a complaint, the way on is the same report.
    expect(res.draft).toMatchObject({ categoryId: 'heating', description: text });
  });
});

describe('provenance', () => {
  it('a consult answer names its source: the entry, its department and its last change', async () => {
    const res = await say('身份证丢了怎么补办');
    expect(res.intent).toBe('consult');
    const doc = await gw.deps.models.FaqEntry.findById(res.faqId).lean<{ department: string; updatedAt: Date }>();
    expect(res.source).toEqual({ faqId: res.faqId, department: '市公安局', updatedAt: doc!.updatedAt.toISOString() });
    isoDay(res.source!.updatedAt);
    // Answers that quote no entry name no source.
    expect((await say('明天股票会涨吗')).source).toBeUndefined();
    expect((await say('幸福路88号工地天天半夜施工，吵得睡不着，投诉！')).source).toBeUndefined();
  });

  it('GET /api/faq/:id and the lists carry the department (the category’s, or the entry’s own) and the last change', async () => {
    const water = FaqEntryResponseSchema.parse((await gw.api('GET', '/api/faq/utilities-outage-01')).body).entry;
    const power = FaqEntryResponseSchema.parse((await gw.api('GET', '/api/faq/utilities-outage-02')).body).entry;
    const mixed = FaqEntryResponseSchema.parse((await gw.api('GET', '/api/faq/utilities-outage-06')).body).entry;
    expect([water.department, power.department, mixed.department]).toEqual(['供水企业', '供电企业', '供水、供电、燃气企业']);
    const doc = await gw.deps.models.FaqEntry.findById('utilities-outage-02').lean<{ updatedAt: Date }>();
    expect(power.updatedAt).toBe(doc!.updatedAt.toISOString());
    const listed = (await gw.api('GET', '/api/faq?categoryId=utilities-outage')).body.items as Array<{ id: string; department: string; updatedAt: string }>;
    expect(listed.find((e) => e.id === 'utilities-outage-02')).toMatchObject({ department: '供电企业', updatedAt: power.updatedAt });
  });

  it('every seed entry has a department, and re-seeding keeps the dates of entries whose words did not change', async () => {
    const seed = loadSeedKb();
    expect(seed.every((e) => e.department.length >= 2)).toBe(true);
    const before = await gw.deps.models.FaqEntry.findById('housing-fund-01').lean<{ updatedAt: Date }>();
    // A new seed version where only one entry's department moved: its date and every other date stay.
    const moved = seed.map((e) => (e.id === 'housing-fund-01' ? { ...e, department: '住房公积金管理中心（本市）' } : e));
    await gw.deps.faq.seed(moved);
    const after = await gw.deps.models.FaqEntry.findById('housing-fund-01').lean<{ updatedAt: Date; department: string }>();
    expect(after).toMatchObject({ department: '住房公积金管理中心（本市）', updatedAt: before!.updatedAt });
    await gw.deps.faq.seed(seed);
    expect((await gw.deps.models.FaqEntry.findById('housing-fund-01').lean<{ updatedAt: Date }>())!.updatedAt).toEqual(before!.updatedAt);
  });

  it('admins edit the department: audited, shown to citizens at once, and the engine is not retrained', async () => {
    const builds: boolean[] = [];
    const off = gw.deps.faq.onRebuilt((r) => builds.push(r.retrained));
    try {
      const listed = await gw.api('GET', '/api/admin/faq?categoryId=medical-insurance', { token: admin });
      const entry = (listed.body.items as Array<{ id: string; department: string; updatedAt: string }>).find((e) => e.id === 'medical-insurance-01')!;
      expect(entry.department).toBe('市医疗保障局');

      const bad = await gw.api('PATCH', `/api/admin/faq/${entry.id}`, { token: admin, body: { department: ' ' } });
      expect(bad.status).toBe(400);
      const edited = await gw.api('PATCH', `/api/admin/faq/${entry.id}`, { token: admin, body: { department: '市医疗保障事务中心' } });
      expect(edited.status).toBe(200);
      expect(edited.body.entry).toMatchObject({ id: entry.id, department: '市医疗保障事务中心', source: 'admin' });
      expect(edited.body.entry.updatedAt > entry.updatedAt).toBe(true);
      expect(builds).toEqual([false]); // rebuilt to pick up the edit, without retraining the learned layers

      const shown = FaqEntryResponseSchema.parse((await gw.api('GET', `/api/faq/${entry.id}`)).body).entry;
      expect(shown).toMatchObject({ department: '市医疗保障事务中心', updatedAt: edited.body.entry.updatedAt });
      const answer = await say('异地就医备案怎么办理');
      expect(answer.faqId).toBe(entry.id);
      expect(answer.source).toEqual({ faqId: entry.id, department: '市医疗保障事务中心', updatedAt: edited.body.entry.updatedAt });

      const audit = await gw.api('GET', `/api/admin/audit?action=faq.update`, { token: admin });
      expect(audit.body.items[0]).toMatchObject({
        action: 'faq.update',
        target: entry.id,
        username: 'kb-dept',
        details: { categoryId: 'medical-insurance', fields: 'department', department: '市医疗保障事务中心' },
      });

      // An entry created without one answers with its category's department.
      const created = await gw.api('POST', '/api/admin/faq', {
        token: admin,
        body: { categoryId: 'heating', question: '供暖期间家里暖气漏水找谁修？', answer: '请联系供热企业的客服热线报修，漏水严重时先关闭进户阀门。' },
      });
      expect(created.status).toBe(201);
      expect(created.body.entry.department).toBe('供热企业');
      const own = await gw.api('POST', '/api/admin/faq', {
        token: admin,
        body: { categoryId: 'heating', question: '供暖补贴怎么领取？', answer: '符合条件的困难家庭向街道民政窗口申请。', department: '市民政局' },
      });
      expect(own.body.entry.department).toBe('市民政局');
    } finally {
      off();
    }
  });
});

describe('a way to a person after two unhelpful turns in a row', () => {
  it('two 没用 in a row offer 12345 and a consult ticket quoting what the citizen asked', async () => {
    const first = await say('公积金怎么提取');
    expect(first.faqId).toBeTruthy();
    const once = await rate(first, false);
    expect(once.handoff).toBeUndefined();
    expect(once.reply.actions).toEqual(['file_ticket', 'call_12345']);

    const second = await say('社保卡怎么激活', first.conversationId);
    expect(second.faqId).toBeTruthy();
    expect(second.handoff).toBeUndefined(); // an answer is not unhelpful until rated so
    const twice = await rate(second, false);
    expect(twice.reply.text).toContain('12345');
    expect(twice.handoff).toMatchObject({ phone: '12345', draft: { kind: 'consult', categoryId: 'citizen-card' } });
    expect(twice.handoff!.draft.description).toContain('「公积金怎么提取」');
    expect(twice.handoff!.draft.description).toContain('「社保卡怎么激活」');

    const conv = await gw.deps.models.Conversation.findById(first.conversationId).lean();
    expect(conv?.unhelpful).toEqual({ messageId: second.messageId, before: 1, unhelpful: true });
    // The streak is in the document: the next turn, in this process or another, continues it.
    const third = await say('讲个笑话吧', first.conversationId);
    expect(third.intent).toBe('out_of_scope');
    expect(third.handoff?.phone).toBe('12345');
  });

  it('two answers in a row that found nothing offer a person on the second answer itself', async () => {
    const first = await say('明天股票会涨吗');
    expect(first.intent).toBe('out_of_scope');
    expect(first.handoff).toBeUndefined();
    const second = await say('帮我写一首关于春天的诗', first.conversationId);
    expect(second.intent).toBe('out_of_scope');
    expect(second.handoff).toEqual({
      phone: '12345',
      draft: {
        kind: 'consult',
        categoryId: null,
        description: expect.stringContaining('「明天股票会涨吗」\n「帮我写一首关于春天的诗」'),
      },
    });
    // 没用 on the answer already counted does not count it twice, and the offer stands.
    const rated = await rate(second, false);
    expect(rated.handoff?.draft.kind).toBe('consult');
    expect((await gw.deps.models.Conversation.findById(first.conversationId).lean())?.unhelpful).toMatchObject({ before: 1, unhelpful: true });
  });

  it('a question about a public matter none of the categories covers is offered a person at once', async () => {
    const asked = await say('店里的灭火器多久要换一次？消防检查之前要准备什么');
    expect(asked).toMatchObject({ intent: 'consult', categoryId: null });
    expect(asked.reply.text).toContain('12345');
    expect(asked.handoff).toEqual({
      phone: '12345',
      draft: { kind: 'consult', categoryId: null, description: expect.stringContaining('「店里的灭火器多久要换一次？消防检查之前要准备什么」') },
    });
    // Chat that is nobody's business is not.
    expect((await say('明天股票会涨吗')).handoff).toBeUndefined();
  });

  it('a helpful turn in between starts the count again; greetings are no failed search', async () => {
    const hi = await say('你好');
    expect(hi.intent).toBe('out_of_scope');
    expect((await say('你好', hi.conversationId)).handoff).toBeUndefined();

    // nothing found → an answer → nothing found: not two in a row.
    const a = await say('今天天气怎么样');
    const b = await say('身份证丢了怎么补办', a.conversationId);
    expect(b.intent).toBe('consult');
    const c = await say('明天股票会涨吗', a.conversationId);
    expect(c.handoff).toBeUndefined();
    // 没用, then 有用 on the next answer, then 没用: not two in a row either.
    await rate(c, false);
    const d = await say('公积金怎么提取', a.conversationId);
    const useful = await rate(d, true);
    expect(useful.handoff).toBeUndefined();
    const e = await say('社保卡怎么激活', a.conversationId);
    expect((await rate(e, false)).handoff).toBeUndefined();
    // …and the count goes on from there: one more unhelpful turn makes two.
    const f = await say('讲个笑话吧', a.conversationId);
    expect(f.handoff?.draft.description).toContain('「讲个笑话吧」');
  });

  it('a rating of an older answer does not move the streak; a long conversation is trimmed to the newest questions', async () => {
    const first = await say('身份证丢了怎么补办');
    const second = await say('公积金怎么提取', first.conversationId);
    await rate(first, false); // not the latest answer: not "in a row" with anything
    expect((await rate(second, false)).handoff).toBeUndefined();

    const long = (n: number) => `第${n}个问题：${'明天的股票行情会不会涨，基金要不要卖掉，'.repeat(30)}`.slice(0, 480);
    let last = await say(long(1), first.conversationId);
    for (let n = 2; n <= 6; n++) last = await say(long(n), first.conversationId);
    expect(last.intent).toBe('out_of_scope');
    const description = last.handoff!.draft.description;
    expect(description.length).toBeLessThanOrEqual(TICKET_DESCRIPTION_MAX);
    expect(description).toContain(`「${long(6)}」`);
    expect(description).not.toContain(long(1));
  });
});
