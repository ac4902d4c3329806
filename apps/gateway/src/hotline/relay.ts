// The relay: copies events that a ticket change wrote into the ticket document (pendingEvents)
// into their queues, keyed by eventId, then removes them from the ticket. Insert-then-pull makes
// it safe to run twice or to crash midway: a second copy hits the unique _id and is ignored.
import type { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { Models } from '../models/index.js';

interface PendingEvent {
  eventId: string;
  queue: 'hotline' | 'notify';
  type: string;
  at: Date;
  data?: Record<string, unknown>;
}

export class EventRelay {
  private listeners = new Set<(queue: PendingEvent['queue']) => void>();

  constructor(
    private readonly models: Models,
    private readonly logger: Logger,
  ) {}

  /** Called with the queue name whenever items were queued (workers wake up). */
  onQueued(listener: (queue: PendingEvent['queue']) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async relayTicket(ticketId: Types.ObjectId | string): Promise<number> {
    const ticket = await this.models.Ticket.findById(ticketId, { pendingEvents: 1 }).lean<{ pendingEvents?: PendingEvent[] }>();
    const events = ticket?.pendingEvents ?? [];
    if (events.length === 0) return 0;
    const queues = new Set<PendingEvent['queue']>();
    for (const event of events) {
      const model = event.queue === 'hotline' ? this.models.Outbox : this.models.Notification;
      try {
        await model.collection.insertOne({
          _id: event.eventId as never,
          type: event.type,
          ticketId: ticketId,
          at: event.at,
          data: event.data ?? {},
          status: 'pending',
          attempts: 0,
          nextAttemptAt: event.at,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
          deliveredAt: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err; // already relayed
      }
      queues.add(event.queue);
    }
    await this.models.Ticket.updateOne({ _id: ticketId }, { $pull: { pendingEvents: { eventId: { $in: events.map((e) => e.eventId) } } } });
    for (const q of queues) for (const l of this.listeners) l(q);
    return events.length;
  }

  /** Relays every ticket that still holds pending events (the periodic safety net). */
  async relayAll(batch = 100): Promise<number> {
    const tickets = await this.models.Ticket.find({ 'pendingEvents.0': { $exists: true } }, { _id: 1 }).limit(batch).lean<{ _id: Types.ObjectId }[]>();
    let n = 0;
    for (const t of tickets) n += await this.relayTicket(t._id);
    return n;
  }

  /** Tells listeners that `queue` has new due items (e.g. a parked event was put back). */
  notify(queue: PendingEvent['queue']): void {
    for (const l of this.listeners) l(queue);
  }

  /** Fast path right after a change; the periodic scan covers any failure here. */
  kick(ticketId: Types.ObjectId | string): void {
    this.relayTicket(ticketId).catch((err) => this.logger.warn({ err, ticketId: String(ticketId) }, 'relay kick failed; the periodic relay will retry'));
  }
}
