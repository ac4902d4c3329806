// The built-in back office's ticket queue: filter by status, category, overdue (督办), needs review,
// urged by the citizen (催办), and 申请重办 waiting for a decision.
import { FINAL_STATUSES } from '@minhu/shared';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import type { TicketDoc } from '../models/ticket.js';
import { decodeCursor, encodeCursor } from './list-tickets.js';

export interface OperatorQueueQuery {
  status?: string;
  categoryId?: string;
  overdue?: boolean;
  needsReview?: boolean;
  urged?: boolean;
  reopenRequested?: boolean;
  cursor?: string;
  limit: number;
}

export async function operatorQueue(deps: Deps, q: OperatorQueueQuery): Promise<{ items: TicketDoc[]; nextCursor: string | null }> {
  const filter: Record<string, unknown> = {};
  const statusClauses: Record<string, unknown> = {};
  if (q.status) statusClauses.$eq = q.status;
  if (q.overdue !== undefined) {
    const open = { $nin: [...FINAL_STATUSES] };
    if (q.overdue) {
      Object.assign(statusClauses, open);
      filter.dueAt = { $lt: deps.now() };
    } else {
      filter.$or = [{ dueAt: { $gte: deps.now() } }, { dueAt: null }, { status: { $in: [...FINAL_STATUSES] } }];
    }
  }
  if (q.urged !== undefined) {
    if (q.urged) {
      filter['urges.0'] = { $exists: true };
      statusClauses.$nin = [...FINAL_STATUSES];
    } else filter['urges.0'] = { $exists: false };
  }
  if (Object.keys(statusClauses).length) filter.status = statusClauses;
  if (q.categoryId) filter.categoryId = q.categoryId;
  if (q.needsReview !== undefined) filter.needsReview = q.needsReview;
  if (q.reopenRequested !== undefined) filter.reopenRequested = q.reopenRequested ? true : { $ne: true };
  if (q.cursor) filter._id = { $lt: decodeCursor(q.cursor) };
  const docs = await deps.models.Ticket.find(filter, { timeline: 0, pendingEvents: 0 }).sort({ _id: -1 }).limit(q.limit + 1).lean<TicketDoc[]>();
  const items = docs.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > q.limit && last ? encodeCursor(last._id as Types.ObjectId) : null };
}
