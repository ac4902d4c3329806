// The day's filings on the citizen's account: counted per China day, spent atomically by concurrent
// requests, given back only to the day they were spent on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../tests/support/gateway.js';
import { beyondFilingQuota, refundFiling, spendFiling } from './filing-quota.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ QUOTA_TICKETS_PER_DAY: '3' });
});
afterAll(() => gw?.close());

/** The gateway's own deps at a chosen instant. */
const at = (iso: string) => ({ ...gw.deps, now: () => new Date(iso) });

describe('filing quota', () => {
  it('counts each China day on its own: the count starts again after midnight in China', async () => {
    const { citizenId } = await gw.login(freshPhone());
    const late = at('2026-12-04T15:59:00Z'); // 23:59 in China
    const a = await spendFiling(late, citizenId, { phone: 1 });
    const b = await spendFiling(late, citizenId, { phone: 1 });
    expect([a?.spend, b?.spend]).toEqual([
      { day: '2026-12-04', count: 1 },
      { day: '2026-12-04', count: 2 },
    ]);
    expect(b?.citizen).toMatchObject({ phone: expect.stringMatching(/^1\d{10}$/) });
    const next = await spendFiling(at('2026-12-04T16:00:00Z'), citizenId, {}); // 00:00 in China
    expect(next?.spend).toEqual({ day: '2026-12-05', count: 1 });
  });

  it('gives a filing back only to the day it was spent on, never below zero', async () => {
    const { citizenId } = await gw.login(freshPhone());
    const day = at('2026-12-06T04:00:00Z');
    const spent = (await spendFiling(day, citizenId, {}))!;
    await refundFiling(gw.deps, citizenId, { day: '2026-12-05', count: 1 }); // yesterday's: nothing to give back to
    expect((await gw.deps.models.Citizen.findById(citizenId).lean())?.filingQuota).toEqual({ day: '2026-12-06', count: 1 });
    await refundFiling(gw.deps, citizenId, spent.spend);
    await refundFiling(gw.deps, citizenId, spent.spend);
    expect((await gw.deps.models.Citizen.findById(citizenId).lean())?.filingQuota).toEqual({ day: '2026-12-06', count: 0 });
  });

  it('hands concurrent spends distinct counts, and refuses beyond the quota until midnight in China', async () => {
    const { citizenId } = await gw.login(freshPhone());
    const noon = at('2026-12-07T04:00:00Z'); // 12:00 in China
    const spends = await Promise.all(Array.from({ length: 8 }, () => spendFiling(noon, citizenId, {})));
    expect(spends.map((s) => s!.spend.count).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(beyondFilingQuota(noon, citizenId, { day: '2026-12-07', count: 3 })).toBeNull();
    const refusal = beyondFilingQuota(noon, citizenId, { day: '2026-12-07', count: 4 });
    expect(refusal?.status).toBe(429);
    expect(refusal?.headers).toEqual({ 'Retry-After': String(12 * 3600) });
  });

  it('spends nothing for an account that does not exist', async () => {
    expect(await spendFiling(gw.deps, '0123456789abcdef01234567', {})).toBeNull();
  });
});
