// Before filing: the open incidents of the same kind near the place a citizen chose, so they may 附议
// (join one) instead of filing an unrelated report. What a citizen sees of others' reports is kept
// small: the category, the place, how many reported it, and the first words of the lead report with any
// run of digits (a phone number, a plate, a door number) masked.
import { NEARBY_INCIDENT_METRES, type LocationInput, type NearbyIncident } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { cellAndNeighbours, distanceMetres } from '../dispatch/geo.js';
import { toStoredLocation } from '../lib/coords.js';
import type { IncidentDoc } from '../models/incident.js';
import type { TicketDoc } from '../models/ticket.js';

const SHOWN = 5;

/** The first words of a report, safe to show another citizen. */
export function publicSummary(text: string): string {
  const masked = text.replace(/\d{3,}/g, (d) => '*'.repeat(d.length)).replace(/\s+/g, ' ').trim();
  return masked.length > 60 ? `${masked.slice(0, 60)}…` : masked;
}

export async function nearbyIncidents(deps: Deps, q: { lat: number; lng: number; coordSystem: LocationInput['coordSystem']; categoryId?: string }): Promise<NearbyIncident[]> {
  const here = toStoredLocation({ address: '-', lat: q.lat, lng: q.lng, coordSystem: q.coordSystem });
  const point = { lat: here.lat!, lng: here.lng! };
  // A 6-character cell is about 1.2 × 0.6 km: the point's cell and its neighbours cover 300 m around it.
  const filter: Record<string, unknown> = { status: 'open', geoCell6: { $in: cellAndNeighbours(point.lat, point.lng, 6) } };
  if (q.categoryId) filter.categoryId = q.categoryId;
  const found = await deps.models.Incident.find(filter)
    .limit(200)
    .lean<IncidentDoc[]>();
  const near = found
    .filter((i) => typeof i.lat === 'number' && typeof i.lng === 'number')
    .map((i) => ({ incident: i, metres: distanceMetres(point, { lat: i.lat!, lng: i.lng! }) }))
    .filter((x) => x.metres <= NEARBY_INCIDENT_METRES)
    .sort((a, b) => a.metres - b.metres)
    .slice(0, SHOWN);
  const leads = near.length
    ? await deps.models.Ticket.find({ _id: { $in: near.map((x) => x.incident.leadTicketId) } }, { description: 1 }).lean<TicketDoc[]>()
    : [];
  const text = new Map(leads.map((t) => [t._id.toString(), t.description]));
  return near.map(({ incident, metres }) => ({
    id: incident._id.toString(),
    categoryId: (incident.categoryId as NearbyIncident['categoryId']) ?? null,
    summary: publicSummary(text.get(incident.leadTicketId.toString()) ?? ''),
    address: incident.address ?? null,
    distanceMetres: Math.round(metres),
    reporters: incident.ticketIds.length,
    lastReportAt: new Date(incident.lastReportAt).toISOString(),
  }));
}
