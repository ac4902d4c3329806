// The 我要反映 page end to end in jsdom: a saved draft comes back after a "restart", a network failure
// keeps everything, and the retry files one ticket with the same Idempotency-Key.
import Taro from '@tarojs/taro';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, NETWORK_MESSAGE } from '../../api/errors';
import { flush, mount } from '../../../tests/render';

const createTicket = vi.fn();
vi.mock('../../api/minhu-api', () => ({
  api: { tickets: { create: (...a: unknown[]) => createTicket(...a) }, uploads: { create: vi.fn() } },
}));
vi.mock('../../upload/media', () => ({
  mediaPlatform: { pick: vi.fn(async () => []), keep: vi.fn(async () => null), release: vi.fn(async () => undefined), releaseAll: vi.fn(async () => undefined), compressImage: vi.fn(), compressVideo: vi.fn(), upload: vi.fn() },
}));

const { session } = await import('../../api/session');
const { saveDraft, emptyDraft, restoreDraft } = await import('../../report/draft');
const { taroStore } = await import('../../lib/storage');
const { default: ReportPage } = await import('./index');

describe('report page', () => {
  beforeEach(() => {
    createTicket.mockReset();
    session.set({ token: 'tok', citizen: { id: 'c1', phoneMasked: '138****0000' } });
    vi.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never);
    vi.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never);
    vi.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
  });

  it('restores the saved draft, survives a failed submit, and files once with the same key', async () => {
    const saved = { ...emptyDraft(0, () => 'draft-saved-key-1234'), kind: 'help' as const, description: '家门口的下水道堵了三天，污水流到路上', address: '幸福路 8 号' };
    saveDraft(taroStore, saved);

    const m = await mount(<ReportPage />);
    // Taro's <Textarea> is a custom element (not upgraded in jsdom): its value is an attribute.
    const description = () => m.one('description-input').getAttribute('value');
    expect(description()).toBe(saved.description);
    expect(m.one('description-counter').textContent).toContain(`已写 ${saved.description.length} / 2000 字`);
    expect(m.one('address-input').getAttribute('value')).toBe('幸福路 8 号');

    createTicket.mockRejectedValueOnce(apiError({ kind: 'network', message: NETWORK_MESSAGE, retryable: true }));
    await m.click(m.one('report-submit'));
    await flush();
    expect(m.one('error-state').textContent).toContain(NETWORK_MESSAGE);
    expect(restoreDraft(taroStore)?.description).toBe(saved.description); // nothing lost

    createTicket.mockResolvedValueOnce({ ticket: { id: 't9', number: 'MH20261122000009' } });
    await m.click(m.one('retry-button'));
    await flush();
    await flush();
    expect(createTicket).toHaveBeenCalledTimes(2);
    expect(createTicket.mock.calls.map((c) => c[1])).toEqual(['draft-saved-key-1234', 'draft-saved-key-1234']);
    expect(createTicket.mock.calls[0]![0]).toEqual({ kind: 'help', description: saved.description, location: { address: '幸福路 8 号' } });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/sub/ticket/index?id=t9' });
    // The form starts over with a new key.
    expect(description()).toBe('');
    await flush();
    const next = restoreDraft(taroStore);
    expect(next?.idempotencyKey).not.toBe('draft-saved-key-1234');
    m.unmount();
  });

  it('signs in before a photo is picked, so its upload has a session', async () => {
    const { mediaPlatform } = await import('../../upload/media');
    session.set(null);
    const m = await mount(<ReportPage />);
    await m.click(m.one('add-image'));
    await flush();
    // H5 cannot sign in silently: the login page opens (and returns here), and nothing was picked.
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/sub/login/index?redirect=%2Fpages%2Freport%2Findex' });
    expect(mediaPlatform.pick).not.toHaveBeenCalled();

    session.set({ token: 'tok', citizen: { id: 'c1', phoneMasked: '138****0000' } });
    await m.click(m.one('add-image'));
    await flush();
    expect(mediaPlatform.pick).toHaveBeenCalledWith('image', 9);
    m.unmount();
  });

  it('signing out elsewhere empties the form and leaves no draft behind on the device', async () => {
    saveDraft(taroStore, { ...emptyDraft(), description: '小区门口的垃圾三天没有清运了', contactPhone: '13800000000' });
    const m = await mount(<ReportPage />);
    expect(m.one('description-input').getAttribute('value')).toBe('小区门口的垃圾三天没有清运了');
    const { clearLocalData } = await import('../../lib/local-data');
    await clearLocalData();
    await flush();
    // Later than the form's own save after a change (300 ms): nothing may come back.
    await new Promise((r) => setTimeout(r, 400));
    await flush();
    expect(m.one('description-input').getAttribute('value')).toBe('');
    expect(taroStore.get('minhu.reportDraft.v1')).toBeNull();
    m.unmount();
  });

  it('does not send an incomplete form and says why', async () => {
    const m = await mount(<ReportPage />);
    await m.click(m.one('report-submit'));
    await flush();
    expect(createTicket).not.toHaveBeenCalled();
    expect(m.text()).toContain('问题描述至少 10 个字');
    m.unmount();
  });
});
