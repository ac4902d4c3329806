// WeChat's privacy check on a new phone (app.json __usePrivacyCheck__): the first album, map or phone
// number request opens the app's agreement pop-up while WeChat waits. Its link opens WeChat's 隐私保护指引
// (openPrivacyContract); 拒绝 makes the API fail with errno 104 and each place says what still works,
// without sending the citizen to the settings; 同意 lets the picker go on, and the next launch remembers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { photoPick } from './support/picks.js';

const OPENID = 'o-weapp-privacy';

let be: Backend;
let app: MiniApp;
const apps: MiniApp[] = [];
let report: PageDriver;
let photo: Awaited<ReturnType<typeof photoPick>>;

async function launch(): Promise<MiniApp> {
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID, script: { picks: [[photo]] } });
  apps.push(app);
  return app;
}

const popup = () => report.waitFor(() => report.has('privacy-popup') && report.find('privacy-popup'), 5_000, 'the privacy pop-up');
const closed = () => report.waitFor(() => !report.has('privacy-popup'), 5_000, 'the pop-up to close');
/** What a refusal must never say: the fix is to agree, not to change a system setting. */
const SETTINGS = /设置/;

beforeAll(async () => {
  be = await startBackend();
  photo = await photoPick(be.picsDir, 'IMG_1001.jpg', 1200, 900);
  await launch();
  report = await app.openPage('pages/report/index');
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

describe('WeChat’s privacy check on the mini-program', () => {
  it('registers its listener at launch, before any page asks for personal data', () => {
    expect(app.wx.callsOf('onNeedPrivacyAuthorization')).toHaveLength(1);
    expect(app.wx.calls[0]!.api).toBe('onNeedPrivacyAuthorization');
  });

  it('the first album request opens the pop-up; its link opens WeChat’s 隐私保护指引', async () => {
    await report.tap('add-image');
    const shown = await popup();
    expect(shown.text()).toContain('隐私保护提示');
    expect(shown.renderedAttrs()).toMatchObject({ 'aria-label': '隐私保护提示', 'aria-role': 'dialog' });
    expect(app.wx.privacy.requests.map((r) => [r.api, r.outcome])).toEqual([['chooseMedia', 'pending']]);
    await report.tap('《民呼隐私保护指引》');
    await report.waitFor(() => app.wx.callsOf('openPrivacyContract').length === 1, 5_000, 'openPrivacyContract');
    expect(report.has('privacy-popup')).toBe(true); // still waiting for an answer
  });

  it('拒绝: the album stays closed and the page gives privacy advice, not the settings', async () => {
    await report.tap('privacy-refuse');
    await closed();
    await report.waitFor(() => app.wx.callsOf('showToast').length === 1, 5_000, 'the advice');
    const advice = String(app.wx.callsOf('showToast')[0]!.args.title);
    expect(advice).toBe('您还没有同意《民呼隐私保护指引》，暂时不能使用相册和相机。可以只用文字描述问题，或再点一次并选择“同意”。');
    expect(advice).not.toMatch(SETTINGS);
    expect(app.wx.failures).toContain('chooseMedia:fail privacy permission is not authorized');
    expect(app.wx.privacy.requests[0]).toMatchObject({ outcome: 'refused', answers: [{ event: 'exposureAuthorization' }, { event: 'disagree' }] });
    expect(report.findAll('attachment-tile')).toEqual([]);
  });

  it('拒绝 for the map: the address can still be typed, and the note says so', async () => {
    await report.tap('pick-location');
    await popup();
    expect(app.wx.privacy.requests.at(-1)).toMatchObject({ api: 'chooseLocation', referrer: 'pages/report/index' });
    await report.tap('privacy-refuse');
    await closed();
    await report.waitForText('暂时不能使用地图选点');
    expect(report.find('location-field').text()).toContain('您还没有同意《民呼隐私保护指引》，暂时不能使用地图选点。请直接填写地址，或再点一次并选择“同意”。');
    expect(report.find('location-field').text()).not.toMatch(SETTINGS);
  });

  it('拒绝 for the phone number: the SMS way is offered with privacy advice', async () => {
    await report.input('description-input', '幸福小区南门的井盖松动了，踩上去会晃，晚上很危险。');
    await report.input('address-input', '幸福小区南门');
    await report.tap('report-submit');
    await report.waitFor(() => report.has('phone-verify'), 15_000, 'the phone verification');
    await report.tap('wechat-phone');
    await popup();
    expect(app.wx.privacy.requests.at(-1)).toMatchObject({ api: 'getPhoneNumber' });
    await report.tap('privacy-refuse');
    await closed();
    await report.waitFor(() => report.has('bind-form'), 5_000, 'the SMS form');
    expect(report.find('phone-verify-error').text()).toBe('您还没有同意《民呼隐私保护指引》，无法读取微信手机号。可以改用下面的短信验证。');
    expect(be.wechat.requests.filter((r) => r.path === '/wxa/business/getuserphonenumber')).toEqual([]);
  });

  it('同意: the album opens and the photo is attached and uploaded', async () => {
    await report.tap('add-image');
    await popup();
    await report.tap('privacy-agree');
    await closed();
    await report.waitFor(() => report.findAll('attachment-tile')[0]?.text().includes('已上传'), 30_000, 'the photo to upload');
    expect(app.wx.privacy.requests.at(-1)).toMatchObject({ api: 'chooseMedia', outcome: 'agreed' });
    expect(app.wx.privacy.violations).toEqual([]);
    expect(app.wx.callsOf('chooseMedia')).toHaveLength(2);
  });

  it('the next launch remembers the consent: the map opens without asking', async () => {
    app.kill();
    await launch();
    report = await app.openPage('pages/report/index');
    await report.tap('pick-location');
    await report.waitForText('已附上定位', 10_000);
    expect(app.wx.privacy.requests).toEqual([]);
    expect(await app.wx.api.getPrivacySetting()).toMatchObject({ needAuthorization: false });
  });

  it('the pop-up and the login page link to the 隐私政策 page, which the app has', async () => {
    report.hide();
    const login = await app.openPage('sub/login/index');
    await login.tap('login-privacy-link');
    await login.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 5_000, 'navigateTo');
    expect(app.wx.callsOf('navigateTo')[0]!.args.url).toBe('/sub/privacy/index');
    const policy = await app.follow(login);
    await policy.waitForText('民呼隐私政策');
    expect(policy.text()).toContain('我们是谁');
  });

  it('called no wx API the stand-in lacks, and drew every element', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
  });
});
