// Human-readable ticket numbers: MH + China date + a 6-digit daily sequence, e.g. MH20261122000123.
// Unique and increasing; a number burnt by a lost race leaves a gap, never a duplicate.
import { chinaDate } from '@minhu/shared/deadlines';
import type { Deps } from '../deps.js';

export async function nextTicketNumber(deps: Deps, at: Date): Promise<string> {
  const day = chinaDate(at).replaceAll('-', '');
  const counter = await deps.models.Counter.findOneAndUpdate(
    { _id: `ticket:${day}` },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after' },
  ).lean<{ seq: number }>();
  return `MH${day}${String(counter!.seq).padStart(6, '0')}`;
}
