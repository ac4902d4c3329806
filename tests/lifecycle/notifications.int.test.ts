// Citizen notifications: WeChat subscribe messages for mini-program citizens while they have one-time
// grants left (counted per template, through a WeChat stand-in that checks WeChat's field rules;
// access token shared through MongoDB), SMS once the grants are used up, retries that never block a
// change, and no secret in a log line or a stored error.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PAGES } from '@minhu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { startWechatStandin, type WechatStandin } from '../standins/wechat.js';
import { freshPhone, startTestGateway, type TestGateway } from '../support/gateway.js';
import { until } from '../support/wait.js';

const TEMPLATE = 'tmplStatus-0001';
let gw: TestGateway;
let wechat: WechatStandin;
let op: string;

beforeAll(async () => {
  wechat = await startWechatStandin('wx-app', 'wx-secret-9f8e7d6c5b');
  gw = await startTestGateway(
    {
      WECHAT_APP_ID: 'wx-app',
      WECHAT_APP_SECRET: 'wx-secret-9f8e7d6c5b',
      WECHAT_API_BASE: wechat.base,
      WECHAT_TEMPLATE_STATUS: TEMPLATE,
      OUTBOX_POLL_MS: '50',
      OUTBOX_BASE_DELAY_MS: '50',
      OUTBOX_MAX_DELAY_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '3',
    },
    { background: true, captureLogs: true },
  );
  const { password } = await addStaff(gw.deps, { username: 'op', role: 'operator', name: '话务员' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'op', password } })).body.token;
});
afterAll(async () => {
  await gw?.close();
  await wechat?.close();
});

async function wechatCitizen(openid: string) {
  wechat.codes.set(`code-${openid}`, { openid });
  return (await gw.api('POST', '/api/auth/wechat', { body: { code: `code-${openid}` } })).body.token as string;
}

async function grant(token: string, times = 1) {
  for (let i = 0; i < times; i++) {
    const res = await gw.api('POST', '/api/me/wechat-subscriptions', { token, body: { templateIds: [TEMPLATE] } });
    expect(res.status).toBe(200);
  }
}

async function fileAndAccept(token: string, contactPhone = '13912345678') {
  const filed = await gw.api('POST', '/api/tickets', {
    token,
    headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'miniprogram' },
    body: { kind: 'help', categoryId: 'heating', description: '家里暖气一直不热，室温只有十二度，老人受不了。', contactPhone },
  });
  expect(filed.status).toBe(201);
  await move(filed.body.ticket.id, 'accepted');
  return filed.body.ticket as { id: string; number: string };
}

async function move(id: string, type: string, data: Record<string, string> = {}) {
  const res = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type, data } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const messagesFor = (number: string) => wechat.subscribeMessages.filter((m: any) => m.data.character_string1.value === number) as any[];

async function smsTo(number: string, status: string) {
  return until(`SMS about ${number} (${status})`, async () =>
    (await readFile(gw.smsOutbox, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((m) => m.text.includes(number) && m.text.includes(status)),
  );
}

async function grantsLeft(token: string): Promise<number> {
  const me = await gw.api('GET', '/api/me', { token });
  return me.body.subscriptions.templates.find((t: any) => t.id === TEMPLATE).remaining;
}

describe('status notifications', () => {
  it('spends one grant per subscribe message, opens the ticket page, then falls back to SMS', async () => {
    const token = await wechatCitizen('openid-notify-1');
    await grant(token);
    expect(await grantsLeft(token)).toBe(1);
    const ticket = await fileAndAccept(token);
    const [message] = await until('subscribe message', () => messagesFor(ticket.number).length === 1 && messagesFor(ticket.number));
    expect(message).toMatchObject({
      touser: 'openid-notify-1',
      template_id: TEMPLATE,
      page: `${PAGES.ticket}?id=${ticket.id}`,
      data: { phrase2: { value: '已受理' } },
    });
    expect(message.data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await grantsLeft(token)).toBe(0);
    const stored = await gw.deps.db.collection('wechat_tokens').findOne({ _id: 'wx-app' as never });
    expect(stored?.accessToken).toMatch(/^token-/);

    // No grant left: the next change reaches the callback number by SMS, and WeChat is not asked.
    await move(ticket.id, 'dispatched', { department: '供热企业' });
    const sms = await smsTo(ticket.number, '已派单');
    expect(sms.to).toBe('13912345678');
    expect(messagesFor(ticket.number)).toHaveLength(1);
  });

  it('keeps every value within WeChat’s field limits (long notes are cut with “…”)', async () => {
    const token = await wechatCitizen('openid-notify-limits');
    await grant(token, 2);
    const ticket = await fileAndAccept(token);
    await move(ticket.id, 'rejected', { reason: '经核实该诉求属于司法程序处理范围，请通过法院或仲裁机构依法解决，感谢您的理解' });
    const messages = await until('two messages', () => messagesFor(ticket.number).length === 2 && messagesFor(ticket.number));
    const rejected = messages.find((m) => m.data.phrase2.value === '不予受理');
    expect(Array.from(rejected.data.thing4.value as string)).toHaveLength(20);
    expect(rejected.data.thing4.value).toMatch(/^原因：经核实.*…$/);
  });

  it('retries a failed notification from its queue without spending a grant twice', async () => {
    const token = await wechatCitizen('openid-notify-2');
    await grant(token, 3);
    wechat.failNext = 2;
    const ticket = await fileAndAccept(token);
    expect((await gw.deps.models.Ticket.findById(ticket.id).lean())?.status).toBe('accepted');
    await until('message after retries', () => messagesFor(ticket.number).length === 1);
    const item = await until('notification marked delivered', async () => {
      const found = await gw.deps.models.Notification.findOne({ ticketId: ticket.id, type: 'status.accepted' }).lean();
      return found?.status === 'delivered' ? found : undefined;
    });
    expect(item?.attempts).toBeGreaterThan(1);
    expect(await grantsLeft(token)).toBe(2);
  });

  it('believes WeChat over its own count: a refused grant (43101) is cleared and the citizen gets an SMS', async () => {
    wechat.unsubscribed.add('openid-notify-3');
    const token = await wechatCitizen('openid-notify-3');
    await grant(token, 2);
    const ticket = await fileAndAccept(token);
    const sms = await smsTo(ticket.number, '已受理');
    expect(sms.to).toBe('13912345678');
    expect(messagesFor(ticket.number)).toHaveLength(0);
    expect(await grantsLeft(token)).toBe(0);
  });

  it('reaches a WeChat citizen without a typed number on the phone WeChat verified', async () => {
    const token = await wechatCitizen('openid-notify-4');
    const phone = freshPhone();
    wechat.phoneCodes.set('phonecode-notify-4', { purePhoneNumber: phone });
    const verified = await gw.api('POST', '/api/auth/wechat/phone', { token, body: { code: 'phonecode-notify-4' } });
    expect(verified.status).toBe(200);
    const filed = await gw.api('POST', '/api/tickets', {
      token: verified.body.token,
      headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'miniprogram' },
      body: { kind: 'complaint', categoryId: 'noise', description: '楼下烧烤店每天营业到凌晨两点，噪音很大影响休息。' },
    });
    expect(filed.status).toBe(201);
    await move(filed.body.ticket.id, 'accepted');
    expect((await smsTo(filed.body.ticket.number, '已受理')).to).toBe(phone);
  });

  it('never writes the app secret or an access token into a log line or a stored error', async () => {
    const token = await wechatCitizen('openid-notify-5');
    await grant(token);
    wechat.failNext = 50; // WeChat answers 500 until the notification is parked
    const ticket = await fileAndAccept(token);
    const parked = await until('notification parked as failed', async () => {
      const found = await gw.deps.models.Notification.findOne({ ticketId: ticket.id, type: 'status.accepted' }).lean();
      return found?.status === 'failed' ? found : undefined;
    });
    wechat.failNext = 0;
    expect(parked.lastError).toMatch(/^wechat: /);
    const accessTokens = (await gw.deps.db.collection('wechat_tokens').find().toArray()).map((t) => t.accessToken as string);
    const stored = JSON.stringify(await gw.deps.models.Notification.find().lean());
    for (const secret of ['wx-secret-9f8e7d6c5b', ...accessTokens]) {
      expect(stored).not.toContain(secret);
      expect(gw.logs.join('\n')).not.toContain(secret);
    }
    expect(gw.logs.join('\n')).toContain('***'); // the failure was logged, masked
  });
});
