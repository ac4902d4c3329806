// What asking for progress notifications can come to, on either platform, and the grants left to show.
import type { MeResponse, SubscriptionState } from '@minhu/shared';

export type SubscribeOutcome =
  /** The citizen accepted at least one template; `subscriptions` is the server's new count. */
  | { kind: 'accepted'; accepted: string[]; subscriptions: SubscriptionState }
  /** The citizen said no (or has subscribe messages switched off): progress goes out by SMS instead. */
  | { kind: 'refused'; message: string }
  /** WeChat could not ask, or the server did not record the grant. */
  | { kind: 'failed'; message: string };

/** Reports accepted template ids to the gateway (api.me.reportSubscriptions). */
export type ReportSubscriptions = (templateIds: string[]) => Promise<MeResponse>;

/** WeChat asks for at most 3 templates at once. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** Templates to ask for: the configured ones, at most 3. */
export function templateIdsToAsk(state: SubscriptionState): string[] {
  return state.templates.map((t) => t.id).slice(0, MAX_TEMPLATES_PER_REQUEST);
}

/** Progress messages the citizen can still receive on WeChat (one per grant left). */
export function remainingGrants(state: SubscriptionState): number {
  return state.templates.reduce((n, t) => n + t.remaining, 0);
}

export const REFUSED_MESSAGE = '您没有允许微信提醒。办理进度有变化时，我们会用短信通知您。';
export const SWITCHED_OFF_MESSAGE = '您在微信中关闭了订阅消息，办理进度会改用短信通知您。如需微信提醒，可在右上角“…”→“设置”中打开。';
