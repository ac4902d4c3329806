// 退出登录 on the mini-program leaves nothing of the citizen on the phone: after a chat and a draft
// with a kept photo and a typed callback number, signing out (我的工单 → 退出登录 → confirm) ends the
// session on the gateway (the old token is refused) and wipes the session, the draft, the kept files
// and the chat history from the phone — also from the pages still open, and for the next launch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { photoPick } from './support/picks.js';
import { agreePrivacyOnPhone } from './support/privacy.js';

const CALLBACK = freshPhone();
const DESCRIPTION = '幸福小区6号楼电梯每天停运好几次，老人被困过两回，物业说在等配件。';
const PERSONAL = ['minhu.session.v1', 'minhu.reportDraft.v1', 'minhu.reportHandoff.v1', 'minhu.chat.v1'];

let be: Backend;
let app: MiniApp;
const apps: MiniApp[] = [];
let home: PageDriver;
let report: PageDriver;
let tickets: PageDriver;
let oldToken: string;

beforeAll(async () => {
  be = await startBackend();
  agreePrivacyOnPhone(be.dataDir);
  const photo = await photoPick(be.picsDir, 'IMG_3001.jpg', 1200, 900);
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: 'o-weapp-signout', script: { picks: [[photo]] } });
  apps.push(app);
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

describe('退出登录 on the mini-program', () => {
  it('before: a chat, and a draft with a kept photo and a callback number, are on the phone', async () => {
    home = await app.openPage('pages/index/index');
    await home.input('chat-input', '公积金怎么提取？');
    await home.tap('chat-send');
    await home.waitFor(() => home.findAll('bot-message').length === 1, 30_000, 'the answer');
    await home.waitFor(() => String(app.wx.api.getStorageSync('minhu.chat.v1')).includes('公积金怎么提取'), 5_000, 'the chat to be saved');
    home.hide();

    report = await app.openPage('pages/report/index');
    await report.input('description-input', DESCRIPTION);
    await report.input('phone-input', CALLBACK);
    await report.tap('add-image');
    await report.waitFor(() => report.findAll('attachment-tile')[0]?.text().includes('已上传'), 30_000, 'the photo to upload');
    await report.waitFor(() => String(app.wx.api.getStorageSync('minhu.reportDraft.v1')).includes(CALLBACK), 5_000, 'the draft to be saved');
    expect(be.keptFiles()).toHaveLength(1);
    oldToken = JSON.parse(String(app.wx.api.getStorageSync('minhu.session.v1'))).token;
    expect((await be.gw.api('GET', '/api/me', { token: oldToken })).status).toBe(200);
    report.hide();
  });

  it('退出登录 asks first, then the gateway ends the session: the old token is refused', async () => {
    tickets = await app.openPage('pages/tickets/index');
    await tickets.waitForText('您还没有反映过问题', 15_000);
    await tickets.tap('sign-out');
    await tickets.waitForText('登录后查看您的工单', 10_000);
    expect(app.wx.callsOf('showModal').at(-1)!.args).toMatchObject({ title: '退出登录？', content: '退出后，本机保存的草稿、照片、对话记录和回访电话都会被清除。' });
    const logout = app.wx.network.filter((n) => n.url.endsWith('/api/auth/logout'));
    expect(logout.map((n) => [n.method, n.status])).toEqual([['POST', 204]]);
    expect((await be.gw.api('GET', '/api/me', { token: oldToken })).status).toBe(401);
  });

  it('the phone keeps nothing of the citizen: storage, kept files and chat history are gone', async () => {
    await tickets.waitFor(() => be.keptFiles().length === 0, 5_000, 'the kept files to be removed');
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(existsSync(join(be.dataDir, 'usr', 'minhu-drafts'))).toBe(false);
    // Give the open pages time to save whatever they would (a late save must not bring anything back).
    await new Promise((r) => setTimeout(r, 800));
    const keys = app.wx.api.getStorageInfoSync().keys as string[];
    expect(keys.filter((k) => PERSONAL.includes(k))).toEqual([]);
    expect(JSON.stringify(keys.map((k) => app.wx.api.getStorageSync(k)))).not.toContain(CALLBACK);
  });

  it('the pages still open forget theirs too', async () => {
    report.show();
    expect(report.find('description-input').value()).toBe('');
    expect(report.find('phone-input').value()).toBe('');
    expect(report.findAll('attachment-tile')).toEqual([]);
    home.show();
    expect(home.findAll('bot-message')).toEqual([]);
    expect(home.findAll('user-message')).toEqual([]);
    expect(home.has('sample-question')).toBe(true); // the empty chat's suggestions are back
  });

  it('and the next launch starts empty, signed out', async () => {
    app.kill();
    app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: 'o-weapp-signout' });
    apps.push(app);
    const again = await app.openPage('pages/report/index');
    expect(again.find('description-input').value()).toBe('');
    const list = await app.openPage('pages/tickets/index');
    await list.waitForText('登录后查看您的工单');
    expect(app.wx.callsOf('login')).toEqual([]);
  });

  it('called no wx API the stand-in lacks, and drew every element', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
  });
});
