// 订阅办理进度提醒 on the mini-program: WeChat's one-time subscribe messages, one grant per accepted
// template, reported to the gateway. H5 has none (subscribe.h5.ts; Taro picks the file by platform).
import Taro from '@tarojs/taro';
import type { SubscriptionState } from '@minhu/shared';
import { toUserMessage } from '../api/errors';
import { REFUSED_MESSAGE, SWITCHED_OFF_MESSAGE, templateIdsToAsk, type ReportSubscriptions, type SubscribeOutcome } from './subscribe-types';

export * from './subscribe-types';

/** Whether this platform can ask for progress notifications. */
export const subscriptionSupported = true;

/** The citizen switched subscribe messages off in WeChat's settings (WeChat answers this without asking). */
const SWITCHED_OFF = 20004;

/**
 * Asks WeChat for one more grant of each configured template and reports those accepted.
 * Call it straight from a tap handler: WeChat only shows the prompt when `requestSubscribeMessage` runs
 * inside the tap, so it is the first thing done here, before anything is awaited.
 */
export function requestProgressSubscription(state: SubscriptionState, report: ReportSubscriptions): Promise<SubscribeOutcome> {
  const tmplIds = templateIdsToAsk(state);
  const asked = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  return settle(asked, tmplIds, report);
}

async function settle(asked: ReturnType<typeof Taro.requestSubscribeMessage>, tmplIds: string[], report: ReportSubscriptions): Promise<SubscribeOutcome> {
  let answer: Record<string, unknown>;
  try {
    answer = (await asked) as Record<string, unknown>;
  } catch (e) {
    const err = e as { errCode?: number; errMsg?: string };
    if (err?.errCode === SWITCHED_OFF) return { kind: 'refused', message: SWITCHED_OFF_MESSAGE };
    if (/cancel/i.test(String(err?.errMsg ?? ''))) return { kind: 'refused', message: REFUSED_MESSAGE };
    return { kind: 'failed', message: '暂时无法开启微信提醒，请稍后再试' };
  }
  // Each id answers 'accept', 'reject', 'ban' (template banned) or 'filter' (hidden by WeChat).
  const accepted = tmplIds.filter((id) => answer[id] === 'accept');
  if (accepted.length === 0) return { kind: 'refused', message: REFUSED_MESSAGE };
  try {
    const me = await report(accepted);
    return { kind: 'accepted', accepted, subscriptions: me.subscriptions };
  } catch (e) {
    return { kind: 'failed', message: `没能记录您的订阅：${toUserMessage(e)}，请再点一次` };
  }
}
