// A 我要反映 draft across app relaunches on the same phone (same data folder, fresh process state, temp
// files wiped as WeChat does): the picked photo is kept in the app's user-data folder, so after a
// relaunch the tile still shows it; an upload cut off by closing the app goes on by itself at the next
// launch; kept files go when a photo is removed and when the draft is filed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, unhandledRejections, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { photoPick } from './support/picks.js';
import { agreePrivacyOnPhone } from './support/privacy.js';

const OPENID = 'o-weapp-draft';
const DESCRIPTION = '幸福路88号工地每天半夜施工到凌晨两点，电锯声和渣土车声音很大，严重影响休息。';
const ADDRESS = '幸福路88号东侧工地（靠近幸福小区北门）';
const CALLBACK = freshPhone();

let be: Backend;
let picks: Awaited<ReturnType<typeof photoPick>>[];
let running: MiniApp | null = null;
const apps: MiniApp[] = [];
let report: PageDriver;
let first: { uploadId: string; savedPath: string; localId: string };

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

const tiles = () => report.findAll('attachment-tile');
const tile = (i = 0) => tiles()[i];
const savedDraft = (app: MiniApp) => JSON.parse(String(app.wx.api.getStorageSync('minhu.reportDraft.v1') || 'null'));
const requestsTo = (app: MiniApp, path: string) => app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith(path));

/** Submits the form and answers the ticket the gateway filed, as stored. */
async function fileIt(app: MiniApp): Promise<any> {
  await report.tap('report-submit');
  await report.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 20_000, 'the ticket page to open');
  const url = String(app.wx.callsOf('navigateTo')[0]!.args.url);
  return be.gw.deps.models.Ticket.findById(new URLSearchParams(url.split('?')[1]).get('id')!).lean<any>();
}

beforeAll(async () => {
  be = await startBackend();
  agreePrivacyOnPhone(be.dataDir); // this journey is about drafts (privacy.test.ts is about the pop-up)
  picks = [await photoPick(be.picsDir, 'IMG_0001.jpg'), await photoPick(be.picsDir, 'IMG_0002.jpg', 2000, 1500), await photoPick(be.picsDir, 'IMG_0003.jpg', 2200, 1650)];
});
afterAll(async () => {
  kill();
  await be?.close();
});

describe('a report draft across relaunches of the mini-program', () => {
  it('first launch: fills the form; the photo is kept in the user-data folder and uploads', async () => {
    const app = await launch(picks[0]);
    report = await app.openPage('pages/report/index');
    await report.input('description-input', DESCRIPTION);
    await report.input('address-input', ADDRESS);
    await report.input('phone-input', CALLBACK);
    await report.tap('add-image');
    await report.waitFor(() => tile()?.text().includes('已上传'), 30_000, 'the photo to upload');
    await report.waitFor(() => savedDraft(app)?.attachments?.[0]?.status === 'done' && savedDraft(app).contactPhone === CALLBACK, 5_000, 'the draft to be saved');

    const draft = savedDraft(app);
    expect(draft).toMatchObject({ description: DESCRIPTION, address: ADDRESS });
    const [a] = draft.attachments;
    first = { uploadId: a.uploadId, savedPath: a.savedPath, localId: a.localId };
    expect(await be.objectSize(first.uploadId)).toBeGreaterThan(0);
    // The picked photo was moved (saveFile) out of WeChat's temp files into USER_DATA_PATH/minhu-drafts.
    expect(first.savedPath).toBe(`wxfile://usr/minhu-drafts/${first.localId}.jpg`);
    expect(be.keptFiles()).toEqual([`${first.localId}.jpg`]);
    expect(app.files.read(first.savedPath).length).toBe(picks[0]!.bytes);
  });

  it('after a relaunch the form comes back as it was, still signed in, the photo shown from its kept file', async () => {
    kill();
    const app = await launch(picks[1]);
    report = await app.openPage('pages/report/index');
    await report.waitFor(() => report.find('description-input').value() === DESCRIPTION, 10_000, 'the description');
    expect(report.find('address-input').value()).toBe(ADDRESS);
    expect(report.find('phone-input').value()).toBe(CALLBACK);
    expect(tiles()).toHaveLength(1);
    expect(tile()!.text()).toContain('已上传');
    // What the phone would draw: the kept file, which is still on disk (WeChat wiped the temp files).
    expect(tile()!.imageSources()).toEqual([first.savedPath]);
    expect(app.files.existing(first.savedPath)).not.toBeNull();
    expect(app.wx.callsOf('login')).toEqual([]); // the session was kept in wx storage
    // A finished upload is not sent again.
    expect(requestsTo(app, '/api/uploads')).toEqual([]);
  });

  it('a second photo is kept too, and removing it deletes its kept file', async () => {
    await report.tap('add-image');
    await report.waitFor(() => tile(1)?.text().includes('已上传'), 30_000, 'the second photo to upload');
    expect(be.keptFiles()).toHaveLength(2);
    await report.tap(tile(1)!.find('attachment-remove'));
    await report.waitFor(() => tiles().length === 1 && be.keptFiles().length === 1, 5_000, 'the second photo and its kept file to go');
    expect(be.keptFiles()).toEqual([`${first.localId}.jpg`]);
  });

  it('the restored draft is filed with its photo and the typed callback number; its kept file goes', async () => {
    const stored = await fileIt(running!);
    expect(stored).toMatchObject({ description: DESCRIPTION, location: { address: ADDRESS }, channel: 'miniprogram', contactPhone: CALLBACK });
    expect(stored.media.map((m: { uploadId: string }) => m.uploadId)).toEqual([first.uploadId]);
    await report.waitFor(() => be.keptFiles().length === 0, 5_000, 'the kept file to be removed');
    expect(running!.files.existing(first.savedPath)).toBeNull();
  });

  it('an upload cut off by closing the app goes on by itself at the next launch, from the kept file', async () => {
    await report.waitFor(() => report.find('description-input').value() === '', 5_000, 'a fresh form');
    await report.input('description-input', DESCRIPTION);
    await report.input('phone-input', CALLBACK);
    running!.wx.setUploadPace(4 * 1024, 60); // a weak signal: the upload takes seconds
    const app2 = running!;
    app2.wx.script.picks.push([picks[2]!]);
    await report.tap('add-image');
    await report.waitFor(() => /正在上传 [1-9]\d?%/.test(tile()?.text() ?? ''), 20_000, 'the upload to be under way');
    await report.waitFor(() => savedDraft(app2)?.attachments?.[0]?.savedPath, 5_000, 'the draft with its kept file');
    const cut = savedDraft(app2).attachments[0];
    const cutUpload = requestsTo(app2, '/api/uploads').at(-1)!.body as { uploadId: string };
    kill();
    // The cut upload never finished: storage has no object for it.
    expect(await be.objectSize(cutUpload.uploadId)).toBeNull();

    const app = await launch();
    report = await app.openPage('pages/report/index');
    // No tap: the tile goes back to the queue and uploads again.
    await report.waitFor(() => tile()?.text().includes('已上传'), 30_000, 'the interrupted photo to upload by itself');
    expect(report.find('description-input').value()).toBe(DESCRIPTION);
    // Compressed again from the kept file (the compressed temp file died with the last process).
    expect(app.wx.callsOf('compressImage').map((c) => c.args.src)).toEqual([cut.savedPath]);
    expect(requestsTo(app, '/api/uploads').map((n) => n.status)).toEqual([201]);
    const again = (requestsTo(app, '/api/uploads')[0]!.body as { uploadId: string }).uploadId;
    expect(again).not.toBe(cutUpload.uploadId);
    expect(await be.objectSize(again)).toBeGreaterThan(0);

    const stored = await fileIt(app);
    expect(stored.media.map((m: { uploadId: string }) => m.uploadId)).toEqual([again]);
    await report.waitFor(() => be.keptFiles().length === 0, 5_000, 'the kept file to be removed');
  });

  it('called no wx API the stand-in lacks in any launch, drew everything, and left no rejection unhandled', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
    // The upload cut off by the kill fails in no callback (the process is gone); nothing else may go unhandled.
    expect(unhandledRejections).toEqual([]);
  });
});
