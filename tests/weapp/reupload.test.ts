// A draft older than the gateway's orphan sweep: its photo was uploaded, the app closed, and a day later
// the sweep (the real sweepOrphanUploads, run with a clock two days ahead) removed the upload's object
// from MinIO and its record. At 提交 the gateway names the missing upload (422 invalid_upload); the
// app uploads the kept file again and files, with no action from the citizen. When the kept file is
// truly gone too, its tile is marked and nothing is filed.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOrphanUploads } from '../../apps/gateway/src/commands/sweep-orphan-uploads.js';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, unhandledRejections, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { photoPick } from './support/picks.js';
import { agreePrivacyOnPhone } from './support/privacy.js';

const OPENID = 'o-weapp-reupload';
const CALLBACK = freshPhone();

let be: Backend;
let app: MiniApp | null = null;
const apps: MiniApp[] = [];
let report: PageDriver;
let picks: Awaited<ReturnType<typeof photoPick>>[];

async function launch(pick?: (typeof picks)[number]): Promise<MiniApp> {
  app?.kill();
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID, script: { picks: pick ? [[pick]] : [] } });
  apps.push(app);
  report = await app.openPage('pages/report/index');
  return app;
}

const tile = () => report.findAll('attachment-tile')[0];
const savedDraft = (a: MiniApp) => JSON.parse(String(a.wx.api.getStorageSync('minhu.reportDraft.v1') || 'null'));
const requests = (a: MiniApp) => a.wx.network.filter((n) => n.api === 'request' && /\/api\/(tickets|uploads)$/.test(n.url));

/** A draft with one uploaded photo, saved on the phone; answers its attachment as saved. */
async function draftWithPhoto(a: MiniApp, description: string): Promise<{ uploadId: string; savedPath: string; localId: string }> {
  await report.input('description-input', description);
  await report.input('address-input', '幸福小区东门');
  await report.input('phone-input', CALLBACK);
  await report.tap('add-image');
  await report.waitFor(() => tile()?.text().includes('已上传'), 30_000, 'the photo to upload');
  await report.waitFor(() => savedDraft(a)?.attachments?.[0]?.status === 'done' && savedDraft(a).contactPhone === CALLBACK, 5_000, 'the draft to be saved');
  return savedDraft(a).attachments[0];
}

/** The gateway's own sweep, as it would run two days from now. */
async function sweepTwoDaysLater(): Promise<number> {
  const later = new Date(Date.now() + 48 * 3600 * 1000);
  return (await sweepOrphanUploads({ ...be.gw.deps, now: () => later })).deleted;
}

beforeAll(async () => {
  be = await startBackend();
  agreePrivacyOnPhone(be.dataDir);
  picks = [await photoPick(be.picsDir, 'IMG_2001.jpg'), await photoPick(be.picsDir, 'IMG_2002.jpg', 2000, 1500)];
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

describe('a draft whose upload the orphan sweep removed', () => {
  let first: { uploadId: string; savedPath: string; localId: string };
  let objectKey: string;

  it('the photo is uploaded, the app closed, and the sweep removes the upload: object and record', async () => {
    const a = await launch(picks[0]);
    first = await draftWithPhoto(a, '幸福小区东门的路面塌了一个坑，电动车经过很容易摔倒。');
    objectKey = (await be.gw.deps.models.Upload.findById(first.uploadId).lean<{ objectKey: string }>())!.objectKey;
    expect(await be.gw.deps.storage.stat(objectKey)).not.toBeNull();
    a.kill();
    app = null;

    expect(await sweepTwoDaysLater()).toBe(1);
    expect(await be.gw.deps.models.Upload.findById(first.uploadId).lean()).toBeNull();
    expect(await be.gw.deps.storage.stat(objectKey)).toBeNull();
    expect(be.keptFiles()).toEqual([`${first.localId}.jpg`]);
  });

  it('at 提交 the app uploads the kept file again by itself and the ticket is filed with it', async () => {
    const a = await launch();
    await report.waitFor(() => tile()?.text().includes('已上传'), 10_000, 'the restored photo');
    await report.tap('report-submit');
    await report.waitFor(() => a.wx.callsOf('navigateTo').length === 1, 30_000, 'the ticket page to open');

    // Refused once, naming the swept upload; one new upload; filed with the same idempotency key.
    const seq = requests(a);
    expect(seq.map((n) => `${n.method} ${new URL(n.url).pathname} ${n.status}`)).toEqual(['POST /api/tickets 422', 'POST /api/uploads 201', 'POST /api/tickets 201']);
    expect(seq[0]!.body).toMatchObject({ error: { code: 'invalid_upload', details: { problems: [{ uploadId: first.uploadId, reason: 'not_found' }] } } });
    // The new upload came from the kept file (compressed again: the old compressed temp file is long gone).
    expect(a.wx.callsOf('compressImage').map((c) => c.args.src)).toEqual([first.savedPath]);
    const uploads = a.wx.network.filter((n) => n.api === 'uploadFile');
    expect(uploads.map((n) => n.status)).toEqual([204]);
    const again = (seq[1]!.body as { uploadId: string }).uploadId;
    expect(again).not.toBe(first.uploadId);

    const ticket = (seq[2]!.body as { ticket: { id: string } }).ticket;
    const stored = await be.gw.deps.models.Ticket.findById(ticket.id).lean<any>();
    expect(stored.media.map((m: { uploadId: string }) => m.uploadId)).toEqual([again]);
    expect(stored).toMatchObject({ contactPhone: CALLBACK, location: { address: '幸福小区东门' } });
    // The evidence copy under the ticket is in MinIO.
    expect((await be.gw.deps.storage.stat(stored.media[0].objectKey))?.size).toBe(stored.media[0].size);
    // Nothing asked the citizen to act: no error on the form, no failed tile, no toast.
    expect(report.has('error-state')).toBe(false);
    expect(a.wx.callsOf('showToast')).toEqual([]);
    await report.waitFor(() => be.keptFiles().length === 0, 5_000, 'the kept file to be removed');
  });

  it('when the kept file is truly gone as well, its tile is marked and nothing is filed', async () => {
    const a = await launch(picks[1]);
    const second = await draftWithPhoto(a, '幸福小区东门的路灯下午就亮着，晚上反而不亮，请检查一下。');
    a.kill();
    app = null;
    expect(await sweepTwoDaysLater()).toBe(1);
    // The phone's storage was cleared behind the app's back.
    unlinkSync(join(be.dataDir, 'usr', 'minhu-drafts', `${second.localId}.jpg`));

    const b = await launch();
    await report.tap('report-submit');
    await report.waitFor(() => tile()?.attr('data-status') === 'failed', 30_000, 'the tile to be marked');
    expect(tile()!.text()).toContain('文件已失效，请删除后重新选择');
    expect(tile()!.findAll('attachment-retry')).toEqual([]); // retrying cannot help: only removing
    await report.waitFor(() => report.has('error-state'), 5_000, 'the form to say why');
    expect(report.find('error-state').text()).toContain('有 1 个文件上传失败');
    expect(requests(b).filter((n) => n.url.endsWith('/api/tickets')).map((n) => n.status)).toEqual([422]);
    expect(b.wx.callsOf('navigateTo')).toEqual([]);
    expect(await be.gw.deps.models.Ticket.countDocuments({ description: /路灯下午就亮着/ })).toBe(0);
  });

  it('called no wx API the stand-in lacks, drew every element, and left no rejection unhandled', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
    expect(unhandledRejections).toEqual([]);
  });
});
