// The official account's replay memory: each signed request's (timestamp, nonce) is taken once.
// Timestamps more than 300 s off are refused anyway, so entries older than that may go (TTL index).
import { Schema, type Connection } from 'mongoose';

const oaNonceSchema = new Schema(
  {
    /** `<timestamp>:<nonce>` of the signed query. */
    _id: { type: String, required: true },
    /** Hash of the body it came with: WeChat's retry of the same request is told apart from a replay. */
    bodyHash: { type: String, required: true },
    expireAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);
oaNonceSchema.index({ expireAt: 1 }, { expireAfterSeconds: 0 });

export const oaNonceModel = (conn: Connection) => conn.model('OaNonce', oaNonceSchema, 'oa_nonces');
