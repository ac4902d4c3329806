// Saves and loads copies of the ticket index. A copy is written chunk by chunk under a new generation,
// then the head is switched to it — only if it is newer than the copy the head names — and older chunks
// are removed; so a reader always finds a complete copy, whichever processes save at the same time.
import { randomBytes } from 'node:crypto';
import type { Models } from '../models/index.js';
import { FACTS_FORMAT, type TicketFact } from './ticket-facts.js';

const CHUNK = 5000;

export async function saveSnapshot(models: Models, facts: TicketFact[], takenAt: Date): Promise<boolean> {
  const Snapshot = models.TicketIndexSnapshot;
  const generation = `${takenAt.getTime()}-${randomBytes(4).toString('hex')}`;
  const chunks = Math.ceil(facts.length / CHUNK);
  for (let n = 0; n < chunks; n++) {
    const part = facts.slice(n * CHUNK, (n + 1) * CHUNK).map(({ deadlines: _, ...f }) => f);
    await Snapshot.collection.insertOne({ _id: `${generation}:${n}` as never, kind: 'chunk', generation, takenAt, format: FACTS_FORMAT, n, facts: JSON.stringify(part) });
  }
  const head = { kind: 'head', generation, takenAt, format: FACTS_FORMAT, chunks, count: facts.length };
  let switched: boolean;
  try {
    const res = await Snapshot.collection.updateOne({ _id: 'head' as never, takenAt: { $lt: takenAt } }, { $set: head }, { upsert: true });
    switched = res.modifiedCount + res.upsertedCount === 1;
  } catch (err) {
    // The upsert met a head at least as new (duplicate _id): this copy is not needed.
    if ((err as { code?: number }).code !== 11000) throw err;
    switched = false;
  }
  const current = await Snapshot.findById('head', { takenAt: 1, generation: 1 }).lean<{ takenAt: Date; generation: string }>();
  if (current) await Snapshot.deleteMany({ kind: 'chunk', takenAt: { $lte: current.takenAt }, generation: { $ne: current.generation } });
  return switched;
}

export async function loadSnapshot(models: Models): Promise<{ facts: TicketFact[]; takenAt: Date } | null> {
  const Snapshot = models.TicketIndexSnapshot;
  const head = await Snapshot.findById('head').lean<{ generation: string; takenAt: Date; format: number; chunks: number }>();
  if (!head || head.format !== FACTS_FORMAT) return null;
  const facts: TicketFact[] = [];
  for (let n = 0; n < head.chunks; n++) {
    const chunk = await Snapshot.findById(`${head.generation}:${n}`, { facts: 1 }).lean<{ facts: string }>();
    if (!chunk) return null; // replaced meanwhile by a newer copy: read the tickets instead
    facts.push(...(JSON.parse(chunk.facts) as TicketFact[]));
  }
  return { facts, takenAt: new Date(head.takenAt) };
}
