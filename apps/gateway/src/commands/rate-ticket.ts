// The citizen rates the outcome after the callback: once per round, within the window. A rating
// goes to the hotline as ticket.rated (webhook mode); a dissatisfied one flags the ticket for review.
import type { RateTicket, TicketStatus } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { findCitizenTicket } from './list-tickets.js';

export function ratableStatuses(deps: Deps): TicketStatus[] {
  return deps.config.rating.withoutCallback ? ['callback', 'replied'] : ['callback'];
}

/** Why the owner may not rate now, or null when they may. */
export function ratingBlocker(deps: Deps, ticket: TicketDoc): { code: string; message: string } | null {
  if (!ratableStatuses(deps).includes(ticket.status as TicketStatus)) {
    return { code: 'rating_not_open', message: '工单回访后才能评价' };
  }
  if ((ticket.ratings ?? []).some((r) => r.round === (ticket.round ?? 1))) {
    return { code: 'already_rated', message: '本轮办理已评价过' };
  }
  const windowMs = deps.config.rating.windowDays * 24 * 3600 * 1000;
  if (deps.now().getTime() - new Date(ticket.statusAt).getTime() > windowMs) {
    return { code: 'rating_window_closed', message: `评价须在回访后 ${deps.config.rating.windowDays} 天内完成` };
  }
  return null;
}

export async function rateTicket(deps: Deps, citizenId: string, ticketId: string, input: RateTicket): Promise<TicketDoc> {
  const ticket = await findCitizenTicket(deps, citizenId, ticketId);
  if (!ticket) throw notFound('工单不存在');
  const blocker = ratingBlocker(deps, ticket);
  if (blocker) throw conflict(blocker.code, blocker.message);

  const now = deps.now();
  const round = ticket.round ?? 1;
  const rating = { satisfaction: input.satisfaction, resolved: input.resolved, ...(input.comment ? { comment: input.comment } : {}), round, at: now };
  const res = await deps.models.Ticket.collection.updateOne(
    { _id: ticket._id, citizenId: ticket.citizenId, status: ticket.status, round, 'ratings.round': { $ne: round } },
    {
      $set: { needsReview: input.satisfaction === 'dissatisfied', updatedAt: now },
      $push: {
        ratings: rating,
        pendingEvents: { $each: hotlineEvents(deps.config, 'ticket.rated', now, { rating: { ...rating, at: now.toISOString() } }) },
      } as never,
    },
  );
  if (res.modifiedCount !== 1) {
    // A concurrent rating or status change won: report what stands now.
    const fresh = await findCitizenTicket(deps, citizenId, ticketId);
    const why = fresh && ratingBlocker(deps, fresh);
    throw conflict(why?.code ?? 'already_rated', why?.message ?? '本轮办理已评价过');
  }
  deps.relay.kick(ticket._id);
  return (await findCitizenTicket(deps, citizenId, ticketId))!;
}
