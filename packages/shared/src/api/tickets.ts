/** Ticket filing, listing, detail, rating and withdrawal: the citizen-side contract. */
import { z } from 'zod';
import { CategoryIdSchema } from '../categories.js';
import { MainlandPhoneSchema, pageSchema } from './common.js';
import { MEDIA_LIMITS, TicketKindSchema, TicketStatusSchema } from '../tickets.js';

/**
 * Coordinate systems. Maps in China and WeChat's location APIs use GCJ-02; browsers' geolocation gives
 * WGS-84. The API stores and answers GCJ-02 only: a WGS-84 point is converted when it comes in.
 */
export const COORD_SYSTEMS = ['gcj02', 'wgs84'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];
/** The system every stored and answered coordinate is in. */
export const STORED_COORD_SYSTEM = 'gcj02' as const;

const locationFields = {
  /** Address as the citizen describes it. */
  address: z.string().trim().min(2).max(200),
  /** District (区/县), if known. */
  district: z.string().trim().max(50).optional(),
  /** Street or town (街道/镇), if known. */
  street: z.string().trim().max(50).optional(),
  /** Latitude, in `coordSystem`. */
  lat: z.number().min(-90).max(90).optional(),
  /** Longitude, in `coordSystem`. */
  lng: z.number().min(-180).max(180).optional(),
};

/** Where the problem is, as a client sends it: coordinates must say their system. */
export const LocationSchema = z
  .strictObject({
    ...locationFields,
    /** `gcj02` (WeChat, Chinese maps) or `wgs84` (a browser's GPS); required with lat/lng. */
    coordSystem: z.enum(COORD_SYSTEMS).optional(),
  })
  .superRefine((v, ctx) => {
    const hasLat = v.lat !== undefined;
    if (hasLat !== (v.lng !== undefined)) ctx.addIssue({ code: 'custom', path: [hasLat ? 'lng' : 'lat'], message: '经纬度须同时提供' });
    if (hasLat && !v.coordSystem) ctx.addIssue({ code: 'custom', path: ['coordSystem'], message: '请注明坐标系（gcj02 或 wgs84）' });
  });
export type LocationInput = z.infer<typeof LocationSchema>;

/** Where the problem is, as the API answers it: coordinates (when present) are GCJ-02 and say so. */
export const StoredLocationSchema = z.object({
  ...locationFields,
  /** Always `gcj02` when lat/lng are present. */
  coordSystem: z.literal(STORED_COORD_SYSTEM).optional(),
});
export type Location = z.infer<typeof StoredLocationSchema>;

export const TICKET_DESCRIPTION_MIN = 10;
export const TICKET_DESCRIPTION_MAX = 2000;

/** POST /api/tickets (with an `Idempotency-Key` header). */
export const CreateTicketSchema = z.strictObject({
  /** 咨询 / 投诉 / 求助 / 举报 / 建议 / 表扬. */
  kind: TicketKindSchema,
  /** One of the 18 categories, when the citizen or the chatbot picked one. */
  categoryId: CategoryIdSchema.optional(),
  /** What happened, in the citizen's words (10–2000 characters). */
  description: z.string().trim().min(TICKET_DESCRIPTION_MIN, `问题描述至少 ${TICKET_DESCRIPTION_MIN} 个字`).max(TICKET_DESCRIPTION_MAX),
  /** Where it happened. */
  location: LocationSchema.optional(),
  /** Number the hotline calls back; defaults to the login phone. */
  contactPhone: MainlandPhoneSchema.optional(),
  /** Hide the citizen's identity from the department (the hotline still sees it). */
  anonymous: z.boolean().optional(),
  /** Urgent help: faster time limits (30 min contact, 1 h on site, 2 working days). */
  urgent: z.boolean().optional(),
  /** Upload ids from POST /api/uploads: at most 9 images and 3 videos. */
  media: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, '无效的上传编号'))
    .max(MEDIA_LIMITS.image.maxPerTicket + MEDIA_LIMITS.video.maxPerTicket)
    .refine((ids) => new Set(ids).size === ids.length, '附件重复')
    .optional(),
  /** 附议: an open incident from GET /api/incidents/nearby this report joins (same category, near the location given). */
  incidentId: z.string().regex(/^[0-9a-f]{24}$/, '无效的事件编号').optional(),
});
export type CreateTicket = z.infer<typeof CreateTicketSchema>;

/** Who did something on the timeline. */
export const ActorSchema = z.object({
  /** citizen, operator (builtin back office), hotline (the city's system) or system. */
  type: z.enum(['citizen', 'operator', 'hotline', 'system']),
  /** Display name (an operator's name), when shown. */
  name: z.string().optional(),
});

/** One status change. */
export const TimelineEntrySchema = z.object({
  /** The status the ticket entered. */
  status: TicketStatusSchema,
  /** When (ISO 8601). */
  at: z.string(),
  /** Who moved it. */
  actor: ActorSchema,
  /** Department the ticket was dispatched to. */
  department: z.string().optional(),
  /** The department's reply. */
  reply: z.string().optional(),
  /** Reason for rejection or reopening. */
  reason: z.string().optional(),
  /** Hotline's own ticket number, when it gave one. */
  hotlineNumber: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A photo or video on a ticket, with a short-lived link. */
export const TicketMediaSchema = z.object({
  /** Upload id. */
  id: z.string(),
  /** image or video. */
  kind: z.enum(['image', 'video']),
  /** MIME type. */
  contentType: z.string(),
  /** Size in bytes. */
  size: z.number(),
  /** Presigned GET URL, valid until `urlExpiresAt`. */
  url: z.string(),
  /** When `url` stops working (ISO 8601). */
  urlExpiresAt: z.string(),
});
export type TicketMedia = z.infer<typeof TicketMediaSchema>;

/** A rating the citizen gave after the callback. */
export const RatingSchema = z.object({
  /** 满意 / 基本满意 / 不满意. */
  satisfaction: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']),
  /** Whether the problem was solved. */
  resolved: z.boolean(),
  /** Optional words from the citizen. */
  comment: z.string().optional(),
  /** Which round (1, then 2 after a reopening …). */
  round: z.number().int(),
  /** When (ISO 8601). */
  at: z.string(),
});
export type Rating = z.infer<typeof RatingSchema>;

/** Ticket as listed. */
export const TicketSummarySchema = z.object({
  /** Ticket id (for URLs). */
  id: z.string(),
  /** Human-readable number, e.g. MH20261122000123. */
  number: z.string(),
  /** Kind of request. */
  kind: TicketKindSchema,
  /** Category, or null. */
  categoryId: CategoryIdSchema.nullable(),
  /** Current status. */
  status: TicketStatusSchema,
  /** First 80 characters of the description. */
  excerpt: z.string(),
  /** Urgent help. */
  urgent: z.boolean(),
  /** When the ticket is due (ISO 8601), or null once final. */
  dueAt: z.string().nullable(),
  /** Past its due date and still open (督办). */
  overdue: z.boolean(),
  /** Filed at (ISO 8601). */
  createdAt: z.string(),
  /** Last change (ISO 8601). */
  updatedAt: z.string(),
});
export type TicketSummary = z.infer<typeof TicketSummarySchema>;

/** Ticket with everything the owner may see. */
export const TicketDetailSchema = TicketSummarySchema.extend({
  /** Full description. */
  description: z.string(),
  /** Location, if given (coordinates in GCJ-02). */
  location: StoredLocationSchema.nullable(),
  /** Callback number, masked. */
  contactPhoneMasked: z.string().nullable(),
  /** Filed anonymously. */
  anonymous: z.boolean(),
  /** Photos and videos. */
  media: z.array(TicketMediaSchema),
  /** One entry per status change, oldest first. */
  timeline: z.array(TimelineEntrySchema),
  /** Ratings given, oldest first. */
  ratings: z.array(RatingSchema),
  /** Whether the owner may rate now. */
  canRate: z.boolean(),
  /** Whether the owner may withdraw now. */
  canWithdraw: z.boolean(),
  /** Whether the owner may urge now (催办: past due, still open, once a day). */
  canUrge: z.boolean(),
  /** When the owner last urged (ISO 8601), or null. */
  lastUrgedAt: z.string().nullable(),
  /** Whether the owner may ask for the ticket to be handled again (申请重办, after a dissatisfied rating). */
  canRequestReopen: z.boolean(),
  /** The owner's request to handle the ticket again in this round, or null. */
  reopenRequest: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** Citizens who reported the same incident, this one included ("已有 N 位市民反映此问题"); null when it stands alone. */
  incidentReporters: z.number().int().nullable(),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

export const TicketResponseSchema = z.object({ ticket: TicketDetailSchema });
export const TicketPageSchema = pageSchema(TicketSummarySchema);
export type TicketPage = z.infer<typeof TicketPageSchema>;

/** POST /api/tickets/:id/rating */
export const RateTicketSchema = z.strictObject({
  /** 满意 / 基本满意 / 不满意. */
  satisfaction: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']),
  /** Was the problem solved? */
  resolved: z.boolean(),
  /** Optional comment, required in spirit when dissatisfied (the reason goes to the hotline). */
  comment: z.string().trim().max(500).optional(),
});
export type RateTicket = z.infer<typeof RateTicketSchema>;

/** POST /api/tickets/:id/withdraw */
export const WithdrawTicketSchema = z.strictObject({
  /** Why the citizen withdraws (the hotline reads it). */
  reason: z.string().trim().min(2, '请说明撤回原因').max(200),
});
export type WithdrawTicket = z.infer<typeof WithdrawTicketSchema>;

/** POST /api/tickets/:id/reopen-request — 申请重办 after a dissatisfied rating. */
export const ReopenRequestSchema = z.strictObject({
  /** What is still wrong (the hotline reads it). */
  reason: z.string().trim().min(5, '请说明需要重新办理的原因（至少 5 个字）').max(500),
});
export type ReopenRequest = z.infer<typeof ReopenRequestSchema>;

/** Why an upload cannot be attached to a ticket. */
export const UPLOAD_PROBLEM_REASONS = ['not_found', 'already_used', 'not_uploaded', 'too_large', 'type_mismatch'] as const;

/**
 * `details` of the 422 `invalid_upload` answer of POST /api/tickets: every upload that cannot be
 * attached. `not_found` / `not_uploaded` mean storage does not have it (e.g. swept as an orphan after a
 * day): the app uploads the file again and files once more with the same Idempotency-Key.
 */
export const InvalidUploadDetailsSchema = z.object({
  /** The first upload that failed. */
  uploadId: z.string(),
  /** Why, for the first. */
  reason: z.enum(UPLOAD_PROBLEM_REASONS),
  /** All of them, in the order the ticket listed them. */
  problems: z.array(z.object({ uploadId: z.string(), reason: z.enum(UPLOAD_PROBLEM_REASONS) })),
});
export type InvalidUploadDetails = z.infer<typeof InvalidUploadDetailsSchema>;
