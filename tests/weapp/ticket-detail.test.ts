// 工单详情 in the compiled mini-program: an operator works a WeChat citizen's ticket through the
// gateway's operator API; the citizen opens sub/ticket/index?id=… cold (as from a notification),
// is signed in silently with WeChat, reads the timeline, views the photo and rates the handling.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, postToStorage } from '../support/media.js';
import { launchApp, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';

const OPENID = 'o-weapp-detail';
const DESCRIPTION = '幸福小区3号楼楼道的灯坏了两个星期，晚上上下楼很危险，物业一直没有修。';
const REPLY = '经核查，已联系物业于12月5日更换楼道灯具，并要求物业加强日常巡查。';
const COMMENT = '修好了，谢谢热线！';

let be: Backend;
let app: MiniApp;
let detail: PageDriver;
let ticket: { id: string; number: string };
let uploadId: string;
let department: string;
let shownWithoutRetry = false;

beforeAll(async () => {
  be = await startBackend();
  // Filed earlier by the same WeChat user (setup through the API: this file is about the detail page).
  be.wechat.codes.set('setup-code', { openid: OPENID });
  const citizen = (await be.gw.api('POST', '/api/auth/wechat', { body: { code: 'setup-code' } })).body.token as string;
  const jpeg = await makeJpeg(800, 600);
  const up = await be.gw.api('POST', '/api/uploads', { token: citizen, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } });
  expect((await postToStorage(up.body, jpeg, 'image/jpeg')).status).toBe(204);
  uploadId = up.body.uploadId;
  const filed = await be.gw.api('POST', '/api/tickets', {
    token: citizen,
    headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'miniprogram' },
    body: { kind: 'help', categoryId: 'real-estate', description: DESCRIPTION, location: { address: '幸福小区3号楼' }, media: [uploadId] },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  ticket = filed.body.ticket;

  // The operator works it up to the callback, when the citizen may rate it.
  const op = await be.operator();
  const move = async (type: string, data: Record<string, string> = {}) => {
    const res = await be.gw.api('POST', `/api/operator/tickets/${ticket.id}/events`, { token: op, body: { type, data } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const departments = (await be.gw.api('GET', '/api/operator/departments', { token: op })).body.departments as string[];
  department = departments[0]!;
  await move('accepted');
  await move('dispatched', { department });
  await move('replied', { reply: REPLY });
  await move('callback');

  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID });
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

describe('工单详情 on the mini-program', () => {
  it('opened cold while signed out, it signs in silently with WeChat', async () => {
    detail = await app.openPage('sub/ticket/index', { id: ticket.id });
    await detail.waitFor(() => app.wx.loginCodes.length === 1 && be.wechat.requests.some((r) => r.query.get('js_code') === app.wx.loginCodes[0]), 15_000, 'the WeChat sign-in');
    await detail.waitFor(() => JSON.parse(String(app.wx.api.getStorageSync('minhu.session.v1') || 'null'))?.token, 10_000, 'the session');
    // Signed in; give the page two seconds to show the ticket on its own.
    shownWithoutRetry = await detail.waitForText(`工单号 ${ticket.number}`, 2_000).catch(() => false);
    if (!shownWithoutRetry) {
      // What the citizen has to do today: the error stays until 重试 is tapped.
      expect(detail.text()).toContain('重试');
      await detail.tap('重试');
    }
    await detail.waitForText(`工单号 ${ticket.number}`, 15_000);
  });

  // KNOWN BUG: apps/miniprogram/src/sub/ticket/index.tsx:39 calls ensureSignedIn() on a 401 and drops its
  // answer; on the mini-program the silent WeChat sign-in succeeds, but nothing loads the ticket again,
  // so "登录已过期，请重新登录" stays on screen until the citizen taps 重试 (e.g. opened from a notification
  // after the 7-day token expired).
  it.fails('KNOWN BUG: after the silent sign-in the ticket shows without a tap on 重试', () => {
    expect(shownWithoutRetry).toBe(true);
  });

  it('shows where the ticket stands: the timeline with department, reply and who acted', () => {
    const timeline = detail.find('timeline').text();
    let at = 0;
    for (const label of ['已提交', '已受理', '已派单', '已答复', '回访中']) {
      const i = timeline.indexOf(label, at);
      expect(i, `${label} in ${timeline}`).toBeGreaterThanOrEqual(at);
      at = i;
    }
    expect(timeline).toContain(`承办部门：${department}`);
    expect(timeline).toContain(`答复：${REPLY}`);
    expect(timeline).toContain('王话务员');
    expect(detail.text()).toContain(DESCRIPTION);
    expect(detail.text()).toContain('地点：幸福小区3号楼');
  });

  it('taps the photo to view it full screen (wx.previewImage with its storage link)', async () => {
    const thumbs = detail.findAll('media-thumb');
    expect(thumbs).toHaveLength(1);
    await detail.tap(thumbs[0]!);
    await detail.waitFor(() => app.wx.callsOf('previewImage').length === 1, 5_000, 'previewImage');
    const { urls, current } = app.wx.callsOf('previewImage')[0]!.args as { urls: string[]; current: string };
    expect(urls).toEqual([current]);
    // The link really opens the photo in MinIO.
    const res = await fetch(current);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
  });

  it('rates it on the card (满意, 已解决, a comment) and the rating is stored', async () => {
    const card = detail.find('rating-card');
    expect(card.text()).toContain('请评价办理结果');
    await card.tap('满意');
    await card.tap('已解决');
    await detail.input(card.find('rating-comment'), COMMENT);
    await detail.tap(card.find('rating-submit'));

    await detail.waitForText('第 1 次：满意 · 已解决', 15_000);
    expect(detail.find('ratings').text()).toContain(`“${COMMENT}”`);
    expect(detail.has('rating-card')).toBe(false);
    expect(app.wx.callsOf('showToast').at(-1)!.args).toMatchObject({ title: '感谢您的评价', icon: 'success' });

    const stored = await be.gw.deps.models.Ticket.findById(ticket.id).lean<{ ratings: unknown[] }>();
    expect(stored!.ratings).toEqual([expect.objectContaining({ satisfaction: 'satisfied', resolved: true, comment: COMMENT, round: 1 })]);
  });

  it('called no wx API the stand-in lacks', () => {
    expect(app.wx.unhandled).toEqual([]);
  });
});
