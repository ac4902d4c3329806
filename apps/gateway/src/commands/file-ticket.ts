// Files a ticket exactly once per Idempotency-Key: the same key and body return the first ticket,
// the same key with another body is a conflict. A unique index decides races between retries.
// The day's quota of filings is spent (and given back unless a ticket is created) by the route's guard.
import { createHash } from 'node:crypto';
import type { Channel, CreateTicket } from '@minhu/shared';
import { computeDeadlines } from '@minhu/shared/deadlines';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { conflict, unprocessable } from '../http/errors.js';
import { toStoredLocation } from '../lib/coords.js';
import { hotlineEvents } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { geoCellOf, matchIncidentAfterFiling } from './match-incident.js';
import { incidentForJoining, joinAtFiling } from './incidents.js';
import { removeEvidence, verifyUploads } from './verify-uploads.js';

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

/**
 * The number the hotline calls back: the one typed on the form, else the citizen's verified phone.
 * A ticket with a name on it is never filed without one (the hotline could not reach the citizen for
 * the callback and the rating); only an anonymous report may go without.
 */
async function callbackNumber(deps: Deps, citizen: FilingCitizen, input: CreateTicket): Promise<string | null> {
  if (input.contactPhone) return input.contactPhone;
  const verified = citizen.phone !== undefined ? citizen.phone : ((await deps.models.Citizen.findById(citizen.id, { phone: 1 }).lean<{ phone?: string }>())?.phone ?? null);
  if (!verified && !input.anonymous) {
    throw unprocessable('callback_phone_required', '请先验证手机号或填写回访电话，以便 12345 热线回访您');
  }
  return verified;
}

/** Who files: the citizen's id, and their verified phone when the caller has already read it (the sign-in check does). */
export interface FilingCitizen {
  id: string;
  phone?: string | null;
}

export async function fileTicket(
  deps: Deps,
  citizen: FilingCitizen,
  input: CreateTicket,
  idempotencyKey: string,
  channel: Channel,
): Promise<FiledTicket> {
  const hash = requestHash(input);
  // A retry with media must be answered before its uploads are checked again (they are attached by
  // then). Without media the unique index alone tells a retry apart, saving a read on every filing.
  if (input.media?.length) {
    const earlier = await replay(deps, citizen.id, idempotencyKey, hash);
    if (earlier) return earlier;
  }

  const contactPhone = await callbackNumber(deps, citizen, input);
  // 附议: the incident is checked before anything is written (404 unknown, 409 closed or another category).
  const location = input.location ? toStoredLocation(input.location) : null;
  const joining = input.incidentId ? await incidentForJoining(deps, input.incidentId, { status: 'submitted', categoryId: input.categoryId ?? null, location }) : null;
  const ticketId = new Types.ObjectId();
  let verified;
  try {
    verified = await verifyUploads(deps, citizen.id, input.media ?? [], ticketId.toString());
  } catch (err) {
    // A concurrent twin of this request may have filed it (and moved the uploads) meanwhile.
    const earlier = input.media?.length ? await replay(deps, citizen.id, idempotencyKey, hash) : null;
    if (earlier) return earlier;
    throw err;
  }
  const media = verified.map(({ uploadKey: _uploadKey, ...m }) => m);
  const now = deps.now();
  const deadlines = computeDeadlines(input.kind, input.urgent ?? false, now, deps.calendar);
  const doc = {
    _id: ticketId,
    number: await deps.ticketNumbers.next(now),
    citizenId: new Types.ObjectId(citizen.id),
    channel,
    kind: input.kind,
    categoryId: input.categoryId ?? null,
    status: 'submitted' as const,
    description: input.description,
    location,
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
    geoCell: geoCellOf(location),
    incidentId: null,
    incidentCandidates: [],
    // Queued with the ticket in one insert: the hotline hears of it even if we crash right after.
    pendingEvents: hotlineEvents(deps.config, 'ticket.created', now),
    idempotencyKey,
    requestHash: hash,
  };
  const stored = { ...doc, createdAt: now, updatedAt: now };
  try {
    await deps.models.Ticket.collection.insertOne(stored);
  } catch (err) {
    await removeEvidence(deps, media.map((m) => m.objectKey)); // this filing did not happen
    if ((err as { code?: number }).code === 11000) {
      // A concurrent request with the same key won the race.
      const winner = await replay(deps, citizen.id, idempotencyKey, hash);
      if (winner) return winner;
    }
    throw err;
  }
  if (verified.length > 0) {
    // Each upload now lives as the ticket's evidence copy; the uploaded original (still writable through
    // its policy until that expires) is removed, so nothing serves or keeps it.
    await deps.models.Upload.bulkWrite(
      verified.map((m) => ({ updateOne: { filter: { _id: m.uploadId, citizenId: citizen.id }, update: { $set: { ticketId, objectKey: m.objectKey } } } })),
    );
    await removeEvidence(deps, verified.map((m) => m.uploadKey));
  }
  if (doc.pendingEvents.length > 0) deps.relay.kick(ticketId, doc.pendingEvents);
  const filed = stored as unknown as TicketDoc;
  if (await joinIncident(deps, filed, joining)) {
    return { ticket: (await deps.models.Ticket.findById(ticketId).lean<TicketDoc>()) ?? filed, created: true };
  }
  return { ticket: filed, created: true };
}

/**
 * The incident a filed ticket belongs to: the one the citizen joined (附议), or one the pair model is
 * confident of. The ticket is filed whatever happens here: a failure is logged and it stands alone.
 * True when the stored ticket changed (joined, or likely matches recorded), so the answer must re-read it.
 */
async function joinIncident(deps: Deps, ticket: TicketDoc, joining: Awaited<ReturnType<typeof incidentForJoining>> | null): Promise<boolean> {
  try {
    if (!joining) return await matchIncidentAfterFiling(deps, ticket);
    await joinAtFiling(deps, ticket, { incident: joining });
    return true;
  } catch (err) {
    deps.logger.warn({ err, ticketId: ticket._id.toString() }, 'incident matching failed; the ticket stands alone');
    return false;
  }
}
