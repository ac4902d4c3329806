// The leased chat limit against the real database: several "processes" (LeasedLimit instances over one
// counter) never admit more than the limit together, hand back what a lease took beyond it, and a busy key
// costs far fewer database writes than requests.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LeasedLimit } from './leased-limit.js';

let conn: mongoose.Connection;

beforeAll(async () => {
  conn = mongoose.createConnection(inject('mongoUri'), { dbName: `minhu_lease_${randomBytes(4).toString('hex')}` });
  await conn.asPromise();
});

afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

function shared(keyPrefix: string, points: number) {
  return new RateLimiterMongo({ storeClient: conn.getClient(), dbName: conn.db!.databaseName, tableName: 'rate_limits', keyPrefix, points, duration: 60 });
}

/** Spends `n` points of `key` through `limits` in turn, all at once; how many were admitted. */
async function spend(limits: LeasedLimit[], key: string, n: number): Promise<number> {
  const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => limits[i % limits.length]!.consume(key)));
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RateLimiterRes);
  return results.filter((r) => r.status === 'fulfilled').length;
}

describe('LeasedLimit', () => {
  it('takes an eighth of the limit at once, at most 8, at least 1', () => {
    expect(new LeasedLimit(shared('a', 30)).batch).toBe(3);
    expect(new LeasedLimit(shared('a', 7)).batch).toBe(1);
    expect(new LeasedLimit(shared('a', 1e8)).batch).toBe(8);
  });

  it('never admits more than the limit across three processes, and admits nearly all of it', async () => {
    const limiter = shared('three', 40);
    const processes = [new LeasedLimit(limiter), new LeasedLimit(limiter), new LeasedLimit(limiter)];
    const admitted = await spend(processes, '203.0.113.5', 100);
    expect(admitted).toBeLessThanOrEqual(40);
    // Unused leases of the other two processes (batch 5 each) are all that can be missing.
    expect(admitted).toBeGreaterThanOrEqual(40 - 2 * processes[0]!.batch);
    // What was leased beyond the limit went back: the shared counter stands at the limit, not above.
    const res = await limiter.get('203.0.113.5');
    expect(res?.consumedPoints).toBeLessThanOrEqual(40 + 3 * processes[0]!.batch);
    // And refusals from then on do not touch the database: the counter no longer moves.
    const before = (await limiter.get('203.0.113.5'))?.consumedPoints;
    expect(await spend(processes, '203.0.113.5', 30)).toBe(0);
    expect((await limiter.get('203.0.113.5'))?.consumedPoints).toBe(before);
  });

  it('keeps only the part of an overshooting lease that was below the limit', async () => {
    const limiter = shared('edge', 16); // batch 2
    const one = new LeasedLimit(limiter);
    await limiter.consume('k', 15); // another process used 15 of 16
    expect(await spend([one], 'k', 3)).toBe(1);
    expect((await limiter.get('k'))?.consumedPoints).toBe(16);
  });

  it('counts a busy key with one database write per lease, not per request', async () => {
    const limiter = shared('busy', 1e8);
    let writes = 0;
    const consume = limiter.consume.bind(limiter);
    limiter.consume = (key, points) => (writes++, consume(key, points));
    const lease = new LeasedLimit(limiter);
    expect(await spend([lease], '127.0.0.1', 400)).toBe(400);
    expect(writes).toBe(400 / 8);
    expect((await limiter.get('127.0.0.1'))?.consumedPoints).toBe(400);
  });

  it('gives a refunded point to its own lease first', async () => {
    const limiter = shared('refund', 8); // batch 1
    const lease = new LeasedLimit(limiter);
    expect(await spend([lease], 'r', 8)).toBe(8);
    await expect(lease.consume('r')).rejects.toBeInstanceOf(RateLimiterRes);
    await lease.reward('r');
    await expect(lease.consume('r')).resolves.toBeUndefined();
  });
});
