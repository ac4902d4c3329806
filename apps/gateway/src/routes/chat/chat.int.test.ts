// The chatbot over HTTP on the real services: answers, context across turns, drafts, emergencies,
// feedback, rate limits, and the knowledge base browsing and admin endpoints. The ways on (the emergency's
// draft, an answer's source, the handoff to a person) are in chat-ways-on.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, ChatMessageResponseSchema, FaqEntryResponseSchema, FaqListResponseSchema } from '@minhu/shared';
import { addStaff } from '../../commands/staff-accounts.js';
import { startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { createChatEngine } from '../../chat/engine.js';
import { evaluate, evaluateHttp, parseEvalFile } from '../../chat/eval.js';
import { loadSeedKb } from '../../chat/kb.js';

let gw: TestGateway;
let admin: string;
let operator: string;

const say = (text: string, conversationId?: string) =>
  gw.api('POST', '/api/chat/messages', { body: { text, ...(conversationId ? { conversationId } : {}) } });

beforeAll(async () => {
  gw = await startTestGateway({ CHAT_IP_PER_MINUTE: '1000', CHAT_CONVERSATION_PER_MINUTE: '1000' });
  const a = await addStaff(gw.deps, { username: 'kb-admin', role: 'admin', name: '知识库管理员' });
  admin = (await gw.api('POST', '/api/staff/session', { body: { username: 'kb-admin', password: a.password } })).body.token;
  const o = await addStaff(gw.deps, { username: 'kb-op', role: 'operator' });
  operator = (await gw.api('POST', '/api/staff/session', { body: { username: 'kb-op', password: o.password } })).body.token;
});
afterAll(() => gw?.close());

describe('POST /api/chat/messages', () => {
  it('answers a consultation from the knowledge base and keeps the conversation', async () => {
    const res = await say('身份证丢了怎么补办');
    expect(res.status).toBe(200);
    const body = ChatMessageResponseSchema.parse(res.body);
    expect(body).toMatchObject({ intent: 'consult', categoryId: 'household-id' });
    expect(body.faqId).toMatch(/^household-id-/);
    expect(body.reply.text.length).toBeGreaterThan(20);
    const conv = await gw.deps.models.Conversation.findById(body.conversationId).lean();
    expect(conv?.messages.map((m) => m.role)).toEqual(['user', 'bot']);
    expect(conv?.messages[1]?.id).toBe(body.messageId);

    // The next turn uses the context: a bare follow-up stays in the same category.
    const next = ChatMessageResponseSchema.parse((await say('那需要带什么材料？', body.conversationId)).body);
    expect(next.conversationId).toBe(body.conversationId);
    expect(next.categoryId).toBe('household-id');
  });

  it('hands a complaint to a prefilled ticket draft', async () => {
    const res = ChatMessageResponseSchema.parse((await say('幸福路88号工地天天半夜施工，吵得老人孩子都睡不着，投诉！')).body);
    expect(res.intent).toBe('complaint');
    expect(res.categoryId).toBe('noise');
    expect(res.draft).toMatchObject({ kind: 'complaint', categoryId: 'noise' });
    expect(res.draft?.description).toContain('施工');
  });

  it('tells people in danger to call the emergency number, and offers no FAQ answer', async () => {
    const res = ChatMessageResponseSchema.parse((await say('楼下着火了好大的烟')).body);
    expect(res.intent).toBe('emergency');
    expect(res.reply.text).toContain('119');
    expect(res.reply.emergencyNumbers).toContain('119');
    expect(res.faqId).toBeUndefined();
    expect(res.source).toBeUndefined();
    // The way on when it is not urgent after all (继续反映): chat-ways-on.int.test.ts.
    expect(res.draft?.description).toBe('楼下着火了好大的烟');
  });

  it('declines out-of-scope questions without an FAQ answer', async () => {
    const res = ChatMessageResponseSchema.parse((await say('明天股票会涨吗')).body);
    expect(res.intent).toBe('out_of_scope');
    expect(res.faqId).toBeUndefined();
  });

  it('validates input (400) and starts a fresh conversation for an unknown id', async () => {
    for (const body of [{ text: '' }, { text: 'x'.repeat(501) }, { text: '你好', extra: 1 }, { text: { $gt: '' } }, { text: '你好', conversationId: '../../etc' }]) {
      expect((await gw.api('POST', '/api/chat/messages', { body })).status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await say('公积金怎么提取', 'not-a-real-conversation-1');
    expect(unknown.status).toBe(200);
    expect(unknown.body.conversationId).toBe('not-a-real-conversation-1');
  });
});

describe('chat rate limits', () => {
  let limited: TestGateway;
  beforeAll(async () => {
    limited = await startTestGateway({ CHAT_IP_PER_MINUTE: '5', CHAT_CONVERSATION_PER_MINUTE: '2' });
  });
  afterAll(() => limited?.close());

  it('limits messages per conversation and per IP with 429 and Retry-After', async () => {
    const first = await limited.api('POST', '/api/chat/messages', { body: { text: '社保卡怎么办' } });
    const id = first.body.conversationId;
    // The conversation's first message counts too: two a minute means the third is refused.
    expect((await limited.api('POST', '/api/chat/messages', { body: { text: '要多久', conversationId: id } })).status).toBe(200);
    const perConversation = await limited.api('POST', '/api/chat/messages', { body: { text: '多少钱', conversationId: id } });
    expect(perConversation.status).toBe(429);
    expect(Number(perConversation.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(perConversation.body.error.message).toBe('消息发送太频繁，请稍后再试');
    expect((await limited.api('POST', '/api/chat/messages', { body: { text: '你好' } })).status).toBe(200);
    expect((await limited.api('POST', '/api/chat/messages', { body: { text: '你好' } })).status).toBe(200);
    const perIp = await limited.api('POST', '/api/chat/messages', { body: { text: '你好' } });
    expect(perIp.status).toBe(429);
  });

  it('answers many turns of one conversation at once with 200, 409 or 429 — never a 500', async () => {
    const first = (await say('公积金怎么提取')).body;
    const turns = await Promise.all(
      ['要带什么材料', '要多久', '在哪里办', '可以网上办吗', '能提取多少', '退休了怎么办'].map((text) => say(text, first.conversationId)),
    );
    for (const t of turns) expect([200, 409, 429], JSON.stringify(t.body)).toContain(t.status);
    expect(turns.some((t) => t.status === 200)).toBe(true);
    const conv = await gw.deps.models.Conversation.findById(first.conversationId).lean();
    expect(conv?.turn).toBe(1 + turns.filter((t) => t.status === 200).length);
  });

  it('answers a conversation only on the channel it began on', async () => {
    const h5 = await gw.api('POST', '/api/chat/messages', { body: { text: '社保卡怎么补办' }, headers: { 'x-minhu-channel': 'h5' } });
    expect(h5.status).toBe(200);
    const other = await gw.api('POST', '/api/chat/messages', { body: { text: '要多久', conversationId: h5.body.conversationId }, headers: { 'x-minhu-channel': 'miniprogram' } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conversation_channel');
    const same = await gw.api('POST', '/api/chat/messages', { body: { text: '要多久', conversationId: h5.body.conversationId }, headers: { 'x-minhu-channel': 'h5' } });
    expect(same.status).toBe(200);
    expect((await gw.deps.models.Conversation.findById(h5.body.conversationId).lean())?.channel).toBe('h5');
  });
});

describe('POST /api/chat/feedback', () => {
  it('stores feedback once per answer and offers a ticket or 12345 when not helpful', async () => {
    const res = (await say('公积金怎么提取')).body;
    const bad = await gw.api('POST', '/api/chat/feedback', { body: { conversationId: res.conversationId, messageId: res.messageId, helpful: false, comment: '没说清楚' } });
    expect(bad.status).toBe(200);
    expect(bad.body.reply.actions).toEqual(['file_ticket', 'call_12345']);
    expect(bad.body.reply.text).toContain('12345');
    const good = await gw.api('POST', '/api/chat/feedback', { body: { conversationId: res.conversationId, messageId: res.messageId, helpful: true } });
    expect(good.status).toBe(200);
    const stored = await gw.deps.models.ChatFeedback.find({ messageId: res.messageId }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ helpful: true, faqId: res.faqId, categoryId: res.categoryId });
    expect((await gw.api('POST', '/api/chat/feedback', { body: { conversationId: res.conversationId, messageId: 'AAAAAAAAAAAAAAAA', helpful: true } })).status).toBe(404);
    expect((await gw.api('POST', '/api/chat/feedback', { body: { conversationId: res.conversationId, messageId: res.messageId, helpful: 'no' } })).status).toBe(400);
  });
});

describe('knowledge base', () => {
  it('lists the 18 categories in order with entry counts (at least 6 each)', async () => {
    const res = await gw.api('GET', '/api/faq/categories');
    expect(res.status).toBe(200);
    expect(res.body.categories.map((c: { id: string }) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
    for (const c of res.body.categories) expect(c.count, c.id).toBeGreaterThanOrEqual(6);
  });

  it('browses by category and searches', async () => {
    const heating = await gw.api('GET', '/api/faq?categoryId=heating');
    expect(heating.body.items.length).toBeGreaterThanOrEqual(6);
    expect(heating.body.items.every((e: { categoryId: string }) => e.categoryId === 'heating')).toBe(true);
    const search = await gw.api('GET', `/api/faq?q=${encodeURIComponent('公积金提取')}`);
    expect(search.body.items[0].categoryId).toBe('housing-fund');
    expect((await gw.api('GET', '/api/faq?categoryId=nope')).status).toBe(400);
    expect((await gw.api('GET', '/api/faq?sort=1')).status).toBe(400);
  });

  it('opens one entry in full (查看原文) and 404s an unknown or malformed id', async () => {
    const first = FaqListResponseSchema.parse((await gw.api('GET', '/api/faq?categoryId=housing-fund')).body).items[0]!;
    const one = await gw.api('GET', `/api/faq/${first.id}`);
    expect(one.status).toBe(200);
    expect(FaqEntryResponseSchema.parse(one.body).entry).toEqual(first);
    for (const id of ['no-such-entry', '..%2F..%2Fetc', '%24gt']) {
      const res = await gw.api('GET', `/api/faq/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.error.code, id).toBe('not_found');
    }
  });

  it('seeds idempotently: re-seeding never duplicates', async () => {
    const before = await gw.deps.models.FaqEntry.countDocuments();
    expect(before).toBeGreaterThanOrEqual(108);
    expect(await gw.deps.faq.seed()).toBe(0); // same version: nothing to do
    await gw.deps.models.KbMeta.updateOne({ _id: 'kb' }, { $set: { seedVersion: 'old' } });
    await gw.deps.faq.seed(); // a new version re-applies without duplicating
    expect(await gw.deps.models.FaqEntry.countDocuments()).toBe(before);
  });

  it('lets admins create, edit and disable entries, effective at once and kept across re-seeding', async () => {
    expect((await gw.api('GET', '/api/admin/faq', { token: operator })).status).toBe(403);
    expect((await gw.api('GET', '/api/admin/faq')).status).toBe(401);
    const created = await gw.api('POST', '/api/admin/faq', {
      token: admin,
      body: { categoryId: 'elderly-care', question: '老年人乘坐公交车免费吗？', paraphrases: ['老人坐公交要钱不', '长者乘车免费吗', '65岁坐公交免费吗', '老年卡坐车收费吗'], answer: '年满一定年龄的老年人凭老年卡可免费或优惠乘坐本市公交，具体年龄和办理方式以当地规定为准。' },
    });
    expect(created.status).toBe(201);
    const id = created.body.entry.id;
    const asked = ChatMessageResponseSchema.parse((await say('老人坐公交要钱不')).body);
    expect(asked.faqId).toBe(id);

    const edited = await gw.api('PATCH', `/api/admin/faq/${id}`, { token: admin, body: { localValue: '办理地点：各区老龄工作窗口（由本市填写）。' } });
    expect(edited.status).toBe(200);
    const withLocal = ChatMessageResponseSchema.parse((await say('老人坐公交要钱不')).body);
    expect(withLocal.reply.text).toContain('各区老龄工作窗口');

    // Edit a seed entry, then re-seed: the admin's edit stays.
    const seedId = (await gw.api('GET', '/api/faq?categoryId=heating')).body.items[0].id;
    await gw.api('PATCH', `/api/admin/faq/${seedId}`, { token: admin, body: { answer: '本市供暖问题请致电供热企业（本市已修改的答案）。' } });
    await gw.deps.models.KbMeta.updateOne({ _id: 'kb' }, { $set: { seedVersion: 'older' } });
    await gw.deps.faq.seed();
    expect((await gw.deps.models.FaqEntry.findById(seedId).lean())?.answer).toContain('本市已修改的答案');

    const disabled = await gw.api('POST', `/api/admin/faq/${id}/disable`, { token: admin });
    expect(disabled.body.entry.enabled).toBe(false);
    const after = ChatMessageResponseSchema.parse((await say('老人坐公交要钱不')).body);
    expect(after.faqId).not.toBe(id);
    expect((await gw.api('GET', `/api/faq/${id}`)).status).toBe(404); // a disabled entry is gone for citizens
    for (const bad of [{}, { enabled: 'no' }, { categoryId: 'moon' }, { question: 'x' }, { source: 'seed' }]) {
      expect((await gw.api('PATCH', `/api/admin/faq/${id}`, { token: admin, body: bad })).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await gw.api('PATCH', '/api/admin/faq/unknown-entry', { token: admin, body: { enabled: true } })).status).toBe(404);
  });

  it('keeps a conversation consistent when two processes serve its turns', async () => {
    // Its own per-IP budget: the loop below asks every 200 ms from the address the tests above have been using.
    const other = await startTestGateway({ CHAT_IP_PER_MINUTE: '1000' }, { dbName: gw.deps.db.name });
    try {
      const first = (await say('户口迁移需要什么手续')).body;
      const second = (await other.api('POST', '/api/chat/messages', { body: { text: '那需要带什么材料？', conversationId: first.conversationId } })).body;
      expect(second.categoryId).toBe('household-id');
      // This process's cached context is now one turn behind: it must notice and re-read.
      const third = (await say('要多久能办好', first.conversationId)).body;
      expect(third.conversationId).toBe(first.conversationId);
      const conv = await gw.deps.models.Conversation.findById(first.conversationId).lean();
      expect(conv?.turn).toBe(3);
      expect(conv?.messages).toHaveLength(6);
      expect(conv?.messages.filter((m) => m.role === 'bot').map((m) => m.id)).toEqual([first.messageId, second.messageId, third.messageId]);
    } finally {
      await other.close({ keepDatabase: true });
    }
  });

  it('picks up another process’s change without a restart', async () => {
    // Its own per-IP budget: the loop below asks every 200 ms from the address the tests above have been using.
    const other = await startTestGateway({ CHAT_IP_PER_MINUTE: '1000' }, { dbName: gw.deps.db.name });
    try {
      const entry = (await gw.api('POST', '/api/admin/faq', {
        token: admin,
        body: { categoryId: 'flood', question: '防汛沙袋可以自己去仓库领吗？', paraphrases: ['沙包自己去仓库拿行不行'], answer: '防汛沙袋由街道和社区统一发放，请联系所在社区。' },
      })).body.entry;
      // The other process notices the new revision within its check interval (1 s), rebuilds off the event loop
      // and keeps answering with the old engine until the new one is ready: within 5 s.
      const deadline = Date.now() + 5000;
      let res;
      do {
        await new Promise((r) => setTimeout(r, 200));
        res = await other.api('POST', '/api/chat/messages', { body: { text: '沙包自己去仓库拿行不行' } });
        expect(res.status).toBe(200);
      } while (res.body.faqId !== entry.id && Date.now() < deadline);
      expect(res.body.faqId).toBe(entry.id);
    } finally {
      await other.close({ keepDatabase: true });
    }
  });
});

describe('npm run eval:chat -- --url (the held-out sets through the HTTP API)', () => {
  it('measures the same through a running gateway as in-process', async () => {
    // A gateway of its own, so the admin edits above cannot change its knowledge base.
    const fresh = await startTestGateway({ CHAT_IP_PER_MINUTE: '100000', CHAT_CONVERSATION_PER_MINUTE: '100000' });
    try {
      const items = parseEvalFile(new URL('../../../../../tests/chat/blind13.jsonl', import.meta.url).pathname);
      const overHttp = await evaluateHttp(fresh.url, items);
      const inProcess = evaluate(createChatEngine(loadSeedKb()), items);
      expect(overHttp.total).toBe(160);
      expect(overHttp).toEqual(inProcess);
      expect(overHttp.emergencyRecall).toBe(1);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
