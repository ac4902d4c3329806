// Staff accounts as admins see them: never the password hash.
import type { StaffAccount } from '@minhu/shared';
import type { StaffDoc } from '../models/staff.js';

export function presentStaff(doc: StaffDoc & { createdAt?: Date }): StaffAccount {
  return {
    id: doc._id.toString(),
    username: doc.username,
    name: doc.name,
    role: doc.role,
    disabled: Boolean(doc.disabled),
    createdAt: new Date(doc.createdAt ?? doc._id.getTimestamp()).toISOString(),
    lastSignInAt: doc.lastSignInAt ? new Date(doc.lastSignInAt).toISOString() : null,
  };
}
