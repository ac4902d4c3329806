// The whole 12345 workflow through the HTTP API in builtin mode: file → accepted → dispatched →
// replied → callback → rated dissatisfied → reopened → replied → callback → rated satisfied → closed,
// plus the rating and withdrawal rules, and the citizen told at each step by SMS.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
let alice: string;
let alicePhone: string;
let bob: string;
let op: string;

async function file(token = alice) {
  const res = await gw.api('POST', '/api/tickets', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId: 'traffic-parking', description: '小区门口长期有车辆违停，堵住消防通道，多次反映无果。' },
  });
  expect(res.status).toBe(201);
  return res.body.ticket.id as string;
}

async function move(id: string, type: string, data: Record<string, string> = {}) {
  const res = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type, data } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.ticket;
}

const rate = (id: string, body: unknown, token = alice) => gw.api('POST', `/api/tickets/${id}/rating`, { token, body });

beforeAll(async () => {
  gw = await startTestGateway({ OUTBOX_POLL_MS: '50' }, { background: true });
  alicePhone = freshPhone();
  alice = (await gw.login(alicePhone)).token;
  bob = (await gw.login(freshPhone())).token;
  const { password } = await addStaff(gw.deps, { username: 'op', role: 'operator', name: '陈话务员' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'op', password } })).body.token;
});
afterAll(() => gw?.close());

describe('full round trip', () => {
  it('travels the whole workflow with two rating rounds', async () => {
    const id = await file();
    await move(id, 'accepted');
    await move(id, 'dispatched', { department: '区公安分局' });
    await move(id, 'replied', { reply: '已安排交警加强巡查并对违停车辆处罚。' });
    expect((await rate(id, { satisfaction: 'dissatisfied', resolved: false, comment: '太早了' })).status).toBe(409); // before the callback
    const inCallback = await move(id, 'callback');
    expect(inCallback.canRate).toBe(true);

    const first = await rate(id, { satisfaction: 'dissatisfied', resolved: false, comment: '巡查两天后又恢复原样' });
    expect(first.status).toBe(200);
    expect(first.body.ticket.ratings).toEqual([expect.objectContaining({ satisfaction: 'dissatisfied', resolved: false, round: 1 })]);
    expect(first.body.ticket.canRate).toBe(false);
    const twice = await rate(id, { satisfaction: 'satisfied', resolved: true });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_rated');
    const review = await gw.api('GET', '/api/operator/tickets?needsReview=true', { token: op });
    expect(review.body.items.map((t: { id: string }) => t.id)).toContain(id);

    await move(id, 'reopened', { reason: '市民不满意：巡查后又恢复原样' });
    await move(id, 'dispatched', { department: '区公安分局' });
    await move(id, 'replied', { reply: '已在路口加装隔离桩，违停问题解决。' });
    await move(id, 'callback');
    const second = await rate(id, { satisfaction: 'satisfied', resolved: true, comment: '谢谢' });
    expect(second.status).toBe(200);
    expect(second.body.ticket.ratings.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    const closed = await move(id, 'closed');
    expect(closed.status).toBe('closed');
    expect(closed.needsReview).toBe(false);

    const detail = (await gw.api('GET', `/api/tickets/${id}`, { token: alice })).body.ticket;
    expect(detail.timeline.map((t: { status: string }) => t.status)).toEqual([
      'submitted', 'accepted', 'dispatched', 'replied', 'callback', 'reopened', 'dispatched', 'replied', 'callback', 'closed',
    ]);
    expect(detail.timeline[2]).toMatchObject({ department: '区公安分局', actor: { type: 'operator', name: '陈话务员' } });
    expect(detail.timeline[3].reply).toContain('巡查');
    expect(detail.dueAt).toBeNull(); // final
    expect(detail.canRate).toBe(false);

    // The H5 citizen was told of each of the 9 status changes by SMS (the notification queue).
    const deadline = Date.now() + 15_000;
    let sms: Array<{ to: string; text: string }> = [];
    while (Date.now() < deadline) {
      sms = (await readFile(gw.smsOutbox, 'utf8')).trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.to === alicePhone && m.text.includes(detail.number));
      if (sms.length >= 9) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(sms).toHaveLength(9);
    expect(sms.some((m) => m.text.includes('已派单') && m.text.includes('区公安分局'))).toBe(true);
    expect(sms.at(-1)?.text).toContain('已办结');
  });
});

describe('rating rules', () => {
  it('lets only the owner rate, within 7 days of the callback', async () => {
    const id = await file();
    for (const [t, d] of [['accepted', {}], ['dispatched', { department: '区公安分局' }], ['replied', { reply: '已处理' }], ['callback', {}]] as const) await move(id, t, d);
    const other = await rate(id, { satisfaction: 'satisfied', resolved: true }, bob);
    expect(other.status).toBe(404);
    for (const bad of [{ satisfaction: 'great', resolved: true }, { satisfaction: 'satisfied' }, { satisfaction: 'satisfied', resolved: 'yes' }, { satisfaction: 'satisfied', resolved: true, stars: 5 }]) {
      expect((await rate(id, bad)).status).toBe(400);
    }
    await gw.deps.models.Ticket.updateOne({ _id: id }, { $set: { statusAt: new Date(Date.now() - 8 * 24 * 3600_000) } });
    const late = await rate(id, { satisfaction: 'satisfied', resolved: true });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('rating_window_closed');
    expect((await gw.deps.models.Ticket.findById(id).lean())?.ratings).toEqual([]);
  });

  it('accepts one of two concurrent ratings', async () => {
    const id = await file();
    for (const [t, d] of [['accepted', {}], ['replied', { reply: '已处理' }], ['callback', {}]] as const) await move(id, t, d);
    const results = await Promise.all([rate(id, { satisfaction: 'satisfied', resolved: true }), rate(id, { satisfaction: 'dissatisfied', resolved: false })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await gw.deps.models.Ticket.findById(id).lean())?.ratings).toHaveLength(1);
  });
});

describe('withdrawal', () => {
  it('withdraws before acceptance only, and only by the owner', async () => {
    const id = await file();
    expect((await gw.api('POST', `/api/tickets/${id}/withdraw`, { token: bob, body: { reason: '不是我的工单' } })).status).toBe(404);
    expect((await gw.api('POST', `/api/tickets/${id}/withdraw`, { token: alice, body: {} })).status).toBe(400); // a reason is required
    const ok = await gw.api('POST', `/api/tickets/${id}/withdraw`, { token: alice, body: { reason: '已解决' } });
    expect(ok.status).toBe(200);
    expect(ok.body.ticket.timeline.at(-1)).toMatchObject({ status: 'withdrawn', reason: '已解决' });
    expect(ok.body.ticket).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect((await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type: 'accepted' } })).status).toBe(409);

    const accepted = await file();
    await move(accepted, 'accepted');
    const noReason = await gw.api('POST', `/api/tickets/${accepted}/withdraw`, { token: alice, body: {} });
    expect(noReason.status).toBe(400);
    const late = await gw.api('POST', `/api/tickets/${accepted}/withdraw`, { token: alice, body: { reason: '问题已经解决了' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('cannot_withdraw');
    expect((await gw.deps.models.Ticket.findById(accepted).lean())?.status).toBe('accepted');
  });
});

describe('申请重办 (asking for the ticket to be handled again)', () => {
  const reopenRequest = (id: string, body: unknown, token = alice) => gw.api('POST', `/api/tickets/${id}/reopen-request`, { token, body });

  it('is open after a dissatisfied rating only, once a round, and reaches the operator queue', async () => {
    const id = await file();
    for (const [t, d] of [['accepted', {}], ['replied', { reply: '已处理' }], ['callback', {}]] as const) await move(id, t, d);
    expect((await reopenRequest(id, { reason: '违停车辆还在，问题没有解决' })).body.error.code).toBe('reopen_not_open');
    const rated = await rate(id, { satisfaction: 'dissatisfied', resolved: false, comment: '没有解决' });
    expect(rated.body.ticket).toMatchObject({ canRequestReopen: true, reopenRequest: null });

    for (const bad of [{}, { reason: '短' }, { reason: 'x'.repeat(501) }, { reason: { $ne: '' } }, { reason: '违停车辆还在，问题没有解决', extra: 1 }]) {
      expect((await reopenRequest(id, bad)).status).toBe(400);
    }
    expect((await reopenRequest(id, { reason: '违停车辆还在，问题没有解决' }, bob)).status).toBe(404);
    const asked = await reopenRequest(id, { reason: '违停车辆还在，问题没有解决' });
    expect(asked.status).toBe(200);
    expect(asked.body.ticket).toMatchObject({ canRequestReopen: false, reopenRequest: { reason: '违停车辆还在，问题没有解决' } });
    expect((await reopenRequest(id, { reason: '再次申请重新办理一次' })).body.error.code).toBe('already_requested');

    const queue = await gw.api('GET', '/api/operator/tickets?reopenRequested=true', { token: op });
    expect(queue.body.items.map((t: { id: string }) => t.id)).toContain(id);
    const row = queue.body.items.find((t: { id: string }) => t.id === id);
    expect(row).toMatchObject({ reopenRequested: true, needsReview: true });

    // Staff reopen it: the request is answered, and a new round may be rated and asked again.
    const reopened = await move(id, 'reopened', { reason: '市民申请重办' });
    expect(reopened).toMatchObject({ status: 'reopened', reopenRequested: false, reopenRequest: null, canRequestReopen: false });
    const after = await gw.api('GET', '/api/operator/tickets?reopenRequested=true', { token: op });
    expect(after.body.items.map((t: { id: string }) => t.id)).not.toContain(id);
  });
});

describe('催办 (urging an overdue ticket)', () => {
  const urge = (id: string, token = alice) => gw.api('POST', `/api/tickets/${id}/urge`, { token, body: {} });

  it('is open once the ticket is past due, once a day, and shows in the operator queue', async () => {
    const id = await file();
    await move(id, 'accepted');
    expect((await urge(id)).body.error.code).toBe('not_overdue');
    await gw.deps.models.Ticket.updateOne({ _id: id }, { $set: { dueAt: new Date(Date.now() - 3600_000) } });
    expect((await gw.api('GET', `/api/tickets/${id}`, { token: alice })).body.ticket.canUrge).toBe(true);
    expect((await urge(id, bob)).status).toBe(404);

    const both = await Promise.all([urge(id), urge(id)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const ok = both.find((r) => r.status === 200)!;
    expect(ok.body.ticket).toMatchObject({ canUrge: false, lastUrgedAt: expect.any(String) });
    expect((await urge(id)).body.error.code).toBe('already_urged_today');
    expect((await gw.deps.models.Ticket.findById(id).lean())?.urges).toHaveLength(1);

    const queue = await gw.api('GET', '/api/operator/tickets?urged=true', { token: op });
    const row = queue.body.items.find((t: { id: string }) => t.id === id);
    expect(row).toMatchObject({ urgeCount: 1, lastUrgedAt: ok.body.ticket.lastUrgedAt });

    // The next China day it may be urged again.
    await gw.deps.models.Ticket.updateOne({ _id: id }, { $set: { lastUrgedDay: '2000-01-01' } });
    expect((await urge(id)).status).toBe(200);
    expect((await gw.deps.models.Ticket.findById(id).lean())?.urges).toHaveLength(2);
  });

  it('is refused on a closed ticket', async () => {
    const id = await file();
    for (const [t, d] of [['accepted', {}], ['replied', { reply: '已处理' }], ['closed', {}]] as const) await move(id, t, d);
    await gw.deps.models.Ticket.updateOne({ _id: id }, { $set: { dueAt: new Date(Date.now() - 3600_000) } });
    expect((await urge(id)).body.error.code).toBe('ticket_final');
  });
});
