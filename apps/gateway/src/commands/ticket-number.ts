// Human-readable ticket numbers: MH + China date + a 6-digit daily sequence, e.g. MH20261122000123.
// Unique and increasing within a process; a number burnt by a lost race leaves a gap, never a duplicate.
// Filings that wait at the same moment share one counter update (group commit): the counter moves by
// their number and each takes one of the block, so a busy process pays one round trip for many numbers
// without reserving any it does not hand out.
import { chinaDate } from '@minhu/shared/deadlines';
import type { Models } from '../models/index.js';

interface Waiter {
  resolve(number: string): void;
  reject(err: unknown): void;
}

/** Numbers handed out at most per counter update. */
const MAX_BLOCK = 500;

export class TicketNumbers {
  /** Filings waiting for a number, by China day (a batch around midnight may span two). */
  private waiting = new Map<string, Waiter[]>();
  private busy = false;

  constructor(private readonly counters: Models['Counter']) {}

  /** The next number for a ticket filed at `at`. */
  next(at: Date): Promise<string> {
    const day = chinaDate(at).replaceAll('-', '');
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(day) ?? this.waiting.set(day, []).get(day)!;
      list.push({ resolve, reject });
      if (this.busy) return;
      this.busy = true;
      // One turn of the event loop lets filings that arrive together join the first update too.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    for (let entry = this.waiting.entries().next(); !entry.done; entry = this.waiting.entries().next()) {
      const [day, all] = entry.value;
      const waiters = all.splice(0, MAX_BLOCK);
      if (all.length === 0) this.waiting.delete(day);
      try {
        const last = await this.reserve(day, waiters.length);
        const first = last - waiters.length + 1;
        waiters.forEach((w, i) => w.resolve(`MH${day}${String(first + i).padStart(6, '0')}`));
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.busy = false;
  }

  /** Moves the day's counter on by `count`; returns its new value (the last number of the block). */
  private async reserve(day: string, count: number): Promise<number> {
    // Concurrent upserts of a new day's counter race on its _id: MongoDB answers the loser with a
    // duplicate-key error, SecantusDB may answer it with no document. Either way, try again: the
    // counter exists by then and the next $inc is atomic.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const counter = await this.counters
          .findOneAndUpdate({ _id: `ticket:${day}` }, { $inc: { seq: count } }, { upsert: true, returnDocument: 'after' })
          .lean<{ seq: number }>();
        if (counter) return counter.seq;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    throw new Error(`could not allocate a ticket number for ${day}`);
  }
}
