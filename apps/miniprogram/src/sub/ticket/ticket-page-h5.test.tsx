// On H5 (subscribe.h5.ts, as Taro resolves it there) the detail page has no subscription prompt and
// never asks for the WeChat templates.
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import { describe, expect, it, vi } from 'vitest';
import { flush, mount } from '../../../tests/render';

const api = { tickets: { get: vi.fn() }, me: { get: vi.fn() } };
vi.mock('../../api/minhu-api', () => ({ api }));
vi.mock('../../lib/subscribe', () => import('../../lib/subscribe.h5'));

const { default: TicketDetailPage } = await import('./index');

describe('ticket detail page on H5', () => {
  it('shows no subscription prompt', async () => {
    (Current as { router: { params: Record<string, string> } }).router.params = { id: 't1' };
    vi.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => undefined as never);
    const now = new Date().toISOString();
    api.tickets.get.mockResolvedValue({
      ticket: {
        id: 't1', number: 'MH20261122000001', kind: 'complaint', categoryId: null, status: 'accepted', excerpt: '', urgent: false,
        dueAt: null, overdue: false, createdAt: now, updatedAt: now, description: '小区门口路灯坏了一个月。', location: null,
        contactPhoneMasked: null, anonymous: false, media: [], timeline: [], ratings: [], canRate: false, canWithdraw: false,
        canUrge: false, lastUrgedAt: null, canRequestReopen: false, reopenRequest: null,
      },
    });
    const m = await mount(<TicketDetailPage />);
    await flush();
    expect(m.text()).toContain('工单号 MH20261122000001');
    expect(m.byTestId('subscribe-progress')).toHaveLength(0);
    expect(api.me.get).not.toHaveBeenCalled();
    m.unmount();
  });
});
