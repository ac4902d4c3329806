// Per-citizen quotas: upload policies per hour, bytes held in unfiled uploads, tickets per day — each a
// 429 with Retry-After that changes nothing, and a replayed filing that spends nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ QUOTA_UPLOADS_PER_HOUR: '3', QUOTA_UNFILED_UPLOAD_BYTES: String(25 * 1024 * 1024), QUOTA_TICKETS_PER_DAY: '2' }, { captureLogs: true });
});
afterAll(() => gw?.close());

const policy = (token: string, size: number) => gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size } });

const ticket = { kind: 'suggestion', description: '建议在幸福路口增设一个公交站台，方便老人出行。' };

describe('quotas', () => {
  it('limits upload policies per hour, per citizen', async () => {
    const alice = (await gw.login(freshPhone())).token;
    const bob = (await gw.login(freshPhone())).token;
    for (let i = 0; i < 3; i++) expect((await policy(alice, 1000)).status).toBe(201);
    const before = await gw.deps.models.Upload.countDocuments();
    const over = await policy(alice, 1000);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.error.code).toBe('rate_limited');
    expect(await gw.deps.models.Upload.countDocuments()).toBe(before);
    expect((await policy(bob, 1000)).status).toBe(201); // someone else's quota is their own
  });

  it('limits the bytes a citizen holds in uploads no ticket uses', async () => {
    const carol = (await gw.login(freshPhone())).token;
    expect((await policy(carol, 10 * 1024 * 1024)).status).toBe(201);
    expect((await policy(carol, 10 * 1024 * 1024)).status).toBe(201);
    const over = await policy(carol, 6 * 1024 * 1024);
    expect(over.status).toBe(429);
    expect(over.body.error.message).toContain('未提交的照片和视频已达上限');
    expect(gw.logs.some((l) => l.includes('"security":"quota_exceeded"'))).toBe(true);
  });

  it('limits tickets per China day; a retry, an invalid or refused filing and a signed-out token spend nothing', async () => {
    const dave = await gw.login(freshPhone());
    const file = (key: string, body: object = ticket, token = dave.token) => gw.api('POST', '/api/tickets', { token, headers: { 'idempotency-key': key }, body });
    const first = randomUUID();
    expect((await file(first)).status).toBe(201);
    expect((await file(first)).status).toBe(200); // the same draft again: the same ticket, no quota spent
    expect((await file(randomUUID(), { kind: 'suggestion' })).status).toBe(400);
    expect((await file(randomUUID(), { ...ticket, incidentId: '0123456789abcdef01234567' })).status).toBe(404);
    expect((await file(randomUUID())).status).toBe(201);
    const over = await file(randomUUID());
    expect(over.status).toBe(429);
    expect(over.body.error.message).toContain('每天最多提交 2 个工单');
    // Until midnight in China, not for 24 hours from the first filing.
    const chinaNow = new Date(Date.now() + 8 * 3600_000);
    const untilMidnight = 86_400 - (chinaNow.getUTCHours() * 3600 + chinaNow.getUTCMinutes() * 60 + chinaNow.getUTCSeconds());
    expect(Math.abs(Number(over.headers.get('retry-after')) - untilMidnight)).toBeLessThanOrEqual(2);
    expect(gw.logs.some((l) => l.includes('"quota":"tickets_per_day"'))).toBe(true);
    expect(await gw.deps.models.Ticket.countDocuments({ citizenId: dave.citizenId })).toBe(2);
    const account = await gw.deps.models.Citizen.findById(dave.citizenId).lean();
    expect(account?.filingQuota?.count).toBe(2); // the refused requests gave their filings back

    const erin = await gw.login(freshPhone());
    expect((await gw.api('POST', '/api/auth/logout', { token: erin.token })).status).toBeLessThan(300);
    expect((await file(randomUUID(), ticket, erin.token)).status).toBe(401);
    expect((await gw.deps.models.Citizen.findById(erin.citizenId).lean())?.filingQuota?.count ?? 0).toBe(0);
  });
});
