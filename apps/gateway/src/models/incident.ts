// Incidents: one problem at one place reported by several citizens. The lead ticket is the one staff
// work; replying to or closing it carries the others along. Tickets point here with `incidentId`.
import { CATEGORY_IDS, INCIDENT_STATUSES } from '@minhu/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

const incidentSchema = new Schema(
  {
    categoryId: { type: String, enum: [...CATEGORY_IDS, null], default: null },
    /** open while the lead ticket is being worked; closed when it closes. */
    status: { type: String, enum: INCIDENT_STATUSES, required: true },
    leadTicketId: { type: Schema.Types.ObjectId, required: true },
    /** Every ticket of it, the lead first. */
    ticketIds: { type: [Schema.Types.ObjectId], default: [] },
    /** The lead's place (GCJ-02) and its geohash (6 characters, about 1.2 × 0.6 km) for 附议 nearby. */
    lat: { type: Number, default: null },
    lng: { type: Number, default: null },
    geoCell6: { type: String, default: null },
    address: { type: String, default: null },
    lastReportAt: { type: Date, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
incidentSchema.index({ geoCell6: 1, status: 1 });
incidentSchema.index({ ticketIds: 1 });

export type IncidentDoc = InferSchemaType<typeof incidentSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const incidentModel = (conn: Connection) => conn.model('Incident', incidentSchema, 'incidents');
