/** The hotline connector's contract: status events in, staff sign-in, and the failed-delivery list (see api/operator.ts for the back office). */
import { z } from 'zod';
import { SatisfactionSchema } from '../tickets.js';

export const TICKET_EVENT_TYPES = ['accepted', 'dispatched', 'replied', 'callback', 'closed', 'rejected', 'reopened'] as const;
export const TicketEventTypeSchema = z.enum(TICKET_EVENT_TYPES);

/** What an event carries besides its type. */
export const TicketEventDataSchema = z.strictObject({
  /** The hotline's own ticket number (kept as hotlineRef on first sight). */
  hotlineNumber: z.string().trim().min(1).max(64).optional(),
  /** Department dispatched to (required for `dispatched`). */
  department: z.string().trim().min(1).max(100).optional(),
  /** The department's reply (required for `replied`). */
  reply: z.string().trim().min(1).max(4000).optional(),
  /** Reason (required for `rejected`; for `reopened`, why it is worked again). */
  reason: z.string().trim().min(1).max(1000).optional(),
  /** For `callback`: whether the citizen was reached. */
  reached: z.boolean().optional(),
  /** For `callback`: satisfaction the citizen gave on the phone (becomes this round's rating). */
  satisfaction: SatisfactionSchema.optional(),
  /** For `callback` with a satisfaction: whether the citizen says the problem was solved. */
  resolved: z.boolean().optional(),
});

/** POST /api/hotline/events — signed like the outgoing webhook. */
export const HotlineEventSchema = z
  .strictObject({
    /** Unique per event; a repeat is acknowledged and ignored. */
    eventId: z.string().regex(/^[A-Za-z0-9_.:-]{6,100}$/),
    /** Minhu's ticket id or number (MH…). */
    ticketId: z.string().regex(/^([0-9a-f]{24}|MH\d{14})$/i).optional(),
    /** The hotline's own ticket number, when Minhu's is not at hand. */
    hotlineRef: z.string().trim().min(1).max(64).optional(),
    /** New status. */
    type: TicketEventTypeSchema,
    /** When it happened (ISO 8601 with offset). */
    at: z.iso.datetime({ offset: true }),
    /** Details. */
    data: TicketEventDataSchema.default({}),
  })
  .refine((e) => Boolean(e.ticketId) !== Boolean(e.hotlineRef), { message: '须且只能提供 ticketId 或 hotlineRef 之一', path: ['ticketId'] });
export type HotlineEvent = z.infer<typeof HotlineEventSchema>;

/** POST /api/staff/session */
export const StaffLoginSchema = z.strictObject({
  /** Staff user name. */
  username: z.string().trim().min(2).max(50),
  /** Password. */
  password: z.string().min(1).max(200),
});

/** GET /api/operator/outbox query. */
export const OutboxQuerySchema = z.strictObject({
  /** Only this delivery status (default failed). */
  status: z.enum(['pending', 'delivered', 'failed', 'skipped']).default('failed'),
  /** Page size 1–100. */
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
