// The relay: copies events that a ticket change wrote into the ticket document (pendingEvents)
// into their queues, keyed by eventId, then removes them from the ticket. Insert-then-pull makes
// it safe to run twice or to crash midway: a second copy hits the unique _id and is ignored.
import type { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { Models } from '../models/index.js';
import type { PendingEventEntry } from './pending-events.js';

export class EventRelay {
  private listeners = new Set<(queue: PendingEventEntry['queue']) => void>();

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
    const events = known ?? (await this.models.Ticket.findById(ticketId, { pendingEvents: 1 }).lean<{ pendingEvents?: PendingEventEntry[] }>())?.pendingEvents ?? [];
    if (events.length === 0) return 0;
    const queues = new Set<PendingEventEntry['queue']>();
    for (const queue of ['hotline', 'notify'] as const) {
      const items = events.filter((e) => e.queue === queue);
      if (items.length === 0) continue;
      const model = queue === 'hotline' ? this.models.Outbox : this.models.Notification;
      // Through the queue-item model: its defaults and strictness make the item (pending, no lease, due at once).
      await model
        .insertMany(
          items.map((e) => ({ _id: e.eventId, type: e.type, ticketId, at: e.at, data: e.data ?? {}, nextAttemptAt: e.at })),
          { ordered: false },
        )
        .catch((err: { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[] }) => {
          // Already relayed (a kick and the periodic scan, or a retry after a crash): the unique _id keeps one copy.
          const codes = err.writeErrors?.map((w) => w.code ?? w.err?.code) ?? [err.code];
          if (!codes.every((c) => c === 11000)) throw err;
        });
      queues.add(queue);
    }
    await this.models.Ticket.updateOne({ _id: ticketId }, { $pull: { pendingEvents: { eventId: { $in: events.map((e) => e.eventId) } } } });
    for (const q of queues) for (const l of this.listeners) l(q);
    return events.length;
  }

  /** Relays every ticket that still holds pending events (the periodic safety net). */
  async relayAll(batch = 100): Promise<number> {
    // A range over event ids (never empty strings), so the index yields only tickets that hold some: no scan.
    const tickets = await this.models.Ticket.find({ 'pendingEvents.eventId': { $gt: '' } }, { _id: 1 }).limit(batch).lean<{ _id: Types.ObjectId }[]>();
    let n = 0;
    for (const t of tickets) n += await this.relayTicket(t._id);
    return n;
  }

  /** Tells listeners that `queue` has new due items (e.g. a parked event was put back). */
  notify(queue: PendingEventEntry['queue']): void {
    for (const l of this.listeners) l(queue);
  }

  /** Fast path right after a change; the periodic scan covers any failure here. */
  kick(ticketId: Types.ObjectId | string, known?: readonly PendingEventEntry[]): void {
    this.relayTicket(ticketId, known).catch((err) => this.logger.warn({ err, ticketId: String(ticketId) }, 'relay kick failed; the periodic relay will retry'));
  }
}
