// 问答原文 in jsdom: the entry in full with its category and provenance (来源 · 更新于), the ways on (bot, report),
// a failed load with a retry, and 转发 sharing the entry's own page under its question.
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../api/errors';
import { flush, mount } from '../../../tests/render';

const entry = vi.fn();
vi.mock('../../api/minhu-api', () => ({ api: { faq: { entry: (...a: unknown[]) => entry(...a) } } }));
const share = vi.hoisted(() => ({ last: null as null | (() => { title: string; path: string }) }));
vi.mock('@tarojs/taro', async (importOriginal) => {
  const taro = await importOriginal<typeof import('@tarojs/taro')>();
  return { ...taro, useShareAppMessage: (fn: () => { title: string; path: string }) => void (share.last = fn) };
});

const { default: FaqEntryPage } = await import('./index');

const ENTRY = {
  id: 'faq_idcard_01',
  categoryId: 'household-id',
  question: '身份证丢了怎么补办？',
  answer: '带上户口簿到户籍所在地派出所补领。\n\n异地也可以办理。',
  department: '市公安局',
  updatedAt: '2025-03-15T04:00:00.000Z',
};

describe('FAQ entry page', () => {
  beforeEach(() => {
    entry.mockReset();
    share.last = null;
    (Current as { router: { params: Record<string, string> } }).router.params = { id: ENTRY.id };
    vi.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never);
  });

  it('shows the entry and leads on to the bot or a report', async () => {
    entry.mockResolvedValueOnce(ENTRY);
    const m = await mount(<FaqEntryPage />);
    await flush();
    expect(entry).toHaveBeenCalledWith(ENTRY.id);
    expect(m.one('faq-entry-category').textContent).toBe('户籍与身份证');
    expect(m.one('faq-entry-question').textContent).toBe(ENTRY.question);
    expect(m.one('faq-entry-answer').textContent).toBe(ENTRY.answer);
    expect(m.one('faq-entry-provenance').textContent).toBe('来源：市公安局 · 更新于 2025-03-15');
    expect(share.last?.()).toEqual({ title: ENTRY.question, path: `/sub/faq-entry/index?id=${ENTRY.id}` });

    await m.click(m.one('faq-entry-ask'));
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/index/index' });
    expect(m.one('faq-entry-ask').textContent).toBe('还有问题？问智能客服');
    await m.click(m.one('faq-entry-report'));
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/report/index' });
    m.unmount();
  });

  it('says why it could not load and retries', async () => {
    entry.mockRejectedValueOnce(apiError({ kind: 'http', status: 404, message: '这条问答不存在或已下线', retryable: false }));
    const m = await mount(<FaqEntryPage />);
    await flush();
    expect(m.one('error-state').textContent).toContain('这条问答不存在或已下线');
    entry.mockResolvedValueOnce(ENTRY);
    await m.click(m.one('retry-button'));
    await flush();
    expect(m.one('faq-entry-question').textContent).toBe(ENTRY.question);
    m.unmount();
  });
});
