// One Idempotency-Key per draft: shared by a double tap, reused on every retry, replaced after success.
import type { CreateTicket, TicketDetail } from '@minhu/shared';
import { describe, expect, it, vi } from 'vitest';
import { apiError, NETWORK_MESSAGE } from '../api/errors';
import { memoryStore } from '../lib/storage';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { emptyDraft, saveDraft, type ReportDraft } from './draft';
import { createSubmitter } from './submitter';

const ticket = { id: 't1', number: 'MH1' } as TicketDetail;
let n = 0;
const makeKey = () => `draft-key-${++n}-abcdefgh`;
const draft = (): ReportDraft => ({ ...emptyDraft(0, makeKey), description: '小区门口的下水道堵了，污水横流' });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createSubmitter', () => {
  it('a double tap sends one request', async () => {
    const d = deferred<{ ticket: TicketDetail }>();
    const createTicket = vi.fn((_input: CreateTicket, _key: string) => d.promise);
    const s = createSubmitter({ createTicket, store: memoryStore(), makeKey });
    const dr = draft();
    const first = s.submit(dr);
    const second = s.submit(dr);
    expect(s.isSubmitting(dr)).toBe(true);
    d.resolve({ ticket });
    const [a, b] = await Promise.all([first, second]);
    expect(createTicket).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
  });

  it('retries with the same key after a network failure, and the key changes only after success', async () => {
    const keys: string[] = [];
    let fail = true;
    const createTicket = vi.fn(async (_input: CreateTicket, key: string) => {
      keys.push(key);
      if (fail) throw apiError({ kind: 'network', message: NETWORK_MESSAGE, retryable: true });
      return { ticket };
    });
    const store = memoryStore();
    const s = createSubmitter({ createTicket, store, makeKey });
    const dr = draft();
    saveDraft(store, dr);

    const r1 = await s.submit(dr);
    expect(r1).toMatchObject({ ok: false, reason: 'failed' });
    expect(store.get(STORAGE_KEYS.reportDraft)).not.toBeNull(); // nothing lost
    const r2 = await s.submit(dr);
    expect(r2.ok).toBe(false);
    fail = false;
    const r3 = await s.submit(dr);
    expect(keys).toEqual([dr.idempotencyKey, dr.idempotencyKey, dr.idempotencyKey]);
    expect(r3.ok).toBe(true);
    if (!r3.ok) return;
    expect(r3.ticket).toBe(ticket);
    expect(r3.next.idempotencyKey).not.toBe(dr.idempotencyKey);
    expect(r3.next.description).toBe('');
    expect(store.get(STORAGE_KEYS.reportDraft)).toBeNull();
  });

  it('does not call the API for an invalid draft', async () => {
    const createTicket = vi.fn();
    const s = createSubmitter({ createTicket, store: memoryStore(), makeKey });
    const r = await s.submit({ ...draft(), description: '太短' });
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    expect(createTicket).not.toHaveBeenCalled();
  });

  it('sends the body the validator built', async () => {
    const createTicket = vi.fn(async () => ({ ticket }));
    const s = createSubmitter({ createTicket, store: memoryStore(), makeKey });
    const dr = { ...draft(), categoryId: 'flood' as const, urgent: true };
    await s.submit(dr);
    expect(createTicket).toHaveBeenCalledWith({ kind: 'complaint', categoryId: 'flood', description: dr.description, urgent: true }, dr.idempotencyKey);
  });
});
