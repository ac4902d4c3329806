// The built-in back office over HTTP: staff login and its limits, token separation, the queue and
// its filters (overdue = 督办), operator events with the operator's name, departments.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
let citizen: string;
let operator: string;
let operatorPassword: string;

const body = (categoryId: string, urgent = false) => ({ kind: 'help', categoryId, urgent, description: '小区已经停水两天了，物业说不清楚原因，家里有老人。' });

async function fileTicket(categoryId = 'utilities-outage', urgent = false) {
  const res = await gw.api('POST', '/api/tickets', { token: citizen, body: body(categoryId, urgent), headers: { 'idempotency-key': randomUUID() } });
  expect(res.status).toBe(201);
  return res.body.ticket.id as string;
}

beforeAll(async () => {
  gw = await startTestGateway({ STAFF_LOGIN_PER_15MIN: '4', DEPARTMENTS: '区水务局,供水企业,街道办事处' });
  citizen = (await gw.login(freshPhone())).token;
  operatorPassword = (await addStaff(gw.deps, { username: 'li.ops', role: 'operator', name: '李话务员' })).password;
  operator = (await gw.api('POST', '/api/staff/session', { body: { username: 'li.ops', password: operatorPassword } })).body.token;
});
afterAll(() => gw?.close());

describe('staff sessions', () => {
  it('signs staff in with a hashed password and keeps staff and citizen tokens apart', async () => {
    const staff = await gw.deps.models.Staff.findOne({ username: 'li.ops' }).lean();
    expect(staff?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(operator).toEqual(expect.any(String));
    expect((await gw.api('GET', '/api/operator/tickets', { token: operator })).status).toBe(200);
    expect((await gw.api('GET', '/api/operator/tickets', { token: citizen })).status).toBe(401);
    expect((await gw.api('GET', '/api/tickets', { token: operator })).status).toBe(401);
    expect((await gw.api('GET', '/api/operator/tickets')).status).toBe(401);
  });

  it('refuses wrong passwords and unknown users alike, and limits attempts (429)', async () => {
    await addStaff(gw.deps, { username: 'zhao', role: 'operator' });
    const wrong = await gw.api('POST', '/api/staff/session', { body: { username: 'zhao', password: 'guess-1' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await gw.api('POST', '/api/staff/session', { body: { username: 'nobody', password: 'x' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    for (let i = 0; i < 3; i++) await gw.api('POST', '/api/staff/session', { body: { username: 'zhao', password: `guess-${i}` } });
    const limited = await gw.api('POST', '/api/staff/session', { body: { username: 'zhao', password: 'guess-9' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await gw.api('POST', '/api/staff/session', { body: { username: { $ne: '' }, password: 'x' } })).status).toBe(400);
  });

  it('refuses a disabled account', async () => {
    const { password } = await addStaff(gw.deps, { username: 'gone', role: 'operator' });
    const token = (await gw.api('POST', '/api/staff/session', { body: { username: 'gone', password } })).body.token;
    await gw.deps.models.Staff.updateOne({ username: 'gone' }, { $set: { disabled: true } });
    expect((await gw.api('GET', '/api/operator/tickets', { token })).status).toBe(401);
  });
});

describe('operator queue and events', () => {
  it('works a ticket with the operator’s name on the timeline and validates departments', async () => {
    const id = await fileTicket();
    const accept = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: operator, body: { type: 'accepted' } });
    expect(accept.status).toBe(200);
    expect(accept.body.ticket.timeline.at(-1)).toMatchObject({ status: 'accepted', actor: { type: 'operator', name: '李话务员' } });
    expect(accept.body.ticket.contactPhoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(accept.body.ticket).not.toHaveProperty('contactPhone');
    // The "1345" milestones for supervision: accept by day 1, feedback day 3, review day 4, close day 5.
    const m = accept.body.ticket.milestones;
    expect(new Date(m.acceptBy) < new Date(m.feedbackBy) && new Date(m.feedbackBy) < new Date(m.reviewBy) && new Date(m.reviewBy) < new Date(m.closeBy)).toBe(true);
    expect(m.reviewBy).toBe(accept.body.ticket.dueAt); // a help request is due in 4 working days
    expect(m.urgent).toBeUndefined();
    const unknownDept = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: operator, body: { type: 'dispatched', data: { department: '火星局' } } });
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.body.error.code).toBe('unknown_department');
    expect((await gw.api('GET', '/api/operator/departments', { token: operator })).body.departments).toEqual(['区水务局', '供水企业', '街道办事处']);
    const dispatch = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: operator, body: { type: 'dispatched', data: { department: '供水企业' } } });
    expect(dispatch.body.ticket).toMatchObject({ status: 'dispatched', ownerDepartment: '供水企业' });
    const illegal = await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: operator, body: { type: 'accepted' } });
    expect(illegal.status).toBe(409);
    expect((await gw.api('POST', `/api/operator/tickets/${id}/events`, { token: operator, body: { type: 'replied', data: {} } })).status).toBe(400);
    expect((await gw.api('POST', `/api/operator/tickets/nope/events`, { token: operator, body: { type: 'accepted' } })).status).toBe(404);
    // The citizen sees the same timeline, without the operator-only fields.
    const mine = await gw.api('GET', `/api/tickets/${id}`, { token: citizen });
    expect(mine.body.ticket.timeline.map((t: { status: string }) => t.status)).toEqual(['submitted', 'accepted', 'dispatched']);
    expect(mine.body.ticket.contactPhone).toBeUndefined();
  });

  it('shows the urgent-help clock: contact within 30 minutes, on site within 1 hour', async () => {
    const id = await fileTicket('utilities-outage', true);
    const res = await gw.api('GET', `/api/operator/tickets/${id}`, { token: operator });
    const created = new Date(res.body.ticket.createdAt).getTime();
    expect(new Date(res.body.ticket.milestones.urgent.contactBy).getTime() - created).toBe(30 * 60_000);
    expect(new Date(res.body.ticket.milestones.urgent.onSiteBy).getTime() - created).toBe(60 * 60_000);
    expect(res.body.ticket.milestones.urgent.doneBy).toBe(res.body.ticket.dueAt);
  });

  it('filters by status and category and flags overdue tickets (督办)', async () => {
    const overdueId = await fileTicket('heating');
    const freshId = await fileTicket('heating');
    await gw.deps.models.Ticket.updateOne({ _id: overdueId }, { $set: { dueAt: new Date(Date.now() - 3600_000) } });
    const overdue = await gw.api('GET', '/api/operator/tickets?overdue=true&categoryId=heating', { token: operator });
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((t: { id: string }) => t.id)).toEqual([overdueId]);
    expect(overdue.body.items[0].overdue).toBe(true);
    const onTime = await gw.api('GET', '/api/operator/tickets?overdue=false&categoryId=heating', { token: operator });
    expect(onTime.body.items.map((t: { id: string }) => t.id)).toEqual([freshId]);
    const submitted = await gw.api('GET', '/api/operator/tickets?status=submitted&categoryId=heating&limit=1', { token: operator });
    expect(submitted.body.items).toHaveLength(1);
    expect(submitted.body.nextCursor).not.toBeNull();
    const page2 = await gw.api('GET', `/api/operator/tickets?status=submitted&categoryId=heating&limit=1&cursor=${submitted.body.nextCursor}`, { token: operator });
    expect(page2.body.items[0].id).not.toBe(submitted.body.items[0].id);
    // The citizen sees the overdue mark too.
    const list = await gw.api('GET', '/api/tickets?limit=50', { token: citizen });
    expect(list.body.items.find((t: { id: string }) => t.id === overdueId).overdue).toBe(true);
    for (const bad of ['status=lost', 'overdue=yes', 'categoryId=x', 'limit=1000', 'foo=bar']) {
      expect((await gw.api('GET', `/api/operator/tickets?${bad}`, { token: operator })).status, bad).toBe(400);
    }
  });
});
