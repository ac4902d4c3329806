// A citizen account: found by phone (SMS login) or by WeChat openid (mini-program login).
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const citizenSchema = new Schema(
  {
    phone: { type: String },
    wechatOpenId: { type: String },
    wechatUnionId: { type: String },
    lastLoginAt: { type: Date, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
citizenSchema.index({ phone: 1 }, { unique: true, partialFilterExpression: { phone: { $type: 'string' } } });
citizenSchema.index({ wechatOpenId: 1 }, { unique: true, partialFilterExpression: { wechatOpenId: { $type: 'string' } } });

export type CitizenDoc = InferSchemaType<typeof citizenSchema> & { _id: import('mongoose').Types.ObjectId };
export const citizenModel = (conn: Connection) => conn.model('Citizen', citizenSchema, 'citizens');
