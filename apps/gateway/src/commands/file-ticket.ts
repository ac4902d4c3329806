// Files a ticket exactly once per Idempotency-Key: the same key and body return the first ticket,
// the same key with another body is a conflict. A unique index decides races between retries.
import { createHash } from 'node:crypto';
import type { CreateTicket } from '@minhu/shared';
import { computeDeadlines } from '@minhu/shared/deadlines';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { conflict } from '../http/errors.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { nextTicketNumber } from './ticket-number.js';
import { verifyUploads } from './verify-uploads.js';

export type TicketChannel = 'miniprogram' | 'h5' | 'official-account' | 'api';

/** Canonical JSON (sorted keys) so that key order never makes a retry look different. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(input: CreateTicket): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}

export interface FiledTicket {
  ticket: TicketDoc;
  /** False when an earlier request with the same key already filed it. */
  created: boolean;
}

async function replay(deps: Deps, citizenId: string, key: string, hash: string): Promise<FiledTicket | null> {
  const existing = await deps.models.Ticket.findOne({ citizenId, idempotencyKey: key }).lean<TicketDoc>();
  if (!existing) return null;
  if (existing.requestHash !== hash) {
    throw conflict('idempotency_key_reused', '该提交编号已用于另一份不同的工单，请刷新后重新提交', { ticketId: existing._id.toString() });
  }
  return { ticket: existing, created: false };
}

export async function fileTicket(
  deps: Deps,
  citizen: { id: string },
  input: CreateTicket,
  idempotencyKey: string,
  channel: TicketChannel,
): Promise<FiledTicket> {
  const hash = requestHash(input);
  // A retry with media must be answered before its uploads are checked again (they are attached by
  // then). Without media the unique index alone tells a retry apart, saving a read on every filing.
  if (input.media?.length) {
    const earlier = await replay(deps, citizen.id, idempotencyKey, hash);
    if (earlier) return earlier;
  }

  const media = await verifyUploads(deps, citizen.id, input.media ?? []);
  const now = deps.now();
  const ticketId = new Types.ObjectId();
  // The callback number defaults to the login phone (WeChat-only citizens have none).
  const contactPhone =
    input.contactPhone ?? (await deps.models.Citizen.findById(citizen.id, { phone: 1 }).lean<{ phone?: string }>())?.phone ?? null;
  const deadlines = computeDeadlines(input.kind, input.urgent ?? false, now, deps.calendar);
  const doc = {
    _id: ticketId,
    number: await nextTicketNumber(deps, now),
    citizenId: new Types.ObjectId(citizen.id),
    channel,
    kind: input.kind,
    categoryId: input.categoryId ?? null,
    status: 'submitted' as const,
    description: input.description,
    location: input.location ?? null,
    contactPhone,
    anonymous: input.anonymous ?? false,
    urgent: input.urgent ?? false,
    media,
    timeline: [{ status: 'submitted' as const, at: now, actor: { type: 'citizen' as const } }],
    ratings: [],
    round: 1,
    dueAt: deadlines.dueAt,
    statusAt: now,
    hotlineRef: null,
    ownerDepartment: null,
    needsReview: false,
    // Queued with the ticket in one insert: the hotline hears of it even if we crash right after.
    pendingEvents: hotlineEvents(deps.config, 'ticket.created', now),
    idempotencyKey,
    requestHash: hash,
  };
  const stored = { ...doc, createdAt: now, updatedAt: now };
  try {
    await deps.models.Ticket.collection.insertOne(stored);
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      // A concurrent request with the same key won the race.
      const winner = await replay(deps, citizen.id, idempotencyKey, hash);
      if (winner) return winner;
    }
    throw err;
  }
  if (media.length > 0) {
    await deps.models.Upload.updateMany({ _id: { $in: media.map((m) => m.uploadId) }, citizenId: citizen.id }, { $set: { ticketId } });
  }
  if (doc.pendingEvents.length > 0) deps.relay.kick(ticketId);
  return { ticket: stored as unknown as TicketDoc, created: true };
}
