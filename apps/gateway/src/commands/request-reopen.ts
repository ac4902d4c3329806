// 申请重办: after a dissatisfied rating the owner asks for the ticket to be handled again, saying
// why. It waits in the operator queue (reopenRequested) until staff reopen or close it, and in
// webhook mode the hotline hears `ticket.reopen_requested`.
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { reopenRequestBlocker } from '../policies/ticket.js';
import { findCitizenTicket } from './list-tickets.js';
import { ticketChange } from './ticket-change.js';

export async function requestReopen(deps: Deps, citizenId: string, ticketId: string, reason: string): Promise<TicketDoc> {
  const ticket = await findCitizenTicket(deps, citizenId, ticketId);
  if (!ticket) throw notFound('工单不存在');
  const now = deps.now();
  const blocker = reopenRequestBlocker(deps.config, ticket, now);
  if (blocker) throw conflict(blocker.code, blocker.message);
  const round = ticket.round ?? 1;
  const applied = await ticketChange(deps, ticket._id, {
    where: { citizenId: ticket.citizenId, status: ticket.status, round, 'reopenRequests.round': { $ne: round } },
    set: { reopenRequested: true, needsReview: true },
    push: { reopenRequests: { reason, at: now, round } },
    events: hotlineEvents(deps.config, 'ticket.reopen_requested', now, { reason, round }),
  });
  if (!applied) {
    const fresh = await findCitizenTicket(deps, citizenId, ticketId);
    const why = fresh && reopenRequestBlocker(deps.config, fresh, now);
    throw conflict(why?.code ?? 'already_requested', why?.message ?? '本轮办理已申请过重办');
  }
  return (await findCitizenTicket(deps, citizenId, ticketId))!;
}
