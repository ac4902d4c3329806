// Citizen notifications: WeChat subscribe messages for mini-program citizens (through a WeChat
// stand-in, access token shared through MongoDB), SMS fallback, retries that never block a change.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { startWechatStandin, type WechatStandin } from '../standins/wechat.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { until } from '../support/wait.js';

let gw: TestGateway;
let wechat: WechatStandin;
let op: string;

beforeAll(async () => {
  wechat = await startWechatStandin('wx-app', 'wx-secret');
  gw = await startTestGateway(
    {
      WECHAT_APP_ID: 'wx-app',
      WECHAT_APP_SECRET: 'wx-secret',
      WECHAT_API_BASE: wechat.base,
      WECHAT_TEMPLATE_STATUS: 'tmpl-status-1',
      OUTBOX_POLL_MS: '50',
      OUTBOX_BASE_DELAY_MS: '50',
      OUTBOX_MAX_DELAY_MS: '100',
    },
    { background: true },
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

async function fileAndAccept(token: string) {
  const filed = await gw.api('POST', '/api/tickets', {
    token,
    headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'miniprogram' },
    body: { kind: 'help', categoryId: 'heating', description: '家里暖气一直不热，室温只有十二度，老人受不了。', contactPhone: '13912345678' },
  });
  expect(filed.status).toBe(201);
  const accepted = await gw.api('POST', `/api/operator/tickets/${filed.body.ticket.id}/events`, { token: op, body: { type: 'accepted' } });
  expect(accepted.status).toBe(200);
  return filed.body.ticket as { id: string; number: string };
}

describe('status notifications', () => {
  it('sends a subscribe message to a mini-program citizen and caches the access token in MongoDB', async () => {
    const token = await wechatCitizen('openid-notify-1');
    const ticket = await fileAndAccept(token);
    const message = await until('subscribe message', () =>
      wechat.subscribeMessages.find((m: any) => m.data.character_string1.value === ticket.number) as any,
    );
    expect(message).toMatchObject({
      touser: 'openid-notify-1',
      template_id: 'tmpl-status-1',
      page: `pages/ticket-detail/index?id=${ticket.id}`,
      data: { phrase2: { value: '已受理' } },
    });
    const stored = await gw.deps.db.collection('wechat_tokens').findOne({ _id: 'wx-app' as never });
    expect(stored?.accessToken).toMatch(/^token-/);

    // A second message reuses the stored token: no new /cgi-bin/token call.
    const tokenCalls = wechat.requests.filter((r) => r.path === '/cgi-bin/token').length;
    await gw.api('POST', `/api/operator/tickets/${ticket.id}/events`, { token: op, body: { type: 'dispatched', data: { department: '供热企业' } } });
    await until('second message', () => wechat.subscribeMessages.some((m: any) => m.data.character_string1.value === ticket.number && m.data.phrase2.value === '已派单'));
    expect(wechat.requests.filter((r) => r.path === '/cgi-bin/token').length).toBe(tokenCalls);
  });

  it('retries a failed notification from its queue without blocking or undoing the status change', async () => {
    const token = await wechatCitizen('openid-notify-2');
    wechat.failNext = 3;
    const ticket = await fileAndAccept(token);
    expect((await gw.deps.models.Ticket.findById(ticket.id).lean())?.status).toBe('accepted');
    await until('message after retries', () => wechat.subscribeMessages.some((m: any) => m.data.character_string1.value === ticket.number));
    // WeChat answers before the worker records the delivery, so wait for the record.
    const item = await until('notification marked delivered', async () => {
      const found = await gw.deps.models.Notification.findOne({ ticketId: ticket.id, type: 'status.accepted' }).lean();
      return found?.status === 'delivered' ? found : undefined;
    });
    expect(item?.attempts).toBeGreaterThan(1);
  });

  it('falls back to SMS on the ticket’s callback number when the citizen has not subscribed', async () => {
    wechat.unsubscribed.add('openid-notify-3');
    const token = await wechatCitizen('openid-notify-3');
    const ticket = await fileAndAccept(token);
    const sms = await until('fallback SMS', async () =>
      (await readFile(gw.smsOutbox, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .find((m) => m.text.includes(ticket.number)),
    );
    expect(sms.to).toBe('13912345678');
    expect(sms.text).toContain('已受理');
    expect(wechat.subscribeMessages.some((m: any) => m.data.character_string1.value === ticket.number)).toBe(false);
  });
});
