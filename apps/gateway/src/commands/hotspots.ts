// Hotspots: where many citizens report the same kind of problem. Tickets of the last N days are grouped
// by category and place — the street they gave, else a geohash cell of about 1.2 × 0.6 km — and each
// group is compared with the same place and category in the N days before. Computed over the in-memory
// ticket index (no query per request), biggest first.
import type { CategoryId, Hotspot } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { geohash } from '../dispatch/geo.js';
import type { TicketFact } from '../read-model/ticket-facts.js';

/** Groups shown at most. */
const MAX_HOTSPOTS = 50;
/** Ticket ids listed per hotspot at most. */
const MAX_IDS = 100;
/** A hotspot is at least this many tickets in the period. */
const MIN_COUNT = 2;

interface Group {
  categoryId: CategoryId | null;
  street: string | null;
  count: number;
  previous: number;
  latSum: number;
  lngSum: number;
  points: number;
  recent: TicketFact[];
}

/** The place a ticket is counted at, or null when it gave neither a street nor a point. */
function placeOf(f: TicketFact): string | null {
  if (f.street) return `s:${f.street}`;
  if (f.lat !== null && f.lng !== null) return `g:${geohash(f.lat, f.lng, 6)}`;
  return null;
}

export async function hotspots(deps: Deps, days: number): Promise<{ items: Hotspot[]; days: number }> {
  const facts = await deps.ticketIndex.current();
  const now = deps.now().getTime();
  const span = days * 86_400_000;
  const since = now - span;
  const before = since - span;
  const groups = new Map<string, Group>();
  for (const f of facts.values()) {
    if (f.createdAt < before) continue;
    const place = placeOf(f);
    if (!place) continue;
    const key = `${f.categoryId ?? '-'}|${place}`;
    let g = groups.get(key);
    if (!g) {
      g = { categoryId: f.categoryId, street: f.street, count: 0, previous: 0, latSum: 0, lngSum: 0, points: 0, recent: [] };
      groups.set(key, g);
    }
    if (f.createdAt < since) {
      g.previous++;
      continue;
    }
    g.count++;
    g.recent.push(f);
    if (f.lat !== null && f.lng !== null) {
      g.latSum += f.lat;
      g.lngSum += f.lng;
      g.points++;
    }
  }
  const items = [...groups.values()]
    // A place is only placed on a map by tickets that gave a point.
    .filter((g) => g.count >= MIN_COUNT && g.points > 0)
    .sort((a, b) => b.count - a.count || b.count - b.previous - (a.count - a.previous))
    .slice(0, MAX_HOTSPOTS)
    .map((g) => ({
      categoryId: g.categoryId,
      street: g.street,
      center: { lat: round(g.latSum / g.points), lng: round(g.lngSum / g.points) },
      count: g.count,
      ticketIds: g.recent
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, MAX_IDS)
        .map((f) => f.id),
      trend: g.count - g.previous,
      previousCount: g.previous,
    }));
  return { items, days };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
