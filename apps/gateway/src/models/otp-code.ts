// The one live SMS code of a phone: stored as an HMAC, void after expiry or too many wrong tries.
import { Schema, type Connection } from 'mongoose';

const otpCodeSchema = new Schema(
  {
    phone: { type: String, required: true },
    codeHash: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
otpCodeSchema.index({ phone: 1 }, { unique: true });
// Expired codes are removed by MongoDB's TTL monitor; the code path also checks expiresAt itself.
otpCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 3600 });

export const otpCodeModel = (conn: Connection) => conn.model('OtpCode', otpCodeSchema, 'otp_codes');
