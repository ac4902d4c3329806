// Security events, one shape in the log: what happened, from which client address, about whom
// (masked: a phone shows 3+4 digits, an id or name its first characters), so an operator can
// alert on them without the log holding personal data.
import type { Deps } from '../deps.js';
import { maskPhone } from './ids.js';

export type SecurityEventType =
  | 'staff_login_failed'
  | 'otp_verify_failed'
  | 'hotline_signature_invalid'
  | 'official_account_signature_invalid'
  | 'official_account_replay'
  | 'token_rejected'
  | 'quota_exceeded';

/** A subject shown enough to correlate, never in full. */
export function maskSubject(subject: string): string {
  if (/^1[3-9]\d{9}$/.test(subject)) return maskPhone(subject)!;
  return subject.length <= 3 ? `${subject[0] ?? ''}**` : `${subject.slice(0, 3)}***`;
}

export function securityEvent(deps: Pick<Deps, 'logger'>, type: SecurityEventType, fields: { ip?: string; subject?: string; reason?: string; [k: string]: unknown }): void {
  const { subject, ...rest } = fields;
  deps.logger.warn({ security: type, ...rest, ...(subject ? { subject: maskSubject(subject) } : {}) }, `security: ${type}`);
}
