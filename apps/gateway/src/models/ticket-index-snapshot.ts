// Saved copies of the staff console's ticket index (read-model/index-snapshot.ts), so a gateway process
// starts from the latest copy instead of reading every ticket: a `head` naming the latest complete copy,
// and that copy's facts in chunks of a few thousand tickets, each chunk one JSON text (one value for the
// database to store and hand back, rather than tens of thousands of small ones).
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const ticketIndexSnapshotSchema = new Schema(
  {
    /** `head`, or `<generation>:<n>` for a chunk. */
    _id: { type: String, required: true },
    kind: { type: String, enum: ['head', 'chunk'], required: true },
    /** Which copy a chunk belongs to (the head names the current one). */
    generation: { type: String, required: true },
    /** The index's look the copy reflects: tickets changed after it are read from the tickets. */
    takenAt: { type: Date, required: true },
    /** Fact format; a copy in another format is ignored. */
    format: { type: Number, required: true },
    /** Head: number of chunks and of tickets. */
    chunks: Number,
    count: Number,
    /** Chunk: its number and its facts (JSON array). */
    n: Number,
    facts: String,
  },
  { strict: 'throw', versionKey: false },
);
ticketIndexSnapshotSchema.index({ generation: 1, n: 1 });
ticketIndexSnapshotSchema.index({ kind: 1, takenAt: 1 });

export type TicketIndexSnapshotDoc = InferSchemaType<typeof ticketIndexSnapshotSchema>;
export const ticketIndexSnapshotModel = (conn: Connection) => conn.model('TicketIndexSnapshot', ticketIndexSnapshotSchema, 'ticket_index_snapshots');
