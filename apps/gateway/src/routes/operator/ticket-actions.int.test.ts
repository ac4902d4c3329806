// A ticket as the console shows and works it: the detail with photo and video links that really open,
// the supervision clock, each action's form checked by the shared schema (bad forms → 400 and the
// ticket untouched), the callback recording whether the citizen was reached and a satisfaction given
// by phone (which becomes the round's rating), and a stale action answered 409 with what stands now.
import { randomUUID } from 'node:crypto';
import { OperatorTicketDetailSchema } from '@minhu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { makeJpeg, postToStorage, readMp4 } from '../../../../../tests/support/media.js';

let gw: TestGateway;
let citizen: string;
let op: string;

async function upload(kind: 'image' | 'video', contentType: string, bytes: Buffer) {
  const res = await gw.api('POST', '/api/uploads', { token: citizen, body: { kind, contentType, size: bytes.length } });
  expect(res.status).toBe(201);
  expect((await postToStorage(res.body, bytes, contentType)).status).toBe(204);
  return res.body.uploadId as string;
}

async function file(extra: Record<string, unknown> = {}) {
  const res = await gw.api('POST', '/api/tickets', {
    token: citizen,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId: 'noise', description: '小区旁边工地每天晚上十一点以后还在施工，噪音很大。', ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id as string;
}

const act = (id: string, body: unknown) => gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body });
const detail = async (id: string) => OperatorTicketDetailSchema.parse((await gw.api('GET', `/api/operator/tickets/${id}`, { token: op })).body.ticket);
const stored = (id: string) => gw.deps.models.Ticket.findById(id, { pendingEvents: 0 }).lean();

beforeAll(async () => {
  gw = await startTestGateway({ DEPARTMENTS: '区城管局,区住建局', MEDIA_URL_TTL_SECONDS: '60' });
  citizen = (await gw.login(freshPhone())).token;
  const { password } = await addStaff(gw.deps, { username: 'act.op', role: 'operator', name: '吴话务员' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'act.op', password } })).body.token;
});
afterAll(() => gw?.close());

describe('GET /api/operator/tickets/:id', () => {
  it('shows the photo and the video on short-lived links that open, the masked phone only, and the next deadline', async () => {
    const jpeg = await makeJpeg(320, 240);
    const mp4 = await readMp4();
    const id = await file({
      media: [await upload('image', 'image/jpeg', jpeg), await upload('video', 'video/mp4', mp4)],
      location: { address: '幸福路88号', street: '幸福街道', lat: 23.16, lng: 113.27, coordSystem: 'gcj02' },
    });
    const t = await detail(id);
    expect(t.media.map((m) => m.kind)).toEqual(['image', 'video']);
    const photo = await fetch(t.media[0]!.url);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(jpeg)).toBe(true);
    expect((await fetch(t.media[1]!.url, { headers: { range: 'bytes=0-99' } })).status).toBe(206); // a player seeks
    expect(new Date(t.media[0]!.urlExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(t.contactPhoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(t).not.toHaveProperty('contactPhone'); // the full number only through the audited reveal-phone
    const stored = await gw.deps.models.Ticket.findById(id, { contactPhone: 1 }).lean<{ contactPhone: string }>();
    expect(stored?.contactPhone).toMatch(/^1\d{10}$/);
    expect(JSON.stringify(t)).not.toContain(stored!.contactPhone);
    expect(t.location).toMatchObject({ address: '幸福路88号', lat: 23.16, lng: 113.27 });
    expect(t.next).toEqual({ milestone: 'accept', deadline: t.milestones.acceptBy });
    expect(t.callbacks).toEqual([]);
  });

  it('answers 404 for an unknown or malformed id, and 401 to a citizen', async () => {
    expect((await gw.api('GET', '/api/operator/tickets/000000000000000000000000', { token: op })).status).toBe(404);
    expect((await gw.api('GET', '/api/operator/tickets/nope', { token: op })).status).toBe(404);
    const id = await file();
    expect((await gw.api('GET', `/api/operator/tickets/${id}`, { token: citizen })).status).toBe(401);
  });
});

describe('POST /api/operator/tickets/:id/events', () => {
  it('records a callback that reached the citizen with the satisfaction given by phone as the round’s rating', async () => {
    const id = await file();
    for (const body of [{ type: 'accepted' }, { type: 'dispatched', data: { department: '区城管局' } }, { type: 'replied', data: { reply: '已责令工地停止夜间施工。' } }]) {
      expect((await act(id, body)).status).toBe(200);
    }
    const res = await act(id, { type: 'callback', data: { reached: true, satisfaction: 'dissatisfied', resolved: false } });
    expect(res.status).toBe(200);
    const t = OperatorTicketDetailSchema.parse(res.body.ticket);
    expect(t.callbacks).toEqual([{ at: expect.any(String), round: 1, reached: true, satisfaction: 'dissatisfied' }]);
    expect(t.ratings).toEqual([expect.objectContaining({ satisfaction: 'dissatisfied', resolved: false, round: 1 })]);
    expect(t.ratingSources).toEqual(['phone']);
    expect(t.needsReview).toBe(true);
    expect(t.next?.milestone).toBe('close');
    // The citizen has been heard for this round: the app no longer offers a rating.
    const mine = await gw.api('GET', `/api/tickets/${id}`, { token: citizen });
    expect(mine.body.ticket.canRate).toBe(false);
    const reopened = await act(id, { type: 'reopened', data: { reason: '市民电话回访不满意' } });
    expect(reopened.body.ticket).toMatchObject({ status: 'reopened', round: 2, needsReview: false });
  });

  it('records an unreached callback without a rating; the citizen may still rate in the app', async () => {
    const id = await file();
    for (const body of [{ type: 'accepted' }, { type: 'replied', data: { reply: '已处理。' } }]) expect((await act(id, body)).status).toBe(200);
    const res = await act(id, { type: 'callback', data: { reached: false } });
    expect(res.status).toBe(200);
    expect(res.body.ticket.callbacks).toEqual([expect.objectContaining({ reached: false, satisfaction: null })]);
    expect(res.body.ticket.ratings).toEqual([]);
    const rated = await gw.api('POST', `/api/tickets/${id}/rating`, { token: citizen, body: { satisfaction: 'satisfied', resolved: true } });
    expect(rated.status).toBe(200);
    expect((await detail(id)).ratingSources).toEqual(['app']);
  });

  it('checks each action’s form with the shared schema: 400 naming the field, and the ticket untouched', async () => {
    const id = await file();
    expect((await act(id, { type: 'accepted' })).status).toBe(200);
    // Let the relay move the citizen's notification out of the ticket first (that write is not ours to judge).
    await expect.poll(async () => (await gw.deps.models.Ticket.findById(id, { pendingEvents: 1 }).lean())?.pendingEvents?.length, { timeout: 10_000 }).toBe(0);
    const before = await stored(id);
    const bad: Array<[unknown, string]> = [
      [{ type: 'dispatched' }, 'data'],
      [{ type: 'dispatched', data: { department: '' } }, 'data.department'],
      [{ type: 'replied', data: { reply: ' ' } }, 'data.reply'],
      [{ type: 'rejected', data: {} }, 'data.reason'],
      [{ type: 'callback', data: { reached: false, satisfaction: 'satisfied' } }, 'data.satisfaction'],
      [{ type: 'callback', data: { reached: true, resolved: true } }, 'data.resolved'],
      [{ type: 'callback', data: { reached: 'yes' } }, 'data.reached'],
      [{ type: 'closed', data: { reply: 'x' } }, 'data'],
      [{ type: 'dispatched', data: { department: '区城管局', reply: '多余字段' } }, 'data'],
      [{ type: 'teleported' }, 'type'],
      [{ type: 'accepted', extra: 1 }, ''],
    ];
    for (const [body, path] of bad) {
      const res = await act(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    const unknown = await act(id, { type: 'dispatched', data: { department: '火星局' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_department');
    const wrongType = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, raw: 'type=accepted', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status).toBe(415);
    expect(await stored(id)).toEqual(before);
  });

  it('answers an action the state machine no longer allows with 409 and leaves the ticket as it stands', async () => {
    const id = await file();
    expect((await act(id, { type: 'accepted' })).status).toBe(200);
    // Two operators look at the accepted ticket; one dispatches it, the other tries to reject it.
    expect((await act(id, { type: 'dispatched', data: { department: '区住建局' } })).status).toBe(200);
    const stale = await act(id, { type: 'rejected', data: { reason: '不属于受理范围' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'illegal_transition', message: '工单当前状态为「已派单」，不能变更为「不予受理」', details: { from: 'dispatched', to: 'rejected' } });
    expect((await detail(id)).status).toBe('dispatched');
  });
});
