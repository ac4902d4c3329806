// Tickets as hotline staff see them: the citizen's view plus the callback number, owner department,
// hotline number, review flag, the citizen's urges (催办) and 申请重办.
import { computeDeadlines } from '@minhu/shared/deadlines';
import type { Deps } from '../deps.js';
import type { TicketDoc } from '../models/ticket.js';
import { presentTicketDetail, presentTicketSummary } from './ticket.js';

function staffFields(doc: TicketDoc) {
  return {
    contactPhone: doc.contactPhone ?? null,
    ownerDepartment: doc.ownerDepartment ?? null,
    hotlineRef: doc.hotlineRef ?? null,
    needsReview: Boolean(doc.needsReview),
    reopenRequested: Boolean(doc.reopenRequested),
    urgeCount: doc.urges?.length ?? 0,
    lastUrgedAt: doc.urges?.length ? new Date(doc.urges.at(-1)!.at).toISOString() : null,
    round: doc.round ?? 1,
    channel: doc.channel,
  };
}

export function presentOperatorSummary(doc: TicketDoc, now: Date) {
  return { ...presentTicketSummary(doc, now), ...staffFields(doc) };
}

/** The "1345" milestones from filing (and the urgent-help clock) for supervision (督办). */
function supervision(deps: Deps, doc: TicketDoc) {
  const d = computeDeadlines(doc.kind, Boolean(doc.urgent), new Date(doc.createdAt), deps.calendar);
  const iso = (x: Date) => x.toISOString();
  return {
    acceptBy: iso(d.milestones.acceptBy),
    feedbackBy: iso(d.milestones.feedbackBy),
    reviewBy: iso(d.milestones.reviewBy),
    closeBy: iso(d.milestones.closeBy),
    ...(d.urgent ? { urgent: { contactBy: iso(d.urgent.contactBy), onSiteBy: iso(d.urgent.onSiteBy), doneBy: iso(d.urgent.doneBy) } } : {}),
  };
}

export async function presentOperatorDetail(deps: Deps, doc: TicketDoc) {
  const detail = await presentTicketDetail(deps, doc);
  return { ...detail, ...staffFields(doc), milestones: supervision(deps, doc) };
}
