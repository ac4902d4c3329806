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
  if (q.urged !== undefined && (f.urged && isOpen(f)) !== q.urged) return false;
  if (q.reopenRequested !== undefined && f.reopenRequested !== q.reopenRequested) return false;
  if (q.department !== undefined && f.department !== (q.department === 'none' ? null : q.department)) return false;
  if (q.from && f.filedDay < q.from) return false;
  if (q.to && f.filedDay > q.to) return false;
  for (const w of words) if (!f.text.includes(w)) return false;
  return true;
}

/**
 * The order: `due` puts open tickets first by due time (none last), then final ones by latest change,
 * ties by id; `newest` is latest filed first, ties by id from the highest. Compared straight from the
 * facts — no object per ticket per request, which at 100,000 tickets cost more in garbage collection
 * than the sorting itself.
 */
interface Key {
  group: number;
  at: number;
  id: string;
}
type Sort = OperatorTicketQuery['sort'];

const groupOf = (f: TicketFact, sort: Sort) => (sort === 'newest' || isOpen(f) ? 0 : 1);
function atOf(f: TicketFact, sort: Sort): number {
  if (sort === 'newest') return -f.createdAt;
  return isOpen(f) ? (f.dueAt ?? Number.MAX_SAFE_INTEGER) : -f.statusAt;
}

function compareParts(sort: Sort, ga: number, aa: number, ida: string, gb: number, ab: number, idb: string): number {
  const idOrder = sort === 'newest' ? -1 : 1;
  return ga - gb || aa - ab || (ida < idb ? -idOrder : ida > idb ? idOrder : 0);
}

/** One number per ticket that orders like `compareFacts` up to ties: the group, then the time. */
const rankOf = (sort: Sort) => (f: TicketFact) => groupOf(f, sort) * 1e13 + Math.min(atOf(f, sort), 5e12);

const compareFacts = (sort: Sort) => (a: TicketFact, b: TicketFact) => compareParts(sort, groupOf(a, sort), atOf(a, sort), a.id, groupOf(b, sort), atOf(b, sort), b.id);
const keyOf = (f: TicketFact, sort: Sort): Key => ({ group: groupOf(f, sort), at: atOf(f, sort), id: f.id });

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
 * The first `k` rows in order, without comparing them all with each other: every row's position is one
 * number (`rank`: smaller first), native-sorted to find the k-th; only the rows up to it are then
 * ordered fully (`compare` also breaks ties).
 */
export function firstInOrder<T>(rows: T[], k: number, rank: (r: T) => number, compare: (a: T, b: T) => number): T[] {
  if (k >= rows.length) return [...rows].sort(compare);
  if (k <= 0) return [];
  const ranks = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) ranks[i] = rank(rows[i]!);
  const threshold = ranks.slice().sort()[k - 1]!;
  const picked: T[] = [];
  for (let i = 0; i < rows.length; i++) if (ranks[i]! <= threshold) picked.push(rows[i]!);
  return picked.sort(compare).slice(0, k);
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
  const rows: TicketFact[] = [];
  for (const f of facts.values()) {
    if (!matchesFilters(f, q, now, words)) continue;
    counts[f.status]++;
    counts.all++;
    if (q.status && f.status !== q.status) continue;
    if (q.open !== undefined && isOpen(f) !== q.open) continue;
    rows.push(f);
  }
  const compare = compareFacts(q.sort);
  let start: number;
  let page: number;
  let candidates = rows;
  if (q.cursor) {
    // Keyset paging: what comes after the last ticket seen, wherever new tickets landed meanwhile.
    const after = decodeCursor(q.cursor, q.sort);
    candidates = rows.filter((f) => compareParts(q.sort, groupOf(f, q.sort), atOf(f, q.sort), f.id, after.group, after.at, after.id) > 0);
    start = 0;
    page = Math.floor((rows.length - candidates.length) / q.limit) + 1;
  } else {
    page = q.page ?? 1;
    start = (page - 1) * q.limit;
  }
  const ordered = firstInOrder(candidates, start + q.limit + 1, rankOf(q.sort), compare);
  const slice = ordered.slice(start, start + q.limit);
  const hasMore = ordered.length > start + q.limit;
  const last = slice.at(-1);

  // The page itself is read from the database: what the table shows is never older than this request.
  const ids = slice.map((f) => new Types.ObjectId(f.id));
  const docs = ids.length ? await deps.models.Ticket.find({ _id: { $in: ids } }, { timeline: 0, pendingEvents: 0 }).lean<TicketDoc[]>() : [];
  const byId = new Map(docs.map((d) => [d._id.toString(), d]));
  return {
    items: slice.map((f) => byId.get(f.id)).filter((d): d is TicketDoc => Boolean(d)),
    total: rows.length,
    counts,
    page,
    nextCursor: hasMore && last ? encodeCursor(keyOf(last, q.sort), q.sort) : null,
  };
}
