// 常见问题 in jsdom: each listed question opens its full entry (问答原文).
import Taro from '@tarojs/taro';
import { describe, expect, it, vi } from 'vitest';
import { flush, mount } from '../../../tests/render';

const list = vi.fn();
vi.mock('../../api/minhu-api', () => ({ api: { faq: { list: (...a: unknown[]) => list(...a) } } }));

const { default: FaqPage } = await import('./index');

describe('FAQ page', () => {
  it('opens an entry from the list', async () => {
    vi.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
    list.mockResolvedValueOnce({
      items: [
        { id: 'faq_a', categoryId: 'housing-fund', question: '公积金怎么提取？', answer: '在公积金中心网上办事大厅申请。' },
        { id: 'faq_b', categoryId: 'housing-fund', question: '公积金贷款额度是多少？', answer: '按缴存余额的倍数计算。' },
      ],
    });
    const m = await mount(<FaqPage />);
    await flush();
    const items = m.byTestId('faq-item');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('公积金怎么提取？'), expect.stringContaining('公积金贷款额度是多少？')]);
    await m.click(items[1]!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/sub/faq-entry/index?id=faq_b' });
    m.unmount();
  });
});
