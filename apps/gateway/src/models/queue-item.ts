// A claimable queue item (the hotline outbox, citizen notifications): one collection per queue,
// claimed under a lease so that several gateway processes never deliver the same item at once.
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const queueItemSchema = new Schema(
  {
    /** The event id: the same on every retry and the receiver's dedup key. */
    _id: { type: String, required: true },
    type: { type: String, required: true },
    ticketId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, enum: ['pending', 'delivered', 'failed', 'skipped'], required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    /** When the item is next due: its first attempt, a retry after backoff, or — while claimed — the end of the lease. */
    nextAttemptAt: { type: Date, required: true },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    deliveredAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
queueItemSchema.index({ status: 1, nextAttemptAt: 1 });
queueItemSchema.index({ ticketId: 1, at: 1 });

export type QueueItemDoc = InferSchemaType<typeof queueItemSchema> & { _id: string };
export const outboxModel = (conn: Connection) => conn.model('OutboxItem', queueItemSchema, 'outbox');
export const notificationModel = (conn: Connection) => conn.model('Notification', queueItemSchema.clone(), 'notifications');
