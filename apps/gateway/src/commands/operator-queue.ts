// The built-in back office's ticket queue: every filter of the console, the count per status for its
// tabs, ordered by due time (or newest first), paged by number or by cursor. Filtering, counting and
// ordering run over the in-memory ticket index; the page's tickets are then read fresh from the database.
import { TICKET_STATUSES, type OperatorTicketQuery, type TicketStatus } from '@minhu/shared';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import type { TicketDoc } from '../models/ticket.js';
import { isOpen, isOverdue, type TicketFact } from '../read-model/ticket-facts.js';

export type QueueCounts = Record<TicketStatus | 'all', number>;

export interface QueueResult {
  items: TicketDoc[];
  total: number;
  counts: QueueCounts;
  page: number;
  nextCursor: string | null;
}

/** Everything but the status tab: what the tab counts are counted over. */
function matchesFilters(f: TicketFact, q: OperatorTicketQuery, now: number, words: string[]): boolean {
  if (q.categoryId && f.categoryId !== q.categoryId) return false;
  if (q.kind && f.kind !== q.kind) return false;
  if (q.channel && f.channel !== q.channel) return false;
  if (q.urgent !== undefined && f.urgent !== q.urgent) return false;
  if (q.needsReview !== undefined && f.needsReview !== q.needsReview) return false;
  if (q.overdue !== undefined && isOverdue(f, now) !== q.overdue) return false;
  if (q.department !== undefined && f.department !== (q.department === 'none' ? null : q.department)) return false;
  if (q.from && f.filedDay < q.from) return false;
  if (q.to && f.filedDay > q.to) return false;
  for (const w of words) if (!f.text.includes(w)) return false;
  return true;
}

/** Sort key: `due` puts open tickets first by due time (none last), then final ones by latest change. */
type Key = [number, number, string];
/** An id that sorts the other way round, for newest-first ties. */
const reversedId = (id: string) => id.replace(/[0-9a-f]/g, (c) => (15 - parseInt(c, 16)).toString(16));
function keyOf(f: TicketFact, sort: OperatorTicketQuery['sort']): Key {
  if (sort === 'newest') return [0, -f.createdAt, reversedId(f.id)];
  return isOpen(f) ? [0, f.dueAt ?? Number.MAX_SAFE_INTEGER, f.id] : [1, -f.statusAt, f.id];
}

function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

function encodeCursor(key: Key, sort: string): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): Key {
  try {
    const [s, a, b, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (s === sort && typeof a === 'number' && typeof b === 'number' && typeof id === 'string' && /^[0-9a-f]{24}$/.test(id)) return [a, b, id];
  } catch {
    /* fall through */
  }
  throw badRequest('无效的分页游标', { field: 'cursor' });
}

/** Free text, split into words that must all appear (case-insensitive; no pattern syntax). */
export function searchWords(q: string | undefined): string[] {
  return q ? q.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

export async function operatorQueue(deps: Deps, q: OperatorTicketQuery): Promise<QueueResult> {
  const facts = await deps.ticketIndex.current();
  const now = deps.now().getTime();
  const words = searchWords(q.q);
  const counts = Object.fromEntries([...TICKET_STATUSES, 'all'].map((s) => [s, 0])) as QueueCounts;
  const rows: Array<{ key: Key; fact: TicketFact }> = [];
  for (const f of facts.values()) {
    if (!matchesFilters(f, q, now, words)) continue;
    counts[f.status]++;
    counts.all++;
    if (q.status && f.status !== q.status) continue;
    if (q.open !== undefined && isOpen(f) !== q.open) continue;
    rows.push({ key: keyOf(f, q.sort), fact: f });
  }
  rows.sort((a, b) => compareKeys(a.key, b.key));

  let start = 0;
  let page = q.page ?? 1;
  if (q.cursor) {
    const after = decodeCursor(q.cursor, q.sort);
    start = rows.findIndex((r) => compareKeys(r.key, after) > 0);
    if (start < 0) start = rows.length;
    page = Math.floor(start / q.limit) + 1;
  } else {
    start = (page - 1) * q.limit;
  }
  const slice = rows.slice(start, start + q.limit);
  const hasMore = start + q.limit < rows.length;
  const last = slice.at(-1);

  // The page itself is read from the database: what the table shows is never older than this request.
  const ids = slice.map((r) => new Types.ObjectId(r.fact.id));
  const docs = ids.length ? await deps.models.Ticket.find({ _id: { $in: ids } }, { timeline: 0, pendingEvents: 0 }).lean<TicketDoc[]>() : [];
  const byId = new Map(docs.map((d) => [d._id.toString(), d]));
  return {
    items: slice.map((r) => byId.get(r.fact.id)).filter((d): d is TicketDoc => Boolean(d)),
    total: rows.length,
    counts,
    page,
    nextCursor: hasMore && last ? encodeCursor(last.key, q.sort) : null,
  };
}
