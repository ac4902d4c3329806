// The citizen withdraws a ticket before the hotline accepted it, saying why.
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { findCitizenTicket } from './list-tickets.js';
import { ticketChange } from './ticket-change.js';

export async function withdrawTicket(deps: Deps, citizenId: string, ticketId: string, reason: string): Promise<TicketDoc> {
  const ticket = await findCitizenTicket(deps, citizenId, ticketId);
  if (!ticket) throw notFound('工单不存在');
  const now = deps.now();
  const applied = await ticketChange(deps, ticket._id, {
    where: { citizenId: ticket.citizenId, status: 'submitted' },
    set: { status: 'withdrawn', statusAt: now },
    timeline: { status: 'withdrawn', at: now, actor: { type: 'citizen' }, reason },
    events: hotlineEvents(deps.config, 'ticket.withdrawn', now, { reason }),
  });
  if (!applied) throw conflict('cannot_withdraw', '工单已受理，不能撤回；如需补充或取消，请联系 12345');
  return (await findCitizenTicket(deps, citizenId, ticketId))!;
}
