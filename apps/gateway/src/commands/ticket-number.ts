// Human-readable ticket numbers: MH + China date + a 6-digit daily sequence, e.g. MH20261122000123.
// Unique and increasing; a number burnt by a lost race leaves a gap, never a duplicate.
import { chinaDate } from '@minhu/shared/deadlines';
import type { Deps } from '../deps.js';

export async function nextTicketNumber(deps: Deps, at: Date): Promise<string> {
  const day = chinaDate(at).replaceAll('-', '');
  // Concurrent upserts of a new day's counter race on its _id: MongoDB answers the loser with a
  // duplicate-key error, SecantusDB may answer it with no document. Either way, try again: the
  // counter exists by then and the next $inc is atomic.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const counter = await deps.models.Counter.findOneAndUpdate(
        { _id: `ticket:${day}` },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean<{ seq: number }>();
      if (counter) return `MH${day}${String(counter.seq).padStart(6, '0')}`;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  throw new Error(`could not allocate a ticket number for ${day}`);
}
