// A 我要反映 draft across an app relaunch on the same phone (same data folder, fresh process state):
// the typed form and the uploaded photo come back and can be filed; but the draft keeps WeChat TEMP
// paths, which WeChat deletes with the process — KNOWN BUG, asserted as it should be with it.fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, unhandledRejections, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { photoPick } from './support/picks.js';

const OPENID = 'o-weapp-draft';
const DESCRIPTION = '幸福路88号工地每天半夜施工到凌晨两点，电锯声和渣土车声音很大，严重影响休息。';
const ADDRESS = '幸福路88号东侧工地（靠近幸福小区北门）';

let be: Backend;
let picks: Awaited<ReturnType<typeof photoPick>>[];
let running: MiniApp | null = null;
const apps: MiniApp[] = [];
let report: PageDriver;
let uploadId: string;
let photoSource: string;
let retryOutcome = '';

/** Starts the app on the same phone; `pick` is the photo the citizen will choose in this launch. */
async function launch(pick?: (typeof picks)[number]): Promise<MiniApp> {
  running = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID, script: { picks: pick ? [[pick]] : [] } });
  apps.push(running);
  return running;
}

function kill(): void {
  running?.kill();
  running = null;
}

const tile = () => report.findAll('attachment-tile')[0];
const savedDraft = (app: MiniApp) => JSON.parse(String(app.wx.api.getStorageSync('minhu.reportDraft.v1') || 'null'));

beforeAll(async () => {
  be = await startBackend();
  picks = [await photoPick(be.picsDir, 'IMG_0001.jpg'), await photoPick(be.picsDir, 'IMG_0002.jpg', 2000, 1500)];
});
afterAll(async () => {
  kill();
  await be?.close();
});

describe('a report draft across a relaunch of the mini-program', () => {
  it('first launch: signs in, fills the form and attaches a photo that uploads', async () => {
    const app = await launch(picks[0]);
    // Signed in first (from 我的工单), so the photo can upload (see report.test.ts for why).
    const tickets = await app.openPage('pages/tickets/index');
    await tickets.tap('微信一键登录');
    await tickets.waitForText('您还没有反映过问题', 15_000);
    tickets.hide();

    report = await app.openPage('pages/report/index');
    await report.input('description-input', DESCRIPTION);
    await report.input('address-input', ADDRESS);
    await report.tap('add-image');
    await report.waitFor(() => tile()?.text().includes('已上传'), 30_000, 'the photo to upload');
    await report.waitFor(() => savedDraft(app)?.attachments?.[0]?.status === 'done' && savedDraft(app).address === ADDRESS, 5_000, 'the draft to be saved');

    const draft = savedDraft(app);
    expect(draft.description).toBe(DESCRIPTION);
    uploadId = draft.attachments[0].uploadId;
    expect(await be.objectSize(uploadId)).toBeGreaterThan(0);
    // What the draft remembers of the photo: a WeChat temp file, there while this process lives.
    photoSource = tile()!.imageSources()[0]!;
    expect(photoSource).toBe(draft.attachments[0].path);
    expect(app.files.existing(photoSource)).not.toBeNull();
  });

  it('after a relaunch the form comes back as it was, still signed in', async () => {
    kill();
    const app = await launch(picks[1]);
    report = await app.openPage('pages/report/index');
    await report.waitFor(() => report.find('description-input').value() === DESCRIPTION, 10_000, 'the description');
    expect(report.find('address-input').value()).toBe(ADDRESS);
    expect(report.findAll('attachment-tile')).toHaveLength(1);
    expect(tile()!.text()).toContain('已上传');
    expect(tile()!.imageSources()).toEqual([photoSource]);
    expect(app.wx.callsOf('login')).toEqual([]); // the session was kept in wx storage
  });

  // KNOWN BUG: apps/miniprogram/src/upload/media.ts keeps WeChat temp paths (chooseMedia's tempFilePath,
  // :37; compressImage's, :55) in the saved draft and nothing calls saveFile, while it declares
  // filesSurviveRestart: true. WeChat deletes temp files with the process, so after a relaunch the
  // tile's thumbnail points at a file that is gone.
  it.fails("KNOWN BUG: the attached photo's local file survives the relaunch", () => {
    expect(running!.files.existing(photoSource)).not.toBeNull();
  });

  it('the restored draft can still be filed, with its photo (it is in MinIO already)', async () => {
    await report.tap('report-submit');
    await report.waitFor(() => running!.wx.callsOf('navigateTo').length === 1, 15_000, 'the ticket page to open');
    const url = String(running!.wx.callsOf('navigateTo')[0]!.args.url);
    const ticketId = new URLSearchParams(url.split('?')[1]).get('id')!;
    const stored = await be.gw.deps.models.Ticket.findById(ticketId).lean<any>();
    expect(stored).toMatchObject({ description: DESCRIPTION, location: { address: ADDRESS }, channel: 'miniprogram' });
    expect(stored.media.map((m: { uploadId: string }) => m.uploadId)).toEqual([uploadId]);
  });

  it('an upload cut off by closing the app comes back as 上传被中断 with 重试', async () => {
    await report.waitFor(() => report.find('description-input').value() === '', 5_000, 'a fresh form');
    await report.input('description-input', DESCRIPTION);
    running!.wx.setUploadPace(4 * 1024, 60); // a weak signal: the upload takes seconds
    await report.tap('add-image');
    await report.waitFor(() => /正在上传 [1-9]\d?%/.test(tile()?.text() ?? ''), 20_000, 'the upload to be under way');
    kill();

    const app = await launch();
    report = await app.openPage('pages/report/index');
    await report.waitFor(() => tile()?.text().includes('上传被中断，请点“重试”'), 10_000, 'the interrupted tile');
    expect(report.find('description-input').value()).toBe(DESCRIPTION);
    await report.tap(tile()!.find('attachment-retry'));
    // The retry has ended once the interruption note is gone and the tile says how it went.
    await report.waitFor(() => {
      const text = tile()?.text() ?? '';
      return !text.includes('上传被中断') && /已上传|上传失败/.test(text);
    }, 30_000, 'the retry to end');
    retryOutcome = tile()!.text();
    // The retry asked the gateway for a fresh presigned POST (an old one may have expired).
    expect(app.wx.network.filter((n) => n.url.endsWith('/api/uploads')).map((n) => n.status)).toEqual([201]);
  });

  // KNOWN BUG (same cause): the retry offered after a relaunch can never work; the tile ends with
  // "文件已失效，请删除后重新选择" and the citizen has to pick the photo again.
  it.fails('KNOWN BUG: 重试 after the relaunch uploads the photo', () => {
    expect(retryOutcome).toContain('已上传');
  });

  it('called no wx API the stand-in lacks in any launch; nothing but the failed upload went unhandled', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    for (const r of unhandledRejections) expect(String((r as { errMsg?: string }).errMsg)).toMatch(/^uploadFile:fail no such file or directory/);
  });

  // KNOWN BUG: apps/miniprogram/src/upload/media.ts:66 drops the Promise that Taro.uploadFile returns
  // (Taro promisifies uploadFile); it rejects whenever an upload fails or is aborted, so each such upload
  // is an unhandled promise rejection in the mini-program (WeChat's console, wx.onUnhandledRejection).
  it.fails('KNOWN BUG: a failed upload leaves no unhandled promise rejection behind', () => {
    expect(unhandledRejections).toEqual([]);
  });
});
