// The 我要反映 form as a locally saved draft: nothing typed or uploaded is lost when the app closes
// or the network drops. Each draft carries the one Idempotency-Key its submission will use.
import { CATEGORY_IDS, TICKET_KINDS, type CategoryId, type TicketDraft, type TicketKind } from '@minhu/shared';
import { z } from 'zod';
import { newIdempotencyKey } from '../lib/ids';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { readJson, writeJson, type KeyValueStore } from '../lib/storage';
import { restoreAttachments, type Attachment } from '../upload/attachments';

export interface ReportDraft {
  version: 1;
  /** Sent as Idempotency-Key on every try of this draft; replaced only when a new draft starts. */
  idempotencyKey: string;
  kind: TicketKind;
  categoryId: CategoryId | null;
  description: string;
  address: string;
  lat?: number;
  lng?: number;
  urgent: boolean;
  anonymous: boolean;
  /** Callback number; empty means the verified phone of the account. */
  contactPhone: string;
  attachments: Attachment[];
  /**
   * 附议: the open incident (from GET /api/incidents/nearby) this report joins; dropped when the place
   * or the category changes, since the incident was found for those.
   */
  incidentId?: string;
  /** Where the draft came from: typed here, or prefilled by the chatbot. */
  source: 'form' | 'chat';
  updatedAt: number;
}

export function emptyDraft(now: number = Date.now(), makeKey: (now: number) => string = newIdempotencyKey): ReportDraft {
  return {
    version: 1,
    idempotencyKey: makeKey(now),
    kind: 'complaint',
    categoryId: null,
    description: '',
    address: '',
    urgent: false,
    anonymous: false,
    contactPhone: '',
    attachments: [],
    source: 'form',
    updatedAt: now,
  };
}

/** Nothing worth keeping: replacing such a draft loses nothing. */
export function isBlankDraft(d: ReportDraft): boolean {
  return !d.description.trim() && !d.address.trim() && d.attachments.length === 0 && !d.contactPhone.trim();
}

const AttachmentSavedSchema = z.looseObject({
  localId: z.string(),
  kind: z.enum(['image', 'video']),
  path: z.string(),
  contentType: z.string(),
  size: z.number(),
  savedPath: z.string().optional(),
  savedSize: z.number().optional(),
  savedThumb: z.string().optional(),
  status: z.enum(['queued', 'compressing', 'uploading', 'done', 'failed']),
  progress: z.number(),
  retryable: z.boolean(),
  attempts: z.number(),
});

/** Shape check of what we saved ourselves: a corrupt or older draft is dropped, never crashes the page. */
const SavedDraftSchema = z.looseObject({
  version: z.literal(1),
  idempotencyKey: z.string().min(8),
  kind: z.enum(TICKET_KINDS),
  categoryId: z.enum(CATEGORY_IDS).nullable(),
  description: z.string(),
  address: z.string(),
  lat: z.number().optional(),
  lng: z.number().optional(),
  urgent: z.boolean(),
  anonymous: z.boolean(),
  contactPhone: z.string(),
  incidentId: z.string().optional(),
  attachments: z.array(AttachmentSavedSchema),
  source: z.enum(['form', 'chat']),
  updatedAt: z.number(),
});

export function saveDraft(store: KeyValueStore, draft: ReportDraft): boolean {
  return writeJson(store, STORAGE_KEYS.reportDraft, draft);
}

/** Removes the saved draft (a blank form has nothing worth keeping). */
export function forgetDraft(store: KeyValueStore): void {
  store.remove(STORAGE_KEYS.reportDraft);
}

/**
 * Reads the saved draft. Attachments with a kept copy of their file come back usable (finished ones
 * as they were, unfinished ones queued again); the others come back failed (see restoreAttachments).
 */
export function restoreDraft(store: KeyValueStore): ReportDraft | null {
  const raw = readJson<unknown>(store, STORAGE_KEYS.reportDraft);
  const parsed = SavedDraftSchema.safeParse(raw);
  if (!parsed.success) return null;
  const d = parsed.data as unknown as ReportDraft;
  return { ...d, attachments: restoreAttachments(d.attachments) };
}

export function clearDraft(store: KeyValueStore): void {
  store.remove(STORAGE_KEYS.reportDraft);
}

/**
 * Fills the form from the chatbot's draft. A blank draft keeps its key (it was never sent);
 * replacing real content starts a new draft with a new key, so it can never be mistaken for the old one.
 */
export function fromChatDraft(current: ReportDraft, chat: TicketDraft, now: number = Date.now(), makeKey = newIdempotencyKey): ReportDraft {
  // The chatbot's category may differ: an incident joined for the old one does not carry over.
  const { incidentId: _joined, ...base } = isBlankDraft(current) ? current : emptyDraft(now, makeKey);
  return {
    ...base,
    kind: chat.kind,
    categoryId: chat.categoryId,
    description: chat.description.slice(0, 2000),
    address: chat.location?.address ?? base.address,
    source: 'chat',
    updatedAt: now,
  };
}

/** The chatbot hands its draft to the report tab through storage (tab pages take no query parameters). */
export function putHandoff(store: KeyValueStore, chat: TicketDraft): void {
  writeJson(store, STORAGE_KEYS.reportHandoff, chat);
}

export function takeHandoff(store: KeyValueStore): TicketDraft | null {
  const value = readJson<TicketDraft>(store, STORAGE_KEYS.reportHandoff);
  store.remove(STORAGE_KEYS.reportHandoff);
  return value && typeof value.description === 'string' && typeof value.kind === 'string' ? value : null;
}
