// The ticket as the city's hotline system receives it: everything staff need to work it, including
// the callback number (the hotline sees identity even for anonymous tickets) and media links that live
// at most an hour (HOTLINE_MEDIA_URL_TTL_SECONDS): a link in a log or a forwarded message soon expires,
// and every delivery attempt builds the body anew, so a retried event carries fresh links.
import type { Deps } from '../deps.js';
import type { TicketDoc } from '../models/ticket.js';


export async function presentTicketForHotline(deps: Deps, doc: TicketDoc) {
  return {
    id: doc._id.toString(),
    number: doc.number,
    hotlineRef: doc.hotlineRef ?? null,
    channel: doc.channel,
    kind: doc.kind,
    categoryId: doc.categoryId ?? null,
    status: doc.status,
    description: doc.description,
    location: doc.location ?? null,
    contactPhone: doc.contactPhone ?? null,
    anonymous: Boolean(doc.anonymous),
    urgent: Boolean(doc.urgent),
    round: doc.round ?? 1,
    dueAt: doc.dueAt ? new Date(doc.dueAt).toISOString() : null,
    createdAt: new Date(doc.createdAt).toISOString(),
    media: await Promise.all(
      (doc.media ?? []).map(async (m) => ({
        id: m.uploadId,
        kind: m.kind,
        contentType: m.contentType,
        size: m.size,
        url: await deps.storage.presignGet(m.objectKey, deps.config.hotline.mediaUrlTtlSeconds),
        urlExpiresAt: new Date(deps.now().getTime() + deps.config.hotline.mediaUrlTtlSeconds * 1000).toISOString(),
      })),
    ),
    ratings: (doc.ratings ?? []).map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
  };
}
