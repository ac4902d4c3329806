// The subscription prompt's logic with WeChat's answer under our control: WeChat is asked inside the
// call (no await first), accepted templates are reported once each, a refusal explains the SMS fallback.
import Taro from '@tarojs/taro';
import type { MeResponse, SubscriptionState } from '@minhu/shared';
import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../api/errors';
import * as h5 from './subscribe.h5';
import { remainingGrants, requestProgressSubscription, subscriptionSupported, SWITCHED_OFF_MESSAGE, templateIdsToAsk } from './subscribe';

const state = (...remaining: number[]): SubscriptionState => ({
  templates: remaining.map((r, i) => ({ id: `tmpl_status_0${i + 1}`, purpose: 'ticket_status' as const, remaining: r })),
});
const me = (subscriptions: SubscriptionState): MeResponse => ({
  citizen: { id: 'c1', phoneMasked: '138****0000' } as MeResponse['citizen'],
  wechatLinked: true,
  subscriptions,
});

/** WeChat's wx.requestSubscribeMessage, answering as the citizen would. */
function wechatAnswers(answer: Record<string, string> | { fail: { errCode: number; errMsg: string } }) {
  return vi.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((() =>
    'fail' in answer ? Promise.reject(answer.fail) : Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...answer })) as never);
}

describe('subscribe (mini-program)', () => {
  it('asks WeChat before anything is awaited, then reports each accepted template once', async () => {
    const ask = wechatAnswers({ tmpl_status_01: 'accept', tmpl_status_02: 'reject' });
    const report = vi.fn(async (ids: string[]) => me(state(3, 0)));
    const pending = requestProgressSubscription(state(2, 0), report);
    // Still inside the tap: WeChat has been asked synchronously.
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl_status_01', 'tmpl_status_02'] });
    expect(report).not.toHaveBeenCalled();
    const outcome = await pending;
    expect(report).toHaveBeenCalledExactlyOnceWith(['tmpl_status_01']);
    expect(outcome).toEqual({ kind: 'accepted', accepted: ['tmpl_status_01'], subscriptions: state(3, 0) });
  });

  it('explains a refusal (SMS instead) and reports nothing', async () => {
    wechatAnswers({ tmpl_status_01: 'reject' });
    const report = vi.fn();
    const outcome = await requestProgressSubscription(state(0), report);
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind !== 'accepted' && outcome.message).toContain('短信');
    expect(report).not.toHaveBeenCalled();

    wechatAnswers({ tmpl_status_01: 'ban' });
    expect((await requestProgressSubscription(state(0), report)).kind).toBe('refused');
    wechatAnswers({ fail: { errCode: 20004, errMsg: 'requestSubscribeMessage:fail main switch is off' } });
    expect(await requestProgressSubscription(state(0), report)).toEqual({ kind: 'refused', message: SWITCHED_OFF_MESSAGE });
    expect(report).not.toHaveBeenCalled();
  });

  it('says so when WeChat cannot ask or the server does not record the grant', async () => {
    wechatAnswers({ fail: { errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return' } });
    expect((await requestProgressSubscription(state(0), vi.fn())).kind).toBe('failed');

    wechatAnswers({ tmpl_status_01: 'accept' });
    const report = vi.fn(async () => {
      throw apiError({ kind: 'http', status: 400, message: '无效的订阅消息模板', retryable: false });
    });
    const outcome = await requestProgressSubscription(state(0), report);
    expect(outcome).toEqual({ kind: 'failed', message: expect.stringContaining('无效的订阅消息模板') });
  });

  it('asks for at most 3 templates and counts the grants left', () => {
    expect(subscriptionSupported).toBe(true);
    expect(templateIdsToAsk(state(1, 1, 1, 1))).toHaveLength(3);
    expect(remainingGrants(state(2, 1))).toBe(3);
    expect(remainingGrants({ templates: [] })).toBe(0);
  });
});

describe('subscribe (H5)', () => {
  it('has no prompt and never calls WeChat', async () => {
    const ask = vi.spyOn(Taro, 'requestSubscribeMessage');
    expect(h5.subscriptionSupported).toBe(false);
    expect((await h5.requestProgressSubscription(state(1), vi.fn())).kind).toBe('failed');
    expect(ask).not.toHaveBeenCalled();
  });
});
