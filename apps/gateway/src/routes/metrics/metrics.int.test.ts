// GET /metrics on the real app: Prometheus text with the gateway's own series; open to loopback callers, and to
// proxied or remote ones only with the METRICS_TOKEN bearer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ METRICS_TOKEN: TOKEN });
});
afterAll(() => gw?.close());

describe('GET /metrics', () => {
  it('serves Prometheus text with request durations by route, chat answers by intent, queues and process metrics', async () => {
    expect((await gw.api('POST', '/api/chat/messages', { body: { text: '社保卡怎么补办' } })).status).toBe(200);
    await gw.api('GET', '/api/faq/no-such-entry');
    const res = await fetch(`${gw.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/minhu_http_request_duration_seconds_count\{method="POST",route="\/api\/chat\/messages",status="200"\} 1/);
    expect(text).toMatch(/minhu_http_request_duration_seconds_count\{method="GET",route="\/api\/faq\/:id",status="404"\} 1/);
    expect(text).toMatch(/minhu_chat_answers_total\{intent="consult"\} 1/);
    expect(text).toMatch(/minhu_queue_depth\{queue="hotline"\} 0/);
    expect(text).toMatch(/minhu_queue_oldest_age_seconds\{queue="notify"\} 0/);
    expect(text).toContain('minhu_chat_engine_rebuild_seconds_count{retrained=');
    expect(text).toContain('minhu_process_cpu_seconds_total');
    expect(text).toContain('minhu_nodejs_eventloop_lag_seconds');
  });

  it('refuses a request a proxy forwarded unless it bears the token', async () => {
    const proxied = { 'x-forwarded-for': '203.0.113.9' };
    const refused = await gw.api('GET', '/metrics', { headers: proxied });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await gw.api('GET', '/metrics', { headers: { ...proxied, authorization: 'Bearer wrong-token-0123456789abc' } })).status).toBe(403);
    const allowed = await fetch(`${gw.url}/metrics`, { headers: { ...proxied, authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('minhu_http_request_duration_seconds');
  });
});
