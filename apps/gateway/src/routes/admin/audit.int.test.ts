// Audited staff access over HTTP, on the real services: the queue and the ticket detail show the
// citizen's phone masked only; POST /api/operator/tickets/:id/reveal-phone gives any signed-in staff
// member the full callback number and records it; every other staff action (opening a ticket, acting
// on it, FAQ and account changes) writes one entry — and a refused or failed one (4xx) writes none.
// GET /api/admin/audit: admins only, newest first, filters by ticket id or number, staff and action,
// cursor pages, zod-checked query. Entries carry no phone number and the model refuses to change them.
import { randomUUID } from 'node:crypto';
import { AuditPageSchema, OperatorTicketDetailSchema, OperatorTicketPageSchema, type AuditEntry } from '@minhu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
let admin: string;
let operator: string;
let citizen: string;
const citizenPhone = freshPhone();
const CALLBACK = '13712345678';

const signIn = async (username: string, password: string) => (await gw.api('POST', '/api/staff/session', { body: { username, password } })).body.token as string;
const as = (token: string) => (method: string, path: string, body?: unknown) => gw.api(method, path, { token, body });
const entries = () => gw.deps.models.AuditEntry.find({}).sort({ at: 1, _id: 1 }).lean();
const count = () => gw.deps.models.AuditEntry.countDocuments({});

async function fileTicket(extra: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const res = await gw.api('POST', '/api/tickets', {
    token: citizen,
    headers: { 'idempotency-key': randomUUID() },
    body: { kind: 'complaint', categoryId: 'noise', description: '楼下烧烤店每天营业到凌晨两点，油烟和噪音扰民。', contactPhone: CALLBACK, ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.ticket.id, number: res.body.ticket.number };
}

async function audit(query = '', token = admin) {
  const res = await gw.api('GET', `/api/admin/audit${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return AuditPageSchema.parse(res.body).items;
}

beforeAll(async () => {
  gw = await startTestGateway({ STAFF_LOGIN_PER_15MIN: '50' });
  const a = await addStaff(gw.deps, { username: 'chief', role: 'admin', name: '值班长' });
  admin = await signIn('chief', a.password);
  const o = await addStaff(gw.deps, { username: 'wang.op', role: 'operator', name: '王话务员' });
  operator = await signIn('wang.op', o.password);
  citizen = (await gw.login(citizenPhone)).token;
});
afterAll(() => gw?.close());

describe('the phone number in staff views', () => {
  it('is masked in the queue and in the detail, with no full number anywhere', async () => {
    const t = await fileTicket();
    const queue = await as(operator)('GET', '/api/operator/tickets?limit=100');
    expect(queue.status).toBe(200);
    const row = OperatorTicketPageSchema.parse(queue.body).items.find((i) => i.id === t.id)!;
    expect(row.contactPhoneMasked).toBe('137****5678');
    expect(row).not.toHaveProperty('contactPhone');
    expect(JSON.stringify(queue.body)).not.toContain(CALLBACK);

    const detail = await as(operator)('GET', `/api/operator/tickets/${t.id}`);
    expect(detail.status).toBe(200);
    expect(OperatorTicketDetailSchema.parse(detail.body.ticket).contactPhoneMasked).toBe('137****5678');
    expect(detail.body.ticket).not.toHaveProperty('contactPhone');
    expect(JSON.stringify(detail.body)).not.toContain(CALLBACK);
    expect(JSON.stringify(detail.body)).not.toContain(citizenPhone);
  });
});

describe('POST /api/operator/tickets/:id/reveal-phone', () => {
  it('gives any staff member the callback number, uncached, and records who, what, when and from where', async () => {
    const t = await fileTicket();
    const before = new Date();
    const res = await as(operator)('POST', `/api/operator/tickets/${t.id}/reveal-phone`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phone: CALLBACK });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const byAdmin = await as(admin)('POST', `/api/operator/tickets/${t.id}/reveal-phone`);
    expect(byAdmin.body).toEqual({ phone: CALLBACK });

    const reveals = await gw.deps.models.AuditEntry.find({ action: 'ticket.reveal_phone', ticketNumber: t.number }).sort({ at: 1 }).lean();
    expect(reveals.map((r) => [r.username, r.role])).toEqual([
      ['wang.op', 'operator'],
      ['chief', 'admin'],
    ]);
    expect(String(reveals[0]!.ticketId)).toBe(t.id);
    expect(reveals[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(reveals[0]!.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('answers null for a ticket without a callback number (its citizen’s data erased), still recorded', async () => {
    const t = await fileTicket();
    await gw.deps.models.Ticket.updateOne({ _id: t.id }, { $set: { contactPhone: null, anonymous: true, updatedAt: new Date() } });
    const res = await as(operator)('POST', `/api/operator/tickets/${t.id}/reveal-phone`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phone: null });
    expect(await gw.deps.models.AuditEntry.countDocuments({ action: 'ticket.reveal_phone', ticketNumber: t.number })).toBe(1);
  });

  it('refuses citizens and strangers, and records nothing for an unknown or malformed ticket', async () => {
    const t = await fileTicket();
    const n = await count();
    expect((await gw.api('POST', `/api/operator/tickets/${t.id}/reveal-phone`, { token: citizen })).status).toBe(401);
    expect((await gw.api('POST', `/api/operator/tickets/${t.id}/reveal-phone`)).status).toBe(401);
    expect((await as(operator)('POST', '/api/operator/tickets/000000000000000000000000/reveal-phone')).status).toBe(404);
    expect((await as(operator)('POST', '/api/operator/tickets/nope/reveal-phone')).status).toBe(404);
    expect(await count()).toBe(n);
  });
});

describe('every staff action leaves one entry; a refused or failed one leaves none', () => {
  it('opening a ticket and acting on it', async () => {
    const t = await fileTicket();
    const n = await count();
    expect((await as(operator)('GET', `/api/operator/tickets/${t.id}`)).status).toBe(200);
    expect((await as(operator)('POST', `/api/operator/tickets/${t.id}/events`, { type: 'accepted' })).status).toBe(200);
    expect((await as(operator)('POST', `/api/operator/tickets/${t.id}/events`, { type: 'dispatched', data: { department: gw.deps.config.departments[0] } })).status).toBe(200);
    // Failures: a transition the state machine refuses (409), a bad form (400), an unknown department (400), no such ticket (404).
    expect((await as(operator)('POST', `/api/operator/tickets/${t.id}/events`, { type: 'accepted' })).status).toBe(409);
    expect((await as(operator)('POST', `/api/operator/tickets/${t.id}/events`, { type: 'replied', data: {} })).status).toBe(400);
    expect((await as(operator)('POST', `/api/operator/tickets/${t.id}/events`, { type: 'dispatched', data: { department: '火星局' } })).status).toBe(400);
    expect((await as(operator)('GET', '/api/operator/tickets/000000000000000000000000')).status).toBe(404);
    expect((await as(operator)('GET', '/api/operator/tickets?limit=5')).status).toBe(200); // the masked queue is not audited

    const mine = (await entries()).slice(n);
    expect(mine.map((e) => [e.action, e.details])).toEqual([
      ['ticket.view', {}],
      ['ticket.event', { type: 'accepted' }],
      ['ticket.event', { type: 'dispatched', department: gw.deps.config.departments[0] }],
    ]);
    for (const e of mine) expect(e).toMatchObject({ username: 'wang.op', role: 'operator', ticketNumber: t.number });
  });

  it('FAQ changes: create, update, disable, enable — not a refused or invalid one', async () => {
    const n = await count();
    const created = await as(admin)('POST', '/api/admin/faq', { categoryId: 'noise', question: '夜间施工噪音找谁？', answer: '可拨打 12345 反映，由城管部门处理。' });
    expect(created.status).toBe(201);
    const id = created.body.entry.id as string;
    expect((await as(admin)('PATCH', `/api/admin/faq/${id}`, { answer: '可拨打 12345 反映，由区城管局处理。', paraphrases: ['晚上工地吵'] })).status).toBe(200);
    expect((await as(admin)('POST', `/api/admin/faq/${id}/disable`)).status).toBe(200);
    expect((await as(admin)('POST', `/api/admin/faq/${id}/enable`)).status).toBe(200);
    expect((await as(admin)('PATCH', `/api/admin/faq/${id}`, { enabled: false })).status).toBe(200);
    expect((await as(admin)('PATCH', `/api/admin/faq/${id}`, { enabled: true })).status).toBe(200);
    // Refused or failed: an operator (403), a bad body (400), an unknown entry (404).
    expect((await as(operator)('POST', `/api/admin/faq/${id}/disable`)).status).toBe(403);
    expect((await as(admin)('PATCH', `/api/admin/faq/${id}`, { answer: '' })).status).toBe(400);
    expect((await as(admin)('POST', '/api/admin/faq/no-such-entry/disable')).status).toBe(404);

    const mine = (await entries()).slice(n);
    expect(mine.map((e) => [e.action, e.target])).toEqual([
      ['faq.create', id],
      ['faq.update', id],
      ['faq.disable', id],
      ['faq.enable', id],
      ['faq.disable', id],
      ['faq.enable', id],
    ]);
    expect(mine[1]!.details).toEqual({ categoryId: 'noise', fields: 'answer,paraphrases' });
    for (const e of mine) expect(e).toMatchObject({ username: 'chief', role: 'admin', ticketId: null });
  });

  it('staff account changes: create, update, disable, enable, reset password — never the password, not a refused one', async () => {
    const n = await count();
    const created = await as(admin)('POST', '/api/admin/staff', { username: 'zhou.op', role: 'operator' });
    expect(created.status).toBe(201);
    const id = created.body.staff.id as string;
    expect((await as(admin)('PATCH', `/api/admin/staff/${id}`, { name: '周话务员', role: 'admin' })).status).toBe(200);
    expect((await as(admin)('POST', `/api/admin/staff/${id}/disable`)).status).toBe(200);
    expect((await as(admin)('POST', `/api/admin/staff/${id}/enable`)).status).toBe(200);
    const reset = await as(admin)('POST', `/api/admin/staff/${id}/reset-password`);
    expect(reset.status).toBe(200);
    // Refused: the same user name again (409), an admin disabling itself (409), an operator (403), no such account (404).
    const me = (await gw.deps.models.Staff.findOne({ username: 'chief' }).lean())!._id.toString();
    expect((await as(admin)('POST', '/api/admin/staff', { username: 'zhou.op', role: 'operator' })).status).toBe(409);
    expect((await as(admin)('POST', `/api/admin/staff/${me}/disable`)).status).toBe(409);
    expect((await as(admin)('PATCH', `/api/admin/staff/${me}`, { role: 'operator' })).status).toBe(409);
    expect((await as(operator)('POST', `/api/admin/staff/${id}/disable`)).status).toBe(403);
    expect((await as(admin)('POST', '/api/admin/staff/000000000000000000000000/enable')).status).toBe(404);

    const mine = (await entries()).slice(n);
    expect(mine.map((e) => [e.action, e.target, e.details])).toEqual([
      ['staff.create', 'zhou.op', { role: 'operator' }],
      ['staff.update', 'zhou.op', { fields: 'name,role', role: 'admin' }],
      ['staff.disable', 'zhou.op', {}],
      ['staff.enable', 'zhou.op', {}],
      ['staff.reset_password', 'zhou.op', {}],
    ]);
    expect(JSON.stringify(mine)).not.toContain(created.body.password);
    expect(JSON.stringify(mine)).not.toContain(reset.body.password);
  });
});

describe('GET /api/admin/audit', () => {
  it('is for admins only: operators 403, citizens and strangers 401', async () => {
    expect((await gw.api('GET', '/api/admin/audit', { token: operator })).status).toBe(403);
    expect((await gw.api('GET', '/api/admin/audit', { token: citizen })).status).toBe(401);
    expect((await gw.api('GET', '/api/admin/audit')).status).toBe(401);
  });

  it('lists entries newest first with who, what, when and the ticket number; filters by ticket, staff and action', async () => {
    const t = await fileTicket();
    await as(operator)('GET', `/api/operator/tickets/${t.id}`);
    await as(operator)('POST', `/api/operator/tickets/${t.id}/reveal-phone`);
    await as(admin)('POST', `/api/operator/tickets/${t.id}/events`, { type: 'accepted' });

    const all = await audit();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const byTicket = await audit(`?ticketId=${t.id}`);
    expect(byTicket.map((e) => [e.action, e.username])).toEqual([
      ['ticket.event', 'chief'],
      ['ticket.reveal_phone', 'wang.op'],
      ['ticket.view', 'wang.op'],
    ]);
    expect(byTicket[0]).toMatchObject({ ticketId: t.id, ticketNumber: t.number, role: 'admin', details: { type: 'accepted' } });
    expect(await audit(`?ticketNumber=${t.number.toLowerCase()}`)).toEqual(byTicket);
    expect((await audit(`?ticketId=${t.id}&staff=wang.op`)).map((e) => e.action)).toEqual(['ticket.reveal_phone', 'ticket.view']);
    expect((await audit(`?ticketId=${t.id}&action=ticket.reveal_phone`)).map((e) => e.username)).toEqual(['wang.op']);
    expect((await audit('?staff=chief&action=staff.reset_password')).every((e: AuditEntry) => e.username === 'chief' && e.action === 'staff.reset_password')).toBe(true);
    expect(await audit('?staff=nobody')).toEqual([]);
  });

  it('pages by cursor without repeating or skipping an entry', async () => {
    const t = await fileTicket();
    for (let i = 0; i < 7; i++) await as(operator)('GET', `/api/operator/tickets/${t.id}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await gw.api('GET', `/api/admin/audit?ticketId=${t.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      expect(res.status).toBe(200);
      const page = AuditPageSchema.parse(res.body);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual((await audit(`?ticketId=${t.id}`)).map((e) => e.id));
  });

  it('checks its query: a bad ticket id, number, user name, action, cursor, limit or an unknown field → 400', async () => {
    for (const bad of [
      'ticketId=nope',
      'ticketId=zzzzzzzzzzzzzzzzzzzzzzzz',
      'ticketId[$ne]=x',
      'ticketNumber=123',
      'staff=%E5%BC%A0%E4%B8%89',
      'action=ticket.delete',
      'cursor=abc',
      'limit=0',
      'limit=1000',
      'foo=bar',
      `ticketId=${'a'.repeat(24)}&ticketNumber=MH20260101000001`,
    ]) {
      const res = await gw.api('GET', `/api/admin/audit?${bad}`, { token: admin });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBe('validation_failed');
    }
  });
});

describe('the audit collection', () => {
  it('holds no phone number, only masked ones at most', async () => {
    const text = JSON.stringify(await entries());
    expect(text).not.toContain(CALLBACK);
    expect(text).not.toContain(citizenPhone);
  });

  it('is append-only: the model refuses updates and deletes', async () => {
    const one = (await gw.deps.models.AuditEntry.findOne({}).lean())!;
    await expect(gw.deps.models.AuditEntry.updateOne({ _id: one._id }, { $set: { username: 'someone-else' } })).rejects.toThrow(/append-only/);
    await expect(gw.deps.models.AuditEntry.findOneAndUpdate({ _id: one._id }, { $set: { username: 'x' } })).rejects.toThrow(/append-only/);
    await expect(gw.deps.models.AuditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(gw.deps.models.AuditEntry.deleteOne({ _id: one._id })).rejects.toThrow(/append-only/);
    const doc = await gw.deps.models.AuditEntry.findById(one._id);
    doc!.set('username', 'x');
    await expect(doc!.save()).rejects.toThrow(/append-only/);
    expect((await gw.deps.models.AuditEntry.findById(one._id).lean())!.username).toBe(one.username);
  });

  it('masks a phone number a caller might put in the details', async () => {
    const { recordAudit } = await import('../../commands/audit.js');
    const staff = (await gw.deps.models.Staff.findOne({ username: 'chief' }).lean())!;
    await recordAudit(gw.deps, { staffId: staff._id.toString(), username: 'chief', role: 'admin', ip: '127.0.0.1' }, {
      action: 'faq.update',
      target: 'noise-x',
      details: { note: `回电 ${CALLBACK} 已联系`, long: 'x'.repeat(500) },
    });
    const last = (await gw.deps.models.AuditEntry.findOne({ target: 'noise-x' }).lean())!;
    expect(last.details).toEqual({ note: '回电 137****5678 已联系', long: 'x'.repeat(200) });
  });
});
