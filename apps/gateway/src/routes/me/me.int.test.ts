// The citizen's own account on the real services: sign-out that ends tokens at once, PIPL's export
// of everything held, and erasure (refused while a ticket is open; anonymises what the hotline keeps).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { makeJpeg, postToStorage } from '../../../../../tests/support/media.js';

let gw: TestGateway;
let op: string;

beforeAll(async () => {
  gw = await startTestGateway({ OTP_PHONE_PER_MINUTE: '100' });
  const { password } = await addStaff(gw.deps, { username: 'me-op', role: 'operator', name: '话务员' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'me-op', password } })).body.token;
});
afterAll(() => gw?.close());

async function upload(token: string) {
  const jpeg = await makeJpeg(64, 64);
  const res = await gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } });
  expect((await postToStorage(res.body, jpeg, 'image/jpeg')).status).toBeLessThan(300);
  return res.body.uploadId as string;
}

async function file(token: string, media: string[] = []) {
  const res = await gw.api('POST', '/api/tickets', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId: 'noise', description: '楼下商铺音响每天开到半夜，影响休息。', location: { address: '幸福路 1 号' }, media },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; number: string; media: Array<{ url: string }> };
}

const move = (id: string, type: string, data: Record<string, string> = {}) => gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type, data } });

describe('POST /api/auth/logout', () => {
  it('ends every token of the citizen at once; signing in again works', async () => {
    const phone = freshPhone();
    const first = await gw.login(phone);
    const second = await gw.login(phone); // another device
    expect((await gw.api('GET', '/api/me', { token: first.token })).status).toBe(200);
    expect((await gw.api('POST', '/api/auth/logout', { body: {} })).status).toBe(401);
    expect((await gw.api('POST', '/api/auth/logout', { token: first.token, body: {} })).status).toBe(204);
    for (const token of [first.token, second.token]) {
      const res = await gw.api('GET', '/api/tickets', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('session_ended');
    }
    const again = await gw.login(phone);
    expect(again.citizenId).toBe(first.citizenId);
    expect((await gw.api('GET', '/api/me', { token: again.token })).status).toBe(200);
  });
});

describe('GET /api/me/export', () => {
  it('returns everything held about the citizen, and nothing about anyone else', async () => {
    const phone = freshPhone();
    const me = await gw.login(phone);
    const other = await gw.login(freshPhone());
    const photo = await upload(me.token);
    const ticket = await file(me.token, [photo]);
    await move(ticket.id, 'accepted');
    const loose = await upload(me.token);
    const chat = await gw.api('POST', '/api/chat/messages', { token: me.token, body: { text: '社保卡丢了怎么补办？' } });
    await file(other.token);

    const res = await gw.api('GET', '/api/me/export', { token: me.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = res.body;
    expect(data.citizen).toMatchObject({ id: me.citizenId, phone });
    expect(data.tickets.map((t: { id: string }) => t.id)).toEqual([ticket.id]);
    expect(data.tickets[0].timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'accepted']);
    expect(data.tickets[0].contactPhone).toBe(phone);
    expect((await fetch(data.tickets[0].media[0].url)).status).toBe(200);
    expect(data.conversations).toHaveLength(1);
    expect(data.conversations[0]).toMatchObject({ id: chat.body.conversationId, messages: [{ role: 'user', text: '社保卡丢了怎么补办？' }, { role: 'bot' }] });
    expect(data.unfiledUploads.map((u: { id: string }) => u.id)).toEqual([loose]);
    expect((await fetch(data.unfiledUploads[0].url)).status).toBe(200);
    expect(JSON.stringify(data)).not.toContain(other.citizenId);
  });
});

describe('DELETE /api/me', () => {
  it('refuses while a ticket is open, naming it, and changes nothing', async () => {
    const me = await gw.login(freshPhone());
    const open = await file(me.token);
    const before = await gw.deps.models.Citizen.findById(me.citizenId).lean();
    const res = await gw.api('DELETE', '/api/me', { token: me.token });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'tickets_open', details: { ticketNumbers: [open.number] } });
    expect(res.body.error.message).toContain(open.number);
    expect(await gw.deps.models.Citizen.findById(me.citizenId).lean()).toEqual(before);
    expect((await gw.api('GET', '/api/tickets', { token: me.token })).status).toBe(200);
  });

  it('erases the account and its files, anonymises closed tickets, and ends its tokens', async () => {
    const phone = freshPhone();
    const me = await gw.login(phone);
    const photo = await upload(me.token);
    const closed = await file(me.token, [photo]);
    for (const [t, d] of [['accepted', {}], ['replied', { reply: '已处理' }], ['closed', {}]] as const) expect((await move(closed.id, t, d)).status).toBe(200);
    const withdrawn = await file(me.token);
    await gw.api('POST', `/api/tickets/${withdrawn.id}/withdraw`, { token: me.token, body: { reason: '已经解决了' } });
    const loose = await upload(me.token);
    await gw.api('POST', '/api/chat/messages', { token: me.token, body: { text: '公积金怎么提取？' } });
    const uploads = await gw.deps.models.Upload.find({ citizenId: me.citizenId }).lean();
    expect(uploads.map((u) => u._id)).toContain(loose);
    const keys = uploads.map((u) => u.objectKey);
    const evidence = ((await gw.deps.models.Ticket.findById(closed.id).lean())?.media ?? []).map((m) => m.objectKey);

    const res = await gw.api('DELETE', '/api/me', { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ erased: true, ticketsAnonymised: 2 });

    expect((await gw.api('GET', '/api/me', { token: me.token })).status).toBe(401);
    const citizen = await gw.deps.models.Citizen.findById(me.citizenId).lean();
    expect(citizen?.deletedAt).toBeTruthy();
    expect(citizen?.phone).toBeUndefined();
    expect(await gw.deps.models.Conversation.countDocuments({ citizenId: me.citizenId })).toBe(0);
    expect(await gw.deps.models.Upload.countDocuments({ citizenId: me.citizenId })).toBe(0);
    for (const key of [...keys, ...evidence]) expect(await gw.deps.storage.stat(key), key).toBeNull();
    const kept = await gw.deps.models.Ticket.findById(closed.id).lean();
    expect(kept).toMatchObject({ status: 'closed', contactPhone: null, anonymous: true, media: [] });
    expect(kept?.description).toBe('楼下商铺音响每天开到半夜，影响休息。');

    // The phone is free again: signing in makes a new, empty account.
    const fresh = await gw.login(phone);
    expect(fresh.citizenId).not.toBe(me.citizenId);
    expect((await gw.api('GET', '/api/tickets', { token: fresh.token })).body.items).toEqual([]);
  });
});
