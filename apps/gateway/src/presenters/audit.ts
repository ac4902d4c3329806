// Audit entries as admins read them in 审计日志.
import type { AuditAction, AuditEntry } from '@minhu/shared';
import type { AuditEntryDoc } from '../models/audit-entry.js';

export function presentAuditEntry(doc: AuditEntryDoc): AuditEntry {
  return {
    id: doc._id.toHexString(),
    at: new Date(doc.at).toISOString(),
    staffId: String(doc.staffId),
    username: doc.username,
    role: doc.role as AuditEntry['role'],
    action: doc.action as AuditAction,
    ticketId: doc.ticketId ? String(doc.ticketId) : null,
    ticketNumber: doc.ticketNumber ?? null,
    target: doc.target ?? null,
    details: (doc.details ?? {}) as AuditEntry['details'],
    ip: doc.ip,
  };
}
