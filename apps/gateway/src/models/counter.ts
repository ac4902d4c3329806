// Named sequences, incremented atomically (ticket numbers per day).
import { Schema, type Connection } from 'mongoose';

const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { strict: 'throw', versionKey: false });

export const counterModel = (conn: Connection) => conn.model('Counter', counterSchema, 'counters');
