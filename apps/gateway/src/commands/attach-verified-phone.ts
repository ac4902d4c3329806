// Gives a signed-in citizen a verified phone (WeChat's 手机号快速验证 or an SMS code). One citizen per
// verified phone: when another account already holds the number, this account is merged into it —
// tickets, uploads and conversations move over and the WeChat identity follows — in one
// multi-document transaction, so a crash leaves either both accounts as they were or one merged
// account, never a half-moved one. The answer carries a token for the citizen that remains.
import type { LoginResponse } from '@minhu/shared';
import type { ClientSession } from 'mongoose';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { conflict, unauthorized } from '../http/errors.js';
import type { CitizenDoc } from '../models/citizen.js';
import { presentCitizen } from '../presenters/citizen.js';
import { issueCitizenToken } from './citizen-token.js';

export type PhoneProof = 'sms' | 'wechat';

type Grants = Record<string, number>;

function addGrants(a: unknown, b: unknown): Grants {
  const out: Grants = { ...((a as Grants) ?? {}) };
  for (const [k, v] of Object.entries((b as Grants) ?? {})) out[k] = (out[k] ?? 0) + (typeof v === 'number' ? v : 0);
  return out;
}

/** Moves everything the citizen owns from one account to another, inside the caller's transaction. */
async function moveBelongings(deps: Deps, from: Types.ObjectId, to: Types.ObjectId, session: ClientSession): Promise<void> {
  const { Ticket, Upload, Conversation } = deps.models;
  await Ticket.collection.updateMany({ citizenId: from }, { $set: { citizenId: to } }, { session });
  await Upload.collection.updateMany({ citizenId: from }, { $set: { citizenId: to } }, { session });
  await Conversation.collection.updateMany({ citizenId: from }, { $set: { citizenId: to } }, { session });
}

async function attachInTransaction(deps: Deps, citizenId: string, phone: string, proof: PhoneProof, session: ClientSession): Promise<CitizenDoc> {
  const { Citizen } = deps.models;
  const now = deps.now();
  const me = await Citizen.findById(citizenId).session(session).lean<CitizenDoc>();
  if (!me) throw unauthorized('登录已过期，请重新登录');
  if (me.mergedInto) {
    // A retry of a merge that already happened: answer with the account it lives on.
    const survivor = await Citizen.findById(me.mergedInto).session(session).lean<CitizenDoc>();
    if (survivor?.phone === phone) return survivor;
    throw unauthorized('账号已合并，请重新登录');
  }
  const verified = { phoneVerifiedBy: proof, phoneVerifiedAt: now };
  if (me.phone === phone) {
    await Citizen.collection.updateOne({ _id: me._id }, { $set: { ...verified, updatedAt: now } }, { session });
    return { ...me, ...verified };
  }
  const holder = await Citizen.findOne({ phone, mergedInto: null }).session(session).lean<CitizenDoc>();
  if (!holder) {
    await Citizen.collection.updateOne({ _id: me._id }, { $set: { phone, ...verified, updatedAt: now } }, { session });
    return { ...me, phone, ...verified };
  }
  if (holder.wechatOpenId && me.wechatOpenId && holder.wechatOpenId !== me.wechatOpenId) {
    throw conflict('phone_bound_to_other_wechat', '该手机号已绑定另一个微信账号，请使用该微信登录，或填写其他回访电话');
  }
  // The account that holds the phone stays (H5 signs in by it); this one is folded into it.
  await moveBelongings(deps, me._id, holder._id, session);
  // The unique openid index is checked per statement: release it here before the holder takes it.
  await Citizen.collection.updateOne(
    { _id: me._id },
    { $set: { mergedInto: holder._id, mergedAt: now, updatedAt: now, subscriptionGrants: {} }, $unset: { phone: '', wechatOpenId: '', wechatUnionId: '' } },
    { session },
  );
  const takeOver: Record<string, unknown> = {
    ...verified,
    updatedAt: now,
    lastLoginAt: now,
    subscriptionGrants: addGrants(holder.subscriptionGrants, me.subscriptionGrants),
  };
  if (me.wechatOpenId && !holder.wechatOpenId) takeOver.wechatOpenId = me.wechatOpenId;
  if (me.wechatUnionId && !holder.wechatUnionId) takeOver.wechatUnionId = me.wechatUnionId;
  await Citizen.collection.updateOne({ _id: holder._id }, { $set: takeOver }, { session });
  deps.logger.info({ from: me._id.toString(), into: holder._id.toString(), proof }, 'citizen accounts merged on a verified phone');
  return { ...holder, ...takeOver } as CitizenDoc;
}

function isPhoneIndexClash(err: unknown): boolean {
  const e = err as { keyPattern?: Record<string, unknown>; message?: string };
  return Boolean(e.keyPattern && 'phone' in e.keyPattern) || /phone/.test(e.message ?? '');
}

export async function attachVerifiedPhone(deps: Deps, citizenId: string, phone: string, proof: PhoneProof): Promise<LoginResponse> {
  let citizen: CitizenDoc | null = null;
  for (let attempt = 0; !citizen; attempt++) {
    try {
      // withTransaction retries the whole callback on transient errors (a concurrent merge's write conflict).
      await deps.db.transaction(async (session) => {
        citizen = await attachInTransaction(deps, citizenId, phone, proof, session);
      });
    } catch (err) {
      citizen = null;
      if ((err as { code?: number }).code !== 11000) throw err;
      // Two accounts verifying one fresh number at once: the unique phone index lets one win, and
      // the other, tried again, finds the winner holding the number and merges into it.
      if (isPhoneIndexClash(err) && attempt < 2) continue;
      // Anything else unique that the two accounts share (a draft key filed from both): nothing moved.
      deps.logger.error({ err, citizenId }, 'account merge rolled back');
      throw conflict('merge_conflict', '账号合并未能完成，您的工单均未受影响，请稍后重试或拨打 12345');
    }
  }
  const merged = citizen as CitizenDoc;
  const token = await issueCitizenToken(deps, merged);
  return { token, citizen: presentCitizen(merged) };
}
