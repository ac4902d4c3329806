// The 我要反映 page end to end in jsdom: a saved draft comes back after a "restart", a network failure
// keeps everything, and the retry files one ticket with the same Idempotency-Key.
import Taro from '@tarojs/taro';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, NETWORK_MESSAGE } from '../../api/errors';
import { flush, mount } from '../../../tests/render';

const createTicket = vi.fn();
const nearby = vi.fn();
vi.mock('../../api/minhu-api', () => ({
  api: { tickets: { create: (...a: unknown[]) => createTicket(...a) }, uploads: { create: vi.fn() }, incidents: { nearby: (...a: unknown[]) => nearby(...a) } },
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
    nearby.mockReset();
    nearby.mockResolvedValue({ items: [] });
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

  it('附议: offers the open incidents near the chosen point, joins one on 附议, sends it, and can take it back', async () => {
    const INCIDENT = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    nearby.mockResolvedValue({
      items: [
        { id: INCIDENT, categoryId: 'traffic-parking', summary: '幸福路路灯坏了一个月', address: '幸福路 8 号', distanceMetres: 123, reporters: 3, lastReportAt: '2026-12-01T08:00:00Z' },
        { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', categoryId: 'traffic-parking', summary: '幸福路东段路灯不亮', address: null, distanceMetres: 1480, reporters: 2, lastReportAt: '2026-12-01T09:00:00Z' },
      ],
    });
    const saved = { ...emptyDraft(0, () => 'draft-nearby-key-1234'), categoryId: 'traffic-parking' as const, description: '幸福路 8 号门口的路灯坏了，晚上很黑', address: '幸福路 8 号', lat: 23.1, lng: 113.2 };
    saveDraft(taroStore, saved);
    const m = await mount(<ReportPage />);
    await flush();
    expect(nearby).toHaveBeenCalledWith({ lat: 23.1, lng: 113.2, coordSystem: 'gcj02', categoryId: 'traffic-parking' });
    const items = m.byTestId('nearby-incident');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('幸福路路灯坏了一个月');
    expect(items[0]!.textContent).toContain('幸福路 8 号 · 约 120 米');
    expect(items[0]!.textContent).toContain('3 人反映');
    expect(items[1]!.textContent).toContain('约 1.5 公里');
    expect(m.one('nearby-incidents').textContent).toContain('附近已有市民反映');

    await m.click(m.byTestId('nearby-join')[0]!);
    await flush();
    expect(m.one('nearby-chosen').textContent).toContain('3 位市民');
    expect(m.one('nearby-cancel').getAttribute('aria-label')).toBe('取消附议：幸福路路灯坏了一个月');
    // Taking it back, then choosing again.
    await m.click(m.one('nearby-cancel'));
    await flush();
    expect(m.byTestId('nearby-chosen')).toHaveLength(0);
    await m.click(m.byTestId('nearby-join')[0]!);
    await flush();

    createTicket.mockResolvedValueOnce({ ticket: { id: 't10', number: 'MH20261122000010' } });
    await m.click(m.one('report-submit'));
    await flush();
    await flush();
    expect(createTicket.mock.calls[0]![0]).toMatchObject({ categoryId: 'traffic-parking', incidentId: INCIDENT, location: { lat: 23.1, lng: 113.2, coordSystem: 'gcj02' } });
    m.unmount();
  });

  it('附议 refused by the server (closed meanwhile): nothing filed, the choice goes, the next tap files alone', async () => {
    const INCIDENT = 'cccccccccccccccccccccccc';
    nearby.mockResolvedValue({ items: [{ id: INCIDENT, categoryId: 'noise', summary: '工地夜间施工', address: '幸福路', distanceMetres: 40, reporters: 2, lastReportAt: '2026-12-01T08:00:00Z' }] });
    saveDraft(taroStore, { ...emptyDraft(0, () => 'draft-closed-key-1234'), categoryId: 'noise', description: '幸福路工地每天半夜施工，噪音很大', address: '幸福路', lat: 23.1, lng: 113.2, incidentId: INCIDENT });
    const m = await mount(<ReportPage />);
    await flush();
    expect(m.byTestId('nearby-chosen')).toHaveLength(1);
    createTicket.mockRejectedValueOnce(apiError({ kind: 'http', status: 409, code: 'incident_closed', message: '该问题已办结', retryable: false }));
    await m.click(m.one('report-submit'));
    await flush();
    expect(m.one('error-state').textContent).toContain('该问题已办结。已取消附议，可以直接提交。');
    expect(m.byTestId('nearby-chosen')).toHaveLength(0);
    createTicket.mockResolvedValueOnce({ ticket: { id: 't11', number: 'MH20261122000011' } });
    await m.click(m.one('report-submit'));
    await flush();
    await flush();
    expect(createTicket.mock.calls[0]![0].incidentId).toBe(INCIDENT);
    expect(createTicket.mock.calls[1]![0].incidentId).toBeUndefined();
    m.unmount();
  });

  it('drops the choice when the chosen incident is no longer open nearby, and looks nothing up without a point', async () => {
    saveDraft(taroStore, { ...emptyDraft(0, () => 'draft-gone-key-12345'), categoryId: 'noise', description: '幸福路工地每天半夜施工，噪音很大', address: '幸福路', lat: 23.1, lng: 113.2, incidentId: 'dddddddddddddddddddddddd' });
    const m = await mount(<ReportPage />);
    await flush();
    await flush();
    expect(m.byTestId('nearby-incidents')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(restoreDraft(taroStore)?.incidentId).toBeUndefined();
    m.unmount();

    nearby.mockReset();
    saveDraft(taroStore, { ...emptyDraft(0, () => 'draft-nopoint-key-123'), categoryId: 'noise', description: '幸福路工地每天半夜施工，噪音很大', address: '幸福路' });
    const n = await mount(<ReportPage />);
    await flush();
    expect(nearby).not.toHaveBeenCalled();
    n.unmount();
  });

  it('附议 with a position but no address takes the incident’s address', async () => {
    nearby.mockResolvedValue({ items: [{ id: 'eeeeeeeeeeeeeeeeeeeeeeee', categoryId: 'noise', summary: '工地夜间施工', address: '幸福路 8 号工地', distanceMetres: 4, reporters: 2, lastReportAt: '2026-12-01T08:00:00Z' }] });
    saveDraft(taroStore, { ...emptyDraft(0, () => 'draft-noaddr-key-1234'), categoryId: 'noise', description: '幸福路工地每天半夜施工，噪音很大', lat: 23.1, lng: 113.2 });
    const m = await mount(<ReportPage />);
    await flush();
    expect(m.one('nearby-incident').textContent).toContain('10 米内');
    await m.click(m.one('nearby-join'));
    await flush();
    expect(m.one('address-input').getAttribute('value')).toBe('幸福路 8 号工地');
    m.unmount();
  });
});
