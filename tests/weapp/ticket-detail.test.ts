// 工单详情 in the compiled mini-program, with the gateway's notification worker running and a subscribe
// template configured (WECHAT_TEMPLATE_STATUS): a WeChat citizen opens sub/ticket/index?id=… cold (as
// from a notification), is signed in silently, subscribes to progress messages inside the tap, and the
// operator's next change reaches WeChat as a subscribe message that opens this page; a refusal falls
// back to SMS. Then 催办 once the ticket is overdue, a dissatisfied rating and 申请重办, and 撤回 with a
// reason on a second ticket. Every step is checked in the database, the WeChat stand-in or the SMS outbox.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { makeJpeg, postToStorage } from '../support/media.js';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { readAppJson, WEAPP_DIST } from './support/weapp-build.js';

const OPENID = 'o-weapp-detail';
const TEMPLATE = 'tmplStatus-0001';
const PHONE = freshPhone();
const DESCRIPTION = '幸福小区3号楼楼道的灯坏了两个星期，晚上上下楼很危险，物业一直没有修。';
const REPLY = '经核查，已联系物业于12月5日更换楼道灯具，并要求物业加强日常巡查。';
const COMMENT = '换了灯第二天又不亮了';
const REOPEN = '楼道灯换完第二天又坏了，还是很黑';
const WITHDRAW = '物业今天已经修好了，不用再处理';

let be: Backend;
let app: MiniApp;
let detail: PageDriver;
let ticket: { id: string; number: string };
let second: { id: string; number: string };
let uploadId: string;
let department: string;
let op: string;

const requestsTo = (path: string) => app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith(path));
const stored = () => be.gw.deps.models.Ticket.findById(ticket.id).lean<any>();
const move = async (id: string, type: string, data: Record<string, string> = {}) => {
  const res = await be.gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body: { type, data } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const smsTo = async (phone: string): Promise<string[]> =>
  (await readFile(be.gw.smsOutbox, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string; text: string; code?: string })
    .filter((m) => m.to === phone && !m.code)
    .map((m) => m.text);

beforeAll(async () => {
  be = await startBackend({ WECHAT_TEMPLATE_STATUS: TEMPLATE, OUTBOX_POLL_MS: '100' }, { background: true });
  // Filed earlier by the same WeChat user, whose phone was verified by SMS (setup through the API:
  // this file is about the detail page).
  be.wechat.codes.set('setup-code', { openid: OPENID });
  let token = (await be.gw.api('POST', '/api/auth/wechat', { body: { code: 'setup-code' } })).body.token as string;
  expect((await be.gw.api('POST', '/api/auth/otp/request', { body: { phone: PHONE } })).status).toBe(204);
  const bound = await be.gw.api('POST', '/api/me/phone', { token, body: { phone: PHONE, code: await be.gw.lastSmsCode(PHONE) } });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  token = bound.body.token;
  const jpeg = await makeJpeg(800, 600);
  const up = await be.gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } });
  expect((await postToStorage(up.body, jpeg, 'image/jpeg')).status).toBe(204);
  uploadId = up.body.uploadId;
  const file = async (body: Record<string, unknown>) => {
    const res = await be.gw.api('POST', '/api/tickets', { token, headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'miniprogram' }, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.ticket as { id: string; number: string };
  };
  ticket = await file({ kind: 'help', categoryId: 'real-estate', description: DESCRIPTION, location: { address: '幸福小区3号楼' }, media: [uploadId] });
  second = await file({ kind: 'complaint', description: '幸福小区北门的垃圾桶满了三天没人清运，气味很大。', location: { address: '幸福小区北门' } });

  op = await be.operator();
  department = ((await be.gw.api('GET', '/api/operator/departments', { token: op })).body.departments as string[])[0]!;
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID });
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

describe('工单详情 on the mini-program', () => {
  it('opened cold while signed out, it signs in silently with WeChat and shows the ticket without a tap', async () => {
    detail = await app.openPage('sub/ticket/index', { id: ticket.id });
    await detail.waitForText(`工单号 ${ticket.number}`, 15_000);
    expect(app.wx.loginCodes).toHaveLength(1);
    expect(be.wechat.requests.some((r) => r.query.get('js_code') === app.wx.loginCodes[0])).toBe(true);
    expect(JSON.parse(String(app.wx.api.getStorageSync('minhu.session.v1'))).token).toBeTruthy();
    expect(requestsTo(`/api/tickets/${ticket.id}`).map((n) => n.status)).toEqual([401, 200]);
    expect(detail.text()).not.toContain('登录已过期');
    expect(detail.text()).toContain(DESCRIPTION);
    expect(detail.text()).toContain(`回访电话：${PHONE.slice(0, 3)}****${PHONE.slice(7)}`);
  });

  it('offers 订阅办理进度提醒: no grant yet, so progress would come by SMS', async () => {
    const card = await detail.waitFor(() => detail.has('subscribe-card') && detail.find('subscribe-card'), 10_000, 'the subscription card');
    expect(card.find('subscribe-remaining').text()).toBe('目前不会收到微信提醒，进度有变化时会用短信通知您');
  });

  it('the tap asks WeChat for the configured template inside the gesture; the accepted grant is reported and counted', async () => {
    app.wx.script.subscribe = { [TEMPLATE]: 'accept' };
    await detail.tap('subscribe-progress');
    await detail.waitFor(() => detail.find('subscribe-remaining').text() === '还可接收 1 条提醒', 10_000, 'the grant to show');
    const asked = app.wx.callsOf('requestSubscribeMessage');
    expect(asked).toEqual([{ api: 'requestSubscribeMessage', args: { tmplIds: [TEMPLATE] }, gesture: true }]);
    const reported = requestsTo('/api/me/wechat-subscriptions');
    expect(reported.map((n) => n.status)).toEqual([200]);
    expect(detail.find('subscribe-note').text()).toBe('已开启，办理进度有变化时会通过微信提醒您');
    const citizen = await be.gw.deps.models.Citizen.findOne({ wechatOpenId: OPENID }).lean<{ subscriptionGrants: Record<string, number> }>();
    expect(citizen!.subscriptionGrants).toEqual({ [TEMPLATE]: 1 });
  });

  it('the operator accepts the ticket: a subscribe message that opens this page reaches WeChat, spending the grant', async () => {
    await move(ticket.id, 'accepted');
    await detail.waitFor(() => be.wechat.subscribeMessages.length === 1, 15_000, 'the subscribe message');
    const msg = be.wechat.subscribeMessages[0] as { touser: string; template_id: string; page: string; data: Record<string, { value: string }> };
    expect(msg).toMatchObject({ touser: OPENID, template_id: TEMPLATE, page: `sub/ticket/index?id=${ticket.id}` });
    expect(msg.data.character_string1!.value).toBe(ticket.number);
    expect(msg.data.phrase2!.value).toBe('已受理');
    // The page it opens is one the mini-program has.
    const appJson = readAppJson(WEAPP_DIST);
    const pages = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    expect(pages).toContain(msg.page.split('?')[0]);
    const citizen = await be.gw.deps.models.Citizen.findOne({ wechatOpenId: OPENID }).lean<{ subscriptionGrants: Record<string, number> }>();
    expect(citizen!.subscriptionGrants[TEMPLATE]).toBe(0);
    expect(await smsTo(PHONE)).toEqual([]);
  });

  it('a refusal says progress comes by SMS, and the next change does', async () => {
    app.wx.script.subscribe = {};
    await detail.pullDown();
    await detail.waitFor(() => detail.find('subscribe-remaining').text().startsWith('目前不会收到微信提醒'), 10_000, 'the grant spent');
    await detail.tap('subscribe-progress');
    await detail.waitFor(() => detail.has('subscribe-note') && detail.find('subscribe-note').text().includes('短信'), 10_000, 'the refusal note');
    expect(detail.find('subscribe-note').text()).toBe('您没有允许微信提醒。办理进度有变化时，我们会用短信通知您。');
    expect(app.wx.callsOf('requestSubscribeMessage')).toHaveLength(2);
    expect(requestsTo('/api/me/wechat-subscriptions')).toHaveLength(1);

    await move(ticket.id, 'dispatched', { department });
    const sms = await vi.waitFor(async () => {
      const texts = await smsTo(PHONE);
      expect(texts).toHaveLength(1);
      return texts;
    }, { timeout: 15_000, interval: 100 });
    expect(sms[0]).toContain(ticket.number);
    expect(sms[0]).toContain('已派单');
    expect(be.wechat.subscribeMessages).toHaveLength(1);
  });

  it('past its due time the ticket can be urged (催办): the urge is stored and the card says so', async () => {
    expect(detail.has('urge-button')).toBe(false);
    await be.gw.deps.models.Ticket.updateOne({ _id: ticket.id }, { $set: { dueAt: new Date(Date.now() - 3_600_000) } });
    await detail.pullDown();
    await detail.waitFor(() => detail.has('urge-button'), 10_000, 'the urge button');
    expect(detail.find('urge-card').text()).toContain('已超过办理时限');
    await detail.tap('urge-button');
    await detail.waitFor(() => detail.has('urged-at'), 10_000, 'the urge to show');
    expect(detail.find('urged-at').text()).toMatch(/^今天已催办（\d{2}:\d{2}）$/);
    expect(detail.has('urge-button')).toBe(false);
    expect(app.wx.callsOf('showToast').at(-1)!.args).toMatchObject({ title: '已催办', icon: 'success' });
    expect((await stored()).urges).toHaveLength(1);
  });

  it('shows where the ticket stands: the timeline with department, reply and who acted', async () => {
    await move(ticket.id, 'replied', { reply: REPLY });
    await move(ticket.id, 'callback');
    await detail.pullDown();
    await detail.waitFor(() => detail.has('rating-card'), 10_000, 'the rating card');
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
    expect(detail.text()).toContain('地点：幸福小区3号楼');
  });

  it('taps the photo to view it full screen (wx.previewImage with its storage link)', async () => {
    const thumbs = detail.findAll('media-thumb');
    expect(thumbs).toHaveLength(1);
    await detail.tap(thumbs[0]!);
    await detail.waitFor(() => app.wx.callsOf('previewImage').length === 1, 5_000, 'previewImage');
    const { urls, current } = app.wx.callsOf('previewImage')[0]!.args as { urls: string[]; current: string };
    expect(urls).toEqual([current]);
    const res = await fetch(current);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
  });

  it('rates it 不满意 · 未解决 with a comment, and the rating is stored', async () => {
    const card = detail.find('rating-card');
    expect(card.text()).toContain('请评价办理结果');
    await card.tap('不满意');
    await card.tap('未解决');
    await detail.input(card.find('rating-comment'), COMMENT);
    await detail.tap(card.find('rating-submit'));
    await detail.waitForText('第 1 次：不满意 · 未解决', 15_000);
    expect(detail.find('ratings').text()).toContain(`“${COMMENT}”`);
    expect(detail.has('rating-card')).toBe(false);
    expect((await stored()).ratings).toEqual([expect.objectContaining({ satisfaction: 'dissatisfied', resolved: false, comment: COMMENT, round: 1 })]);
  });

  it('then asks for it to be handled again (申请重办) with a reason, which reaches the operator', async () => {
    const card = await detail.waitFor(() => detail.has('reopen-card') && detail.find('reopen-card'), 10_000, 'the reopen card');
    await detail.tap(card.find('reopen-form-submit'));
    await detail.waitFor(() => detail.has('reopen-form-error'), 5_000, 'the missing reason');
    expect(requestsTo(`/api/tickets/${ticket.id}/reopen-request`)).toEqual([]);
    await detail.input(card.find('reopen-form-input'), REOPEN);
    await detail.tap(card.find('reopen-form-submit'));
    await detail.waitFor(() => detail.has('reopen-requested'), 10_000, 'the request to show');
    expect(detail.find('reopen-requested').text()).toContain(`已申请重办：${REOPEN}，等待热线处理`);
    const t = await stored();
    expect(t.reopenRequested).toBe(true);
    expect(t.reopenRequests).toEqual([expect.objectContaining({ reason: REOPEN, round: 1 })]);
  });

  it('withdraws a second ticket, not yet accepted, with a reason (撤回)', async () => {
    detail.hide();
    const other = await app.openPage('sub/ticket/index', { id: second.id });
    await other.waitForText(`工单号 ${second.number}`, 15_000);
    await other.tap('withdraw-button');
    await other.tap('withdraw-form-submit');
    await other.waitFor(() => other.has('withdraw-form-error'), 5_000, 'the missing reason');
    expect(other.find('withdraw-form-error').text()).toBe('请说明撤回原因');
    await other.input('withdraw-form-input', WITHDRAW);
    await other.tap('withdraw-form-submit');
    await other.waitFor(() => !other.has('withdraw-card'), 10_000, 'the ticket to be withdrawn');
    expect(other.text()).toContain('已撤回');
    const t = await be.gw.deps.models.Ticket.findById(second.id).lean<any>();
    expect(t.status).toBe('withdrawn');
    expect(t.timeline.at(-1)).toMatchObject({ status: 'withdrawn', reason: WITHDRAW, actor: { type: 'citizen' } });
  });

  it('called no wx API the stand-in lacks, and drew every element', () => {
    expect(app.wx.unhandled).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
  });
});
