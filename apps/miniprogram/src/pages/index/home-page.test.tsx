// The chat home page in jsdom: an emergency answer shows the banner and, under the numbers, 继续反映 to the
// prefilled report; a complaint opens the report form prefilled, a dropped message keeps the question with a
// resend, feedback is sent, an answer from the FAQ names its source and links to its entry (查看原文), after two
// unhelpful turns the bot offers 拨打12345 and 留言给人工, and 转发 shares the home page.
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

  it('offers 不是紧急情况？继续反映 under the numbers: one tap opens the report prefilled', async () => {
    const draft = { kind: 'complaint' as const, categoryId: 'heating' as const, description: '我家暖气管爆了，水漫到楼下了' };
    send.mockResolvedValueOnce(reply({ intent: 'emergency', reply: { text: '情况紧急！请立即拨打 119。', suggestions: [], emergencyNumbers: ['119'] }, draft }));
    const m = await mount(<HomePage />);
    await ask(m);
    const bubble = m.one('bot-message');
    const text = bubble.textContent!;
    expect(text.indexOf('119')).toBeLessThan(text.indexOf('不是紧急情况？继续反映'));
    expect(m.one('emergency-continue').textContent).toBe('不是紧急情况？继续反映');
    await m.click(m.one('emergency-continue'));
    expect(Taro.switchTab).toHaveBeenCalledTimes(1);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
    expect(takeHandoff(taroStore)).toEqual(draft);
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

  it('links an answer from the FAQ to its entry (查看原文) under its source, and only such answers', async () => {
    vi.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
    const source = { faqId: 'faq_citizen_card_03', department: '市人力资源和社会保障局', updatedAt: '2025-03-15T04:00:00.000Z' };
    send.mockResolvedValueOnce(reply({ faqId: 'faq_citizen_card_03', source, reply: { text: '社保卡挂失后到网点补办。', suggestions: [] } }));
    const m = await mount(<HomePage />);
    await ask(m);
    expect(m.one('faq-provenance').textContent).toBe('来源：市人力资源和社会保障局 · 更新于 2025-03-15');
    expect(m.one('faq-source').textContent).toContain('查看原文');
    await m.click(m.one('faq-source'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/sub/faq-entry/index?id=faq_citizen_card_03' });
    m.unmount();
    const bot = (r: ChatMessageResponse) => ({ id: 'b', role: 'bot' as const, question: '', reply: r, feedback: 'none' as const });
    expect(sourceFaqId(bot(reply({ intent: 'clarify', faqId: 'faq_housing_fund_01' })))).toBeNull();
    expect(sourceFaqId(bot(reply({})))).toBeNull();
  });

  it('offers a person with the second unhelpful answer: 拨打12345 dials, 留言给人工 opens the consult report', async () => {
    const handoff = { phone: '12345', draft: { kind: 'consult' as const, categoryId: null, description: '我在智能问答中没有找到满意的答复，请工作人员答复。我问的是：\n「明天股票会涨吗」\n「帮我写首诗」' } };
    send.mockResolvedValueOnce(reply({ intent: 'clarify', reply: { text: '您问的是哪一类问题？', suggestions: [{ faqId: 'citizen-card-04', question: '社保卡密码忘记怎么办？' }] } }));
    const m = await mount(<HomePage />);
    await ask(m);
    expect(m.byTestId('handoff')).toHaveLength(0);
    send.mockResolvedValueOnce(reply({ intent: 'out_of_scope', reply: { text: '抱歉，这个问题不在民呼的服务范围内。', suggestions: [] }, handoff }));
    await m.click(m.one('suggestion-chip'));
    await flush();
    const offers = m.byTestId('handoff');
    expect(offers).toHaveLength(1);
    expect(m.one('handoff-call').textContent).toBe('拨打12345');
    expect(m.one('handoff-message').textContent).toBe('留言给人工');

    const call = vi.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never);
    await m.click(m.one('handoff-call'));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' });
    await m.click(m.one('handoff-message'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
    expect(takeHandoff(taroStore)).toEqual(handoff.draft);
    m.unmount();
  });

  it('offers a person when a 没用 makes two unhelpful turns in a row, instead of the usual next steps', async () => {
    const handoff = { phone: '12345', draft: { kind: 'consult' as const, categoryId: 'housing-fund' as const, description: '我问的是：\n「公积金怎么提取？」' } };
    const r = reply({ faqId: 'housing-fund-01', reply: { text: '公积金提取需要……', suggestions: [] } });
    send.mockResolvedValueOnce(r);
    feedback.mockResolvedValueOnce({ ok: true, reply: { text: '抱歉，连续几次都没能帮到您。', actions: ['file_ticket', 'call_12345'] }, handoff });
    const m = await mount(<HomePage />);
    await ask(m, 1);
    await m.click(m.one('feedback-unhelpful'));
    await flush();
    expect(m.byTestId('unhelpful-options')).toHaveLength(0);
    expect(m.one('handoff').textContent).toContain('拨打12345');
    await m.click(m.one('handoff-message'));
    expect(takeHandoff(taroStore)).toEqual(handoff.draft);
    m.unmount();
  });

  it('shares the home page', async () => {
    const m = await mount(<HomePage />);
    expect(share.last?.()).toEqual({ title: '民呼 12345 · 有事找政府，一问就知道', path: '/pages/index/index' });
    m.unmount();
  });
});
