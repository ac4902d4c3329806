// GET /api/operator/stats over HTTP: a period's 受理量, 办结率, 按时办结率, 回访率, 满意率 and average handling
// time, overall, per department, per category and per day, and the category × street table — for
// tickets worked through the real API; figures follow later changes; bad periods → 400; staff only.
import { randomUUID } from 'node:crypto';
import { StatsResponseSchema, type StatsResponse } from '@minhu/shared';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
let citizen: string;
let op: string;

async function file(categoryId: string, street?: string) {
  const res = await gw.api('POST', '/api/tickets', {
    token: citizen,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId, description: '反映的问题已经持续一段时间，希望尽快处理。', location: { address: '测试路1号', ...(street ? { street } : {}) } },
  });
  expect(res.status).toBe(201);
  return res.body.ticket.id as string;
}

async function work(id: string, steps: Array<[string, Record<string, unknown>?]>) {
  for (const [type, data] of steps) {
    const res = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type, data: data ?? {} } });
    expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

const rate = (id: string, satisfaction: string) => gw.api('POST', `/api/tickets/${id}/rating`, { token: citizen, body: { satisfaction, resolved: satisfaction !== 'dissatisfied' } });

/** Moves a ticket's filing time (as if filed then); `updatedAt` tells the console's index. */
async function filedAt(id: string, iso: string) {
  await gw.deps.models.Ticket.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { createdAt: new Date(iso), updatedAt: new Date() } });
}

async function stats(from: string, to: string): Promise<StatsResponse> {
  const res = await gw.api('GET', `/api/operator/stats?from=${from}&to=${to}`, { token: op });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return StatsResponseSchema.parse(res.body);
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  gw = await startTestGateway({ DEPARTMENTS: '区城管局,区住建局' });
  citizen = (await gw.login(freshPhone())).token;
  const { password } = await addStaff(gw.deps, { username: 'st.op', role: 'operator', name: '郑话务员' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'st.op', password } })).body.token;

  // Closed on time after a callback that reached the citizen, satisfied on the phone.
  ids.onTime = await file('noise', '幸福街道');
  await work(ids.onTime, [['accepted'], ['dispatched', { department: '区城管局' }], ['replied', { reply: '已处理。' }], ['callback', { reached: true, satisfaction: 'satisfied', resolved: true }], ['closed']]);
  // Callback did not reach the citizen, who then rated dissatisfied in the app; still open.
  ids.unhappy = await file('noise', '幸福街道');
  await work(ids.unhappy, [['accepted'], ['dispatched', { department: '区城管局' }], ['replied', { reply: '已处理。' }], ['callback', { reached: false }]]);
  expect((await rate(ids.unhappy, 'dissatisfied')).status).toBe(200);
  // A callback the hotline reported without saying whether it reached anyone; basically satisfied; closed late.
  ids.late = await file('heating', '长安街道');
  await work(ids.late, [['accepted'], ['dispatched', { department: '区住建局' }], ['replied', { reply: '已处理。' }], ['callback']]);
  expect((await rate(ids.late, 'basically_satisfied')).status).toBe(200);
  await gw.deps.models.Ticket.updateOne({ _id: ids.late }, { $set: { dueAt: new Date(Date.now() - 3600_000) } });
  await work(ids.late, [['closed']]);
  // Not taken; and one still waiting, filed two days later; and one before the period.
  ids.rejected = await file('heating');
  await work(ids.rejected, [['rejected', { reason: '不属于本热线受理范围' }]]);
  ids.waiting = await file('noise');
  ids.before = await file('noise', '幸福街道');

  for (const k of ['onTime', 'unhappy', 'late', 'rejected']) await filedAt(ids[k]!, '2026-03-03T02:00:00Z'); // 10:00 in China
  await filedAt(ids.waiting!, '2026-03-05T15:30:00Z'); // 23:30 in China, still the 5th
  await filedAt(ids.before!, '2026-03-01T16:30:00Z'); // 00:30 on 2 March in China: outside
}, 120_000);
afterAll(() => gw?.close());

describe('GET /api/operator/stats', () => {
  it('computes the period’s figures from the tickets filed in it', async () => {
    const s = await stats('2026-03-03', '2026-03-09');
    // Average handling time from the stored filing and closing times of the two closed tickets.
    const closedTickets = await gw.deps.models.Ticket.find({ _id: { $in: [ids.onTime, ids.late] } }).lean();
    const hours = closedTickets.map((t) => (new Date(t.timeline.at(-1)!.at).getTime() - new Date(t.createdAt).getTime()) / 3_600_000);
    expect(s.totals).toEqual({
      filed: 5,
      accepted: 3,
      closed: 2,
      closedOnTime: 1,
      replied: 3,
      calledBack: 2,
      rated: 3,
      satisfied: 2,
      completionRate: 0.6667,
      onTimeRate: 0.5,
      callbackRate: 0.6667,
      satisfactionRate: 0.6667,
      avgHandlingHours: Math.round(((hours[0]! + hours[1]!) / 2) * 10) / 10,
    });
    expect(s.byDepartment.map((d) => [d.department, d.filed, d.closed, d.satisfactionRate])).toEqual([
      ['区城管局', 2, 1, 0.5],
      [null, 2, 0, null],
      ['区住建局', 1, 1, 1],
    ]);
    expect(s.byCategory.map((c) => [c.categoryId, c.filed, c.accepted])).toEqual([
      ['noise', 3, 2],
      ['heating', 2, 1],
    ]);
    expect(s.daily.map((d) => d.date)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    expect(s.daily.map((d) => d.filed)).toEqual([4, 0, 1, 0, 0, 0, 0]);
    expect(s.daily[1]).toMatchObject({ completionRate: null, avgHandlingHours: null });
    expect(s.byCategoryStreet).toEqual(
      expect.arrayContaining([
        { categoryId: 'noise', street: '幸福街道', filed: 2 },
        { categoryId: 'heating', street: '长安街道', filed: 1 },
        { categoryId: 'heating', street: null, filed: 1 },
        { categoryId: 'noise', street: null, filed: 1 },
      ]),
    );
    expect(s.byCategoryStreet).toHaveLength(4);
    expect((await stats('2026-03-02', '2026-03-02')).totals.filed).toBe(1);
  });

  it('follows the tickets as they are worked', async () => {
    await work(ids.unhappy!, [['closed']]);
    const s = await stats('2026-03-03', '2026-03-09');
    expect(s.totals).toMatchObject({ closed: 3, completionRate: 1 });
    expect(s.byDepartment.find((d) => d.department === '区城管局')?.closed).toBe(2);
  });

  it('answers a bad period 400 and is for staff only', async () => {
    for (const bad of ['', 'from=2026-03-01', 'from=2026-03-09&to=2026-03-01', 'from=2025-01-01&to=2026-03-01', 'from=2026-3-1&to=2026-03-02', 'from=2026-03-01&to=2026-03-02&dept=x', 'from[$gt]=&to=2026-03-01']) {
      const res = await gw.api('GET', `/api/operator/stats?${bad}`, { token: op });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await gw.api('GET', '/api/operator/stats?from=2026-03-01&to=2026-03-02', { token: citizen })).status).toBe(401);
    expect((await gw.api('GET', '/api/operator/stats?from=2026-03-01&to=2026-03-02')).status).toBe(401);
  });
});
