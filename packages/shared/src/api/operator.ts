/** The built-in back office's contract (staff only): the queue, ticket actions, supervision and statistics. */
import { z } from 'zod';
import { CategoryIdSchema } from '../categories.js';
import { SUPERVISION_MILESTONES } from '../supervision.js';
import { SatisfactionSchema, TICKET_STATUSES, TicketChannelSchema, TicketKindSchema, TicketStatusSchema } from '../tickets.js';
import { DepartmentSuggestionSchema, IncidentCandidateSchema, IncidentSummarySchema } from './dispatch.js';
import { TicketDetailSchema, TicketSummarySchema } from './tickets.js';

/** A calendar day in China (Asia/Shanghai), YYYY-MM-DD. */
export const ChinaDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '无效的日期');

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** How the queue is ordered. */
export const QUEUE_SORTS = ['due', 'newest'] as const;
export const QUEUE_SORT_LABELS: Record<(typeof QUEUE_SORTS)[number], string> = { due: '按到期时间', newest: '按提交时间' };

/** Longest period a queue filter or a statistics request may span, in days. */
export const MAX_PERIOD_DAYS = 366;

function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** GET /api/operator/tickets query. Filters combine with AND. */
export const OperatorTicketQuerySchema = z
  .strictObject({
    /** Only this status. */
    status: TicketStatusSchema.optional(),
    /** Only open tickets (true) or only final ones (false). */
    open: boolParam.optional(),
    /** Only this category. */
    categoryId: CategoryIdSchema.optional(),
    /** Only this kind (咨询, 投诉 …). */
    kind: TicketKindSchema.optional(),
    /** Only open tickets past their due date (督办) — or, with false, every other ticket. */
    overdue: boolParam.optional(),
    /** Only tickets a dissatisfied rating flagged. */
    needsReview: boolParam.optional(),
    /** Only open tickets the citizen urged (催办) — or, with false, every other ticket. */
    urged: boolParam.optional(),
    /** Only tickets whose citizen asked for them to be handled again (申请重办) and staff have not decided. */
    reopenRequested: boolParam.optional(),
    /** Only tickets owned by this department; `none` for tickets not dispatched yet. */
    department: z.string().trim().min(1).max(100).optional(),
    /** Only urgent help (true) or only the rest (false). */
    urgent: boolParam.optional(),
    /** Only tickets filed through this channel. */
    channel: TicketChannelSchema.optional(),
    /** Filed on or after this day (Asia/Shanghai). */
    from: ChinaDateSchema.optional(),
    /** Filed on or before this day (Asia/Shanghai). */
    to: ChinaDateSchema.optional(),
    /** Free text: a ticket number, or words of the description or the address (1–100 characters). */
    q: z.string().trim().min(1).max(100).optional(),
    /** `due` (default): open tickets by due time, soonest first, then final ones, latest change first. `newest`: latest filed first. */
    sort: z.enum(QUEUE_SORTS).default('due'),
    /** Page number (1-based), for numbered pages; not with `cursor`. */
    page: z.coerce.number().int().min(1).max(10_000).optional(),
    /** Opaque cursor from the previous page's `nextCursor`; not with `page`. */
    cursor: z.string().min(1).max(200).optional(),
    /** Page size 1–100 (default 20). */
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !(q.page && q.cursor), { message: 'page 与 cursor 不能同时使用', path: ['cursor'] })
  .refine((q) => !(q.from && q.to) || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type OperatorTicketQuery = z.infer<typeof OperatorTicketQuerySchema>;

/** A ticket in the staff queue. */
export const OperatorTicketSummarySchema = TicketSummarySchema.extend({
  /** Callback number, masked (138****5678), or null; the full number only through the audited reveal-phone. */
  contactPhoneMasked: z.string().nullable(),
  /** Department that owns the ticket (首接负责制), or null before dispatch. */
  ownerDepartment: z.string().nullable(),
  /** The hotline's own ticket number, if any. */
  hotlineRef: z.string().nullable(),
  /** A dissatisfied rating is waiting for staff. */
  needsReview: z.boolean(),
  /** The citizen asked for it to be handled again (申请重办) and staff have not decided. */
  reopenRequested: z.boolean(),
  /** How often the citizen urged it (催办). */
  urgeCount: z.number().int(),
  /** When the citizen last urged it, or null. */
  lastUrgedAt: z.string().nullable(),
  /** Handling round: 1, then 2 after a reopening … */
  round: z.number().int(),
  /** Where it was filed. */
  channel: TicketChannelSchema,
  /** The address given, if any. */
  address: z.string().nullable(),
  /** Departments the dispatch model suggests, best first (empty until the model has loaded). */
  suggestedDepartments: z.array(DepartmentSuggestionSchema),
  /** The incident it belongs to (many reports of one problem), or null. */
  incidentId: z.string().nullable(),
});
export type OperatorTicketSummary = z.infer<typeof OperatorTicketSummarySchema>;

/** Answer of GET /api/operator/tickets. */
export const OperatorTicketPageSchema = z.object({
  /** This page, in the requested order. */
  items: z.array(OperatorTicketSummarySchema),
  /** Tickets matching every filter. */
  total: z.number().int(),
  /** Tickets per status matching every filter except `status` and `open` (the tabs), plus `all`. */
  counts: z.record(z.enum([...TICKET_STATUSES, 'all']), z.number().int()),
  /** Page number answered (1 when paging by cursor from the start). */
  page: z.number().int(),
  /** Cursor for the next page, or null on the last page. */
  nextCursor: z.string().nullable(),
});
export type OperatorTicketPage = z.infer<typeof OperatorTicketPageSchema>;

/** What each operator action sends besides its type: one small form per action. */
export const OPERATOR_ACTION_DATA = {
  accepted: z.strictObject({
    /** The hotline's own ticket number, if it gave one. */
    hotlineNumber: z.string().trim().min(1).max(64).optional(),
  }),
  dispatched: z.strictObject({
    /** Department dispatched to (one of GET /api/operator/departments). */
    department: z.string().trim().min(1, '请选择承办单位').max(100),
  }),
  replied: z.strictObject({
    /** The department's reply, as the citizen will read it. */
    reply: z.string().trim().min(2, '请填写答复内容').max(4000, '答复不能超过 4000 字'),
  }),
  callback: z
    .strictObject({
      /** Whether the citizen was reached by phone (omitted by older clients: unknown). */
      reached: z.boolean().optional(),
      /** Satisfaction the citizen gave on the phone (only when reached); counts as this round's rating. */
      satisfaction: SatisfactionSchema.optional(),
      /** Whether the citizen says the problem was solved (with `satisfaction`). */
      resolved: z.boolean().optional(),
    })
    .refine((d) => !d.satisfaction || d.reached === true, { message: '未联系上群众时不能记录满意度', path: ['satisfaction'] })
    .refine((d) => d.resolved === undefined || d.satisfaction !== undefined, { message: '记录是否解决时须同时记录满意度', path: ['resolved'] }),
  closed: z.strictObject({}),
  rejected: z.strictObject({
    /** Why the hotline does not take the ticket, as the citizen will read it. */
    reason: z.string().trim().min(2, '请填写不予受理的理由').max(1000),
  }),
  reopened: z.strictObject({
    /** Why the ticket is worked again. */
    reason: z.string().trim().min(2, '请填写重办原因').max(1000),
  }),
} as const;
export type OperatorAction = keyof typeof OPERATOR_ACTION_DATA;
export const OPERATOR_ACTIONS = Object.keys(OPERATOR_ACTION_DATA) as OperatorAction[];
export type OperatorActionData<A extends OperatorAction> = z.infer<(typeof OPERATOR_ACTION_DATA)[A]>;

/** What each action is called on the console's buttons. */
export const OPERATOR_ACTION_LABELS: Record<OperatorAction, string> = {
  accepted: '受理',
  dispatched: '派单',
  replied: '答复',
  callback: '回访',
  closed: '办结',
  rejected: '不予受理',
  reopened: '重办',
};

const A = OPERATOR_ACTION_DATA;

/**
 * POST /api/operator/tickets/:id/events — `{ type, data }`: the new status and that action's form
 * (`OPERATOR_ACTION_DATA[type]`, empty by default).
 */
export const OperatorEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accepted'), data: A.accepted.default({}) }),
  z.strictObject({ type: z.literal('dispatched'), data: A.dispatched }),
  z.strictObject({ type: z.literal('replied'), data: A.replied }),
  z.strictObject({ type: z.literal('callback'), data: A.callback.default({}) }),
  z.strictObject({ type: z.literal('closed'), data: A.closed.default({}) }),
  z.strictObject({ type: z.literal('rejected'), data: A.rejected }),
  z.strictObject({ type: z.literal('reopened'), data: A.reopened }),
]);
export type OperatorEvent = z.infer<typeof OperatorEventSchema>;

/** A callback as recorded on the timeline (staff view). */
export const CallbackRecordSchema = z.object({
  /** Whether the citizen was reached; null when the hotline did not say. */
  reached: z.boolean().nullable(),
  /** Satisfaction given on the phone, if any. */
  satisfaction: SatisfactionSchema.nullable(),
});

/** The "1345" milestones and the urgent-help clock of a ticket (ISO 8601). */
export const MilestonesSchema = z.object({
  /** Day 1: acceptance confirmed. */
  acceptBy: z.string(),
  /** Day 3: result fed back. */
  feedbackBy: z.string(),
  /** Day 4: follow-up review. */
  reviewBy: z.string(),
  /** Day 5: closed. */
  closeBy: z.string(),
  /** Urgent help only. */
  urgent: z.object({ contactBy: z.string(), onSiteBy: z.string(), doneBy: z.string() }).optional(),
});

/** GET /api/operator/tickets/:id — the detail as staff see it. */
export const OperatorTicketDetailSchema = TicketDetailSchema.extend({
  // The callback number is `contactPhoneMasked` (from the ticket detail); the full number only through
  // POST /api/operator/tickets/:id/reveal-phone, which is audited.
  ownerDepartment: z.string().nullable(),
  hotlineRef: z.string().nullable(),
  needsReview: z.boolean(),
  round: z.number().int(),
  channel: TicketChannelSchema,
  address: z.string().nullable(),
  /** The milestones for supervision. */
  milestones: MilestonesSchema,
  /** The next deadline while open (督办), or null once final. */
  next: z.object({ milestone: z.enum(SUPERVISION_MILESTONES), deadline: z.string() }).nullable(),
  /** Callbacks recorded, oldest first. */
  callbacks: z.array(CallbackRecordSchema.extend({ at: z.string(), round: z.number().int() })),
  /** Where each rating came from: the citizen's app or the callback call. */
  ratingSources: z.array(z.enum(['app', 'phone'])),
  /** Departments the dispatch model suggests, best first. */
  suggestedDepartments: z.array(DepartmentSuggestionSchema),
  /** The incident it belongs to, or null. */
  incidentId: z.string().nullable(),
  /** That incident with its tickets, or null. */
  incident: IncidentSummarySchema.nullable(),
  /** Tickets it may report the same incident as (not joined by itself: the match was not confident). */
  incidentCandidates: z.array(IncidentCandidateSchema),
});
export type OperatorTicketDetail = z.infer<typeof OperatorTicketDetailSchema>;

/** GET /api/operator/supervision query. */
export const SupervisionQuerySchema = z.strictObject({
  /** Also list tickets whose next deadline falls within this many hours (default 24, at most 168). */
  withinHours: z.coerce.number().int().min(1).max(168).default(24),
});

/** A ticket on the 督办 board. */
export const SupervisionItemSchema = z.object({
  /** Ticket id. */
  id: z.string(),
  /** Ticket number. */
  number: z.string(),
  /** Current status. */
  status: TicketStatusSchema,
  /** Kind. */
  kind: TicketKindSchema,
  /** Category, or null. */
  categoryId: CategoryIdSchema.nullable(),
  /** Urgent help. */
  urgent: z.boolean(),
  /** Owning department, or null before dispatch. */
  department: z.string().nullable(),
  /** First 80 characters of the description. */
  excerpt: z.string(),
  /** Which deadline is at stake. */
  milestone: z.enum(SUPERVISION_MILESTONES),
  /** That deadline (ISO 8601). */
  deadline: z.string(),
  /** Minutes past the deadline (negative: minutes left). */
  overdueMinutes: z.number().int(),
});
export type SupervisionItem = z.infer<typeof SupervisionItemSchema>;

/** Answer of GET /api/operator/supervision: overdue first, then the most pressing. */
export const SupervisionBoardSchema = z.object({
  /** When the board was computed (ISO 8601). */
  at: z.string(),
  /** Open tickets past or near their next deadline. */
  items: z.array(SupervisionItemSchema),
});
export type SupervisionBoard = z.infer<typeof SupervisionBoardSchema>;

/** GET /api/operator/stats query: a period of filing days (Asia/Shanghai), both ends included. */
export const StatsQuerySchema = z
  .strictObject({
    /** First day. */
    from: ChinaDateSchema,
    /** Last day. */
    to: ChinaDateSchema,
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((q) => q.from > q.to || periodDays(q.from, q.to) <= MAX_PERIOD_DAYS, { message: `统计区间不能超过 ${MAX_PERIOD_DAYS} 天`, path: ['to'] });
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

/** The hotline's figures for a set of tickets (those filed in the period). Rates are 0–1, or null with nothing to divide by. */
export const StatsMetricsSchema = z.object({
  /** 来件量: tickets filed. */
  filed: z.number().int(),
  /** 受理量: tickets the hotline accepted. */
  accepted: z.number().int(),
  /** 办结量: tickets closed now. */
  closed: z.number().int(),
  /** Closed by their due date. */
  closedOnTime: z.number().int(),
  /** Tickets the department replied to. */
  replied: z.number().int(),
  /** Replied tickets whose citizen the callback reached (a callback the hotline reported without saying counts as reached). */
  calledBack: z.number().int(),
  /** Tickets rated (the latest rating counts). */
  rated: z.number().int(),
  /** Rated 满意 or 基本满意. */
  satisfied: z.number().int(),
  /** 办结率 = closed / accepted. */
  completionRate: z.number().nullable(),
  /** 按时办结率 = closed on time / closed. */
  onTimeRate: z.number().nullable(),
  /** 回访率 = called back / replied. */
  callbackRate: z.number().nullable(),
  /** 满意率 = (satisfied + basically satisfied) / rated. */
  satisfactionRate: z.number().nullable(),
  /** Average hours from filing to closing, over closed tickets; null when none closed. */
  avgHandlingHours: z.number().nullable(),
});
export type StatsMetrics = z.infer<typeof StatsMetricsSchema>;

/** Answer of GET /api/operator/stats. */
export const StatsResponseSchema = z.object({
  /** First day (as asked). */
  from: z.string(),
  /** Last day (as asked). */
  to: z.string(),
  /** The whole period. */
  totals: StatsMetricsSchema,
  /** Per owning department (null: not dispatched), most tickets first. */
  byDepartment: z.array(StatsMetricsSchema.extend({ department: z.string().nullable() })),
  /** Per category (null: uncategorised), most tickets first. */
  byCategory: z.array(StatsMetricsSchema.extend({ categoryId: CategoryIdSchema.nullable() })),
  /** One row per day of the period, in order. */
  daily: z.array(StatsMetricsSchema.extend({ date: z.string() })),
  /** Tickets filed per category and street (街道/镇 as the citizen gave it; null: not given), most first. */
  byCategoryStreet: z.array(z.object({ categoryId: CategoryIdSchema.nullable(), street: z.string().nullable(), filed: z.number().int() })),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;
