// H5 has no WeChat subscribe messages: progress goes out by SMS, and the detail page shows no prompt.
import type { SubscriptionState } from '@minhu/shared';
import type { ReportSubscriptions, SubscribeOutcome } from './subscribe-types';

export * from './subscribe-types';

/** Whether this platform can ask for progress notifications. */
export const subscriptionSupported = false;

/** Never called on H5 (the prompt is hidden); answers with why there is nothing to ask. */
export function requestProgressSubscription(_state: SubscriptionState, _report: ReportSubscriptions): Promise<SubscribeOutcome> {
  return Promise.resolve({ kind: 'failed', message: '网页版不支持微信提醒，办理进度会用短信通知您' });
}
