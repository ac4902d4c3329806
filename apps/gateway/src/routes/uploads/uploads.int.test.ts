// Presigned POST uploads against the real MinIO: the policy pins key, type and size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { makeJpeg, postToStorage, readMp4 } from '../../../../../tests/support/media.js';

let gw: TestGateway;
let token: string;

beforeAll(async () => {
  gw = await startTestGateway();
  token = (await gw.login(freshPhone())).token;
});
afterAll(() => gw?.close());

describe('POST /api/uploads', () => {
  it('returns a POST policy that storage honours for a real photo', async () => {
    const jpeg = await makeJpeg();
    const res = await gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length, filename: '现场.jpg' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ method: 'POST', fileField: 'file', uploadId: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/) });
    expect(res.body.fields.key).toContain(res.body.uploadId);
    expect(res.body.fields['Content-Type']).toBe('image/jpeg');
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const stored = await postToStorage(res.body, jpeg, 'image/jpeg', 'a.jpg');
    expect(stored.status).toBe(204);
    const stat = await gw.deps.storage.stat(res.body.fields.key);
    expect(stat?.size).toBe(jpeg.length);
  });

  it('lets storage refuse a file larger than declared', async () => {
    const jpeg = await makeJpeg();
    const res = await gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: 1000 } });
    const stored = await postToStorage(res.body, jpeg, 'image/jpeg');
    expect(stored.status).toBe(400);
    expect(await stored.text()).toContain('EntityTooLarge');
    expect(await gw.deps.storage.stat(res.body.fields.key)).toBeNull();
  });

  it('lets storage refuse another object key or content type than the policy pins', async () => {
    const mp4 = await readMp4();
    const res = await gw.api('POST', '/api/uploads', { token, body: { kind: 'video', contentType: 'video/mp4', size: mp4.length } });
    const otherKey = await postToStorage({ ...res.body, fields: { ...res.body.fields, key: 'uploads/someone-else/x.mp4' } }, mp4, 'video/mp4');
    expect(otherKey.status).toBe(403);
    const otherType = await postToStorage({ ...res.body, fields: { ...res.body.fields, 'Content-Type': 'text/html' } }, mp4, 'text/html');
    expect(otherType.status).toBe(403);
    expect((await postToStorage(res.body, mp4, 'video/mp4')).status).toBe(204);
  });

  it('validates kind, type and size limits (400) and needs a login (401)', async () => {
    const bad = [
      { kind: 'image', contentType: 'image/gif', size: 100 },
      { kind: 'image', contentType: 'video/mp4', size: 100 },
      { kind: 'video', contentType: 'video/webm', size: 100 },
      { kind: 'image', contentType: 'image/jpeg', size: 10 * 1024 * 1024 + 1 },
      { kind: 'video', contentType: 'video/mp4', size: 100 * 1024 * 1024 + 1 },
      { kind: 'video', contentType: 'video/mp4', size: 0 },
      { kind: 'audio', contentType: 'audio/mpeg', size: 100 },
      { kind: 'image', contentType: 'image/jpeg', size: 100, extra: true },
      { kind: 'image', contentType: 'image/jpeg', size: 1.5 },
    ];
    const before = await gw.deps.models.Upload.countDocuments();
    for (const body of bad) {
      const res = await gw.api('POST', '/api/uploads', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await gw.deps.models.Upload.countDocuments()).toBe(before);
    expect((await gw.api('POST', '/api/uploads', { body: { kind: 'image', contentType: 'image/jpeg', size: 10 } })).status).toBe(401);
  });
});
