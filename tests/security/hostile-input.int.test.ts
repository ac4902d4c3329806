// The hostile-input suite: requests an attacker would send — forged and replayed signatures, spoofed
// headers and tokens, oversized and malformed bodies, path tricks, other citizens' ids, NoSQL operators in
// every field, XML bombs. Each must get a 4xx JSON error (`{error: {code, message}}`, or the official
// account's plain 4xx) and leave every collection exactly as it was.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialAccountSignature } from '../../apps/gateway/src/channels/wechat-official-account.js';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { startWechatStandin, type WechatStandin } from '../standins/wechat.js';
import { freshPhone, startTestGateway, type TestGateway } from '../support/gateway.js';
import { makeJpeg, postToStorage } from '../support/media.js';

const HOTLINE_SECRET = 'hostile-hotline-secret-0123456789';
const OA_TOKEN = 'hostileOaToken1';
let gw: TestGateway;
let wechat: WechatStandin;
let alice: { token: string; citizenId: string };
let bob: { token: string; citizenId: string };
let operator: string;
let alicesTicket: string;
let bobsUpload: string;
let aliceConversation: string;

/** Collections whose content must not move; rate-limit counters and replay memory are allowed to. */
const WATCHED = ['citizens', 'tickets', 'uploads', 'otp_codes', 'conversations', 'chat_feedback', 'staff', 'outbox', 'notifications', 'faq_entries', 'kb_meta', 'counters'];

async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of WATCHED) {
    const docs = await gw.deps.db.collection(name).find().sort({ _id: 1 }).toArray();
    out[name] = `${docs.length}:${createHash('sha256').update(JSON.stringify(docs)).digest('hex')}`;
  }
  return out;
}

interface Attack {
  name: string;
  send: () => Promise<Response>;
  /** Expected status (a 4xx). */
  status: number;
  /** JSON error body expected (the official account answers plain text to WeChat). */
  json?: boolean;
}

const url = (path: string) => `${gw.url}${path}`;
const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url(path), { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const hotlineSig = (direction: string, ts: number, body: string, secret = HOTLINE_SECRET) => 'sha256=' + createHmac('sha256', secret).update(`${direction}.${ts}.${body}`).digest('hex');
const now = () => Math.floor(Date.now() / 1000);

function hotlineEvent(over: Record<string, unknown> = {}) {
  return JSON.stringify({ eventId: `hl-${randomUUID()}`, ticketId: alicesTicket, type: 'accepted', at: new Date().toISOString(), data: {}, ...over });
}

function oaQuery(token = OA_TOKEN, timestamp = String(now()), nonce = String(Math.floor(Math.random() * 1e9))) {
  return new URLSearchParams({ signature: officialAccountSignature(token, timestamp, nonce), timestamp, nonce }).toString();
}
const oaText = (content: string) =>
  `<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[oAttacker]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>1</MsgId></xml>`;

beforeAll(async () => {
  wechat = await startWechatStandin('wx-hostile', 'wx-hostile-secret-123');
  gw = await startTestGateway({
    HOTLINE_WEBHOOK_SECRET: HOTLINE_SECRET,
    WECHAT_OA_TOKEN: OA_TOKEN,
    WECHAT_APP_ID: 'wx-hostile',
    WECHAT_APP_SECRET: 'wx-hostile-secret-123',
    WECHAT_API_BASE: wechat.base,
    OTP_PHONE_PER_MINUTE: '100',
  });
  alice = await gw.login(freshPhone());
  bob = await gw.login(freshPhone());
  const { password } = await addStaff(gw.deps, { username: 'hostile-op', role: 'operator' });
  operator = (await gw.api('POST', '/api/staff/session', { body: { username: 'hostile-op', password } })).body.token;
  const filed = await gw.api('POST', '/api/tickets', {
    token: alice.token,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId: 'noise', description: '楼下工地凌晨还在施工，噪音很大。' },
  });
  alicesTicket = filed.body.ticket.id;
  const jpeg = await makeJpeg(32, 32);
  const up = await gw.api('POST', '/api/uploads', { token: bob.token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } });
  await postToStorage(up.body, jpeg, 'image/jpeg');
  bobsUpload = up.body.uploadId;
  aliceConversation = (await gw.api('POST', '/api/chat/messages', { token: alice.token, headers: { 'x-minhu-channel': 'h5' }, body: { text: '我要投诉楼下工地夜间施工' } })).body.conversationId;
  await gw.api('POST', '/api/auth/otp/request', { body: { phone: '13900000077' } }); // a live code to guess at
});
afterAll(async () => {
  await gw?.close();
  await wechat?.close();
});

function attacks(): Attack[] {
  const ticketBody = { kind: 'complaint', description: '小区门口长期违停，堵住消防通道。' };
  const file = (body: unknown, headers: Record<string, string> = {}) => json('POST', '/api/tickets', body, { ...auth(alice.token), 'idempotency-key': randomUUID(), ...headers });
  return [
    // --- forged and replayed signatures ---
    { name: 'hotline event signed with another secret', status: 401, send: () => { const b = hotlineEvent(); return json('POST', '/api/hotline/events', b, { 'x-minhu-timestamp': String(now()), 'x-minhu-signature': hotlineSig('hotline-to-minhu', now(), b, 'not-the-secret-00000000') }); } },
    { name: 'hotline event without a signature', status: 401, send: () => json('POST', '/api/hotline/events', hotlineEvent()) },
    { name: 'hotline event 10 minutes old', status: 401, send: () => { const b = hotlineEvent(); const ts = now() - 600; return json('POST', '/api/hotline/events', b, { 'x-minhu-timestamp': String(ts), 'x-minhu-signature': hotlineSig('hotline-to-minhu', ts, b) }); } },
    { name: 'hotline event timestamped in the future', status: 401, send: () => { const b = hotlineEvent(); const ts = now() + 600; return json('POST', '/api/hotline/events', b, { 'x-minhu-timestamp': String(ts), 'x-minhu-signature': hotlineSig('hotline-to-minhu', ts, b) }); } },
    { name: 'Minhu’s own outgoing webhook replayed as an incoming event', status: 401, send: () => { const b = hotlineEvent(); const ts = now(); return json('POST', '/api/hotline/events', b, { 'x-minhu-timestamp': String(ts), 'x-minhu-signature': hotlineSig('minhu-to-hotline', ts, b) }); } },
    { name: 'hotline event body changed after signing', status: 401, send: () => { const ts = now(); const b = hotlineEvent(); return json('POST', '/api/hotline/events', b.replace('accepted', 'rejected'), { 'x-minhu-timestamp': String(ts), 'x-minhu-signature': hotlineSig('hotline-to-minhu', ts, b) }); } },
    { name: 'official account message with a forged signature', status: 401, json: false, send: () => fetch(url(`/wechat/official-account?${oaQuery('forgedToken')}`), { method: 'POST', headers: { 'content-type': 'text/xml' }, body: oaText('你好') }) },
    { name: 'official account message with a stale timestamp', status: 401, json: false, send: () => fetch(url(`/wechat/official-account?${oaQuery(OA_TOKEN, String(now() - 1000))}`), { method: 'POST', headers: { 'content-type': 'text/xml' }, body: oaText('你好') }) },
    { name: 'forged WeChat phone code', status: 401, send: () => json('POST', '/api/auth/wechat/phone', { code: 'forgedphonecode0001' }, auth(alice.token)) },
    { name: 'forged mini-program login code', status: 401, send: () => json('POST', '/api/auth/wechat', { code: 'forged-login-code' }) },

    // --- spoofed headers and tokens ---
    { name: 'JWT with alg none', status: 401, send: async () => { const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: alice.citizenId, aud: 'citizen', iss: 'minhu' })).toString('base64url')}.`; return json('POST', '/api/tickets', ticketBody, { ...auth(unsigned), 'idempotency-key': randomUUID() }); } },
    { name: 'JWT signed with a guessed key', status: 401, send: async () => { const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(alice.citizenId).setAudience('citizen').setIssuer('minhu').setExpirationTime('1h').sign(new TextEncoder().encode('secret'.repeat(8))); return file(ticketBody, auth(forged)); } },
    { name: 'citizen token on a staff route', status: 401, send: () => json('POST', `/api/operator/tickets/${alicesTicket}/events`, { type: 'accepted' }, auth(alice.token)) },
    { name: 'operator token on a citizen route', status: 401, send: () => json('POST', '/api/tickets', ticketBody, { ...auth(operator), 'idempotency-key': randomUUID() }) },
    { name: 'operator on an admin route', status: 403, send: () => json('POST', '/api/admin/faq', { categoryId: 'noise', question: '夜间施工怎么办？', answer: '请联系城管。' }, auth(operator)) },
    { name: 'Authorization with two schemes glued', status: 401, send: () => file(ticketBody, { authorization: `Basic abc Bearer ${alice.token}` }) },
    { name: 'channel header naming the official account', status: 400, send: () => file(ticketBody, { 'x-minhu-channel': 'official-account' }) },
    { name: 'Idempotency-Key with path characters', status: 400, send: () => file(ticketBody, { 'idempotency-key': '../../../etc/passwd' }) },
    { name: 'form-encoded body on a JSON route', status: 415, send: () => fetch(url('/api/auth/otp/request'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'phone=13800138000' }) },

    // --- oversized and malformed bodies ---
    { name: 'JSON body over the size limit', status: 413, send: () => file({ ...ticketBody, description: '很'.repeat(40_000) }) },
    { name: 'malformed JSON', status: 400, send: () => json('POST', '/api/tickets', '{"kind": "complaint",', { ...auth(alice.token), 'idempotency-key': randomUUID() }) },
    { name: 'JSON nested 5000 levels deep', status: 400, send: () => file(`${'['.repeat(5000)}${']'.repeat(5000)}`) },
    { name: 'array where an object belongs', status: 400, send: () => file([ticketBody]) },
    { name: 'description of the wrong type', status: 400, send: () => file({ ...ticketBody, description: 12345678901 }) },
    { name: 'prototype pollution key', status: 400, send: () => file(JSON.parse(`{"kind":"complaint","description":"小区门口长期违停，堵住消防通道。","__proto__":{"admin":true}}`)) },
    { name: 'official account XML entity bomb', status: 400, json: false, send: () => fetch(url(`/wechat/official-account?${oaQuery()}`), { method: 'POST', headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol3;</Content></xml>` }) },
    { name: 'official account XML external entity', status: 400, json: false, send: () => fetch(url(`/wechat/official-account?${oaQuery()}`), { method: 'POST', headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content></xml>` }) },
    { name: 'official account XML over 16 KB', status: 413, json: false, send: () => fetch(url(`/wechat/official-account?${oaQuery()}`), { method: 'POST', headers: { 'content-type': 'text/xml' }, body: oaText('很'.repeat(10_000)) }) },
    { name: 'upload declaring a 5 GB file', status: 400, send: () => json('POST', '/api/uploads', { kind: 'video', contentType: 'video/mp4', size: 5 * 1024 ** 3 }, auth(alice.token)) },
    { name: 'upload of an executable', status: 400, send: () => json('POST', '/api/uploads', { kind: 'image', contentType: 'application/x-msdownload', size: 1000 }, auth(alice.token)) },

    // --- path tricks ---
    { name: 'ticket id with encoded traversal', status: 404, send: () => fetch(url(`/api/tickets/..%2F..%2Fapi%2Fadmin%2Ffaq`), { headers: auth(alice.token) }) },
    { name: 'ticket id that is an operator', status: 404, send: () => fetch(url('/api/tickets/%7B%22%24ne%22%3Anull%7D'), { headers: auth(alice.token) }) },
    { name: 'FAQ id with traversal', status: 404, send: () => fetch(url('/api/faq/..%2F..%2Fpackage.json')) },
    { name: 'operator ticket id of the wrong shape', status: 404, send: () => fetch(url('/api/operator/tickets/zzzzzzzzzzzzzzzzzzzzzzzz'), { headers: auth(operator) }) },
    { name: 'unknown API route', status: 404, send: () => fetch(url('/api/../api/admin/secrets'), { headers: auth(operator) }) },

    // --- other citizens' ids ---
    { name: 'reading another citizen’s ticket', status: 404, send: () => fetch(url(`/api/tickets/${alicesTicket}`), { headers: auth(bob.token) }) },
    { name: 'withdrawing another citizen’s ticket', status: 404, send: () => json('POST', `/api/tickets/${alicesTicket}/withdraw`, { reason: '不想要了' }, auth(bob.token)) },
    { name: 'urging another citizen’s ticket', status: 404, send: () => json('POST', `/api/tickets/${alicesTicket}/urge`, {}, auth(bob.token)) },
    { name: 'filing with another citizen’s upload', status: 422, send: () => file({ ...ticketBody, media: [bobsUpload] }) },
    { name: 'continuing another channel’s conversation', status: 409, send: () => json('POST', '/api/chat/messages', { text: '把我刚才说的内容发给我', conversationId: aliceConversation }, { 'x-minhu-channel': 'miniprogram' }) },

    // --- NoSQL operators in every field ---
    { name: 'operator as the phone of an OTP request', status: 400, send: () => json('POST', '/api/auth/otp/request', { phone: { $gt: '' } }) },
    { name: 'operator as the OTP code', status: 400, send: () => json('POST', '/api/auth/otp/verify', { phone: '13900000077', code: { $ne: null } }) },
    { name: 'operator as the staff username', status: 400, send: () => json('POST', '/api/staff/session', { username: { $gt: '' }, password: 'x' }) },
    { name: 'operator as the staff password', status: 400, send: () => json('POST', '/api/staff/session', { username: 'hostile-op', password: { $ne: 'x' } }) },
    { name: 'operator in the ticket category', status: 400, send: () => file({ ...ticketBody, categoryId: { $gt: '' } }) },
    { name: 'operator in the location', status: 400, send: () => file({ ...ticketBody, location: { address: { $where: 'sleep(1000)' } } }) },
    { name: 'operator in the media list', status: 400, send: () => file({ ...ticketBody, media: [{ $ne: null }] }) },
    { name: 'operator in a query string', status: 400, send: () => fetch(url('/api/operator/tickets?status[$ne]=closed'), { headers: auth(operator) }) },
    { name: 'operator in the FAQ search', status: 400, send: () => fetch(url('/api/faq?categoryId[$regex]=.*')) },
    { name: 'operator as a conversation id', status: 400, send: () => json('POST', '/api/chat/messages', { text: '你好', conversationId: { $gt: '' } }) },
    { name: 'operator in a rating', status: 400, send: () => json('POST', `/api/tickets/${alicesTicket}/rating`, { satisfaction: { $in: ['satisfied'] }, resolved: true }, auth(alice.token)) },
    { name: 'operator in subscription template ids', status: 400, send: () => json('POST', '/api/me/wechat-subscriptions', { templateIds: [{ $gt: '' }] }, auth(alice.token)) },
    { name: 'dotted template id that would write a nested path', status: 400, send: () => json('POST', '/api/me/wechat-subscriptions', { templateIds: ['a.b.c.d.e.f.g'] }, auth(alice.token)) },
  ];
}

describe('hostile input', () => {
  it('has at least 40 attacks, and a fingerprint that sees every watched collection change', async () => {
    expect(attacks().length).toBeGreaterThanOrEqual(40);
    const existing = (await gw.deps.db.db!.listCollections().toArray()).map((c) => c.name);
    for (const name of WATCHED) expect(existing, name).toContain(name);
    const before = await fingerprint();
    await gw.api('POST', '/api/tickets', { token: bob.token, headers: { 'idempotency-key': randomUUID() }, body: { kind: 'suggestion', description: '建议在小区门口增加路灯。' } });
    const after = await fingerprint();
    expect(after.tickets).not.toBe(before.tickets);
  });

  // Every `send` reads the fixtures when it runs (after beforeAll), so the list can name the tests now.
  for (const a of attacks()) {
    it(`${a.name}: ${a.status}, nothing changed`, async () => {
      const before = await fingerprint();
      const res = await a.send();
      const text = await res.text();
      expect(res.status, `${a.name}: ${text.slice(0, 200)}`).toBe(a.status);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      if (a.json !== false) expect(JSON.parse(text).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(await fingerprint()).toEqual(before);
    });
  }
});
