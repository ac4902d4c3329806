// The ticket detail page in jsdom with the API stubbed: withdrawal asks for a reason checked by the
// shared schema, 催办 and 申请重办 show their state and failures inline, and the subscription prompt
// asks WeChat inside the tap and shows the grants left.
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import type { SubscriptionState, TicketDetail } from '@minhu/shared';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../api/errors';
import { flush, mount, type Mounted } from '../../../tests/render';

const api = {
  tickets: { get: vi.fn(), withdraw: vi.fn(), urge: vi.fn(), requestReopen: vi.fn(), rate: vi.fn() },
  me: { get: vi.fn(), reportSubscriptions: vi.fn() },
};
vi.mock('../../api/minhu-api', () => ({ api }));

const { session } = await import('../../api/session');
const { default: TicketDetailPage } = await import('./index');

const NOW = new Date();
function ticket(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: 't1',
    number: 'MH20261122000001',
    kind: 'complaint',
    categoryId: 'noise',
    status: 'submitted',
    excerpt: '工地夜间施工',
    urgent: false,
    dueAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
    overdue: false,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    description: '幸福路 88 号工地每天半夜施工，噪音很大。',
    location: null,
    contactPhoneMasked: '138****0000',
    anonymous: false,
    media: [],
    timeline: [{ status: 'submitted', at: NOW.toISOString(), actor: { type: 'citizen' } }],
    ratings: [],
    canRate: false,
    canWithdraw: false,
    canUrge: false,
    lastUrgedAt: null,
    canRequestReopen: false,
    reopenRequest: null,
    incidentReporters: null,
    ...over,
  };
}
const subscriptions = (remaining: number): SubscriptionState => ({ templates: remaining < 0 ? [] : [{ id: 'tmpl_status_01', purpose: 'ticket_status', remaining }] });
const me = (s: SubscriptionState) => ({ citizen: { id: 'c1', phoneMasked: '138****0000' }, wechatLinked: true, subscriptions: s });
const rejected = (status: number, message: string) => apiError({ kind: 'http', status, message, retryable: false });

/** Types into a NutUI TextArea (Taro's <Textarea> answers `input` events carrying detail.value). */
async function type(m: Mounted, testId: string, value: string) {
  const el = m.one(testId);
  await act(async () => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

async function open(t: TicketDetail, subs: SubscriptionState = subscriptions(-1)) {
  api.tickets.get.mockResolvedValue({ ticket: t });
  api.me.get.mockResolvedValue(me(subs));
  const m = await mount(<TicketDetailPage />);
  await flush();
  return m;
}

describe('ticket detail page', () => {
  beforeEach(() => {
    for (const group of Object.values(api)) for (const fn of Object.values(group)) fn.mockReset();
    (Current as { router: { params: Record<string, string> } }).router.params = { id: 't1' };
    vi.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never);
    vi.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => undefined as never);
  });

  it('after the sign-in a refused load asks for, shows the ticket without a tap on 重试', async () => {
    session.set({ token: 'tok-new', citizen: { id: 'c1', phoneMasked: '138****0000' } });
    api.tickets.get.mockRejectedValueOnce(apiError({ kind: 'unauthorized', status: 401, message: '登录已过期，请重新登录', retryable: false }));
    const m = await open(ticket());
    expect(api.tickets.get).toHaveBeenCalledTimes(2);
    expect(m.text()).toContain('工单号 MH20261122000001');
    expect(m.byTestId('error-state')).toHaveLength(0);
    m.unmount();
  });

  it('withdraws only with a reason the shared schema accepts, and shows the server’s refusal inline', async () => {
    const m = await open(ticket({ canWithdraw: true }));
    expect(m.byTestId('withdraw-form')).toHaveLength(0);
    await m.click(m.one('withdraw-button'));
    await m.click(m.one('withdraw-form-submit'));
    expect(m.one('withdraw-form-error').textContent).toBe('请说明撤回原因');
    expect(api.tickets.withdraw).not.toHaveBeenCalled();

    api.tickets.withdraw.mockRejectedValueOnce(rejected(409, '工单已受理，不能撤回；如需补充或取消，请联系 12345'));
    await type(m, 'withdraw-form-input', '  问题已经自行解决了 ');
    await m.click(m.one('withdraw-form-submit'));
    await flush();
    expect(api.tickets.withdraw).toHaveBeenCalledWith('t1', { reason: '问题已经自行解决了' });
    expect(m.one('withdraw-form-error').textContent).toContain('工单已受理，不能撤回');

    api.tickets.withdraw.mockResolvedValueOnce(ticket({ status: 'withdrawn', canWithdraw: false }));
    await m.click(m.one('withdraw-form-submit'));
    await flush();
    expect(m.byTestId('withdraw-card')).toHaveLength(0);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已撤回', icon: 'success' });
    m.unmount();
  });

  it('urges an overdue ticket, says when it was urged, and shows a refusal inline', async () => {
    const m = await open(ticket({ status: 'dispatched', overdue: true, canUrge: true }));
    expect(m.byTestId('urged-at')).toHaveLength(0);
    api.tickets.urge.mockRejectedValueOnce(rejected(409, '今天已经催办过，请明天再试'));
    await m.click(m.one('urge-button'));
    await flush();
    expect(m.one('urge-error').textContent).toBe('今天已经催办过，请明天再试');

    api.tickets.urge.mockResolvedValueOnce(ticket({ status: 'dispatched', overdue: true, canUrge: false, lastUrgedAt: new Date().toISOString() }));
    await m.click(m.one('urge-button'));
    await flush();
    expect(api.tickets.urge).toHaveBeenCalledWith('t1');
    expect(m.one('urged-at').textContent).toMatch(/^今天已催办（\d\d:\d\d）$/);
    expect(m.byTestId('urge-button')).toHaveLength(0);
    m.unmount();
  });

  it('shows an earlier urge by its date, and nothing for a ticket never urged and within its time', async () => {
    const m = await open(ticket({ status: 'dispatched', lastUrgedAt: '2026-03-02T01:30:00Z' }));
    expect(m.one('urged-at').textContent).toMatch(/^上次催办：2026年3月2日 /);
    m.unmount();
    const n = await open(ticket({ status: 'dispatched' }));
    expect(n.byTestId('urge-card')).toHaveLength(0);
    n.unmount();
  });

  it('asks for a reason of at least 5 characters before requesting 重办, then shows the request', async () => {
    const m = await open(ticket({ status: 'callback', canRequestReopen: true }));
    await type(m, 'reopen-form-input', '没修好');
    await m.click(m.one('reopen-form-submit'));
    expect(m.one('reopen-form-error').textContent).toBe('请说明需要重新办理的原因（至少 5 个字）');
    expect(api.tickets.requestReopen).not.toHaveBeenCalled();

    const reason = '路灯修好两天又不亮了';
    api.tickets.requestReopen.mockResolvedValueOnce(ticket({ status: 'callback', reopenRequest: { reason, at: new Date().toISOString() } }));
    await type(m, 'reopen-form-input', reason);
    await m.click(m.one('reopen-form-submit'));
    await flush();
    expect(api.tickets.requestReopen).toHaveBeenCalledWith('t1', { reason });
    expect(m.byTestId('reopen-card')).toHaveLength(0);
    expect(m.one('reopen-requested').textContent).toContain(`已申请重办：${reason}，等待热线处理`);
    m.unmount();
  });

  it('offers progress reminders on an open ticket: asks WeChat in the tap and shows the grants left', async () => {
    const ask = vi.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', tmpl_status_01: 'accept' } as never);
    api.me.reportSubscriptions.mockResolvedValueOnce(me(subscriptions(2)));
    const m = await open(ticket({ status: 'accepted' }), subscriptions(1));
    expect(m.one('subscribe-remaining').textContent).toBe('还可接收 1 条提醒');
    await m.click(m.one('subscribe-progress'));
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl_status_01'] });
    await flush();
    expect(api.me.reportSubscriptions).toHaveBeenCalledWith(['tmpl_status_01']);
    expect(m.one('subscribe-remaining').textContent).toBe('还可接收 2 条提醒');

    // A refusal explains what happens instead.
    ask.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', tmpl_status_01: 'reject' } as never);
    await m.click(m.one('subscribe-progress'));
    await flush();
    expect(m.one('subscribe-note').textContent).toContain('短信');
    expect(api.me.reportSubscriptions).toHaveBeenCalledTimes(1);
    m.unmount();
  });

  it('has no prompt without a configured template or on a finished ticket', async () => {
    const m = await open(ticket({ status: 'accepted' }), subscriptions(-1));
    expect(m.byTestId('subscribe-progress')).toHaveLength(0);
    m.unmount();
    const n = await open(ticket({ status: 'closed' }), subscriptions(1));
    expect(n.byTestId('subscribe-progress')).toHaveLength(0);
    n.unmount();
  });
});
