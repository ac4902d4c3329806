// A ticket: what a citizen asked the hotline to act on, with its media, timeline and ratings.
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { CATEGORY_IDS, CHANNELS, STORED_COORD_SYSTEM, TICKET_KINDS, TICKET_STATUSES } from '@minhu/shared';

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
    /** A callback: whether the citizen was reached (absent when the hotline did not say). */
    reached: Boolean,
    /** A callback: the satisfaction the citizen gave on the phone. */
    satisfaction: String,
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
    /** `phone` when staff recorded it from the callback call; absent when the citizen rated in the app. */
    source: { type: String, enum: ['app', 'phone'] },
  },
  { _id: false },
);

/**
 * Events a change must send out (to the hotline, to the citizen), written in the same single-document
 * update as the change itself; the relay copies each into its queue under its eventId and pulls it here.
 */
const pendingEventSchema = new Schema(
  {
    eventId: { type: String, required: true },
    queue: { type: String, enum: ['hotline', 'notify'], required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);

const ticketSchema = new Schema(
  {
    number: { type: String, required: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    kind: { type: String, enum: TICKET_KINDS, required: true },
    categoryId: { type: String, enum: [...CATEGORY_IDS, null], default: null },
    status: { type: String, enum: TICKET_STATUSES, required: true },
    description: { type: String, required: true },
    location: {
      type: new Schema(
        {
          address: { type: String, required: true },
          district: String,
          street: String,
          lat: Number,
          lng: Number,
          /** Set with lat/lng: stored coordinates are always GCJ-02. */
          coordSystem: { type: String, enum: [STORED_COORD_SYSTEM] },
        },
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
    /** When the ticket entered its current status (the rating window counts from here). */
    statusAt: { type: Date, required: true },
    /** The hotline's own ticket number, once it gave one. */
    hotlineRef: { type: String, default: null },
    /** First department dispatched to: it owns the ticket (首接负责制). */
    ownerDepartment: { type: String, default: null },
    /** Set by a dissatisfied rating until the ticket is reopened or closed: staff should look. */
    needsReview: { type: Boolean, default: false },
    /** Times the citizen urged the ticket (催办) once it was past due. */
    urges: { type: [new Schema({ at: { type: Date, required: true } }, { _id: false })], default: [] },
    /** China-time day (YYYY-MM-DD) of the last urge: one a day, enforced by the update's filter. */
    lastUrgedDay: { type: String, default: null },
    /** The citizen's request to handle it again (申请重办) after a dissatisfied rating, by round. */
    reopenRequests: {
      type: [new Schema({ reason: { type: String, required: true }, at: { type: Date, required: true }, round: { type: Number, required: true } }, { _id: false })],
      default: [],
    },
    /** A reopen request waits for staff (cleared when the ticket is reopened, closed or rejected). */
    reopenRequested: { type: Boolean, default: false },
    /** Geohash (7 characters, about 150 m) of the location: incident matching looks in a cell and its neighbours. */
    geoCell: { type: String, default: null },
    /** The incident (many reports of one problem at one place) it belongs to. */
    incidentId: { type: Schema.Types.ObjectId, default: null },
    /** Tickets it may report the same incident as, when the match was not confident enough to join. */
    incidentCandidates: {
      type: [new Schema({ ticketId: { type: Schema.Types.ObjectId, required: true }, score: { type: Number, required: true } }, { _id: false })],
      default: [],
    },
    pendingEvents: { type: [pendingEventSchema], default: [] },
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
ticketSchema.index({ hotlineRef: 1 }, { unique: true, partialFilterExpression: { hotlineRef: { $type: 'string' } } });
// Lookups go through plain indexes: SecantusDB plans no query on a partial index (every such query was a
// collection scan, ~10 s at 100,000 tickets), and MongoDB only uses one when the query repeats its filter.
ticketSchema.index({ hotlineRef: 1, _id: 1 });
ticketSchema.index({ status: 1, _id: -1 });
ticketSchema.index({ status: 1, dueAt: 1 });
ticketSchema.index({ reopenRequested: 1, _id: -1 }, { partialFilterExpression: { reopenRequested: true } });
ticketSchema.index({ geoCell: 1, createdAt: -1 });
ticketSchema.index({ incidentId: 1 });
// The dispatch model's history: the city's dispatched tickets, newest first (dispatch/engine.ts).
ticketSchema.index({ ownerDepartment: 1, _id: -1 });
// The staff console's ticket index (read-model/ticket-index.ts) follows changes by updatedAt.
ticketSchema.index({ updatedAt: 1 });
// The relay's safety net finds tickets holding events by a string range on this index (empty arrays index as null).
ticketSchema.index({ 'pendingEvents.eventId': 1 });

export type TicketDoc = InferSchemaType<typeof ticketSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const ticketModel = (conn: Connection) => conn.model('Ticket', ticketSchema, 'tickets');
