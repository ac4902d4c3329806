// Who may do what, by who is asking: a ticket's citizen owner, hotline staff (operator, admin) and the
// city's hotline system (signed events). Staff permissions come from the one table in packages/shared
// (STAFF_PERMISSIONS), which the console reads too; what a citizen may do to their own ticket *now* is
// in ./ticket.ts. Read by the HTTP guards, the routes and the commands; nothing here touches I/O.
import { staffMay, type StaffPermission, type StaffRole } from '@minhu/shared';
import type { Types } from 'mongoose';
import type { Blocker } from './ticket.js';

export { STAFF_PERMISSIONS, staffMay, type StaffPermission } from '@minhu/shared';

/** Whoever a request acts for. */
export type Actor =
  | { kind: 'citizen'; id: string }
  | { kind: 'staff'; id: string; role: StaffRole }
  /** The city's hotline system, authenticated by its HMAC signature. */
  | { kind: 'hotline' };

/** Staff holding `permission`; never a citizen or the hotline system. */
export function may(actor: Actor, permission: StaffPermission): boolean {
  return actor.kind === 'staff' && staffMay(actor.role, permission);
}

/**
 * The tickets an actor may see, as a query filter: a citizen only their own (another citizen's ticket
 * is indistinguishable from none), staff and the hotline every ticket. `null`: none at all.
 */
export function ticketScope(actor: Actor): Record<string, unknown> | null {
  if (actor.kind === 'citizen') return { citizenId: actor.id };
  if (actor.kind === 'hotline') return {};
  return canReadTickets(actor) ? {} : null;
}

/** The staff queue, 督办, statistics and departments: every staff role. */
export function canReadTickets(actor: Actor): boolean {
  return may(actor, 'tickets.read');
}

/** May this actor see this ticket (its owner, staff, the hotline)? */
export function canViewTicket(actor: Actor, ticket: { citizenId?: Types.ObjectId | string | null }): boolean {
  if (actor.kind === 'citizen') return ticket.citizenId != null && String(ticket.citizenId) === actor.id;
  return ticketScope(actor) !== null;
}

/**
 * May this actor move a ticket through the hotline's workflow (受理, 派单, 答复 …)? Staff and the
 * hotline system may; a citizen has their own verbs (rate, withdraw, 催办, 申请重办: ./ticket.ts).
 */
export function canActOnTicket(actor: Actor): boolean {
  return actor.kind === 'hotline' || may(actor, 'tickets.act');
}

/** May this actor read the citizen's full callback number (audited)? Staff only. */
export function canRevealPhone(actor: Actor): boolean {
  return may(actor, 'tickets.reveal_phone');
}

/** The failed deliveries to the hotline system (推送失败): list and retry. */
export function canManageOutbox(actor: Actor): boolean {
  return may(actor, 'outbox.manage');
}

/** The knowledge base (知识库): create, edit, disable, enable. */
export function canEditFaq(actor: Actor): boolean {
  return may(actor, 'faq.edit');
}

/** Staff accounts (账号). */
export function canManageStaff(actor: Actor): boolean {
  return may(actor, 'staff.manage');
}

/** The audit log (审计日志). */
export function canReadAudit(actor: Actor): boolean {
  return may(actor, 'audit.read');
}

/** A change an admin asks of a staff account. */
export type AccountChange = { kind: 'update'; role?: StaffRole } | { kind: 'disable' } | { kind: 'enable' } | { kind: 'reset_password' };

/**
 * Why an account manager may not make this change to this account, or null when they may. Nobody
 * demotes or disables themselves, so whoever acts remains an admin: nobody locks the office out.
 */
export function accountChangeBlocker(actor: Actor, target: { id: string; role: StaffRole }, change: AccountChange): Blocker | null {
  if (!canManageStaff(actor)) return { code: 'forbidden', message: '没有权限' };
  const self = actor.kind === 'staff' && actor.id === target.id;
  if (self && change.kind === 'update' && change.role && change.role !== target.role) return { code: 'own_account', message: '不能修改自己的角色' };
  if (self && change.kind === 'disable') return { code: 'own_account', message: '不能停用自己的账号' };
  return null;
}
