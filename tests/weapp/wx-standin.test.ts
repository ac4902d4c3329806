// The `wx` stand-in itself, without the app: what the journeys (and fixes of the app) rely on — storage
// and saved files outlive a relaunch while temp files do not, uploads and requests are real HTTP with
// WeChat's answers and errMsg, promise style without callbacks, the privacy check waits for the app's
// listener like WeChat, open-type buttons answer like WeChat, and unknown APIs are loud.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeJpeg } from '../support/media.js';
import { startBackend, type Backend } from './support/backend.js';
import { DeviceFiles, USER_DATA_PATH } from './support/device-files.js';
import { DeviceStorage } from './support/storage.js';
import { bakedApiBase } from './support/weapp-build.js';
import { createWx, defaultScript, type WxStandin } from './support/wx.js';

let be: Backend;
let silent: Server;

function device(): { wx: WxStandin; files: DeviceFiles } {
  const files = new DeviceFiles(be.dataDir);
  const wx = createWx({
    device: { dataDir: be.dataDir, files, storage: new DeviceStorage(be.dataDir) },
    gatewayUrl: be.gw.url,
    apiBase: bakedApiBase(),
    wechat: be.wechat,
    appJson: { pages: ['pages/index/index'] },
    script: defaultScript('o-standin'),
    simulatorApis: { startWifi: () => undefined },
    currentPage: () => null,
  });
  return { wx, files };
}

/** Calls a callback-style API and resolves with how WeChat answered. */
function answer(fn: (o: Record<string, unknown>) => unknown, args: Record<string, unknown> = {}): Promise<{ ok: boolean; res: any }> {
  return new Promise((resolve) => void fn({ ...args, success: (res: unknown) => resolve({ ok: true, res }), fail: (res: unknown) => resolve({ ok: false, res }) }));
}

beforeAll(async () => {
  be = await startBackend();
  // A server that takes requests and never answers, for timeouts.
  silent = createServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  silent?.closeAllConnections();
  await new Promise<void>((r) => silent.close(() => r()));
  await be?.close();
});

describe('the wx stand-in', () => {
  it('keeps storage and saved files across a relaunch, but not temp files', async () => {
    const { wx, files } = device();
    wx.api.setStorageSync('minhu.test', { a: 1 });
    expect(wx.api.getStorageSync('nothing-here')).toBe('');
    await expect(wx.api.getStorage({ key: 'nothing-here' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });

    const jpeg = await makeJpeg(64, 48);
    const kept = files.newTemp('.jpg', jpeg);
    const lost = files.newTemp('.jpg', jpeg, 'http');
    const own = files.newTemp('.jpg', jpeg);
    const { savedFilePath } = (await wx.api.saveFile({ tempFilePath: kept })) as { savedFilePath: string };
    const ownPath = `${USER_DATA_PATH}/draft-photo.jpg`;
    expect((await answer(wx.api.getFileSystemManager().saveFile, { tempFilePath: own, filePath: ownPath })).res.savedFilePath).toBe(ownPath);
    expect(savedFilePath).toMatch(/^wxfile:\/\/store_[0-9a-f]+\.jpg$/);
    expect(files.existing(kept)).toBeNull(); // saveFile moves the temp file

    // Relaunch: a new device over the same folder (launchApp wipes temp files like WeChat does).
    const again = device();
    again.files.wipeTemp();
    expect(again.wx.api.getStorageSync('minhu.test')).toEqual({ a: 1 });
    expect(again.files.existing(lost)).toBeNull();
    const fs = again.wx.api.getFileSystemManager();
    expect((await answer(fs.getFileInfo, { filePath: savedFilePath })).res.size).toBe(jpeg.length);
    expect((await again.wx.api.getSavedFileList()).fileList).toEqual([expect.objectContaining({ filePath: savedFilePath, size: jpeg.length })]);
    expect((await answer(fs.stat, { path: savedFilePath })).res.stats.isFile()).toBe(true);
    expect(again.wx.api.env.USER_DATA_PATH).toBe(USER_DATA_PATH);
    expect((await answer(fs.readdir, { dirPath: USER_DATA_PATH })).res.files).toEqual(['draft-photo.jpg']);
    expect((await answer(fs.getFileInfo, { filePath: ownPath })).res.size).toBe(jpeg.length);

    expect((await answer(again.wx.api.removeSavedFile, { filePath: savedFilePath })).ok).toBe(true);
    const gone = await answer(fs.access, { path: savedFilePath });
    expect(gone).toMatchObject({ ok: false, res: { errMsg: expect.stringMatching(/^access:fail no such file/) } });
    expect(again.wx.failures.at(-1)).toBe(gone.res.errMsg);
  });

  it('uploads a file to MinIO with progress, and fails like WeChat on a missing file and on abort', async () => {
    const { wx, files } = device();
    be.wechat.codes.set('standin-code', { openid: 'o-standin' });
    const token = (await be.gw.api('POST', '/api/auth/wechat', { body: { code: 'standin-code' } })).body.token as string;
    const jpeg = await makeJpeg(1200, 900);
    const presign = async () => (await be.gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } })).body;
    const path = files.newTemp('.jpg', jpeg);

    const target = await presign();
    const events: Array<{ progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }> = [];
    const done = new Promise<{ ok: boolean; res: any }>((resolve) => {
      const task = wx.api.uploadFile({ url: target.url, filePath: path, name: target.fileField, formData: target.fields, success: (res: unknown) => resolve({ ok: true, res }), fail: (res: unknown) => resolve({ ok: false, res }) });
      task.onProgressUpdate((e: (typeof events)[number]) => events.push(e));
    });
    expect(await done).toMatchObject({ ok: true, res: { statusCode: 204, errMsg: 'uploadFile:ok' } });
    expect(events.length).toBeGreaterThan(3);
    expect(events.at(-1)).toMatchObject({ progress: 100 });
    expect(await be.objectSize(target.uploadId)).toBe(jpeg.length);

    const missing = await answer(wx.api.uploadFile, { url: target.url, filePath: 'wxfile://tmp_gone.jpg', name: 'file' });
    expect(missing).toMatchObject({ ok: false, res: { errMsg: expect.stringMatching(/^uploadFile:fail no such file/) } });

    const second = await presign();
    wx.setUploadPace(1024, 50);
    const aborted = new Promise<{ ok: boolean; res: any }>((resolve) => {
      const task = wx.api.uploadFile({ url: second.url, filePath: path, name: second.fileField, formData: second.fields, success: (res: unknown) => resolve({ ok: true, res }), fail: (res: unknown) => resolve({ ok: false, res }) });
      setTimeout(() => task.abort(), 200);
    });
    expect(await aborted).toMatchObject({ ok: false, res: { errMsg: 'uploadFile:fail abort' } });
    expect(await be.objectSize(second.uploadId)).toBeNull();
  });

  it('requests go to the gateway for the baked origin, as JSON, and time out like WeChat', async () => {
    const { wx } = device();
    const health = await answer(wx.api.request, { url: `${bakedApiBase()}/api/health`, method: 'GET' });
    expect(health).toMatchObject({ ok: true, res: { statusCode: 200, errMsg: 'request:ok' } });
    expect(typeof health.res.data).toBe('object');
    expect(wx.network.at(-1)!.sentTo).toBe(`${be.gw.url}/api/health`);

    const port = (silent.address() as AddressInfo).port;
    const late = await answer(wx.api.request, { url: `http://127.0.0.1:${port}/slow`, timeout: 300 });
    expect(late).toMatchObject({ ok: false, res: { errMsg: 'request:fail timeout' } });
  });

  it('keeps draft files in a folder of USER_DATA_PATH: mkdir, saveFile into it, rmdir', async () => {
    const { wx, files } = device();
    const fs = wx.api.getFileSystemManager();
    const dir = `${USER_DATA_PATH}/kept`;
    expect(await answer(fs.mkdir, { dirPath: `${dir}/a/b` })).toMatchObject({ ok: false, res: { errMsg: expect.stringMatching(/^mkdir:fail no such file/) } });
    expect((await answer(fs.mkdir, { dirPath: dir, recursive: true })).ok).toBe(true);
    expect(await answer(fs.mkdir, { dirPath: dir })).toMatchObject({ ok: false, res: { errMsg: expect.stringMatching(/^mkdir:fail file already exists/) } });
    const temp = files.newTemp('.jpg', await makeJpeg(32, 32));
    expect((await answer(fs.saveFile, { tempFilePath: temp, filePath: `${dir}/p.jpg` })).res.savedFilePath).toBe(`${dir}/p.jpg`);
    expect(await answer(fs.rmdir, { dirPath: dir })).toMatchObject({ ok: false, res: { errMsg: expect.stringMatching(/^rmdir:fail directory not empty/) } });
    expect((await answer(fs.rmdir, { dirPath: dir, recursive: true })).ok).toBe(true);
    expect(files.existing(`${dir}/p.jpg`)).toBeNull();
    expect(await answer(fs.mkdir, { dirPath: 'wxfile://tmp_x' })).toMatchObject({ ok: false, res: { errMsg: expect.stringMatching(/^mkdir:fail permission denied/) } });
  });

  it('runs WeChat’s privacy check: personal-data APIs wait for the listener; agree needs a tapped agree button; consent is remembered', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'minhu-privacy-'));
    const phone = (): WxStandin => {
      const files = new DeviceFiles(dataDir);
      return createWx({
        device: { dataDir, files, storage: new DeviceStorage(dataDir) },
        gatewayUrl: be.gw.url,
        apiBase: bakedApiBase(),
        wechat: be.wechat,
        appJson: { pages: ['pages/index/index'] },
        script: { ...defaultScript('o-standin'), location: { name: '天安门', address: '东长安街', latitude: 39.9, longitude: 116.4 } },
        simulatorApis: {},
        currentPage: () => ({ route: 'pages/index/index' }),
      });
    };
    const wx = phone();
    // Without a listener WeChat refuses at once.
    await expect(wx.api.chooseLocation()).rejects.toEqual({ errMsg: 'chooseLocation:fail privacy permission is not authorized', errno: 104 });

    const asked: Array<{ resolve: (a: unknown) => void; referrer: string }> = [];
    wx.api.onNeedPrivacyAuthorization((resolve: (a: unknown) => void, info: { referrer: string }) => asked.push({ resolve, referrer: info.referrer }));
    const refused = wx.api.chooseLocation();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]!.referrer).toBe('pages/index/index');
    asked[0]!.resolve({ event: 'disagree' });
    await expect(refused).rejects.toEqual({ errMsg: 'chooseLocation:fail privacy permission is not authorized', errno: 104 });

    // "agree" for a button nobody tapped is a breach of the rules, and the API fails.
    const forged = wx.api.chooseLocation();
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    asked[1]!.resolve({ event: 'agree', buttonId: 'agree-btn' });
    await expect(forged).rejects.toMatchObject({ errno: 104 });
    expect(wx.privacy.violations).toEqual(['chooseLocation: agree with button "agree-btn", which was not tapped']);

    const allowed = wx.api.chooseLocation();
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(await wx.openType('agreePrivacyAuthorization', { id: 'agree-btn' })).toEqual({ event: 'agreeprivacyauthorization', detail: {} });
    asked[2]!.resolve({ event: 'agree', buttonId: 'agree-btn' });
    await expect(allowed).resolves.toMatchObject({ errMsg: 'chooseLocation:ok', latitude: 39.9 });

    // The next launch on this phone: no more asking.
    const later = phone();
    later.api.onNeedPrivacyAuthorization(() => asked.push({ resolve: () => undefined, referrer: 'again' }));
    await expect(later.api.chooseLocation()).resolves.toMatchObject({ errMsg: 'chooseLocation:ok' });
    expect(asked).toHaveLength(3);
    expect(await later.api.getPrivacySetting()).toMatchObject({ needAuthorization: false });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a getPhoneNumber button with a code the WeChat stand-in knows, or the refusal', async () => {
    const { wx } = device();
    wx.privacy.agreeButtonTapped('setup'); // consent given earlier on this phone
    wx.script.phoneNumber = '13912345678';
    const ok = await wx.openType('getPhoneNumber', { id: 'b1' });
    expect(ok).toEqual({ event: 'getphonenumber', detail: { errMsg: 'getPhoneNumber:ok', code: expect.stringMatching(/^phonecode-/) } });
    expect(be.wechat.phoneCodes.get(String(ok!.detail.code))).toEqual({ purePhoneNumber: '13912345678' });
    wx.script.phoneNumber = 'deny';
    expect(await wx.openType('getPhoneNumber', { id: 'b1' })).toEqual({ event: 'getphonenumber', detail: { errMsg: 'getPhoneNumber:fail user deny' } });
  });

  it('throws on an API it does not stand in, and lists it', () => {
    const { wx } = device();
    expect(() => wx.api.startWifi({})).toThrow(/wx.startWifi is not stood in/);
    expect(wx.unhandled).toEqual(['startWifi']);
  });
});
