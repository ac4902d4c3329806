// The citizen withdraws a ticket before the hotline accepted it.
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { findCitizenTicket } from './list-tickets.js';

export async function withdrawTicket(deps: Deps, citizenId: string, ticketId: string, reason?: string): Promise<TicketDoc> {
  const ticket = await findCitizenTicket(deps, citizenId, ticketId);
  if (!ticket) throw notFound('工单不存在');
  const now = deps.now();
  const res = await deps.models.Ticket.collection.updateOne(
    { _id: ticket._id, citizenId: ticket.citizenId, status: 'submitted' },
    {
      $set: { status: 'withdrawn', statusAt: now, updatedAt: now },
      $push: {
        timeline: { status: 'withdrawn', at: now, actor: { type: 'citizen' }, ...(reason ? { reason } : {}) },
        pendingEvents: { $each: hotlineEvents(deps.config, 'ticket.withdrawn', now, reason ? { reason } : {}) },
      } as never,
    },
  );
  if (res.modifiedCount !== 1) throw conflict('cannot_withdraw', '工单已受理，不能撤回；如需补充或取消，请联系 12345');
  deps.relay.kick(ticket._id);
  return (await findCitizenTicket(deps, citizenId, ticketId))!;
}
