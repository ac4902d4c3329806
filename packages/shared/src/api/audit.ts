/** The audit log of staff actions (GET /api/admin/audit, role admin) and the audited phone reveal. */
import { z } from 'zod';
import { StaffRoleSchema, StaffUsernameSchema } from './staff.js';

/** Every action staff can take that leaves an audit entry. */
export const AUDIT_ACTIONS = [
  'ticket.view',
  'ticket.event',
  'ticket.reveal_phone',
  'ticket.attach_incident',
  'ticket.detach_incident',
  'faq.create',
  'faq.update',
  'faq.disable',
  'faq.enable',
  'staff.create',
  'staff.update',
  'staff.disable',
  'staff.enable',
  'staff.reset_password',
  'outbox.retry',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);

/** What each action is called in the console's 审计日志. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'ticket.view': '查看工单',
  'ticket.event': '办理工单',
  'ticket.reveal_phone': '查看完整号码',
  'ticket.attach_incident': '关联同一事件',
  'ticket.detach_incident': '解除事件关联',
  'faq.create': '新建知识条目',
  'faq.update': '修改知识条目',
  'faq.disable': '停用知识条目',
  'faq.enable': '启用知识条目',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.reset_password': '重置密码',
  'outbox.retry': '重新推送',
};

/** A MongoDB ObjectId in hex. */
const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, '无效的编号');

/** A ticket number as citizens and staff read it: MH + China date + a 6-digit daily sequence. */
export const TicketNumberSchema = z.string().trim().regex(/^MH\d{14}$/i, '工单编号格式应为 MH + 14 位数字').transform((s) => s.toUpperCase());

/** GET /api/admin/audit query. Filters combine with AND; entries come newest first. */
export const AuditQuerySchema = z
  .strictObject({
    /** Only entries about this ticket (its id). */
    ticketId: ObjectIdSchema.optional(),
    /** Only entries about this ticket (its number, MH…). */
    ticketNumber: TicketNumberSchema.optional(),
    /** Only entries by this staff user name. */
    staff: StaffUsernameSchema.optional(),
    /** Only this action. */
    action: AuditActionSchema.optional(),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().regex(/^\d{13}\.[0-9a-f]{24}$/, '无效的分页游标').optional(),
    /** Page size 1–100 (default 50). */
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => !(q.ticketId && q.ticketNumber), { message: 'ticketId 与 ticketNumber 不能同时使用', path: ['ticketNumber'] });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One audit entry. Entries are written once and never changed. */
export const AuditEntrySchema = z.object({
  /** Entry id. */
  id: z.string(),
  /** When the action happened (ISO 8601). */
  at: z.string(),
  /** The staff account that acted. */
  staffId: z.string(),
  /** Its user name at the time. */
  username: z.string(),
  /** Its role at the time. */
  role: StaffRoleSchema,
  /** What was done. */
  action: AuditActionSchema,
  /** The ticket concerned, if any. */
  ticketId: z.string().nullable(),
  /** That ticket's number, if any. */
  ticketNumber: z.string().nullable(),
  /** Another object concerned: an FAQ entry id, a staff user name, an outbox event id; or null. */
  target: z.string().nullable(),
  /** A few facts about the action (the event type, the fields changed); never phone numbers. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The client address the request came from. */
  ip: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Answer of GET /api/admin/audit. */
export const AuditPageSchema = z.object({
  /** This page, newest first. */
  items: z.array(AuditEntrySchema),
  /** Cursor for the next (older) page, or null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Answer of POST /api/operator/tickets/:id/reveal-phone (the reveal is audited). */
export const RevealPhoneResponseSchema = z.object({
  /** The callback number in full, or null when the ticket has none (an anonymous report without one). */
  phone: z.string().nullable(),
});
export type RevealPhoneResponse = z.infer<typeof RevealPhoneResponseSchema>;
