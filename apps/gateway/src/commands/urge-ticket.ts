// 催办: the owner of a ticket past its due time presses for it, once a day. Staff see it in the
// queue (urged tickets, newest urge shown), and in webhook mode the hotline hears `ticket.urged`.
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { chinaDay, urgeBlocker } from '../policies/ticket.js';
import { findCitizenTicket } from './list-tickets.js';
import { ticketChange } from './ticket-change.js';

export async function urgeTicket(deps: Deps, citizenId: string, ticketId: string): Promise<TicketDoc> {
  const ticket = await findCitizenTicket(deps, citizenId, ticketId);
  if (!ticket) throw notFound('工单不存在');
  const now = deps.now();
  const blocker = urgeBlocker(ticket, now);
  if (blocker) throw conflict(blocker.code, blocker.message);
  const day = chinaDay(now);
  const applied = await ticketChange(deps, ticket._id, {
    // The day in the filter makes two taps at once count as one urge.
    where: { citizenId: ticket.citizenId, status: ticket.status, lastUrgedDay: { $ne: day } },
    set: { lastUrgedDay: day },
    push: { urges: { at: now } },
    events: hotlineEvents(deps.config, 'ticket.urged', now, { urgeCount: (ticket.urges?.length ?? 0) + 1 }),
  });
  if (!applied) {
    const fresh = await findCitizenTicket(deps, citizenId, ticketId);
    const why = fresh && urgeBlocker(fresh, now);
    throw conflict(why?.code ?? 'already_urged_today', why?.message ?? '今天已经催办过，请明天再试');
  }
  return (await findCitizenTicket(deps, citizenId, ticketId))!;
}
