// A video over 8 MB on the mini-program: the app asks WeChat's compressVideo first (the stand-in copies
// the file, so the result is no smaller and the original is sent), and the upload is given time for
// its size instead of a fixed limit. MinIO gets every byte; the video and its poster are kept, so the
// tile still shows it after a relaunch; and the ticket files with the video.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, unhandledRejections, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { bigVideoPick } from './support/picks.js';
import { agreePrivacyOnPhone } from './support/privacy.js';

/** 9 MB: over the 8 MB above which the app compresses. */
const BYTES = 9 * 1024 * 1024;

let be: Backend;
let app: MiniApp;
const apps: MiniApp[] = [];
let report: PageDriver;
let video: Awaited<ReturnType<typeof bigVideoPick>>;

beforeAll(async () => {
  be = await startBackend();
  agreePrivacyOnPhone(be.dataDir);
  video = await bigVideoPick(be.picsDir, 'VID_20261203_1800.mp4', BYTES);
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: 'o-weapp-video', script: { picks: [[video]] } });
  apps.push(app);
  app.wx.setUploadPace(256 * 1024, 0); // a good signal: the test is about the limits, not the wait
  report = await app.openPage('pages/report/index');
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

const tile = () => report.findAll('attachment-tile')[0];

describe('a long video on the mini-program', () => {
  let uploadId: string;

  it('goes through WeChat’s compressVideo, from the kept copy', async () => {
    await report.tap('add-video');
    await report.waitFor(() => app.wx.callsOf('compressVideo').length === 1, 15_000, 'compressVideo');
    const { src, quality } = app.wx.callsOf('compressVideo')[0]!.args as { src: string; quality: string };
    expect(quality).toBe('medium');
    expect(src).toMatch(/^wxfile:\/\/usr\/minhu-drafts\/[A-Za-z0-9_-]+\.mp4$/);
    expect(app.files.read(src).length).toBe(BYTES);
    // Its poster is kept beside it: WeChat's temp thumbnail dies with the process.
    const name = src.split('/').at(-1)!.replace(/\.mp4$/, '');
    expect(be.keptFiles().sort()).toEqual([`${name}-poster.jpg`, `${name}.mp4`]);
  });

  it('is uploaded whole, with a timeout that grows with its size', async () => {
    await report.waitFor(() => tile()?.text().includes('已上传'), 60_000, 'the video to upload');
    const [upload] = app.wx.network.filter((n) => n.api === 'uploadFile');
    expect(upload!.status).toBe(204);
    // The compressed copy was no smaller, so the kept original went up.
    expect(upload!.filePath).toBe(app.wx.callsOf('compressVideo')[0]!.args.src);
    expect(upload!.progress!.at(-1)!.totalBytesSent).toBeGreaterThan(BYTES);
    // Time for the bytes on a slow but working uplink (50 KB/s) plus 30 s to connect — far beyond
    // WeChat's default 60 s and the 120 s the app once gave every file.
    expect(upload!.timeout).toBeGreaterThanOrEqual(30_000 + (BYTES / (50 * 1024)) * 1000 - 1);
    expect(upload!.timeout).toBeGreaterThan(120_000);

    const created = app.wx.network.find((n) => n.api === 'request' && n.url.endsWith('/api/uploads'))!;
    uploadId = (created.body as { uploadId: string }).uploadId;
    expect(await be.gw.deps.models.Upload.findById(uploadId).lean()).toMatchObject({ kind: 'video', contentType: 'video/mp4', size: BYTES });
    expect(await be.objectSize(uploadId)).toBe(BYTES);
  });

  it('after a relaunch the tile still shows the video’s poster, from its kept copy', async () => {
    await report.waitFor(() => String(app.wx.api.getStorageSync('minhu.reportDraft.v1')).includes('"status":"done"'), 5_000, 'the draft to be saved');
    app.kill();
    app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: 'o-weapp-video' });
    apps.push(app);
    report = await app.openPage('pages/report/index');
    await report.waitFor(() => tile()?.text().includes('已上传'), 10_000, 'the restored video');
    const [poster] = tile()!.imageSources();
    expect(poster).toMatch(/^wxfile:\/\/usr\/minhu-drafts\/[A-Za-z0-9_-]+-poster\.jpg$/);
    expect(app.files.existing(poster!)).not.toBeNull();
    expect(app.wx.network.filter((n) => n.api === 'uploadFile')).toEqual([]); // done stays done
  });

  it('files with the ticket: the gateway checks and keeps the MP4', async () => {
    await report.input('description-input', '幸福路夜市每晚占道经营到凌晨，车辆无法通行，视频拍下了现场情况。');
    await report.input('address-input', '幸福路夜市');
    await report.input('phone-input', freshPhone());
    await report.tap('report-submit');
    await report.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 20_000, 'the ticket page to open');
    const filed = app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith('/api/tickets')).at(-1)!;
    expect(filed.status).toBe(201);
    const stored = await be.gw.deps.models.Ticket.findById((filed.body as { ticket: { id: string } }).ticket.id).lean<any>();
    expect(stored.media).toEqual([expect.objectContaining({ uploadId, kind: 'video', contentType: 'video/mp4', size: BYTES })]);
    expect((await be.gw.deps.storage.stat(stored.media[0].objectKey))?.size).toBe(BYTES);
    await report.waitFor(() => be.keptFiles().length === 0, 5_000, 'the kept video to be removed');
  });

  it('called no wx API the stand-in lacks, drew every element, and left no rejection unhandled', () => {
    expect(apps.flatMap((a) => a.wx.unhandled)).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
    expect(unhandledRejections).toEqual([]);
  });
});
