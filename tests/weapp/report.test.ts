// 我要反映 in the compiled mini-program, first launch on a new phone: a photo picked before any sign-in
// (KNOWN BUG: it cannot upload), WeChat login from 我的工单 through the WeChat stand-in, then the photo
// (compressed by sharp) and the MP4 clip go to MinIO with progress on their tiles, and the ticket is
// filed with both, its place picked on the map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { photoPick, videoPick } from './support/picks.js';

const OPENID = 'o-weapp-report';
const DESCRIPTION = '天安门广场东侧人行道的路灯坏了一个多月，晚上很黑，老人出门不方便，希望尽快修好。';

let be: Backend;
let app: MiniApp;
let report: PageDriver;
let photo: Awaited<ReturnType<typeof photoPick>>;
let statusBeforeSignIn: unknown;
let citizenId: string;
const uploadIds: { photo?: string; video?: string } = {};

beforeAll(async () => {
  be = await startBackend();
  photo = await photoPick(be.picsDir, 'IMG_20261203_0930.jpg');
  const video = await videoPick(be.picsDir, 'VID_20261203_0931.mp4');
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID, script: { picks: [[photo], [video]] } });
  report = await app.openPage('pages/report/index');
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

const tile = (i: number) => report.findAll('attachment-tile')[i];
const uploadsTo = (path: string) => app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith(path));

describe('我要反映 on the mini-program, first launch', () => {
  it('a photo picked before any sign-in is compressed, then refused with 401', async () => {
    await report.tap('add-image');
    expect(app.wx.callsOf('chooseMedia')[0]!.args).toMatchObject({ mediaType: ['image'], count: 9 });
    // Over 400 KB: the app asks WeChat to compress it first.
    await report.waitFor(() => app.wx.callsOf('compressImage').length === 1, 10_000, 'compressImage');
    // The runner retries once by itself (1.5 s later), then leaves it to the citizen.
    await report.waitFor(() => uploadsTo('/api/uploads').length === 2 && tile(0)?.text().includes('上传失败'), 15_000, 'two refused upload requests');
    expect(uploadsTo('/api/uploads').map((n) => n.status)).toEqual([401, 401]);
    statusBeforeSignIn = tile(0)!.attr('data-status');
    expect(tile(0)!.text()).toContain('上传失败');

    // Submitting is blocked by the failed photo, so the sign-in that submitting would do never happens.
    await report.input('description-input', DESCRIPTION);
    await report.tap('report-submit');
    await report.waitFor(() => app.wx.callsOf('showToast').length > 0, 5_000, 'a toast');
    expect(app.wx.callsOf('showToast').at(-1)!.args.title).toBe('有 1 个文件上传失败，请点“重试”或删除后再提交');
    expect(app.wx.callsOf('login')).toEqual([]);
  });

  // KNOWN BUG: POST /api/uploads needs a session (upload/runner.ts:54), but addMedia
  // (pages/report/use-report-form.ts:91-99) starts uploads without signing in; the silent Taro.login
  // runs only in submit (:118), after validateDraft (:108) has refused the failed upload
  // (report/validate.ts:51). A first-time citizen is stuck until they find 我的工单's login button,
  // and the tile says "登录已过期，请重新登录" to someone who never signed in.
  it.fails('KNOWN BUG: a photo picked before the first sign-in uploads without a detour through 我的工单', () => {
    expect(statusBeforeSignIn).toBe('done');
  });

  it('signs in with 微信一键登录 on 我的工单: wx.login → /api/auth/wechat → jscode2session', async () => {
    report.hide();
    const tickets = await app.openPage('pages/tickets/index');
    await tickets.waitForText('登录后查看您的工单');
    await tickets.tap('微信一键登录');
    await tickets.waitForText('您还没有反映过问题', 15_000);

    expect(app.wx.loginCodes).toHaveLength(1);
    const exchange = be.wechat.requests.filter((r) => r.path === '/sns/jscode2session');
    expect(exchange.map((r) => r.query.get('js_code'))).toEqual(app.wx.loginCodes);
    const citizen = await be.gw.deps.models.Citizen.findOne({ wechatOpenId: OPENID }).lean<{ _id: unknown }>();
    expect(citizen).not.toBeNull();
    citizenId = String(citizen!._id);
    const stored = JSON.parse(app.wx.api.getStorageSync('minhu.session.v1') as string);
    expect(stored.citizen.id).toBe(citizenId);
    tickets.hide();
    report.show();
  });

  it('重试 sends the compressed photo to MinIO, its progress moving on the tile', async () => {
    await report.tap(tile(0)!.find('attachment-retry'));
    // Until the citizen sees 已上传 (the rendered text; Taro's tree runs a little ahead of the screen).
    const seen = await report.watch(() => tile(0)!.text(), () => tile(0)!.text().includes('已上传'), 30_000);
    const percents = [...new Set(seen.map((s) => /正在上传 (\d+)%/.exec(s)?.[1]).filter(Boolean).map(Number))];
    expect(percents.length, seen.join('\n')).toBeGreaterThanOrEqual(3);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(tile(0)!.attr('data-status')).toBe('done');

    // What WeChat's upload task reported: real bytes through the socket, up to 100 %.
    const upload = app.wx.network.find((n) => n.api === 'uploadFile')!;
    expect(upload.status).toBe(204);
    expect(upload.progress!.at(-1)).toMatchObject({ progress: 100 });
    expect(upload.progress!.at(-1)!.totalBytesSent).toBe(upload.progress!.at(-1)!.totalBytesExpectedToSend);
    expect(new URL(upload.sentTo).origin).not.toBe(be.gw.url);

    // In MinIO: the compressed JPEG, smaller than the picked photo.
    uploadIds.photo = (uploadsTo('/api/uploads').at(-1)!.body as { uploadId: string }).uploadId;
    const record = await be.gw.deps.models.Upload.findById(uploadIds.photo).lean<{ size: number; contentType: string; objectKey: string }>();
    expect(record).toMatchObject({ contentType: 'image/jpeg' });
    expect(await be.objectSize(uploadIds.photo)).toBe(record!.size);
    expect(record!.size).toBeLessThan(photo.bytes);
    expect([...(await be.gw.deps.storage.head(record!.objectKey, 3))]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('adds the MP4 clip, which goes up as it is', async () => {
    await report.tap('add-video');
    await report.waitFor(() => tile(1)?.text().includes('已上传'), 30_000, 'the clip to upload');
    expect(app.wx.callsOf('chooseMedia')[1]!.args.mediaType).toEqual(['video']);
    uploadIds.video = (uploadsTo('/api/uploads').at(-1)!.body as { uploadId: string }).uploadId;
    const record = await be.gw.deps.models.Upload.findById(uploadIds.video).lean<{ size: number; contentType: string }>();
    expect(record).toMatchObject({ contentType: 'video/mp4' });
    const { statSync } = await import('node:fs');
    const { CLIP_MP4 } = await import('./support/picks.js');
    expect(await be.objectSize(uploadIds.video)).toBe(statSync(CLIP_MP4).size);
  });

  it('picks the place on the map, submits, and the ticket is filed with both files', async () => {
    expect(report.find('description-input').value()).toBe(DESCRIPTION);
    await report.tap('choose-location');
    await report.waitFor(() => report.find('address-input').value() === '北京市东城区东长安街 天安门广场', 5_000, 'the address from the map');
    await report.waitForText('已附上定位');

    await report.tap('report-submit');
    await report.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 15_000, 'the ticket page to open');
    const filed = uploadsTo('/api/tickets').at(-1)!;
    expect(filed.status).toBe(201);
    const ticket = (filed.body as { ticket: { id: string; number: string } }).ticket;

    // Without subscribe-message templates in this build, the dialog only offers 查看工单.
    const modal = app.wx.callsOf('showModal').at(-1)!;
    expect(modal.args).toMatchObject({ title: '提交成功', showCancel: false, confirmText: '查看工单' });
    expect(modal.args.content).toContain(ticket.number);
    expect(app.wx.callsOf('requestSubscribeMessage')).toEqual([]);
    expect(app.wx.callsOf('navigateTo')[0]!.args.url).toBe(`/sub/ticket/index?id=${ticket.id}`);

    // In the database: the WeChat citizen's ticket, from the mini-program, with the map point and both files.
    const stored = await be.gw.deps.models.Ticket.findById(ticket.id).lean<any>();
    expect(String(stored.citizenId)).toBe(citizenId);
    expect(stored).toMatchObject({ channel: 'miniprogram', status: 'submitted', kind: 'complaint', description: DESCRIPTION });
    expect(stored.location).toMatchObject({ address: '北京市东城区东长安街 天安门广场', lat: 39.905138, lng: 116.397478 });
    expect(stored.media.map((m: { uploadId: string }) => m.uploadId)).toEqual([uploadIds.photo, uploadIds.video]);
    for (const id of [uploadIds.photo, uploadIds.video]) {
      expect(String((await be.gw.deps.models.Upload.findById(id).lean<{ ticketId: unknown }>())!.ticketId)).toBe(ticket.id);
    }

    // The form starts a new draft, and the ticket page shows the filed ticket.
    await report.waitFor(() => report.find('description-input').value() === '', 5_000, 'an empty form');
    const detail = await app.follow(report);
    await detail.waitForText(`工单号 ${ticket.number}`, 15_000);
    expect(detail.text()).toContain('已提交');
    expect(detail.text()).toContain('照片和视频');
  });

  it('called no wx API the stand-in lacks, and talked only to the gateway and MinIO', () => {
    expect(app.wx.unhandled).toEqual([]);
    const origins = new Set(app.wx.network.map((n) => new URL(n.sentTo).origin));
    origins.delete(be.gw.url);
    expect([...origins]).toEqual([new URL(app.wx.network.find((n) => n.api === 'uploadFile')!.sentTo).origin]);
  });
});
