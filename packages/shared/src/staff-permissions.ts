/**
 * Who among the hotline's staff may do what, as one table: the gateway's policies enforce it
 * (apps/gateway/src/policies/staff.ts) and the console reads it to show only the screens a role may use.
 */
import type { StaffRole } from './api/staff.js';

export const STAFF_PERMISSIONS = {
  /** The queue, ticket detail (each opening audited), 督办, statistics, departments. */
  'tickets.read': ['operator', 'admin'],
  /** Status actions on a ticket: 受理, 派单, 答复, 回访, 办结, 不予受理, 重办. */
  'tickets.act': ['operator', 'admin'],
  /** The citizen's full callback number; every reveal is audited. */
  'tickets.reveal_phone': ['operator', 'admin'],
  /** Deliveries to the city's hotline system: list them and put a failed one back (推送失败). */
  'outbox.manage': ['admin'],
  /** Create, edit, disable and enable knowledge-base entries (知识库). */
  'faq.edit': ['admin'],
  /** Create accounts, rename, change roles, disable, enable, reset passwords (账号). */
  'staff.manage': ['admin'],
  /** Read the audit log of staff actions (审计日志). */
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

/** Whether a staff member with this role holds the permission. */
export function staffMay(role: StaffRole, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
