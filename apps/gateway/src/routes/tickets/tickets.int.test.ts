// Filing, listing and opening tickets over HTTP on the real services, with real media.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { InvalidUploadDetailsSchema, TicketDetailSchema, TicketPageSchema } from '@minhu/shared';
import { sweepOrphanUploads } from '../../commands/sweep-orphan-uploads.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { makeJpeg, makePng, postToStorage, readMp4 } from '../../../../../tests/support/media.js';

let gw: TestGateway;
let alice: string;
let bob: string;

const validTicket = {
  kind: 'complaint',
  categoryId: 'noise',
  description: '小区旁边工地每天晚上十一点以后还在施工，噪音很大，影响休息。',
  location: { address: '幸福路 88 号幸福小区', district: '白云区', lat: 23.16, lng: 113.27, coordSystem: 'gcj02' },
};

async function uploadFile(token: string, kind: 'image' | 'video', contentType: string, bytes: Buffer, declaredSize = bytes.length) {
  const res = await gw.api('POST', '/api/uploads', { token, body: { kind, contentType, size: declaredSize } });
  expect(res.status).toBe(201);
  expect((await postToStorage(res.body, bytes, contentType)).status).toBe(204);
  return res.body.uploadId as string;
}

function file(token: string, body: unknown, key: string | null = randomUUID(), headers: Record<string, string> = {}) {
  return gw.api('POST', '/api/tickets', { token, body, headers: { ...(key ? { 'idempotency-key': key } : {}), ...headers } });
}

beforeAll(async () => {
  gw = await startTestGateway();
  alice = (await gw.login(freshPhone())).token;
  bob = (await gw.login(freshPhone())).token;
});
afterAll(() => gw?.close());

describe('POST /api/tickets', () => {
  it('files a ticket with a real photo and a real mp4, then shows them with working links', async () => {
    const jpeg = await makeJpeg();
    const mp4 = await readMp4();
    const photo = await uploadFile(alice, 'image', 'image/jpeg', jpeg);
    const video = await uploadFile(alice, 'video', 'video/mp4', mp4);
    const res = await file(alice, { ...validTicket, media: [photo, video], urgent: false }, undefined, { 'x-minhu-channel': 'h5' });
    expect(res.status).toBe(201);
    const ticket = TicketDetailSchema.parse(res.body.ticket);
    expect(ticket.number).toMatch(/^MH\d{8}\d{6}$/);
    expect(ticket.status).toBe('submitted');
    expect(ticket.timeline).toEqual([expect.objectContaining({ status: 'submitted', actor: { type: 'citizen' } })]);
    expect(ticket.media.map((m) => m.kind)).toEqual(['image', 'video']);
    expect(ticket.dueAt).not.toBeNull();
    expect(ticket.canWithdraw).toBe(true);
    const got = await fetch(ticket.media[0]!.url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(jpeg)).toBe(true);
    const gotVideo = await fetch(ticket.media[1]!.url);
    expect(Buffer.from(await gotVideo.arrayBuffer()).equals(mp4)).toBe(true);
    const stored = await gw.deps.models.Ticket.findById(ticket.id).lean();
    expect(stored?.channel).toBe('h5');
    expect((await gw.deps.models.Upload.findById(photo).lean())?.ticketId?.toString()).toBe(ticket.id);
  });

  it('numbers tickets uniquely and increasingly', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await file(alice, validTicket)).body.ticket.number);
    expect(new Set(numbers).size).toBe(3);
    expect([...numbers].sort()).toEqual(numbers);
  });

  it('files many tickets at once, each with its own number', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => file(alice, validTicket)));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(new Set(results.map((r) => r.body.ticket.number)).size).toBe(30);
  });

  it('returns the same ticket for a retry with the same key and body, 409 for another body', async () => {
    const key = randomUUID();
    const first = await file(alice, validTicket, key);
    expect(first.status).toBe(201);
    // Same body with keys in another order is the same request.
    const reordered = { location: validTicket.location, description: validTicket.description, categoryId: 'noise', kind: 'complaint' };
    const retry = await file(alice, reordered, key);
    expect(retry.status).toBe(200);
    expect(retry.body.ticket.id).toBe(first.body.ticket.id);
    const changed = await file(alice, { ...validTicket, description: validTicket.description + '补充' }, key);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    expect(await gw.deps.models.Ticket.countDocuments({ idempotencyKey: key })).toBe(1);
    // Another citizen may use the same key for their own ticket.
    expect((await file(bob, validTicket, key)).status).toBe(201);
  });

  it('files one ticket for concurrent requests with one key', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => file(alice, validTicket, key)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.ticket.id)).size).toBe(1);
    expect(await gw.deps.models.Ticket.countDocuments({ idempotencyKey: key })).toBe(1);
  });

  it('requires a sane Idempotency-Key', async () => {
    const missing = await file(alice, validTicket, null);
    expect(missing.status).toBe(400);
    expect((await file(alice, validTicket, 'short')).status).toBe(400);
    expect((await file(alice, validTicket, 'has spaces in it')).status).toBe(400);
  });

  it('refuses uploads that are missing, foreign, not uploaded, mistyped or already used (422)', async () => {
    const jpeg = await makeJpeg(64, 64);
    const bobsPhoto = await uploadFile(bob, 'image', 'image/jpeg', jpeg);
    const foreign = await file(alice, { ...validTicket, media: [bobsPhoto] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toEqual({ uploadId: bobsPhoto, reason: 'not_found', problems: [{ uploadId: bobsPhoto, reason: 'not_found' }] });

    const reserved = await gw.api('POST', '/api/uploads', { token: alice, body: { kind: 'image', contentType: 'image/jpeg', size: 5000 } });
    const notUploaded = await file(alice, { ...validTicket, media: [reserved.body.uploadId] });
    expect(notUploaded.status).toBe(422);
    expect(notUploaded.body.error.details.reason).toBe('not_uploaded');

    // Declared PNG, but the bytes are a JPEG: storage accepts the form field, the sniff does not.
    const png = await gw.api('POST', '/api/uploads', { token: alice, body: { kind: 'image', contentType: 'image/png', size: jpeg.length } });
    expect((await postToStorage(png.body, jpeg, 'image/png')).status).toBe(204);
    const mistyped = await file(alice, { ...validTicket, media: [png.body.uploadId] });
    expect(mistyped.status).toBe(422);
    expect(mistyped.body.error.details.reason).toBe('type_mismatch');

    // Every upload that cannot be attached is named at once, in the ticket's order (the app re-uploads them together).
    const good = await uploadFile(alice, 'image', 'image/jpeg', jpeg);
    const several = await file(alice, { ...validTicket, media: [good, reserved.body.uploadId, bobsPhoto] });
    expect(several.status).toBe(422);
    expect(InvalidUploadDetailsSchema.parse(several.body.error.details)).toEqual({
      uploadId: reserved.body.uploadId,
      reason: 'not_uploaded',
      problems: [
        { uploadId: reserved.body.uploadId, reason: 'not_uploaded' },
        { uploadId: bobsPhoto, reason: 'not_found' },
      ],
    });

    // A text file posing as an mp4.
    const fake = Buffer.from('这不是视频'.repeat(50));
    const video = await uploadFile(alice, 'video', 'video/mp4', fake);
    expect((await file(alice, { ...validTicket, media: [video] })).body.error.details.reason).toBe('type_mismatch');

    const realPng = await uploadFile(alice, 'image', 'image/png', await makePng());
    expect((await file(alice, { ...validTicket, media: [realPng] })).status).toBe(201);
    const reused = await file(alice, { ...validTicket, media: [realPng] });
    expect(reused.status).toBe(422);
    expect(reused.body.error.details.reason).toBe('already_used');

    const missing = await file(alice, { ...validTicket, media: ['AAAAAAAAAAAAAAAAAAAA'] });
    expect(missing.status).toBe(422);
    expect(await gw.deps.models.Ticket.countDocuments({ 'media.uploadId': { $in: [bobsPhoto, png.body.uploadId, video] } })).toBe(0);
  });

  it('refuses more than 9 images (422) and more than 12 media ids (400)', async () => {
    const jpeg = await makeJpeg(32, 32);
    const ids = await Promise.all(Array.from({ length: 10 }, () => uploadFile(alice, 'image', 'image/jpeg', jpeg)));
    const tooMany = await file(alice, { ...validTicket, media: ids });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe('too_many_media');
    const overLimit = await file(alice, { ...validTicket, media: Array.from({ length: 13 }, (_, i) => `upload-id-${String(i).padStart(4, '0')}`) });
    expect(overLimit.status).toBe(400);
  });

  it('rejects each class of bad input with a 4xx JSON error and files nothing', async () => {
    const before = await gw.deps.models.Ticket.countDocuments();
    const cases: Array<[string, Parameters<TestGateway['api']>[2], number, string]> = [
      ['unknown field', { body: { ...validTicket, priority: 'high' } }, 400, 'validation_failed'],
      ['short description', { body: { ...validTicket, description: '太吵了' } }, 400, 'validation_failed'],
      ['long description', { body: { ...validTicket, description: '很'.repeat(2001) } }, 400, 'validation_failed'],
      ['bad kind', { body: { ...validTicket, kind: 'order' } }, 400, 'validation_failed'],
      ['unknown category', { body: { ...validTicket, categoryId: 'parking' } }, 400, 'validation_failed'],
      ['operator injection', { body: { ...validTicket, categoryId: { $gt: '' } } }, 400, 'validation_failed'],
      ['operator in description', { body: { ...validTicket, description: { $ne: null } } }, 400, 'validation_failed'],
      ['bad phone', { body: { ...validTicket, contactPhone: '12345' } }, 400, 'validation_failed'],
      ['bad latitude', { body: { ...validTicket, location: { address: '幸福路', lat: 123, lng: 113, coordSystem: 'gcj02' } } }, 400, 'validation_failed'],
      ['coordinates without their system', { body: { ...validTicket, location: { address: '幸福路', lat: 23.1, lng: 113.2 } } }, 400, 'validation_failed'],
      ['unknown coordinate system', { body: { ...validTicket, location: { address: '幸福路', lat: 23.1, lng: 113.2, coordSystem: 'bd09' } } }, 400, 'validation_failed'],
      ['latitude without longitude', { body: { ...validTicket, location: { address: '幸福路', lat: 23.1, coordSystem: 'gcj02' } } }, 400, 'validation_failed'],
      ['array body', { body: [validTicket] }, 400, 'validation_failed'],
      ['malformed JSON', { raw: '{"kind": "complaint",', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
      ['wrong content type', { raw: 'kind=complaint', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
      ['text body', { raw: JSON.stringify(validTicket), headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
      ['oversize body', { body: { ...validTicket, description: '很'.repeat(70_000) } }, 413, 'payload_too_large'],
    ];
    for (const [name, opts, status, code] of cases) {
      const res = await gw.api('POST', '/api/tickets', { token: alice, ...opts, headers: { 'idempotency-key': randomUUID(), ...(opts?.headers ?? {}) } });
      expect(res.status, name).toBe(status);
      expect(res.body.error.code, name).toBe(code);
      expect(res.body.error.message, name).toEqual(expect.any(String));
    }
    expect(await gw.deps.models.Ticket.countDocuments()).toBe(before);
  });
});

describe('evidence that cannot change', () => {
  it('serves an immutable copy under the ticket: bytes posted again to the upload policy change nothing', async () => {
    const original = await makeJpeg(120, 90);
    const res = await gw.api('POST', '/api/uploads', { token: alice, body: { kind: 'image', contentType: 'image/jpeg', size: original.length * 4 } });
    const policy = res.body;
    expect((await postToStorage(policy, original, 'image/jpeg')).status).toBe(204);
    const filed = await file(alice, { ...validTicket, media: [policy.uploadId] });
    expect(filed.status).toBe(201);
    const stored = await gw.deps.models.Ticket.findById(filed.body.ticket.id).lean();
    expect(stored?.media[0]?.objectKey).toMatch(new RegExp(`^tickets/${filed.body.ticket.id}/${policy.uploadId}\\.jpg$`));
    expect((await gw.deps.models.Upload.findById(policy.uploadId).lean())?.objectKey).toBe(stored?.media[0]?.objectKey);

    // The policy is still valid for minutes: someone posts other bytes to the uploaded key.
    const swapped = await makeJpeg(130, 100);
    expect(swapped.length).toBeLessThan(original.length * 4);
    expect((await postToStorage(policy, swapped, 'image/jpeg')).status).toBe(204);
    const detail = await gw.api('GET', `/api/tickets/${filed.body.ticket.id}`, { token: alice });
    const served = Buffer.from(await (await fetch(detail.body.ticket.media[0].url)).arrayBuffer());
    expect(served.equals(original)).toBe(true);
  });
});

describe('coordinates and the callback number', () => {
  it('stores GCJ-02 and says so; a WGS-84 point is converted on the way in', async () => {
    const gcj = await file(alice, validTicket);
    expect(gcj.body.ticket.location).toMatchObject({ lat: 23.16, lng: 113.27, coordSystem: 'gcj02' });
    // Tianhe Sports Centre, Guangzhou, as a phone's GPS reports it (WGS-84): GCJ-02 lies a few hundred metres off.
    const wgs = await file(alice, { ...validTicket, location: { address: '天河体育中心', lat: 23.1376, lng: 113.3222, coordSystem: 'wgs84' } });
    expect(wgs.status).toBe(201);
    const loc = wgs.body.ticket.location;
    expect(loc.coordSystem).toBe('gcj02');
    expect(loc.lat).toBeCloseTo(23.1349, 3);
    expect(loc.lng).toBeCloseTo(113.3275, 3);
    const stored = await gw.deps.models.Ticket.findById(wgs.body.ticket.id).lean();
    expect(stored?.location).toMatchObject({ coordSystem: 'gcj02', lat: loc.lat, lng: loc.lng });
  });

  it('never files a named ticket without a callback number; an anonymous one may go without', async () => {
    const wechatOnly = await gw.deps.models.Citizen.create({ wechatOpenId: `openid-${randomUUID()}`, lastLoginAt: new Date() });
    const token = await gw.deps.tokens.issue(wechatOnly._id.toString(), 'citizen');
    const before = await gw.deps.models.Ticket.countDocuments();
    const refused = await file(token, validTicket);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('callback_phone_required');
    expect(await gw.deps.models.Ticket.countDocuments()).toBe(before);
    const typed = await file(token, { ...validTicket, contactPhone: '13700001111' });
    expect(typed.status).toBe(201);
    expect(typed.body.ticket.contactPhoneMasked).toBe('137****1111');
    const anonymous = await file(token, { ...validTicket, anonymous: true });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body.ticket.contactPhoneMasked).toBeNull();
  });
});

describe('GET /api/tickets and /api/tickets/:id', () => {
  it('lists only the caller’s tickets, newest first, with a cursor', async () => {
    const carol = (await gw.login(freshPhone())).token;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await file(carol, { ...validTicket, description: `${validTicket.description}第${i}次` })).body.ticket.id);
    const first = await gw.api('GET', '/api/tickets?limit=2', { token: carol });
    expect(first.status).toBe(200);
    const page1 = TicketPageSchema.parse(first.body);
    expect(page1.items.map((t) => t.id)).toEqual([ids[4], ids[3]]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = TicketPageSchema.parse((await gw.api('GET', `/api/tickets?limit=2&cursor=${page1.nextCursor}`, { token: carol })).body);
    expect(page2.items.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    const page3 = TicketPageSchema.parse((await gw.api('GET', `/api/tickets?limit=2&cursor=${page2.nextCursor}`, { token: carol })).body);
    expect(page3.items.map((t) => t.id)).toEqual([ids[0]]);
    expect(page3.nextCursor).toBeNull();
    expect(page1.items[0]).toMatchObject({ status: 'submitted', overdue: false, kind: 'complaint', categoryId: 'noise' });
  });

  it('validates list queries', async () => {
    expect((await gw.api('GET', '/api/tickets?limit=0', { token: alice })).status).toBe(400);
    expect((await gw.api('GET', '/api/tickets?limit=abc', { token: alice })).status).toBe(400);
    expect((await gw.api('GET', '/api/tickets?sort=asc', { token: alice })).status).toBe(400);
    expect((await gw.api('GET', '/api/tickets?cursor=%24gt', { token: alice })).status).toBe(400);
    expect((await gw.api('GET', '/api/tickets?limit=1&limit=2', { token: alice })).status).toBe(400);
  });

  it('hides another citizen’s ticket behind a 404', async () => {
    const mine = (await file(alice, validTicket)).body.ticket.id;
    expect((await gw.api('GET', `/api/tickets/${mine}`, { token: alice })).status).toBe(200);
    const theirs = await gw.api('GET', `/api/tickets/${mine}`, { token: bob });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    expect((await gw.api('GET', '/api/tickets/not-an-id', { token: alice })).status).toBe(404);
    const bobList = await gw.api('GET', '/api/tickets?limit=50', { token: bob });
    expect(bobList.body.items.map((t: { id: string }) => t.id)).not.toContain(mine);
  });
});

describe('orphan upload sweep', () => {
  it('deletes uploads no ticket references after the configured age and keeps referenced ones', async () => {
    const jpeg = await makeJpeg(32, 32);
    const orphan = await uploadFile(alice, 'image', 'image/jpeg', jpeg);
    const used = await uploadFile(alice, 'image', 'image/jpeg', jpeg);
    expect((await file(alice, { ...validTicket, media: [used] })).status).toBe(201);
    // Simulate a crash between filing and marking: the upload record lost its ticketId.
    await gw.deps.models.Upload.updateOne({ _id: used }, { $set: { ticketId: null } });
    const old = new Date(Date.now() - 25 * 3600 * 1000);
    await gw.deps.models.Upload.collection.updateMany({ _id: { $in: [orphan, used] } as never }, { $set: { createdAt: old } });
    const orphanKey = (await gw.deps.models.Upload.findById(orphan).lean())!.objectKey;
    const result = await sweepOrphanUploads(gw.deps);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await gw.deps.models.Upload.findById(orphan)).toBeNull();
    expect(await gw.deps.storage.stat(orphanKey)).toBeNull();
    const kept = await gw.deps.models.Upload.findById(used).lean();
    expect(kept?.ticketId).not.toBeNull();
    expect(await gw.deps.storage.stat(kept!.objectKey)).not.toBeNull();
  });

  it('keeps sweeping until a batch comes back short, so a backlog goes in one run', async () => {
    const jpeg = await makeJpeg(32, 32);
    const backlog = await Promise.all(Array.from({ length: 5 }, () => uploadFile(bob, 'image', 'image/jpeg', jpeg)));
    await gw.deps.models.Upload.collection.updateMany({ _id: { $in: backlog } as never }, { $set: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) } });
    const result = await sweepOrphanUploads(gw.deps, 2);
    expect(result.deleted).toBeGreaterThanOrEqual(5);
    expect(await gw.deps.models.Upload.countDocuments({ _id: { $in: backlog } })).toBe(0);
  });
});
