// The chat home page in jsdom: an emergency answer shows the banner, a complaint opens the report
// form prefilled, a dropped message keeps the question with a resend, feedback is sent, an answer
// from the FAQ links to its entry (查看原文), and 转发 shares the home page.
import Taro from '@tarojs/taro';
import type { ChatMessageResponse } from '@minhu/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, NETWORK_MESSAGE } from '../../api/errors';
import { flush, mount } from '../../../tests/render';

const send = vi.fn();
const feedback = vi.fn();
vi.mock('../../api/minhu-api', () => ({ api: { chat: { send: (...a: unknown[]) => send(...a), feedback: (...a: unknown[]) => feedback(...a) } } }));
const share = vi.hoisted(() => ({ last: null as null | (() => { title: string; path: string }) }));
vi.mock('@tarojs/taro', async (importOriginal) => {
  const taro = await importOriginal<typeof import('@tarojs/taro')>();
  return { ...taro, useShareAppMessage: (fn: () => { title: string; path: string }) => void (share.last = fn) };
});

const { default: HomePage } = await import('./index');
const { takeHandoff } = await import('../../report/draft');
const { taroStore } = await import('../../lib/storage');
const { sourceFaqId } = await import('./chat-state');

const reply = (over: Partial<ChatMessageResponse>): ChatMessageResponse => ({
  conversationId: 'conv_abcdefghij',
  messageId: `msg_${Math.random().toString(36).slice(2, 14)}`,
  intent: 'consult',
  categoryId: null,
  confidence: 0.9,
  reply: { text: '好的', suggestions: [] },
  ...over,
});

async function ask(m: Awaited<ReturnType<typeof mount>>, index = 0) {
  await m.click(m.byTestId('sample-question')[index]!);
  await flush();
}

describe('home page (智能问答)', () => {
  beforeEach(() => {
    send.mockReset();
    feedback.mockReset();
    vi.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'ok' } as never);
    vi.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never);
  });

  it('shows the emergency banner with the numbers to call', async () => {
    send.mockResolvedValueOnce(reply({ intent: 'emergency', reply: { text: '请立即拨打 119！', suggestions: [], emergencyNumbers: ['119', '120'] } }));
    const m = await mount(<HomePage />);
    await ask(m);
    expect(m.one('emergency-banner').textContent).toContain('119');
    expect(m.byTestId('call-120')).toHaveLength(1);
    m.unmount();
  });

  it('opens the report form prefilled from a complaint', async () => {
    const draft = { kind: 'complaint' as const, categoryId: 'noise' as const, description: '晚上工地施工太吵了', location: { address: '幸福小区' } };
    send.mockResolvedValueOnce(reply({ intent: 'complaint', categoryId: 'noise', reply: { text: '我可以帮您转给相关部门。', suggestions: [] }, draft }));
    const m = await mount(<HomePage />);
    await ask(m, 2);
    await m.click(m.one('report-from-chat'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
    expect(takeHandoff(taroStore)).toEqual(draft);
    m.unmount();
  });

  it('keeps a question that did not get through and resends it in the same conversation', async () => {
    send.mockRejectedValueOnce(apiError({ kind: 'network', message: NETWORK_MESSAGE, retryable: true }));
    const m = await mount(<HomePage />);
    await ask(m);
    expect(m.one('user-message').textContent).toContain(NETWORK_MESSAGE);
    send.mockResolvedValueOnce(reply({ reply: { text: '社保卡挂失后补办。', suggestions: [{ faqId: 'f2', question: '社保卡怎么激活？' }] } }));
    await m.click(m.one('resend-button'));
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0]).toEqual(send.mock.calls[0]![0]);
    expect(m.byTestId('user-message')).toHaveLength(1);
    expect(m.one('bot-message').textContent).toContain('社保卡挂失后补办');

    // A suggestion chip asks it, now continuing the conversation.
    send.mockResolvedValueOnce(reply({ reply: { text: '激活方法……', suggestions: [] } }));
    await m.click(m.one('suggestion-chip'));
    await flush();
    expect(send.mock.calls[2]![0]).toEqual({ text: '社保卡怎么激活？', conversationId: 'conv_abcdefghij' });
    m.unmount();
  });

  it('sends 没用 feedback and offers the next steps', async () => {
    const r = reply({ reply: { text: '公积金提取需要……', suggestions: [] } });
    send.mockResolvedValueOnce(r);
    feedback.mockResolvedValueOnce({});
    const m = await mount(<HomePage />);
    await ask(m, 1);
    await m.click(m.one('feedback-unhelpful'));
    await flush();
    expect(feedback).toHaveBeenCalledWith({ conversationId: r.conversationId, messageId: r.messageId, helpful: false });
    expect(m.one('unhelpful-options').textContent).toContain('拨打 12345');
    m.unmount();
  });

  it('links an answer from the FAQ to its entry (查看原文), and only such answers', async () => {
    vi.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
    send.mockResolvedValueOnce(reply({ faqId: 'faq_citizen_card_03', reply: { text: '社保卡挂失后到网点补办。', suggestions: [] } }));
    const m = await mount(<HomePage />);
    await ask(m);
    expect(m.one('faq-source').textContent).toContain('查看原文');
    await m.click(m.one('faq-source'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/sub/faq-entry/index?id=faq_citizen_card_03' });
    m.unmount();
    const bot = (r: ChatMessageResponse) => ({ id: 'b', role: 'bot' as const, question: '', reply: r, feedback: 'none' as const });
    expect(sourceFaqId(bot(reply({ intent: 'clarify', faqId: 'faq_housing_fund_01' })))).toBeNull();
    expect(sourceFaqId(bot(reply({})))).toBeNull();
  });

  it('shares the home page', async () => {
    const m = await mount(<HomePage />);
    expect(share.last?.()).toEqual({ title: '民呼 12345 · 有事找政府，一问就知道', path: '/pages/index/index' });
    m.unmount();
  });
});
