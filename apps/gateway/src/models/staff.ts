// Hotline staff of the built-in back office: operators work tickets, admins also manage content.
import { STAFF_ROLES, type StaffRole } from '@minhu/shared';
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

export { STAFF_ROLES, type StaffRole };

const staffSchema = new Schema(
  {
    username: { type: String, required: true },
    /** Shown on the timeline. */
    name: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    /** argon2id hash. */
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    /** Carried in each staff token; a password reset bumps it, which ends every earlier session. */
    sessionVersion: { type: Number, default: 0 },
    lastSignInAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
staffSchema.index({ username: 1 }, { unique: true });

export type StaffDoc = InferSchemaType<typeof staffSchema> & { _id: import('mongoose').Types.ObjectId };
export const staffModel = (conn: Connection) => conn.model('Staff', staffSchema, 'staff');
