// At filing: does this ticket report an incident another recent ticket nearby already reported? The
// candidates come from the geohash cell index (the ticket's cell and its 8 neighbours, the last 7 days,
// still open), never a scan; each pair is scored by the incident pair model (text, topics, category,
// department agreement, distance, time). Confident → the ticket joins that ticket's incident; likely →
// staff see the candidates; a ticket without coordinates is never joined automatically.
import { FINAL_STATUSES } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { cellAndNeighbours, geohash } from '../dispatch/geo.js';
import { JOIN_THRESHOLD, SUGGEST_THRESHOLD } from '../dispatch/incident-fit.js';
import { MAX_HOURS, sameIncidentProbability, type Report } from '../dispatch/incident-match.js';
import type { TicketDoc } from '../models/ticket.js';
import { joinBlocker } from '../policies/incident.js';
import { joinAtFiling } from './incidents.js';
import { ticketChange } from './ticket-change.js';

/** Most candidates compared per filing (the busiest cells of a city rarely hold this many in a week). */
const MAX_CANDIDATES = 200;
/** Candidates shown to staff. */
const SHOWN = 3;
/** How long filing waits for the models of a process that just started. */
const MODEL_WAIT_MS = 3_000;

export function reportOf(t: Pick<TicketDoc, 'description' | 'categoryId' | 'location' | 'createdAt'>): Report {
  const loc = t.location;
  return {
    text: t.description,
    categoryId: t.categoryId ?? null,
    address: loc?.address ?? undefined,
    ...(typeof loc?.lat === 'number' && typeof loc?.lng === 'number' ? { lat: loc.lat, lng: loc.lng } : {}),
    at: new Date(t.createdAt),
  };
}

/** The geohash cell of a ticket's location, or null without coordinates. */
export function geoCellOf(location: TicketDoc['location'] | null | undefined): string | null {
  return typeof location?.lat === 'number' && typeof location?.lng === 'number' ? geohash(location.lat, location.lng, 7) : null;
}

export interface IncidentMatch {
  joined: TicketDoc | null;
  candidates: { ticket: TicketDoc; score: number }[];
}

/** Scores the open tickets near `ticket` (pure reads; nothing written). */
export async function findIncidentMatch(deps: Deps, ticket: TicketDoc): Promise<IncidentMatch> {
  const none = { joined: null, candidates: [] };
  const cell = geoCellOf(ticket.location);
  if (!cell) return none;
  const model = deps.dispatch.incidentModel();
  if (!model) return none;
  const since = new Date(new Date(ticket.createdAt).getTime() - MAX_HOURS * 3_600_000);
  const near = await deps.models.Ticket.find(
    {
      geoCell: { $in: cellAndNeighbours(ticket.location!.lat!, ticket.location!.lng!, 7) },
      createdAt: { $gte: since },
      _id: { $ne: ticket._id },
      status: { $nin: [...FINAL_STATUSES] },
    },
    { number: 1, description: 1, categoryId: 1, location: 1, createdAt: 1, status: 1, incidentId: 1 },
  )
    .sort({ createdAt: -1 })
    .limit(MAX_CANDIDATES)
    .lean<TicketDoc[]>();
  const mine = deps.dispatch.reading(ticket._id.toString(), reportOf(ticket));
  const scored = near
    .map((other) => ({ ticket: other, score: sameIncidentProbability(model, mine, deps.dispatch.reading(other._id.toString(), reportOf(other))) }))
    .filter((c) => c.score >= SUGGEST_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  // Joining needs the same category too: an incident's tickets share one.
  if (best && best.score >= JOIN_THRESHOLD && !joinBlocker(ticket, { status: 'open', categoryId: best.ticket.categoryId })) {
    return { joined: best.ticket, candidates: [] };
  }
  return { joined: null, candidates: scored.slice(0, SHOWN) };
}

/** Runs after a ticket is filed (its filing never depends on it): joins or records candidates; true when the ticket changed. */
export async function matchIncidentAfterFiling(deps: Deps, ticket: TicketDoc): Promise<boolean> {
  if (ticket.incidentId || !geoCellOf(ticket.location)) return false;
  if (!(await deps.dispatch.readyWithin(MODEL_WAIT_MS))) return false;
  const match = await findIncidentMatch(deps, ticket);
  if (match.joined) {
    await joinAtFiling(deps, ticket, { matched: match.joined });
    return true;
  }
  if (match.candidates.length) {
    return ticketChange(deps, ticket._id, {
      where: { incidentId: null },
      set: { incidentCandidates: match.candidates.map((c) => ({ ticketId: c.ticket._id, score: Math.round(c.score * 1000) / 1000 })) },
    });
  }
  return false;
}
