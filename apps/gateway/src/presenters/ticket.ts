// The only shapes of a ticket that leave the server: a summary for lists, the detail for its owner.
import { isFinalStatus, type TicketDetail, type TicketSummary, type TicketStatus } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { maskPhone } from '../lib/ids.js';
import type { TicketDoc } from '../models/ticket.js';
import { ratingBlocker, reopenRequestBlocker, urgeBlocker, withdrawBlocker } from '../policies/ticket.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentTicketSummary(doc: TicketDoc, now: Date): TicketSummary {
  const status = doc.status as TicketStatus;
  const open = !isFinalStatus(status);
  return {
    id: doc._id.toString(),
    number: doc.number,
    kind: doc.kind,
    categoryId: (doc.categoryId as TicketSummary['categoryId']) ?? null,
    status,
    excerpt: doc.description.length > 80 ? `${doc.description.slice(0, 80)}…` : doc.description,
    urgent: Boolean(doc.urgent),
    dueAt: open && doc.dueAt ? iso(doc.dueAt) : null,
    overdue: Boolean(open && doc.dueAt && new Date(doc.dueAt) < now),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

/** This round's 申请重办, if the citizen made one. */
function reopenRequestOf(doc: TicketDoc): { reason: string; at: string } | null {
  const req = (doc.reopenRequests ?? []).find((r) => r.round === (doc.round ?? 1));
  return req ? { reason: req.reason, at: iso(req.at) } : null;
}

/** Citizens who reported the ticket's incident ("已有 N 位市民反映此问题"), or null when it stands alone. */
async function incidentReporters(deps: Deps, doc: TicketDoc): Promise<number | null> {
  if (!doc.incidentId) return null;
  const incident = await deps.models.Incident.findById(doc.incidentId, { ticketIds: 1 }).lean<{ ticketIds: unknown[] }>();
  return incident && incident.ticketIds.length > 1 ? incident.ticketIds.length : null;
}

export async function presentTicketDetail(deps: Deps, doc: TicketDoc): Promise<TicketDetail> {
  const now = deps.now();
  const ttl = deps.config.uploads.mediaUrlTtlSeconds;
  const urlExpiresAt = new Date(now.getTime() + ttl * 1000).toISOString();
  const media = await Promise.all(
    (doc.media ?? []).map(async (m) => ({
      id: m.uploadId,
      kind: m.kind,
      contentType: m.contentType,
      size: m.size,
      url: await deps.storage.presignGet(m.objectKey, ttl),
      urlExpiresAt,
    })),
  );
  return {
    ...presentTicketSummary(doc, now),
    description: doc.description,
    location: doc.location
      ? {
          address: doc.location.address,
          ...(doc.location.district ? { district: doc.location.district } : {}),
          ...(doc.location.street ? { street: doc.location.street } : {}),
          ...(typeof doc.location.lat === 'number' ? { lat: doc.location.lat } : {}),
          ...(typeof doc.location.lng === 'number' ? { lng: doc.location.lng } : {}),
          ...(doc.location.coordSystem ? { coordSystem: doc.location.coordSystem } : {}),
        }
      : null,
    contactPhoneMasked: maskPhone(doc.contactPhone),
    incidentReporters: await incidentReporters(deps, doc),
    anonymous: Boolean(doc.anonymous),
    media,
    timeline: (doc.timeline ?? []).map((t) => ({
      status: t.status as TicketStatus,
      at: iso(t.at),
      actor: { type: t.actor!.type, ...(t.actor?.name ? { name: t.actor.name } : {}) },
      ...(t.department ? { department: t.department } : {}),
      ...(t.reply ? { reply: t.reply } : {}),
      ...(t.reason ? { reason: t.reason } : {}),
      ...(t.hotlineNumber ? { hotlineNumber: t.hotlineNumber } : {}),
    })),
    ratings: (doc.ratings ?? []).map((r) => ({
      satisfaction: r.satisfaction,
      resolved: r.resolved,
      ...(r.comment ? { comment: r.comment } : {}),
      round: r.round,
      at: iso(r.at),
    })),
    canRate: ratingBlocker(deps.config, doc, now) === null,
    canWithdraw: withdrawBlocker(doc) === null,
    canUrge: urgeBlocker(doc, now) === null,
    lastUrgedAt: doc.urges?.length ? iso(doc.urges.at(-1)!.at) : null,
    canRequestReopen: reopenRequestBlocker(deps.config, doc, now) === null,
    reopenRequest: reopenRequestOf(doc),
  };
}
