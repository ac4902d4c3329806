// WeChat one-time subscribe messages: each time a citizen accepts a template in
// wx.requestSubscribeMessage, WeChat lets us send ONE message with it. We count the grants per
// template on the citizen, spend one per message (atomically, so two workers never spend the same
// grant), give it back when WeChat did not deliver for another reason, and fall back to SMS at zero.
import type { Deps } from '../deps.js';
import { AppError, conflict, unauthorized } from '../http/errors.js';
import type { CitizenDoc } from '../models/citizen.js';
import { configuredTemplates } from '../policies/subscription.js';

/** Adds one grant per template id the app reports accepted. */
export async function recordSubscriptionGrants(deps: Deps, citizenId: string, templateIds: string[]): Promise<CitizenDoc> {
  const known = new Set(configuredTemplates(deps.config).map((t) => t.id));
  const unknown = templateIds.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError(400, 'unknown_template', '不是本服务的订阅消息模板', { templateIds: unknown });
  const inc = Object.fromEntries(templateIds.map((id) => [`subscriptionGrants.${id}`, 1]));
  const citizen = await deps.models.Citizen.findOneAndUpdate(
    { _id: citizenId, mergedInto: null, wechatOpenId: { $type: 'string' } },
    { $inc: inc, $set: { updatedAt: deps.now() } },
    { returnDocument: 'after' },
  ).lean<CitizenDoc>();
  if (citizen) return citizen;
  const exists = await deps.models.Citizen.exists({ _id: citizenId, mergedInto: null });
  if (!exists) throw unauthorized('登录已过期，请重新登录');
  throw conflict('wechat_not_linked', '请在微信小程序中订阅消息');
}

/** Spends one grant of `templateId`; false when none is left. */
export async function spendSubscriptionGrant(deps: Deps, citizenId: unknown, templateId: string): Promise<boolean> {
  const path = `subscriptionGrants.${templateId}`;
  const res = await deps.models.Citizen.collection.updateOne({ _id: citizenId as never, [path]: { $gt: 0 } }, { $inc: { [path]: -1 } });
  return res.modifiedCount === 1;
}

/** Gives a spent grant back (the message did not go out, and WeChat did not say the grant was gone). */
export async function refundSubscriptionGrant(deps: Deps, citizenId: unknown, templateId: string): Promise<void> {
  await deps.models.Citizen.collection.updateOne({ _id: citizenId as never }, { $inc: { [`subscriptionGrants.${templateId}`]: 1 } });
}

/** WeChat says the citizen has no grant for this template (refused, or used up): our count is wrong. */
export async function clearSubscriptionGrants(deps: Deps, citizenId: unknown, templateId: string): Promise<void> {
  await deps.models.Citizen.collection.updateOne({ _id: citizenId as never }, { $set: { [`subscriptionGrants.${templateId}`]: 0 } });
}
