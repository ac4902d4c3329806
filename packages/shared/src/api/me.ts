/** The signed-in citizen's own account: profile, WeChat subscriptions. */
import { z } from 'zod';
import { CitizenSchema } from './auth.js';

/** A WeChat subscribe-message template id, as WeChat issues them. */
export const TemplateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '无效的订阅消息模板');

/** POST /api/me/wechat-subscriptions — the one-time grants a citizen just accepted. */
export const WechatSubscriptionsSchema = z.strictObject({
  /** Template ids the citizen accepted in `wx.requestSubscribeMessage`: one grant per id listed (WeChat asks for at most 3 at once). */
  templateIds: z
    .array(TemplateIdSchema)
    .min(1)
    .max(3)
    .refine((ids) => new Set(ids).size === ids.length, '模板重复'),
});
export type WechatSubscriptions = z.infer<typeof WechatSubscriptionsSchema>;

/** What the citizen's progress notifications can use. */
export const SubscriptionStateSchema = z.object({
  /** Subscribe-message templates the mini-program should ask for, with the grants left for each. */
  templates: z.array(
    z.object({
      /** Template id (pass to `wx.requestSubscribeMessage`). */
      id: z.string(),
      /** What it announces. */
      purpose: z.enum(['ticket_status']),
      /** One-time grants left: each status message uses one; at 0 the citizen gets an SMS instead. */
      remaining: z.number().int().nonnegative(),
    }),
  ),
});
export type SubscriptionState = z.infer<typeof SubscriptionStateSchema>;

/** GET /api/me and the answer of POST /api/me/wechat-subscriptions. */
export const MeResponseSchema = z.object({
  /** The citizen. */
  citizen: CitizenSchema,
  /** Whether the account is linked to WeChat (signed in from the mini-program at least once). */
  wechatLinked: z.boolean(),
  /** WeChat progress notifications. */
  subscriptions: SubscriptionStateSchema,
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
