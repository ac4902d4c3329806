// Tickets as hotline staff see them: the citizen's view plus the callback number, owner department,
// hotline number and review flag.
import type { Deps } from '../deps.js';
import type { TicketDoc } from '../models/ticket.js';
import { presentTicketDetail, presentTicketSummary } from './ticket.js';

function staffFields(doc: TicketDoc) {
  return {
    contactPhone: doc.contactPhone ?? null,
    ownerDepartment: doc.ownerDepartment ?? null,
    hotlineRef: doc.hotlineRef ?? null,
    needsReview: Boolean(doc.needsReview),
    round: doc.round ?? 1,
    channel: doc.channel,
  };
}

export function presentOperatorSummary(doc: TicketDoc, now: Date) {
  return { ...presentTicketSummary(doc, now), ...staffFields(doc) };
}

export async function presentOperatorDetail(deps: Deps, doc: TicketDoc) {
  const detail = await presentTicketDetail(deps, doc);
  return { ...detail, ...staffFields(doc) };
}
