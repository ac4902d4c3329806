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

/**
 * Sort key: `due` puts open tickets first by due time (none last), then final ones by latest change,
 * ties by id; `newest` is latest filed first, ties by id from the highest. Numbers and one string, so
 * ordering 100,000 tickets stays a few tens of milliseconds.
 */
interface Key {
  group: number;
  at: number;
  id: string;
}
type Sort = OperatorTicketQuery['sort'];

function keyOf(f: TicketFact, sort: Sort): Key {
  if (sort === 'newest') return { group: 0, at: -f.createdAt, id: f.id };
  return isOpen(f) ? { group: 0, at: f.dueAt ?? Number.MAX_SAFE_INTEGER, id: f.id } : { group: 1, at: -f.statusAt, id: f.id };
}

function comparator(sort: Sort) {
  const idOrder = sort === 'newest' ? -1 : 1;
  return (a: Key, b: Key) => a.group - b.group || a.at - b.at || (a.id < b.id ? -idOrder : a.id > b.id ? idOrder : 0);
}

function encodeCursor(key: Key, sort: string): string {
  return Buffer.from(JSON.stringify([sort, key.group, key.at, key.id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): Key {
  try {
    const [s, group, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (s === sort && typeof group === 'number' && typeof at === 'number' && typeof id === 'string' && /^[0-9a-f]{24}$/.test(id)) return { group, at, id };
  } catch {
    /* fall through */
  }
  throw badRequest('无效的分页游标', { field: 'cursor' });
}

/**
 * The first `k` rows in order. A page needs only those: for the usual first pages they are picked in
 * one pass (binary insertion into a short list) instead of sorting every matching ticket.
 */
export function firstInOrder<T>(rows: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k > 2000 || k >= rows.length) return [...rows].sort(compare).slice(0, k);
  const top: T[] = [];
  for (const r of rows) {
    if (top.length === k && compare(r, top[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(top[mid]!, r) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, r);
    if (top.length > k) top.pop();
  }
  return top;
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
  const rows: Array<Key & { fact: TicketFact }> = [];
  for (const f of facts.values()) {
    if (!matchesFilters(f, q, now, words)) continue;
    counts[f.status]++;
    counts.all++;
    if (q.status && f.status !== q.status) continue;
    if (q.open !== undefined && isOpen(f) !== q.open) continue;
    rows.push({ ...keyOf(f, q.sort), fact: f });
  }
  const compare = comparator(q.sort);
  let start: number;
  let page: number;
  let candidates = rows;
  if (q.cursor) {
    // Keyset paging: what comes after the last ticket seen, wherever new tickets landed meanwhile.
    const after = decodeCursor(q.cursor, q.sort);
    candidates = rows.filter((r) => compare(r, after) > 0);
    start = 0;
    page = Math.floor((rows.length - candidates.length) / q.limit) + 1;
  } else {
    page = q.page ?? 1;
    start = (page - 1) * q.limit;
  }
  const ordered = firstInOrder(candidates, start + q.limit + 1, compare);
  const slice = ordered.slice(start, start + q.limit);
  const hasMore = ordered.length > start + q.limit;
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
    nextCursor: hasMore && last ? encodeCursor(last, q.sort) : null,
  };
}
