// Daily ticket numbers against the real database: filings that wait together share one counter update,
// two processes over one counter never hand out the same number, and a batch across midnight uses both days.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createModels, type Models } from '../models/index.js';
import { TicketNumbers } from './ticket-number.js';

let conn: mongoose.Connection;
let models: Models;
/** Counter updates seen on the wire. */
let counterUpdates = 0;

beforeAll(async () => {
  conn = mongoose.createConnection(inject('mongoUri'), { dbName: `minhu_numbers_${randomBytes(4).toString('hex')}`, monitorCommands: true });
  await conn.asPromise();
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'findAndModify' && e.command.findAndModify === 'counters') counterUpdates++;
  });
  models = createModels(conn);
});

afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

const noon = new Date('2026-12-04T04:00:00Z'); // 12:00 in China

describe('TicketNumbers', () => {
  it('gives filings that wait together consecutive numbers from one counter update', async () => {
    const numbers = new TicketNumbers(models.Counter);
    counterUpdates = 0;
    const got = await Promise.all(Array.from({ length: 40 }, () => numbers.next(noon)));
    expect(counterUpdates).toBe(1);
    expect(got).toEqual(Array.from({ length: 40 }, (_, i) => `MH20261204${String(i + 1).padStart(6, '0')}`));
    // The next one continues the sequence.
    expect(await numbers.next(noon)).toBe('MH20261204000041');
  });

  it('never hands out one number twice across two processes over one counter', async () => {
    const a = new TicketNumbers(models.Counter);
    const b = new TicketNumbers(models.Counter);
    const at = new Date('2026-12-05T04:00:00Z');
    // The day's counter exists (the first filing of the day made it), so no upsert races below.
    expect(await a.next(at)).toBe('MH20261205000001');
    counterUpdates = 0;
    const got: string[] = [];
    // Several waves, so the two interleave on the counter.
    for (let wave = 0; wave < 5; wave++) {
      got.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).next(at)))));
    }
    expect(new Set(got).size).toBe(150);
    const seqs = got.map((n) => Number(n.slice(-6))).sort((x, y) => x - y);
    expect(seqs[0]).toBe(2);
    expect(seqs.at(-1)).toBe(151); // no gaps either: every reserved number was handed out
    expect(counterUpdates).toBeLessThan(150 / 5);
  });

  it("never hands out one number twice when two processes create a new day's counter at once", async () => {
    const got: string[] = [];
    for (let round = 0; round < 3; round++) {
      // A new day per round, so both allocators race to upsert its counter in their first update.
      const at = new Date(Date.UTC(2026, 11, 8 + round, 4));
      const a = new TicketNumbers(models.Counter);
      const b = new TicketNumbers(models.Counter);
      got.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).next(at)))));
    }
    // A lost upsert race may burn a block (a gap), never hand a number out twice.
    expect(new Set(got).size).toBe(60);
    expect(got.filter((n) => n.startsWith('MH20261208'))).toHaveLength(20);
  });

  it("takes numbers of each China day from that day's counter when a batch spans midnight", async () => {
    const numbers = new TicketNumbers(models.Counter);
    const before = new Date('2026-12-06T15:59:59Z'); // 23:59:59 on the 6th in China
    const after = new Date('2026-12-06T16:00:01Z'); // 00:00:01 on the 7th
    const got = await Promise.all([numbers.next(before), numbers.next(after), numbers.next(before)]);
    expect(got).toEqual(['MH20261206000001', 'MH20261207000001', 'MH20261206000002']);
  });
});
