// The API client: headers, schema-checked answers, Chinese errors, retry on a dropped connection.
import { TicketPageSchema } from '@minhu/shared';
import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../lib/storage';
import { buildUrl, createApiClient } from './client';
import { NETWORK_MESSAGE, UNAUTHORIZED_MESSAGE, INVALID_RESPONSE_MESSAGE } from './errors';
import { createMinhuApi } from './minhu-api';
import { createSessionStore } from './session';
import type { HttpRequest, Transport } from './transport';

function setup(answers: Array<{ status: number; body: unknown } | 'drop'>) {
  const calls: HttpRequest[] = [];
  const transport: Transport = vi.fn(async (req) => {
    calls.push(req);
    const a = answers.shift();
    if (!a || a === 'drop') throw { errMsg: 'request:fail' };
    return a;
  });
  const session = createSessionStore(memoryStore());
  session.set({ token: 'tok-1', citizen: { id: 'c1', phoneMasked: '138****0000' } });
  const onUnauthorized = vi.fn();
  const api = createMinhuApi(createApiClient({ transport, session, base: 'https://gw', retryDelayMs: 0, onUnauthorized }));
  return { api, calls, session, onUnauthorized };
}

/** A ticket detail as the gateway answers it (every field of the shared schema). */
function ticketBody(over: Record<string, unknown>) {
  return {
    id: 't', number: 'MH1', kind: 'help', categoryId: null, status: 'submitted', excerpt: 'x', urgent: false, dueAt: null, overdue: false,
    createdAt: 'a', updatedAt: 'b', description: 'd', location: null, contactPhoneMasked: null, anonymous: false, media: [], timeline: [],
    ratings: [], canRate: false, canWithdraw: false, canUrge: false, lastUrgedAt: null, canRequestReopen: false, reopenRequest: null, incidentReporters: null, ...over,
  };
}

describe('api client', () => {
  it('sends the token, the channel and the idempotency key, and returns the validated ticket', async () => {
    const ticket = ticketBody({ status: 'submitted', canWithdraw: true });
    const { api, calls } = setup([{ status: 201, body: { ticket } }]);
    const res = await api.tickets.create({ kind: 'help', description: '一二三四五六七八九十' }, 'draft-key-123456');
    expect(res.ticket.number).toBe('MH1');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://gw/api/tickets',
      headers: { Authorization: 'Bearer tok-1', 'X-Minhu-Channel': 'h5', 'Idempotency-Key': 'draft-key-123456', 'Content-Type': 'application/json' },
    });
  });

  it('retries a dropped ticket submission once with the same key', async () => {
    const { api, calls } = setup(['drop', 'drop']);
    await expect(api.tickets.create({ kind: 'help', description: '一二三四五六七八九十' }, 'draft-key-abcdef')).rejects.toMatchObject({ kind: 'network', message: NETWORK_MESSAGE, retryable: true });
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['draft-key-abcdef', 'draft-key-abcdef']);
  });

  it('passes the server’s Chinese message through', async () => {
    const { api } = setup([{ status: 422, body: { error: { code: 'validation_failed', message: '问题描述至少 10 个字' } } }]);
    await expect(api.tickets.create({ kind: 'help', description: '一二三四五六七八九十' }, 'k-12345678')).rejects.toMatchObject({ kind: 'http', status: 422, code: 'validation_failed', message: '问题描述至少 10 个字', retryable: false });
  });

  it('a 401 clears the session and says to sign in again', async () => {
    const { api, session, onUnauthorized } = setup([{ status: 401, body: { error: { code: 'unauthorized', message: 'x' } } }]);
    await expect(api.tickets.list()).rejects.toMatchObject({ kind: 'unauthorized', message: UNAUTHORIZED_MESSAGE });
    expect(session.token()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalled();
  });

  it('a 401 for an old token leaves a session signed in meanwhile alone', async () => {
    let answer: (a: { status: number; body: unknown }) => void = () => undefined;
    const transport: Transport = () => new Promise((resolve) => (answer = resolve));
    const session = createSessionStore(memoryStore());
    session.set({ token: 'tok-old', citizen: { id: 'c1', phoneMasked: null } });
    const api = createMinhuApi(createApiClient({ transport, session, base: 'https://gw', retryDelayMs: 0 }));
    const refused = api.tickets.list();
    // Another page signed in again while this request was on its way.
    session.set({ token: 'tok-new', citizen: { id: 'c1', phoneMasked: null } });
    answer({ status: 401, body: { error: { code: 'unauthorized', message: 'x' } } });
    await expect(refused).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(session.token()).toBe('tok-new');
  });

  it('GETs retry after a dropped connection and a 503, never after a 4xx', async () => {
    const page = { items: [], nextCursor: null };
    const ok = setup(['drop', { status: 200, body: page }]);
    expect(await ok.api.tickets.list('c1', 10)).toEqual(page);
    expect(ok.calls[0]!.url).toBe('https://gw/api/tickets?cursor=c1&limit=10');
    const busy = setup([{ status: 503, body: null }, { status: 200, body: page }]);
    expect(TicketPageSchema.parse(await busy.api.tickets.list())).toEqual(page);
    const notFound = setup([{ status: 404, body: { error: { code: 'not_found', message: '工单不存在' } } }]);
    await expect(notFound.api.tickets.get('x')).rejects.toMatchObject({ message: '工单不存在' });
    expect(notFound.calls).toHaveLength(1);
  });

  it('refuses an answer that does not match the shared schema', async () => {
    const { api } = setup([{ status: 200, body: { items: 'nope' } }]);
    await expect(api.tickets.list()).rejects.toMatchObject({ kind: 'invalid_response', message: INVALID_RESPONSE_MESSAGE });
  });

  it('treats 204 as success for the OTP request and sends no token', async () => {
    const { api, calls } = setup([{ status: 204, body: null }]);
    await expect(api.auth.requestOtp('13800001234')).resolves.toBeUndefined();
    expect(calls[0]!.headers.Authorization).toBeUndefined();
  });

  it('takes the ticket a change answers with, and refuses an answer without it (no silent re-read)', async () => {
    const { api, calls } = setup([{ status: 200, body: { ticket: ticketBody({ status: 'closed' }) } }, { status: 200, body: { rating: {} } }]);
    expect((await api.tickets.rate('t', { satisfaction: 'satisfied', resolved: true })).status).toBe('closed');
    await expect(api.tickets.urge('t')).rejects.toMatchObject({ kind: 'invalid_response' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST https://gw/api/tickets/t/rating', 'POST https://gw/api/tickets/t/urge']);
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('', '/api/faq', { categoryId: 'noise', q: undefined })).toBe('/api/faq?categoryId=noise');
    expect(buildUrl('', '/api/faq', { q: '社保 卡' })).toBe('/api/faq?q=%E7%A4%BE%E4%BF%9D%20%E5%8D%A1');
  });
});
