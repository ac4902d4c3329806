// A citizen account: found by phone (SMS login, verified numbers) or by WeChat openid (mini-program
// login). One citizen per verified phone: when a second account verifies a phone the first holds,
// it is merged into the first and keeps only a pointer (`mergedInto`), so its old tokens stop working.
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const citizenSchema = new Schema(
  {
    /** Verified mainland mobile number: the login of H5 and the hotline's callback number. */
    phone: { type: String },
    /** How the phone was verified, and when. */
    phoneVerifiedBy: { type: String, enum: ['sms', 'wechat'] },
    phoneVerifiedAt: { type: Date },
    wechatOpenId: { type: String },
    wechatUnionId: { type: String },
    /** One-time subscribe-message grants left, by template id (ids are checked against the configured templates). */
    subscriptionGrants: { type: Schema.Types.Mixed, default: {} },
    /** Set when this account was merged into another: the account it now lives on. */
    mergedInto: { type: Schema.Types.ObjectId, default: null },
    mergedAt: { type: Date },
    /** Bumped by sign-out and erasure: tokens carry the version they were issued under (`tv`) and die with it. */
    tokenVersion: { type: Number, default: 0 },
    /** Set when the citizen erased their account (PIPL): nothing personal is left, tickets kept are anonymised. */
    deletedAt: { type: Date, default: null },
    lastLoginAt: { type: Date, required: true },
    /** Tickets filed on the China day `day`, requests in flight included (commands/filing-quota.ts). */
    filingQuota: { type: new Schema({ day: String, count: Number }, { _id: false }), default: undefined },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);
citizenSchema.index({ phone: 1 }, { unique: true, partialFilterExpression: { phone: { $type: 'string' } } });
citizenSchema.index({ wechatOpenId: 1 }, { unique: true, partialFilterExpression: { wechatOpenId: { $type: 'string' } } });

export type CitizenDoc = InferSchemaType<typeof citizenSchema> & { _id: import('mongoose').Types.ObjectId };
export const citizenModel = (conn: Connection) => conn.model('Citizen', citizenSchema, 'citizens');
