// The citizen rates the outcome after the callback: once per round, within the window. A rating
// goes to the hotline as ticket.rated (webhook mode); a dissatisfied one flags the ticket for review.
import type { RateTicket } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { ratingBlocker } from '../policies/ticket.js';
import { findCitizenTicket } from './list-tickets.js';
import { ticketChange } from './ticket-change.js';

export async function rateTicket(deps: Deps, citizenId: string, ticketId: string, input: RateTicket): Promise<TicketDoc> {
  const ticket = await findCitizenTicket(deps, citizenId, ticketId);
  if (!ticket) throw notFound('工单不存在');
  const blocker = ratingBlocker(deps.config, ticket, deps.now());
  if (blocker) throw conflict(blocker.code, blocker.message);

  const now = deps.now();
  const round = ticket.round ?? 1;
  const rating = { satisfaction: input.satisfaction, resolved: input.resolved, ...(input.comment ? { comment: input.comment } : {}), round, at: now };
  const applied = await ticketChange(deps, ticket._id, {
    where: { citizenId: ticket.citizenId, status: ticket.status, round, 'ratings.round': { $ne: round } },
    set: { needsReview: input.satisfaction === 'dissatisfied' },
    push: { ratings: rating },
    events: hotlineEvents(deps.config, 'ticket.rated', now, { rating: { ...rating, at: now.toISOString() } }),
  });
  if (!applied) {
    // A concurrent rating or status change won: report what stands now.
    const fresh = await findCitizenTicket(deps, citizenId, ticketId);
    const why = fresh && ratingBlocker(deps.config, fresh, deps.now());
    throw conflict(why?.code ?? 'already_rated', why?.message ?? '本轮办理已评价过');
  }
  return (await findCitizenTicket(deps, citizenId, ticketId))!;
}
