// Tickets as hotline staff see them: the citizen's view plus the masked callback number (the full one
// only through the audited POST /api/operator/tickets/:id/reveal-phone), owner department,
// hotline number, review flag, channel and address, the citizen's urges (催办) and 申请重办; the detail
// adds the supervision clock, the callbacks recorded and where each rating came from.
import { nextMilestone, type OperatorTicketDetail, type OperatorTicketSummary, type TicketStatus } from '@minhu/shared';
import { computeDeadlines } from '@minhu/shared/deadlines';
import type { Deps } from '../deps.js';
import { maskPhone } from '../lib/ids.js';
import type { IncidentDoc } from '../models/incident.js';
import type { TicketDoc } from '../models/ticket.js';
import { presentTicketDetail, presentTicketSummary } from './ticket.js';

function staffFields(doc: TicketDoc) {
  return {
    contactPhoneMasked: maskPhone(doc.contactPhone),
    ownerDepartment: doc.ownerDepartment ?? null,
    hotlineRef: doc.hotlineRef ?? null,
    needsReview: Boolean(doc.needsReview),
    reopenRequested: Boolean(doc.reopenRequested),
    urgeCount: doc.urges?.length ?? 0,
    lastUrgedAt: doc.urges?.length ? new Date(doc.urges.at(-1)!.at).toISOString() : null,
    round: doc.round ?? 1,
    channel: doc.channel,
    address: doc.location?.address ?? null,
  };
}

/** What dispatch says of a ticket: the departments to send it to and its incident. */
function dispatchFields(deps: Deps, doc: TicketDoc) {
  return { suggestedDepartments: deps.dispatch.suggest(doc), incidentId: doc.incidentId?.toString() ?? null };
}

export function presentOperatorSummary(deps: Deps, doc: TicketDoc, now: Date): OperatorTicketSummary {
  return { ...presentTicketSummary(doc, now), ...staffFields(doc), ...dispatchFields(deps, doc) };
}

/** The ticket's incident with every ticket's number, and the tickets it may share one with. */
async function incidentFields(deps: Deps, doc: TicketDoc): Promise<Pick<OperatorTicketDetail, 'incident' | 'incidentCandidates'>> {
  const incident = doc.incidentId ? await deps.models.Incident.findById(doc.incidentId).lean<IncidentDoc>() : null;
  const candidates = doc.incidentCandidates ?? [];
  const ids = [...(incident?.ticketIds ?? []), ...candidates.map((c) => c.ticketId)];
  const others = ids.length ? await deps.models.Ticket.find({ _id: { $in: ids } }, { number: 1, incidentId: 1, status: 1 }).lean<TicketDoc[]>() : [];
  const byId = new Map(others.map((t) => [t._id.toString(), t]));
  return {
    incident: incident
      ? {
          id: incident._id.toString(),
          categoryId: (incident.categoryId as OperatorTicketDetail['categoryId']) ?? null,
          status: incident.status as 'open' | 'closed',
          leadTicketId: incident.leadTicketId.toString(),
          leadNumber: byId.get(incident.leadTicketId.toString())?.number ?? '',
          ticketIds: incident.ticketIds.map((id) => id.toString()),
          ticketNumbers: incident.ticketIds.map((id) => byId.get(id.toString())?.number ?? ''),
        }
      : null,
    // Candidates that joined an incident with this ticket meanwhile, or went away, are not offered.
    incidentCandidates: candidates
      .filter((c) => byId.has(c.ticketId.toString()) && !(doc.incidentId && byId.get(c.ticketId.toString())!.incidentId?.equals(doc.incidentId)))
      .map((c) => {
        const t = byId.get(c.ticketId.toString())!;
        return { ticketId: c.ticketId.toString(), number: t.number, incidentId: t.incidentId?.toString() ?? null, score: c.score };
      }),
  };
}

/** The "1345" milestones from filing (and the urgent-help clock), and the next one due, for supervision (督办). */
function supervision(deps: Deps, doc: TicketDoc) {
  const d = computeDeadlines(doc.kind, Boolean(doc.urgent), new Date(doc.createdAt), deps.calendar);
  const iso = (x: Date) => x.toISOString();
  const next = nextMilestone({ kind: doc.kind, urgent: Boolean(doc.urgent), status: doc.status as TicketStatus, dueAt: doc.dueAt ? new Date(doc.dueAt) : null }, d);
  return {
    milestones: {
      acceptBy: iso(d.milestones.acceptBy),
      feedbackBy: iso(d.milestones.feedbackBy),
      reviewBy: iso(d.milestones.reviewBy),
      closeBy: iso(d.milestones.closeBy),
      ...(d.urgent ? { urgent: { contactBy: iso(d.urgent.contactBy), onSiteBy: iso(d.urgent.onSiteBy), doneBy: iso(d.urgent.doneBy) } } : {}),
    },
    next: next ? { milestone: next.milestone, deadline: iso(next.deadline) } : null,
  };
}

/** Each callback on the timeline, with the round it belonged to. */
function callbacks(doc: TicketDoc) {
  let round = 1;
  const out: OperatorTicketDetail['callbacks'] = [];
  for (const t of doc.timeline ?? []) {
    if (t.status === 'reopened') round++;
    if (t.status !== 'callback') continue;
    out.push({
      at: new Date(t.at).toISOString(),
      round,
      reached: typeof t.reached === 'boolean' ? t.reached : null,
      satisfaction: (t.satisfaction as OperatorTicketDetail['callbacks'][number]['satisfaction']) ?? null,
    });
  }
  return out;
}

export async function presentOperatorDetail(deps: Deps, doc: TicketDoc): Promise<OperatorTicketDetail> {
  const detail = await presentTicketDetail(deps, doc);
  return {
    ...detail,
    ...staffFields(doc),
    ...supervision(deps, doc),
    callbacks: callbacks(doc),
    ratingSources: (doc.ratings ?? []).map((r) => (r.source === 'phone' ? 'phone' : 'app')),
    ...dispatchFields(deps, doc),
    ...(await incidentFields(deps, doc)),
  };
}
