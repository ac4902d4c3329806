// The citizen's own tickets, newest first, paged by an opaque cursor (the last id seen).
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import type { TicketDoc } from '../models/ticket.js';
import { ticketScope } from '../policies/staff.js';

export function encodeCursor(id: Types.ObjectId): string {
  return Buffer.from(id.toHexString(), 'hex').toString('base64url');
}

export function decodeCursor(cursor: string): Types.ObjectId {
  const hex = Buffer.from(cursor, 'base64url').toString('hex');
  if (!/^[0-9a-f]{24}$/.test(hex)) throw badRequest('无效的分页游标', { field: 'cursor' });
  return new Types.ObjectId(hex);
}

export async function listCitizenTickets(
  deps: Deps,
  citizenId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: TicketDoc[]; nextCursor: string | null }> {
  const filter: Record<string, unknown> = { citizenId: new Types.ObjectId(citizenId) };
  if (page.cursor) filter._id = { $lt: decodeCursor(page.cursor) };
  const docs = await deps.models.Ticket.find(filter, { timeline: 0 })
    .sort({ _id: -1 })
    .limit(page.limit + 1)
    .lean<TicketDoc[]>();
  const items = docs.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > page.limit && last ? encodeCursor(last._id) : null };
}

/** One ticket of this citizen, or null: another citizen's ticket is indistinguishable from none. */
export async function findCitizenTicket(deps: Deps, citizenId: string, ticketId: string): Promise<TicketDoc | null> {
  if (!Types.ObjectId.isValid(ticketId) || !/^[0-9a-f]{24}$/i.test(ticketId)) return null;
  const scope = ticketScope({ kind: 'citizen', id: citizenId });
  return scope && deps.models.Ticket.findOne({ ...scope, _id: new Types.ObjectId(ticketId) }).lean<TicketDoc>();
}
