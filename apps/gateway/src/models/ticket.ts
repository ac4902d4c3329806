// A ticket: what a citizen asked the hotline to act on, with its media, timeline and ratings.
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { CATEGORY_IDS, TICKET_KINDS, TICKET_STATUSES } from '@minhu/shared';

const timelineEntrySchema = new Schema(
  {
    status: { type: String, enum: TICKET_STATUSES, required: true },
    at: { type: Date, required: true },
    actor: {
      type: { type: String, enum: ['citizen', 'operator', 'hotline', 'system'], required: true },
      name: { type: String },
    },
    department: String,
    reply: String,
    reason: String,
    hotlineNumber: String,
    /** Id of the hotline/operator event that caused it (dedup). */
    eventId: String,
  },
  { _id: false },
);

const mediaSchema = new Schema(
  {
    uploadId: { type: String, required: true },
    kind: { type: String, enum: ['image', 'video'], required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    objectKey: { type: String, required: true },
  },
  { _id: false },
);

const ratingSchema = new Schema(
  {
    satisfaction: { type: String, enum: ['satisfied', 'basically_satisfied', 'dissatisfied'], required: true },
    resolved: { type: Boolean, required: true },
    comment: String,
    round: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const ticketSchema = new Schema(
  {
    number: { type: String, required: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    channel: { type: String, enum: ['miniprogram', 'h5', 'official-account', 'api'], required: true },
    kind: { type: String, enum: TICKET_KINDS, required: true },
    categoryId: { type: String, enum: [...CATEGORY_IDS, null], default: null },
    status: { type: String, enum: TICKET_STATUSES, required: true },
    description: { type: String, required: true },
    location: {
      type: new Schema(
        { address: { type: String, required: true }, district: String, street: String, lat: Number, lng: Number },
        { _id: false },
      ),
      default: null,
    },
    contactPhone: { type: String, default: null },
    anonymous: { type: Boolean, default: false },
    urgent: { type: Boolean, default: false },
    media: { type: [mediaSchema], default: [] },
    timeline: { type: [timelineEntrySchema], default: [] },
    ratings: { type: [ratingSchema], default: [] },
    /** Rating round: 1 at filing, +1 on each reopening. */
    round: { type: Number, default: 1 },
    dueAt: { type: Date, default: null },
    /** Client-chosen key: one ticket per (citizen, key). */
    idempotencyKey: { type: String, required: true },
    /** Hash of the request body that created the ticket, to tell a retry from a different request. */
    requestHash: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
ticketSchema.index({ number: 1 }, { unique: true });
ticketSchema.index({ citizenId: 1, idempotencyKey: 1 }, { unique: true });
ticketSchema.index({ citizenId: 1, _id: -1 });
ticketSchema.index({ 'media.uploadId': 1 });

export type TicketDoc = InferSchemaType<typeof ticketSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const ticketModel = (conn: Connection) => conn.model('Ticket', ticketSchema, 'tickets');
