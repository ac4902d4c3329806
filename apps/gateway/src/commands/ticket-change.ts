// The one door every change of an existing ticket goes through: the change, its timeline entry and
// the events it must send (to the hotline, to the citizen) in ONE atomic document update, applied only
// while the ticket is still as the caller read it; then the relay is kicked to queue the events.
// A crash after the update only delays the events (the relay finds them in pendingEvents).
import type { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import type { PendingEventEntry } from '../hotline/pending-events.js';

export interface TicketChange {
  /** Conditions the ticket must still meet (the state the change was decided on). */
  where?: Record<string, unknown>;
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** One entry to append to each named array (ratings, urges, reopenRequests …). */
  push?: Record<string, unknown>;
  /** The status change's timeline entry. */
  timeline?: Record<string, unknown>;
  /** What the change must tell the hotline and the citizen. */
  events?: PendingEventEntry[];
}

/** Applies the change atomically; false when the ticket no longer matched `where` (nothing changed). */
export async function ticketChange(deps: Deps, ticketId: Types.ObjectId, change: TicketChange): Promise<boolean> {
  const push: Record<string, unknown> = { ...change.push };
  if (change.timeline) push.timeline = change.timeline;
  if (change.events?.length) push.pendingEvents = { $each: change.events };
  const update: Record<string, unknown> = { $set: { ...change.set, updatedAt: deps.now() } };
  if (change.inc && Object.keys(change.inc).length) update.$inc = change.inc;
  if (Object.keys(push).length) update.$push = push;
  // Through the model, not the raw collection: the schema's strictness and casting apply to every change.
  const res = await deps.models.Ticket.updateOne({ ...change.where, _id: ticketId }, update, { timestamps: false, strict: 'throw' });
  if (res.modifiedCount !== 1) return false;
  if (change.events?.length) deps.relay.kick(ticketId, change.events);
  return true;
}
