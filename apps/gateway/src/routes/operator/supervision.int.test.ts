// GET /api/operator/supervision (督办) over HTTP: open tickets past or near the deadline their status is
// measured against — the "1345" milestones, the urgent-help clock, the time limit of a reopened ticket —
// most overdue first; final tickets never; bad input → 400; staff only.
import { randomUUID } from 'node:crypto';
import { SupervisionBoardSchema } from '@minhu/shared';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
let citizen: string;
let op: string;
const DAY = 24 * 3600_000;

async function file(extra: Record<string, unknown> = {}) {
  const res = await gw.api('POST', '/api/tickets', {
    token: citizen,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId: 'traffic-parking', description: '路口红绿灯坏了好几天，早晚高峰非常拥堵。', ...extra },
  });
  expect(res.status).toBe(201);
  return res.body.ticket.id as string;
}

async function work(id: string, steps: Array<[string, Record<string, unknown>?]>) {
  for (const [type, data] of steps) expect((await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type, data: data ?? {} } })).status).toBe(200);
}

const filedDaysAgo = (id: string, days: number) =>
  gw.deps.models.Ticket.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { createdAt: new Date(Date.now() - days * DAY), updatedAt: new Date() } });

let notAccepted: string, notReviewed: string, urgent: string, fresh: string, closed: string;

beforeAll(async () => {
  gw = await startTestGateway({ DEPARTMENTS: '区交警大队,区城管局' });
  citizen = (await gw.login(freshPhone())).token;
  const { password } = await addStaff(gw.deps, { username: 'sv.op', role: 'operator' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'sv.op', password } })).body.token;

  notAccepted = await file();
  await filedDaysAgo(notAccepted, 15); // day 1 (acceptance) long gone, even across the longest holiday
  notReviewed = await file();
  await work(notReviewed, [['accepted'], ['dispatched', { department: '区交警大队' }], ['replied', { reply: '已维修信号灯。' }]]);
  await filedDaysAgo(notReviewed, 30); // day 4 (follow-up review) long gone
  urgent = await file({ kind: 'help', urgent: true, categoryId: 'utilities-outage', description: '整栋楼突然停电，有老人需要用呼吸机。' });
  fresh = await file(); // acceptance due by the end of the next working day: more than 24 h away
  closed = await file();
  await work(closed, [['accepted'], ['replied', { reply: '已处理。' }], ['closed']]);
  await filedDaysAgo(closed, 30);
});
afterAll(() => gw?.close());

describe('GET /api/operator/supervision', () => {
  it('lists what is overdue, most overdue first, then what falls due within the next hours', async () => {
    const res = await gw.api('GET', '/api/operator/supervision', { token: op });
    expect(res.status).toBe(200);
    const board = SupervisionBoardSchema.parse(res.body);
    expect(board.items.map((i) => i.id)).toEqual([notReviewed, notAccepted, urgent]);
    const [review, accept, contact] = board.items;
    expect(review).toMatchObject({ milestone: 'review', status: 'replied', department: '区交警大队' });
    expect(accept).toMatchObject({ milestone: 'accept', status: 'submitted', department: null });
    expect(review!.overdueMinutes).toBeGreaterThan(accept!.overdueMinutes);
    expect(accept!.overdueMinutes).toBeGreaterThan(0);
    // The urgent-help clock: contact the citizen within 30 minutes of filing.
    expect(contact).toMatchObject({ milestone: 'urgent_contact', urgent: true });
    expect(contact!.overdueMinutes).toBeGreaterThanOrEqual(-30);
    expect(contact!.overdueMinutes).toBeLessThan(0);
    // Each deadline is the one the ticket detail shows as next.
    const detail = await gw.api('GET', `/api/operator/tickets/${notReviewed}`, { token: op });
    expect(detail.body.ticket.next).toEqual({ milestone: 'review', deadline: review!.deadline });
    expect(board.items.map((i) => i.id)).not.toContain(fresh);
    expect(board.items.map((i) => i.id)).not.toContain(closed);
  });

  it('follows a ticket once it moves on', async () => {
    await work(urgent, [['accepted']]);
    const board = SupervisionBoardSchema.parse((await gw.api('GET', '/api/operator/supervision', { token: op })).body);
    expect(board.items.find((i) => i.id === urgent)?.milestone).toBe('urgent_on_site');
    await work(notAccepted, [['accepted'], ['dispatched', { department: '区城管局' }]]);
    const after = SupervisionBoardSchema.parse((await gw.api('GET', '/api/operator/supervision', { token: op })).body);
    expect(after.items.find((i) => i.id === notAccepted)).toMatchObject({ milestone: 'feedback', department: '区城管局' });
  });

  it('answers bad input 400 and is for staff only', async () => {
    for (const bad of ['withinHours=0', 'withinHours=169', 'withinHours=soon', 'department=x']) {
      expect((await gw.api('GET', `/api/operator/supervision?${bad}`, { token: op })).status, bad).toBe(400);
    }
    expect((await gw.api('GET', '/api/operator/supervision', { token: citizen })).status).toBe(401);
  });
});
