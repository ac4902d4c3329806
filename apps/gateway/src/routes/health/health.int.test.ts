// Health, security headers and CORS on the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Storage } from '../../lib/storage.js';
import { startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ CORS_ORIGINS: 'https://h5.city.example' });
});
afterAll(() => gw?.close());

describe('GET /api/health', () => {
  it('is ok when MongoDB and storage answer', async () => {
    const res = await gw.api('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', mongo: 'ok', storage: 'ok', pid: process.pid });
  });

  it('answers liveness always and readiness until the process drains', async () => {
    expect((await gw.api('GET', '/api/health/live')).body).toEqual({ status: 'ok', pid: process.pid });
    const ready = await gw.api('GET', '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', mongo: 'ok', storage: 'ok', pid: process.pid });
    gw.deps.lifecycle.draining = true;
    try {
      const draining = await gw.api('GET', '/api/health/ready');
      expect(draining.status).toBe(503);
      expect(draining.body).toEqual({ status: 'draining', pid: process.pid });
      expect((await gw.api('GET', '/api/health/live')).status).toBe(200);
    } finally {
      gw.deps.lifecycle.draining = false;
    }
  });

  it('answers 503 naming storage when storage is unreachable', async () => {
    const real = gw.deps.storage;
    // A real client pointed at a port where nothing listens.
    gw.deps.storage = new Storage({ endpoint: 'http://127.0.0.1:9', accessKey: 'x', secretKey: 'xxxxxxxx', bucket: 'b-none', region: 'us-east-1' });
    try {
      const res = await gw.api('GET', '/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', mongo: 'ok', storage: 'down', pid: process.pid });
    } finally {
      gw.deps.storage = real;
    }
  });
});

describe('HTTP hygiene', () => {
  it('sets security headers and a request id', async () => {
    const res = await gw.api('GET', '/api/health', { headers: { 'x-request-id': 'req-abc-123' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    const generated = await gw.api('GET', '/api/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows only configured origins', async () => {
    const ok = await gw.api('OPTIONS', '/api/tickets', { headers: { origin: 'https://h5.city.example', 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://h5.city.example');
    const evil = await gw.api('OPTIONS', '/api/tickets', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown routes and methods with the error body', async () => {
    const missing = await gw.api('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const method = await gw.api('DELETE', '/api/health');
    expect(method.status).toBe(405);
    expect(method.body.error.code).toBe('method_not_allowed');
  });
});
