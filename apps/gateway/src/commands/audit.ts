// The audit log's one door: every staff action writes one entry through recordAudit (after the action
// succeeded — a refused or failed action throws before it gets here — and, for what staff *read*,
// before the answer leaves, so nothing is revealed unrecorded). listAudit pages the log newest first.
import type { AuditAction, AuditQuery, StaffRole } from '@minhu/shared';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { maskPhone } from '../lib/ids.js';
import type { AuditEntryDoc } from '../models/audit-entry.js';

/** Who acted, from where. */
export interface AuditActor {
  staffId: string;
  username: string;
  role: StaffRole;
  ip: string;
}

type Detail = string | number | boolean | null;

/** What was done, to what. */
export interface AuditRecord {
  action: AuditAction;
  /** The ticket concerned. */
  ticket?: { id: Types.ObjectId | string; number: string };
  /** Another object concerned: an FAQ entry id, a staff user name, an outbox event id. */
  target?: string;
  /** A few small facts about the action. */
  details?: Record<string, Detail | undefined>;
}

const MAX_DETAILS = 12;
const MAX_TEXT = 200;
/** Mainland mobile numbers anywhere in a text. */
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Details stay small and never carry a phone number, whatever a caller passes. */
function cleanDetails(details: AuditRecord['details'] = {}): Record<string, Detail> {
  const out: Record<string, Detail> = {};
  for (const [key, value] of Object.entries(details).slice(0, MAX_DETAILS)) {
    if (value === undefined) continue;
    out[key.slice(0, 40)] = typeof value === 'string' ? value.replace(PHONE, (p) => maskPhone(p)!).slice(0, MAX_TEXT) : value;
  }
  return out;
}

export async function recordAudit(deps: Pick<Deps, 'models' | 'now'>, actor: AuditActor, record: AuditRecord): Promise<void> {
  await deps.models.AuditEntry.create({
    staffId: new Types.ObjectId(actor.staffId),
    username: actor.username,
    role: actor.role,
    action: record.action,
    ticketId: record.ticket ? new Types.ObjectId(String(record.ticket.id)) : null,
    ticketNumber: record.ticket?.number ?? null,
    target: record.target ?? null,
    details: cleanDetails(record.details),
    ip: actor.ip || 'unknown',
    at: deps.now(),
  });
}

/** `<epoch ms>.<entry id>` of the last entry on a page: the next page starts strictly after it. */
function encodeCursor(doc: AuditEntryDoc): string {
  return `${new Date(doc.at).getTime()}.${doc._id.toHexString()}`;
}

export async function listAudit(deps: Pick<Deps, 'models'>, q: AuditQuery): Promise<{ items: AuditEntryDoc[]; nextCursor: string | null }> {
  const filter: Record<string, unknown> = {};
  if (q.ticketId) filter.ticketId = new Types.ObjectId(q.ticketId);
  if (q.ticketNumber) filter.ticketNumber = q.ticketNumber;
  if (q.staff) filter.username = q.staff;
  if (q.action) filter.action = q.action;
  if (q.cursor) {
    const [ms, id] = q.cursor.split('.');
    const at = new Date(Number(ms));
    filter.$or = [{ at: { $lt: at } }, { at, _id: { $lt: new Types.ObjectId(id) } }];
  }
  const docs = await deps.models.AuditEntry.find(filter).sort({ at: -1, _id: -1 }).limit(q.limit + 1).lean<AuditEntryDoc[]>();
  const items = docs.slice(0, q.limit);
  return { items, nextCursor: docs.length > q.limit ? encodeCursor(items.at(-1)!) : null };
}
