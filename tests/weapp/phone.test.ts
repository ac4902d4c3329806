// 验证回访手机号 on the mini-program's 登录 page. One citizen refuses WeChat's 手机号快速验证 sheet: the
// page says so and offers the SMS way, whose code comes from the gateway's SMS outbox. Another already
// has an H5 account on the number WeChat verifies: the two accounts become one, the H5 tickets show in
// 我的工单, and a named ticket filed afterwards carries that number and the surviving account.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { agreePrivacyOnPhone } from './support/privacy.js';

const SMS_PHONE = freshPhone();
const MERGE_PHONE = freshPhone();
const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;

let be: Backend;
let app: MiniApp | null = null;
const apps: MiniApp[] = [];
let secondPhone: string;

async function launch(dataDir: string, openid: string, phoneNumber: string | 'deny'): Promise<MiniApp> {
  app?.kill();
  agreePrivacyOnPhone(dataDir); // privacy.test.ts covers the pop-up; here WeChat's consent is given
  app = await launchApp({ dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid, script: { phoneNumber } });
  apps.push(app);
  return app;
}

const requestsTo = (a: MiniApp, path: string) => a.wx.network.filter((n) => n.api === 'request' && n.url.endsWith(path));

/** 微信一键登录 on the login page: the citizen is signed in and asked for a callback number. */
async function signInOnLoginPage(a: MiniApp): Promise<PageDriver> {
  const login = await a.openPage('sub/login/index');
  await login.tap('wechat-login');
  await login.waitFor(() => login.has('phone-verify'), 15_000, 'the phone verification');
  expect(login.find('phone-verify').text()).toContain('登录成功，请验证回访手机号');
  expect(requestsTo(a, '/api/auth/wechat').map((n) => n.status)).toEqual([200]);
  return login;
}

beforeAll(async () => {
  be = await startBackend();
  secondPhone = await mkdtemp(join(tmpdir(), 'minhu-phone-'));
});
afterAll(async () => {
  app?.kill();
  await be?.close();
  await rm(secondPhone, { recursive: true, force: true });
});

describe('a callback number on the mini-program', () => {
  let login: PageDriver;

  it('refusing WeChat’s phone sheet says so and shows the SMS way instead', async () => {
    const a = await launch(be.dataDir, 'o-weapp-sms', 'deny');
    login = await signInOnLoginPage(a);
    expect(login.has('bind-form')).toBe(false);
    await login.tap('wechat-phone');
    await login.waitFor(() => login.has('bind-form'), 10_000, 'the SMS form');
    expect(login.find('phone-verify-error').text()).toBe('您没有授权手机号，可以改用下面的短信验证其他号码。');
    expect(a.wx.callsOf('button:getPhoneNumber')).toHaveLength(1);
    // No code, so nothing went to the gateway or WeChat.
    expect(requestsTo(a, '/api/auth/wechat/phone')).toEqual([]);
    expect(be.wechat.requests.filter((r) => r.path === '/wxa/business/getuserphonenumber')).toEqual([]);
  });

  it('verifies another number by SMS: code from the gateway’s outbox, the number stored as verified by SMS', async () => {
    const a = app!;
    await login.input('bind-phone', SMS_PHONE);
    await login.tap('bind-send-code');
    await login.waitForText(`验证码已发送到 ${masked(SMS_PHONE)}`, 10_000);
    expect(requestsTo(a, '/api/auth/otp/request').map((n) => n.status)).toEqual([204]);
    await login.input('bind-code', await be.gw.lastSmsCode(SMS_PHONE));
    await login.tap('bind-submit');
    await login.waitFor(() => a.wx.callsOf('switchTab').length === 1, 10_000, 'the way back to 我的工单');
    expect(requestsTo(a, '/api/me/phone').map((n) => n.status)).toEqual([200]);
    expect(a.wx.callsOf('showToast').at(-1)!.args).toMatchObject({ title: '登录成功', icon: 'success' });

    const citizen = await be.gw.deps.models.Citizen.findOne({ wechatOpenId: 'o-weapp-sms' }).lean<{ phone: string; phoneVerifiedBy: string }>();
    expect(citizen).toMatchObject({ phone: SMS_PHONE, phoneVerifiedBy: 'sms' });
    const tickets = await a.follow(login);
    await tickets.waitForText(`已登录：${masked(SMS_PHONE)}`, 10_000);
  });

  it('an H5 account already holds the number WeChat verifies: the accounts merge, and its tickets show in 我的工单', async () => {
    // Earlier, on H5: signed in by SMS and filed a ticket.
    const h5 = await be.gw.login(MERGE_PHONE);
    const earlier = await be.gw.api('POST', '/api/tickets', {
      token: h5.token,
      headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'h5' },
      body: { kind: 'help', description: '幸福路口的红绿灯坏了，早高峰很堵，希望尽快修好。', location: { address: '幸福路口' } },
    });
    expect(earlier.status).toBe(201);

    const a = await launch(secondPhone, 'o-weapp-merge', MERGE_PHONE);
    login = await signInOnLoginPage(a);
    const wechatOnly = await be.gw.deps.models.Citizen.findOne({ wechatOpenId: 'o-weapp-merge' }).lean<{ _id: unknown }>();
    const tokenBefore = JSON.parse(String(a.wx.api.getStorageSync('minhu.session.v1'))).token as string;
    await login.tap('wechat-phone');
    await login.waitFor(() => a.wx.callsOf('switchTab').length === 1, 15_000, 'the way back to 我的工单');

    // The code went gateway → WeChat's getuserphonenumber; the answer carries a token for the merged account.
    const verify = requestsTo(a, '/api/auth/wechat/phone');
    expect(verify.map((n) => n.status)).toEqual([200]);
    const session = JSON.parse(String(a.wx.api.getStorageSync('minhu.session.v1')));
    expect(session.token).not.toBe(tokenBefore);
    expect(session.citizen).toEqual({ id: h5.citizenId, phoneMasked: masked(MERGE_PHONE) });
    const folded = await be.gw.deps.models.Citizen.findById(wechatOnly!._id).lean<{ mergedInto: unknown }>();
    expect(String(folded!.mergedInto)).toBe(h5.citizenId);
    const holder = await be.gw.deps.models.Citizen.findById(h5.citizenId).lean<{ wechatOpenId: string; phoneVerifiedBy: string }>();
    expect(holder).toMatchObject({ wechatOpenId: 'o-weapp-merge', phoneVerifiedBy: 'wechat' });

    const tickets = await a.follow(login);
    await tickets.waitFor(() => tickets.findAll('ticket-card').length === 1, 15_000, 'the H5 ticket in 我的工单');
    expect(tickets.findAll('ticket-card')[0]!.attr('data-ticket-id')).toBe(earlier.body.ticket.id);
    expect(tickets.text()).toContain(`已登录：${masked(MERGE_PHONE)}`);
  });

  it('a named ticket filed afterwards goes to the merged account with the verified number to call back', async () => {
    const a = app!;
    const report = await a.openPage('pages/report/index');
    await report.input('description-input', '幸福路口的红绿灯修好后又坏了，晚上车辆抢行很危险。');
    await report.input('address-input', '幸福路口');
    await report.tap('report-submit');
    await report.waitFor(() => a.wx.callsOf('navigateTo').length === 1, 15_000, 'the ticket page to open');
    expect(report.has('phone-verify')).toBe(false);
    const filed = requestsTo(a, '/api/tickets').at(-1)!;
    expect(filed.status).toBe(201);
    const stored = await be.gw.deps.models.Ticket.findById((filed.body as { ticket: { id: string } }).ticket.id).lean<any>();
    expect(stored).toMatchObject({ contactPhone: MERGE_PHONE, channel: 'miniprogram', anonymous: false });
    expect(String(stored.citizenId)).toBe(JSON.parse(String(a.wx.api.getStorageSync('minhu.session.v1'))).citizen.id);
    expect(await be.gw.deps.models.Ticket.countDocuments({ citizenId: stored.citizenId })).toBe(2);
  });

  it('called no wx API the stand-in lacks, and drew every element', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    expect(apps.flatMap((a) => a.wx.privacy.violations)).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
  });
});
