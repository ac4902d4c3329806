// 我要反映 in the compiled mini-program, first launch on a new phone: the first photo signs the citizen in
// silently (wx.login through the WeChat stand-in) and opens WeChat's privacy pop-up (同意 lets the
// picker go on); the photo (compressed by sharp) and the MP4 clip go to MinIO with progress on their
// tiles; the place is picked on the map; and since a named ticket needs a callback number, the form
// asks for one: WeChat's 手机号快速验证 gives it, and the ticket is filed with that number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, unhandledRejections, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { CLIP_MP4, photoPick, videoPick } from './support/picks.js';

const OPENID = 'o-weapp-report';
const DESCRIPTION = '天安门广场东侧人行道的路灯坏了一个多月，晚上很黑，老人出门不方便，希望尽快修好。';
const PHONE = freshPhone();

let be: Backend;
let app: MiniApp;
let report: PageDriver;
let photo: Awaited<ReturnType<typeof photoPick>>;
let citizenId: string;
const uploadIds: { photo?: string; video?: string } = {};

beforeAll(async () => {
  be = await startBackend();
  photo = await photoPick(be.picsDir, 'IMG_20261203_0930.jpg');
  const video = await videoPick(be.picsDir, 'VID_20261203_0931.mp4');
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID, script: { picks: [[photo], [video]], phoneNumber: PHONE } });
  report = await app.openPage('pages/report/index');
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

const tile = (i: number) => report.findAll('attachment-tile')[i];
const requestsTo = (path: string) => app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith(path));

describe('我要反映 on the mini-program, first launch', () => {
  it('the first photo signs the citizen in with WeChat, silently, before anything is picked', async () => {
    await report.tap('add-image');
    await report.waitFor(() => app.wx.callsOf('chooseMedia').length === 1, 15_000, 'chooseMedia');
    expect(app.wx.callsOf('chooseMedia')[0]!.args).toMatchObject({ mediaType: ['image'], count: 9 });

    // wx.login → POST /api/auth/wechat → jscode2session at the WeChat stand-in, before the picker.
    expect(app.wx.loginCodes).toHaveLength(1);
    const login = app.wx.calls.findIndex((c) => c.api === 'login');
    expect(login).toBeLessThan(app.wx.calls.findIndex((c) => c.api === 'chooseMedia'));
    expect(requestsTo('/api/auth/wechat').map((n) => n.status)).toEqual([200]);
    const exchange = be.wechat.requests.filter((r) => r.path === '/sns/jscode2session');
    expect(exchange.map((r) => r.query.get('js_code'))).toEqual(app.wx.loginCodes);
    const citizen = await be.gw.deps.models.Citizen.findOne({ wechatOpenId: OPENID }).lean<{ _id: unknown; phone?: string }>();
    expect(citizen).not.toBeNull();
    expect(citizen!.phone).toBeUndefined();
    citizenId = String(citizen!._id);
    expect(JSON.parse(app.wx.api.getStorageSync('minhu.session.v1') as string).citizen.id).toBe(citizenId);
  });

  it('WeChat asks for privacy consent first: the pop-up shows, and 同意 lets the picker go on', async () => {
    const popup = await report.waitFor(() => report.has('privacy-popup') && report.find('privacy-popup'), 5_000, 'the privacy pop-up');
    expect(popup.text()).toContain('为了受理和办理您反映的问题');
    expect(app.wx.privacy.requests).toEqual([{ api: 'chooseMedia', referrer: 'pages/report/index', answers: [{ event: 'exposureAuthorization' }], outcome: 'pending' }]);
    // Nothing was picked while WeChat waited.
    expect(app.wx.callsOf('compressImage')).toEqual([]);

    await report.tap('privacy-agree');
    await report.waitFor(() => !report.has('privacy-popup'), 5_000, 'the pop-up to close');
    expect(app.wx.privacy.requests[0]).toMatchObject({ outcome: 'agreed', answers: [{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'mh-privacy-agree' }] });
    expect(app.wx.privacy.violations).toEqual([]);
    expect(await app.wx.api.getPrivacySetting()).toMatchObject({ needAuthorization: false });
  });

  it('the photo is kept out of the temp files, compressed, and uploaded to MinIO with progress on its tile', async () => {
    // Over 400 KB: the app asks WeChat to compress it first.
    await report.waitFor(() => app.wx.callsOf('compressImage').length === 1, 10_000, 'compressImage');
    const seen = await report.watch(() => tile(0)?.text() ?? '', () => Boolean(tile(0)?.text().includes('已上传')), 30_000);
    const percents = [...new Set(seen.map((s) => /正在上传 (\d+)%/.exec(s)?.[1]).filter(Boolean).map(Number))];
    expect(percents.length, seen.join('\n')).toBeGreaterThanOrEqual(3);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(tile(0)!.attr('data-status')).toBe('done');
    expect(requestsTo('/api/uploads').map((n) => n.status)).toEqual([201]);

    // The picked file was moved into the app's user-data folder, and that copy is what was compressed.
    const kept = String(app.wx.callsOf('compressImage')[0]!.args.src);
    expect(kept).toMatch(/^wxfile:\/\/usr\/minhu-drafts\/[A-Za-z0-9_-]+\.jpg$/);
    expect(app.files.read(kept).length).toBe(photo.bytes);

    // What WeChat's upload task reported: real bytes through the socket, up to 100 %.
    const upload = app.wx.network.find((n) => n.api === 'uploadFile')!;
    expect(upload.status).toBe(204);
    expect(upload.progress!.at(-1)).toMatchObject({ progress: 100 });
    expect(upload.progress!.at(-1)!.totalBytesSent).toBe(upload.progress!.at(-1)!.totalBytesExpectedToSend);
    expect(new URL(upload.sentTo).origin).not.toBe(be.gw.url);

    // In MinIO: the compressed JPEG, smaller than the picked photo.
    uploadIds.photo = (requestsTo('/api/uploads').at(-1)!.body as { uploadId: string }).uploadId;
    const record = await be.gw.deps.models.Upload.findById(uploadIds.photo).lean<{ size: number; contentType: string; objectKey: string; citizenId: unknown }>();
    expect(record).toMatchObject({ contentType: 'image/jpeg' });
    expect(String(record!.citizenId)).toBe(citizenId);
    expect(await be.objectSize(uploadIds.photo)).toBe(record!.size);
    expect(record!.size).toBeLessThan(photo.bytes);
    expect([...(await be.gw.deps.storage.head(record!.objectKey, 3))]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('adds the MP4 clip, which goes up as it is (no pop-up now: WeChat remembers the consent)', async () => {
    await report.tap('add-video');
    await report.waitFor(() => tile(1)?.text().includes('已上传'), 30_000, 'the clip to upload');
    expect(app.wx.callsOf('chooseMedia')[1]!.args.mediaType).toEqual(['video']);
    expect(app.wx.privacy.requests).toHaveLength(1);
    // Under 8 MB: not worth WeChat's compressVideo.
    expect(app.wx.callsOf('compressVideo')).toEqual([]);
    uploadIds.video = (requestsTo('/api/uploads').at(-1)!.body as { uploadId: string }).uploadId;
    const record = await be.gw.deps.models.Upload.findById(uploadIds.video).lean<{ size: number; contentType: string }>();
    expect(record).toMatchObject({ contentType: 'video/mp4' });
    const { statSync } = await import('node:fs');
    expect(await be.objectSize(uploadIds.video)).toBe(statSync(CLIP_MP4).size);
    // The photo, the clip and the clip's poster (WeChat's temp thumbnail dies with the process).
    expect(be.keptFiles()).toHaveLength(3);
    expect(be.keptFiles().filter((f) => f.includes('-poster'))).toHaveLength(1);
  });

  it('picks the place on the map, and submitting asks for a callback number', async () => {
    await report.input('description-input', DESCRIPTION);
    await report.tap('pick-location');
    await report.waitFor(() => report.find('address-input').value() === '北京市东城区东长安街 天安门广场', 5_000, 'the address from the map');
    await report.waitForText('已附上定位');

    await report.tap('report-submit');
    await report.waitFor(() => report.has('phone-verify'), 10_000, 'the phone verification');
    expect(report.find('phone-verify').text()).toContain('提交前请验证回访手机号');
    // Nothing was filed yet: the app knew the signed-in citizen has no verified phone.
    expect(requestsTo('/api/tickets')).toEqual([]);
  });

  it('手机号快速验证: the getPhoneNumber code goes through the gateway to WeChat, and the ticket is filed with that number', async () => {
    await report.tap('wechat-phone');
    await report.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 20_000, 'the ticket page to open');

    // The code WeChat handed over was exchanged by the gateway at getuserphonenumber, with an access token.
    const verify = requestsTo('/api/auth/wechat/phone');
    expect(verify.map((n) => n.status)).toEqual([200]);
    expect((verify[0]!.body as { citizen: { phoneMasked: string } }).citizen.phoneMasked).toBe(`${PHONE.slice(0, 3)}****${PHONE.slice(7)}`);
    const exchange = be.wechat.requests.filter((r) => r.path === '/wxa/business/getuserphonenumber');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.query.get('access_token')).toMatch(/^token-\d+$/);
    expect(String((exchange[0]!.body as { code: string }).code)).toMatch(/^phonecode-/);
    expect(be.wechat.phoneCodes.size).toBe(0); // spent
    const citizen = await be.gw.deps.models.Citizen.findById(citizenId).lean<{ phone: string; phoneVerifiedBy: string }>();
    expect(citizen).toMatchObject({ phone: PHONE, phoneVerifiedBy: 'wechat' });

    const filed = requestsTo('/api/tickets').at(-1)!;
    expect(filed.status).toBe(201);
    const ticket = (filed.body as { ticket: { id: string; number: string } }).ticket;
    const modal = app.wx.callsOf('showModal').at(-1)!;
    expect(modal.args).toMatchObject({ title: '提交成功', showCancel: false, confirmText: '查看工单' });
    expect(modal.args.content).toContain(ticket.number);
    expect(app.wx.callsOf('navigateTo')[0]!.args.url).toBe(`/sub/ticket/index?id=${ticket.id}`);

    // In the database: the WeChat citizen's ticket, from the mini-program, with the map point (GCJ-02),
    // both files and the verified number to call back.
    const stored = await be.gw.deps.models.Ticket.findById(ticket.id).lean<any>();
    expect(String(stored.citizenId)).toBe(citizenId);
    expect(stored).toMatchObject({ channel: 'miniprogram', status: 'submitted', kind: 'complaint', description: DESCRIPTION, contactPhone: PHONE, anonymous: false });
    expect(stored.location).toMatchObject({ address: '北京市东城区东长安街 天安门广场', lat: 39.905138, lng: 116.397478, coordSystem: 'gcj02' });
    expect(stored.media.map((m: { uploadId: string }) => m.uploadId)).toEqual([uploadIds.photo, uploadIds.video]);
    for (const id of [uploadIds.photo, uploadIds.video]) {
      expect(String((await be.gw.deps.models.Upload.findById(id).lean<{ ticketId: unknown }>())!.ticketId)).toBe(ticket.id);
    }

    // The form starts a new draft, the kept files are gone from the phone, and the ticket page shows the ticket.
    await report.waitFor(() => report.find('description-input').value() === '', 5_000, 'an empty form');
    await report.waitFor(() => be.keptFiles().length === 0, 5_000, 'the kept files to be removed');
    const detail = await app.follow(report);
    await detail.waitForText(`工单号 ${ticket.number}`, 15_000);
    expect(detail.text()).toContain('已提交');
    expect(detail.text()).toContain('照片和视频');
    expect(detail.text()).toContain(`回访电话：${PHONE.slice(0, 3)}****${PHONE.slice(7)}`);
  });

  it('called no wx API the stand-in lacks, drew every element, left no rejection unhandled, and talked only to the gateway and MinIO', () => {
    expect(app.wx.unhandled).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
    expect(unhandledRejections).toEqual([]);
    const origins = new Set(app.wx.network.map((n) => new URL(n.sentTo).origin));
    origins.delete(be.gw.url);
    expect([...origins]).toEqual([new URL(app.wx.network.find((n) => n.api === 'uploadFile')!.sentTo).origin]);
  });
});
