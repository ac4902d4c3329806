// The audit log: one entry per staff action (opening a ticket, acting on it, revealing a phone number,
// knowledge-base and account changes, delivery retries). Append-only: written by commands/audit.ts and
// never updated or deleted by code — the model refuses every update and delete query, so only a
// database administrator can change the record.
import { AUDIT_ACTIONS, STAFF_ROLES } from '@minhu/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

const auditEntrySchema = new Schema(
  {
    staffId: { type: Schema.Types.ObjectId, required: true },
    /** User name and role at the time (an account may be renamed or change role later). */
    username: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    ticketId: { type: Schema.Types.ObjectId, default: null },
    /** The ticket's number, so the log reads (and filters) without a join. */
    ticketNumber: { type: String, default: null },
    /** Another object concerned: an FAQ entry id, a staff user name, an outbox event id. */
    target: { type: String, default: null },
    /** A few small facts (event type, fields changed); phone numbers are masked before they get here. */
    details: { type: Schema.Types.Mixed, default: {} },
    ip: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false, minimize: false },
);
// Newest first overall, per ticket and per staff member; _id breaks ties of the same millisecond.
auditEntrySchema.index({ at: -1, _id: -1 });
auditEntrySchema.index({ ticketId: 1, at: -1, _id: -1 });
auditEntrySchema.index({ ticketNumber: 1, at: -1, _id: -1 });
auditEntrySchema.index({ username: 1, at: -1, _id: -1 });

const APPEND_ONLY = new Error('audit entries are append-only: they are never updated or deleted');
for (const op of [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const) {
  auditEntrySchema.pre(op, function refuse() {
    throw APPEND_ONLY;
  });
}
auditEntrySchema.pre('save', function onlyNew() {
  if (!this.isNew) throw APPEND_ONLY;
});

export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema> & { _id: Types.ObjectId };
export const auditEntryModel = (conn: Connection) => conn.model('AuditEntry', auditEntrySchema, 'audit');
