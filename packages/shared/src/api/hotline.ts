/** The hotline connector's contract: status events in, and the staff (builtin back office) API. */
import { z } from 'zod';
import { CategoryIdSchema } from '../categories.js';
import { TicketStatusSchema } from '../tickets.js';

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

/** GET /api/operator/tickets query. */
export const OperatorTicketQuerySchema = z.strictObject({
  /** Only this status. */
  status: TicketStatusSchema.optional(),
  /** Only this category. */
  categoryId: CategoryIdSchema.optional(),
  /** Only open tickets past their due date (督办). */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only tickets a dissatisfied rating flagged. */
  needsReview: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only open tickets the citizen urged (催办). */
  urged: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only tickets whose citizen asked for them to be handled again (申请重办) and staff have not decided. */
  reopenRequested: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Opaque cursor from the previous page. */
  cursor: z.string().min(1).max(200).optional(),
  /** Page size 1–100 (default 20). */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** POST /api/operator/tickets/:id/events */
export const OperatorEventSchema = z.strictObject({
  /** New status. */
  type: TicketEventTypeSchema,
  /** Details, as for hotline events. */
  data: TicketEventDataSchema.default({}),
});

/** GET /api/operator/outbox query. */
export const OutboxQuerySchema = z.strictObject({
  /** Only this delivery status (default failed). */
  status: z.enum(['pending', 'delivered', 'failed', 'skipped']).default('failed'),
  /** Page size 1–100. */
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
