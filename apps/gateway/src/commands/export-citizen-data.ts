// PIPL's right of access: everything Minhu holds about a citizen, in one answer — the account with
// the full phone, every ticket with its timeline, ratings and media links, the chat conversations
// kept under the account, and uploads not (yet) filed.
import type { Deps } from '../deps.js';
import type { CitizenDoc } from '../models/citizen.js';
import type { ConversationDoc } from '../models/conversation.js';
import type { TicketDoc } from '../models/ticket.js';
import type { UploadDoc } from '../models/upload.js';
import { presentTicketDetail } from '../presenters/ticket.js';

const iso = (d?: Date | null) => (d ? new Date(d).toISOString() : null);

export async function exportCitizenData(deps: Deps, citizenId: string) {
  const { Citizen, Ticket, Conversation, Upload } = deps.models;
  const [citizen, tickets, conversations, uploads] = await Promise.all([
    Citizen.findById(citizenId).lean<CitizenDoc>(),
    Ticket.find({ citizenId }).sort({ _id: 1 }).lean<TicketDoc[]>(),
    Conversation.find({ citizenId }).sort({ createdAt: 1 }).lean<ConversationDoc[]>(),
    Upload.find({ citizenId, ticketId: null }).sort({ createdAt: 1 }).lean<UploadDoc[]>(),
  ]);
  const ttl = deps.config.uploads.mediaUrlTtlSeconds;
  return {
    exportedAt: deps.now().toISOString(),
    citizen: {
      id: citizenId,
      phone: citizen?.phone ?? null,
      phoneVerifiedBy: citizen?.phoneVerifiedBy ?? null,
      phoneVerifiedAt: iso(citizen?.phoneVerifiedAt),
      wechatLinked: Boolean(citizen?.wechatOpenId),
      subscriptionGrants: citizen?.subscriptionGrants ?? {},
      createdAt: iso((citizen as { createdAt?: Date } | null)?.createdAt),
      lastLoginAt: iso(citizen?.lastLoginAt),
    },
    tickets: await Promise.all(
      tickets.map(async (t) => ({ ...(await presentTicketDetail(deps, t)), contactPhone: t.contactPhone ?? null, channel: t.channel })),
    ),
    conversations: conversations.map((c) => ({
      id: c._id,
      channel: c.channel,
      startedAt: iso((c as { createdAt?: Date }).createdAt),
      messages: (c.messages ?? []).map((m) => ({ role: m.role, text: m.text, at: iso(m.at) })),
    })),
    unfiledUploads: await Promise.all(
      uploads.map(async (u) => ({
        id: u._id,
        kind: u.kind,
        contentType: u.contentType,
        size: u.size,
        createdAt: iso((u as { createdAt?: Date }).createdAt),
        url: await deps.storage.presignGet(u.objectKey, ttl),
      })),
    ),
  };
}
