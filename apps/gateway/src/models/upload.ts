// An upload slot: a presigned POST policy for one object key, owned by one citizen.
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const uploadSchema = new Schema(
  {
    _id: { type: String, required: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['image', 'video'], required: true },
    contentType: { type: String, required: true },
    /** Declared size; the policy's content-length-range ends here. */
    size: { type: Number, required: true },
    filename: { type: String },
    objectKey: { type: String, required: true },
    /** Set once a ticket references the upload. */
    ticketId: { type: Schema.Types.ObjectId, default: null },
    policyExpiresAt: { type: Date, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
uploadSchema.index({ citizenId: 1, createdAt: -1 });
uploadSchema.index({ ticketId: 1, createdAt: 1 });

export type UploadDoc = InferSchemaType<typeof uploadSchema> & { _id: string };
export const uploadModel = (conn: Connection) => conn.model('Upload', uploadSchema, 'uploads');
