// The relay: copies events that a ticket change wrote into the ticket document (pendingEvents)
// into their queues, keyed by eventId, then removes them from the ticket. Insert-then-pull makes
// it safe to run twice or to crash midway: a second copy hits the unique _id and is ignored.
// Kicks are written in batches, so many filings at once share the relay's round trips.
import type { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { Models } from '../models/index.js';
import type { PendingEventEntry } from './pending-events.js';

/** One ticket to relay: its id, and its events when the caller has them in hand. */
interface RelayRequest {
  ticketId: Types.ObjectId | string;
  events?: readonly PendingEventEntry[] | undefined;
}

/** Tickets relayed together at most (one insert and one update each). */
const MAX_BATCH = 200;

export class EventRelay {
  private listeners = new Set<(queue: PendingEventEntry['queue']) => void>();
  /** Kicked tickets waiting for the next batch, and whether a batch is being written. */
  private waiting: RelayRequest[] = [];
  private flushing = false;

  constructor(
    private readonly models: Models,
    private readonly logger: Logger,
  ) {}

  /** Called with the queue name whenever items were queued (workers wake up). */
  onQueued(listener: (queue: PendingEventEntry['queue']) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues the ticket's pending events and removes them from the ticket. `known`: the events the caller has
   * just written with the ticket (it saves reading them back); without it they are read from the ticket.
   */
  async relayTicket(ticketId: Types.ObjectId | string, known?: readonly PendingEventEntry[]): Promise<number> {
    return this.relayBatch([{ ticketId, events: known }]);
  }

  /**
   * Relays several tickets' events in three round trips whatever their number: one read of the events not
   * handed in, one insert per queue, one `$pull` over all the tickets. Event ids are unique, so pulling every
   * relayed id from every ticket of the batch removes exactly what was queued.
   */
  private async relayBatch(batch: readonly RelayRequest[]): Promise<number> {
    const unknown = batch.filter((b) => !b.events).map((b) => b.ticketId);
    const read = unknown.length
      ? await this.models.Ticket.find({ _id: { $in: unknown } }, { pendingEvents: 1 }).lean<{ _id: Types.ObjectId; pendingEvents?: PendingEventEntry[] }[]>()
      : [];
    const items = [
      ...batch.flatMap((b) => (b.events ?? []).map((e) => ({ ticketId: b.ticketId, e }))),
      ...read.flatMap((t) => (t.pendingEvents ?? []).map((e) => ({ ticketId: t._id, e }))),
    ];
    if (items.length === 0) return 0;
    const queues = new Set<PendingEventEntry['queue']>();
    for (const queue of ['hotline', 'notify'] as const) {
      const mine = items.filter((i) => i.e.queue === queue);
      if (mine.length === 0) continue;
      const model = queue === 'hotline' ? this.models.Outbox : this.models.Notification;
      // Through the queue-item model: its defaults and strictness make the item (pending, no lease, due at once).
      await model
        .insertMany(
          mine.map(({ ticketId, e }) => ({ _id: e.eventId, type: e.type, ticketId, at: e.at, data: e.data ?? {}, nextAttemptAt: e.at })),
          { ordered: false },
        )
        .catch((err: { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[] }) => {
          // Already relayed (a kick and the periodic scan, or a retry after a crash): the unique _id keeps one copy.
          const codes = err.writeErrors?.map((w) => w.code ?? w.err?.code) ?? [err.code];
          if (!codes.every((c) => c === 11000)) throw err;
        });
      queues.add(queue);
    }
    const tickets = [...new Set(items.map((i) => String(i.ticketId)))];
    const filter = tickets.length === 1 ? { _id: tickets[0] } : { _id: { $in: tickets } };
    await this.models.Ticket.updateMany(filter, { $pull: { pendingEvents: { eventId: { $in: items.map((i) => i.e.eventId) } } } });
    for (const q of queues) for (const l of this.listeners) l(q);
    return items.length;
  }

  /** Relays every ticket that still holds pending events (the periodic safety net). */
  async relayAll(batch = 100): Promise<number> {
    // A range over event ids (never empty strings), so the index yields only tickets that hold some: no scan.
    const tickets = await this.models.Ticket.find({ 'pendingEvents.eventId': { $gt: '' } }, { pendingEvents: 1 })
      .limit(batch)
      .lean<{ _id: Types.ObjectId; pendingEvents: PendingEventEntry[] }[]>();
    return tickets.length ? this.relayBatch(tickets.map((t) => ({ ticketId: t._id, events: t.pendingEvents }))) : 0;
  }

  /** Tells listeners that `queue` has new due items (e.g. a parked event was put back). */
  notify(queue: PendingEventEntry['queue']): void {
    for (const l of this.listeners) l(queue);
  }

  /**
   * Fast path right after a change; the periodic scan covers any failure here. Kicks that arrive while a batch
   * is being written wait and go together in the next one (group commit): under load a filing costs a share of
   * three round trips instead of two of its own.
   */
  kick(ticketId: Types.ObjectId | string, known?: readonly PendingEventEntry[]): void {
    this.waiting.push({ ticketId, events: known });
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      await this.relayBatch(batch).catch((err) =>
        this.logger.warn({ err, tickets: batch.map((b) => String(b.ticketId)) }, 'relay kick failed; the periodic relay will retry'),
      );
    }
    this.flushing = false;
  }
}
