// /api/admin/staff over HTTP: admins list, add (a password shown once that signs in), rename, change
// role, disable (its sessions end at once), enable and reset the password (the old one and its
// sessions stop working); the CLI's username rule; no self-lockout; bad
// input → 4xx with nothing changed; operators 403, citizens 401. Also the knowledge base's search.
import { StaffAccountSchema } from '@minhu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
let admin: string;
let adminId: string;
let operator: string;
let citizen: string;

const signIn = (username: string, password: string) => gw.api('POST', '/api/staff/session', { body: { username, password } });
const asAdmin = (method: string, path: string, body?: unknown) => gw.api(method, path, { token: admin, body });
const accounts = async () => (await gw.api('GET', '/api/admin/staff', { token: admin })).body.items as Array<{ id: string; username: string }>;

beforeAll(async () => {
  gw = await startTestGateway({ STAFF_LOGIN_PER_15MIN: '50' });
  const a = await addStaff(gw.deps, { username: 'chief', role: 'admin', name: '值班长' });
  adminId = a.staff._id.toString();
  admin = (await signIn('chief', a.password)).body.token;
  const o = await addStaff(gw.deps, { username: 'plain.op', role: 'operator' });
  operator = (await signIn('plain.op', o.password)).body.token;
  citizen = (await gw.login(freshPhone())).token;
});
afterAll(() => gw?.close());

describe('/api/admin/staff', () => {
  it('adds an operator whose generated password signs in once shown, and lists accounts without hashes', async () => {
    const res = await asAdmin('POST', '/api/admin/staff', { username: 'li.si', name: '李四', role: 'operator' });
    expect(res.status).toBe(201);
    expect(StaffAccountSchema.parse(res.body.staff)).toMatchObject({ username: 'li.si', name: '李四', role: 'operator', disabled: false, lastSignInAt: null });
    expect(res.body.password).toMatch(/^[A-Za-z0-9]{16}$/);
    const session = await signIn('li.si', res.body.password);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ staff: { username: 'li.si', name: '李四', role: 'operator' }, expiresAt: expect.any(String) });
    expect(new Date(session.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await gw.api('GET', '/api/operator/tickets', { token: session.body.token })).status).toBe(200);

    const list = await gw.api('GET', '/api/admin/staff', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { username: string }) => s.username)).toEqual(expect.arrayContaining(['chief', 'plain.op', 'li.si']));
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|password/);
    expect(list.body.items.find((s: { username: string }) => s.username === 'li.si').lastSignInAt).toEqual(expect.any(String));
  });

  it('checks input as the CLI does: 400 or 409 naming the problem, and nothing created', async () => {
    const before = await accounts();
    for (const bad of [
      { username: '张三', role: 'operator' },
      { username: 'a', role: 'operator' },
      { username: 'x'.repeat(51), role: 'operator' },
      { username: 'ok.name', role: 'root' },
      { username: 'ok.name' },
      { username: 'ok.name', role: 'operator', name: '' },
      { username: 'ok.name', role: 'operator', password: 'chosen' },
      { username: { $ne: '' }, role: 'operator' },
    ]) {
      const res = await asAdmin('POST', '/api/admin/staff', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const dup = await asAdmin('POST', '/api/admin/staff', { username: 'plain.op', role: 'admin' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'staff_exists', message: '用户名「plain.op」已存在' });
    expect(await accounts()).toEqual(before);
  });

  it('disables an account: its session ends at once and it cannot sign in; enabling restores it', async () => {
    const created = (await asAdmin('POST', '/api/admin/staff', { username: 'temp.op', role: 'operator' })).body;
    const token = (await signIn('temp.op', created.password)).body.token;
    const off = await asAdmin('POST', `/api/admin/staff/${created.staff.id}/disable`);
    expect(off.status).toBe(200);
    expect(off.body.staff.disabled).toBe(true);
    expect((await gw.api('GET', '/api/operator/tickets', { token })).status).toBe(401);
    expect((await signIn('temp.op', created.password)).status).toBe(401);
    expect((await asAdmin('POST', `/api/admin/staff/${created.staff.id}/enable`)).body.staff.disabled).toBe(false);
    expect((await signIn('temp.op', created.password)).status).toBe(200);
  });

  it('resets a password: the new one works, the old one and its sessions do not', async () => {
    const created = (await asAdmin('POST', '/api/admin/staff', { username: 'forgetful', role: 'operator' })).body;
    const oldToken = (await signIn('forgetful', created.password)).body.token;
    const reset = await asAdmin('POST', `/api/admin/staff/${created.staff.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.password).not.toBe(created.password);
    expect((await gw.api('GET', '/api/operator/tickets', { token: oldToken })).status).toBe(401);
    expect((await signIn('forgetful', created.password)).status).toBe(401);
    const fresh = await signIn('forgetful', reset.body.password);
    expect(fresh.status).toBe(200);
    expect((await gw.api('GET', '/api/operator/tickets', { token: fresh.body.token })).status).toBe(200);
  });

  it('renames and changes roles; an operator made admin reaches the admin routes', async () => {
    const created = (await asAdmin('POST', '/api/admin/staff', { username: 'promoted', role: 'operator' })).body;
    const token = (await signIn('promoted', created.password)).body.token;
    expect((await gw.api('GET', '/api/admin/staff', { token })).status).toBe(403);
    const res = await asAdmin('PATCH', `/api/admin/staff/${created.staff.id}`, { role: 'admin', name: '新管理员' });
    expect(res.body.staff).toMatchObject({ role: 'admin', name: '新管理员' });
    expect((await gw.api('GET', '/api/admin/staff', { token })).status).toBe(200);
    for (const bad of [{}, { role: 'boss' }, { name: '' }, { username: 'renamed' }]) {
      expect((await asAdmin('PATCH', `/api/admin/staff/${created.staff.id}`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await asAdmin('PATCH', '/api/admin/staff/000000000000000000000000', { name: '无' })).status).toBe(404);
    expect((await asAdmin('POST', '/api/admin/staff/nope/disable')).status).toBe(404);
  });

  it('never locks the back office out: an admin cannot disable or demote itself', async () => {
    const self = await asAdmin('POST', `/api/admin/staff/${adminId}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.error).toMatchObject({ code: 'own_account', message: '不能停用自己的账号' });
    expect((await asAdmin('PATCH', `/api/admin/staff/${adminId}`, { role: 'operator' })).status).toBe(409);
    expect((await asAdmin('PATCH', `/api/admin/staff/${adminId}`, { name: '值班长（白班）' })).status).toBe(200); // renaming oneself is fine
    // Another admin can disable this one; its session ends.
    const other = (await asAdmin('POST', '/api/admin/staff', { username: 'deputy', role: 'admin' })).body;
    const deputy = (await signIn('deputy', other.password)).body.token;
    expect((await gw.api('POST', `/api/admin/staff/${adminId}/disable`, { token: deputy })).status).toBe(200);
    expect((await asAdmin('GET', '/api/admin/staff')).status).toBe(401);
    expect((await gw.api('POST', `/api/admin/staff/${adminId}/enable`, { token: deputy })).status).toBe(200);
    expect((await asAdmin('GET', '/api/admin/staff')).status).toBe(200);
  });

  it('is for admins only: operators 403, citizens and strangers 401', async () => {
    for (const [method, path] of [['GET', '/api/admin/staff'], ['POST', '/api/admin/staff'], ['PATCH', `/api/admin/staff/${adminId}`], ['POST', `/api/admin/staff/${adminId}/disable`], ['POST', `/api/admin/staff/${adminId}/reset-password`]] as const) {
      const body = method === 'GET' ? undefined : { username: 'sneaky', role: 'admin' };
      expect((await gw.api(method, path, { token: operator, body })).status, `${method} ${path}`).toBe(403);
      expect((await gw.api(method, path, { token: citizen, body })).status, `${method} ${path}`).toBe(401);
      expect((await gw.api(method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
    expect((await accounts()).map((s) => s.username)).not.toContain('sneaky');
  });
});

describe('GET /api/admin/faq?q=', () => {
  it('searches question, paraphrases and answer by every word, pattern characters as plain text', async () => {
    const all = (await asAdmin('GET', '/api/admin/faq')).body.items as Array<{ id: string; question: string; paraphrases: string[]; answer: string }>;
    const target = all.find((e) => e.question.includes('公积金'))!;
    const res = await asAdmin('GET', `/api/admin/faq?q=${encodeURIComponent('公积金')}`);
    expect(res.status).toBe(200);
    const found = res.body.items as typeof all;
    expect(found.map((e) => e.id)).toContain(target.id);
    expect(found.every((e) => [e.question, ...e.paraphrases, e.answer].join('\n').includes('公积金'))).toBe(true);
    expect(found.length).toBeLessThan(all.length);
    expect((await asAdmin('GET', `/api/admin/faq?q=${encodeURIComponent('.*')}`)).body.items).toEqual([]);
    expect((await asAdmin('GET', `/api/admin/faq?q=${'字'.repeat(101)}`)).status).toBe(400);
  });
});
