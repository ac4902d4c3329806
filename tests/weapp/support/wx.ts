// The `wx` the compiled mini-program calls, doing the real work: HTTP to the real gateway and
// storage, real files for the picker and compression, storage in a file that outlives a relaunch,
// WeChat login through the WeChat stand-in. UI-only APIs (modal, toast, navigation, phone calls)
// are recorded and answered as the test says. Anything else throws and is listed in `unhandled`.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import sharp from 'sharp';
import type { WechatStandin } from '../../standins/wechat.js';
import { DeviceFiles, USER_DATA_PATH } from './device-files.js';
import { createFileSystemManager, removeFile } from './fs-manager.js';
import { createRequest, createUploadFile, type NetworkLogEntry } from './network.js';
import { PrivacyCheck } from './privacy.js';
import { DeviceStorage } from './storage.js';
import type { AppJson } from './weapp-build.js';
import { answering, loudStub, stripCallbacks, type Opts } from './wx-answers.js';

export interface WxCall {
  api: string;
  args: any;
  /** Called while a user gesture was live (a tap, or the confirm of a modal). */
  gesture: boolean;
}

/** A file the "user" picks in chooseMedia: a real file on disk. */
export interface Pick {
  kind: 'image' | 'video';
  file: string;
  /** For videos: a real JPEG to hand over as the poster. */
  thumb?: string;
  duration?: number;
  width?: number;
  height?: number;
}

export type ModalAnswer = 'confirm' | 'cancel';

export interface WxScript {
  /** Who logs in: the openid the WeChat stand-in maps each fresh login code to. */
  openid: string;
  /** What the user picks on each chooseMedia, in order; 'cancel' closes the picker. */
  picks: Array<Pick[] | 'cancel'>;
  modal: (m: { title?: string; content?: string; confirmText?: string; cancelText?: string; showCancel?: boolean }) => ModalAnswer;
  /** Answer per template id for requestSubscribeMessage. */
  subscribe: Record<string, 'accept' | 'reject' | 'ban'>;
  /** Where the user drops the pin in chooseLocation (WeChat answers in GCJ-02). */
  location: { name: string; address: string; latitude: number; longitude: number } | 'cancel';
  /** The phone's position (WGS-84 and GCJ-02) for getLocation. */
  position: { wgs84: { latitude: number; longitude: number }; gcj02: { latitude: number; longitude: number } };
  /**
   * What the user does in WeChat's 手机号快速验证 sheet (a getPhoneNumber button): allow it with the
   * number WeChat holds for them (a code for it is registered in the WeChat stand-in), or 'deny'.
   */
  phoneNumber: string | 'deny' | null;
}

/** 天安门广场 (a fixture point): GCJ-02 is what WeChat's map answers; WGS-84 is the same spot by GPS. */
export const TIANANMEN = {
  wgs84: { latitude: 39.903738, longitude: 116.391248 },
  gcj02: { latitude: 39.905138, longitude: 116.397478 },
};

export function defaultScript(openid: string): WxScript {
  return {
    openid,
    picks: [],
    modal: () => 'confirm',
    subscribe: {},
    location: { name: '天安门广场', address: '北京市东城区东长安街', ...TIANANMEN.gcj02 },
    position: TIANANMEN,
    phoneNumber: null,
  };
}

export interface WxDevice {
  dataDir: string;
  files: DeviceFiles;
  storage: DeviceStorage;
}

export interface WxStandin {
  /** The object installed as global.wx. */
  api: Record<string, any>;
  calls: WxCall[];
  callsOf(api: string): WxCall[];
  network: NetworkLogEntry[];
  /** Calls of APIs the stand-in does not provide. */
  unhandled: string[];
  /** errMsg of every fail answer, in order. */
  failures: string[];
  /** Login codes handed out (each registered in the WeChat stand-in). */
  loginCodes: string[];
  script: WxScript;
  /** Marks a user gesture until the current macrotask ends (taps; WeChat's own modal buttons). */
  gesture(): void;
  /** Slows uploads down (a weak signal): bytes per chunk and pause between chunks. */
  setUploadPace(chunkBytes: number, delayMs: number): void;
  /** The app process is killed: nothing it still has running reaches the network or the device. */
  shutdown(): void;
  /** APIs the killed app's leftover timers tried to call. */
  deadCalls: string[];
  /** WeChat's privacy check: its requests to the app's listener, and the app's breaches of its rules. */
  privacy: PrivacyCheck;
  /**
   * What WeChat does when a `<button open-type="…">` is tapped: the detail of the event it then fires
   * on the button (getphonenumber, agreeprivacyauthorization), or null when it fires none.
   */
  openType(type: string, button: { id: string }): Promise<{ event: string; detail: Record<string, unknown> } | null>;
}

const SYSTEM = {
  brand: 'HUAWEI',
  model: 'ALN-AL00',
  pixelRatio: 3,
  screenWidth: 393,
  screenHeight: 852,
  windowWidth: 393,
  windowHeight: 727,
  statusBarHeight: 36,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'Android 12',
  platform: 'android',
  SDKVersion: '3.6.0',
  theme: 'light',
  safeArea: { left: 0, right: 393, top: 36, bottom: 852, width: 393, height: 816 },
};

export function createWx(opts: { device: WxDevice; gatewayUrl: string; apiBase: string; wechat: WechatStandin; appJson: AppJson; script: WxScript; simulatorApis: Record<string, unknown>; currentPage: () => any }): WxStandin {
  const { files, storage } = opts.device;
  const calls: WxCall[] = [];
  const network: NetworkLogEntry[] = [];
  const unhandled: string[] = [];
  const loginCodes: string[] = [];
  const failures: string[] = [];
  const async = answering(failures);
  let gestureLive = false;
  const gesture = () => {
    gestureLive = true;
    setImmediate(() => (gestureLive = false));
  };
  const record = (api: string, args: any) => calls.push({ api, args: stripCallbacks(args), gesture: gestureLive });

  const pagesOf = (j: AppJson) => [...j.pages, ...(j.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  const allPages = new Set(pagesOf(opts.appJson));
  const tabPages = new Set((opts.appJson.tabBar?.list ?? []).map((t) => t.pagePath));
  const pathOf = (url: string) => url.split('?')[0]!.replace(/^\/+/, '');

  /** Navigation is recorded (the simulator has no page stack) after WeChat's own checks. */
  const navigate = (name: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
    async<Opts>(name, (o) => {
      record(name, o);
      const path = pathOf(String(o.url ?? ''));
      if (!allPages.has(path)) throw new Error(`${name}:fail page "${path}" is not found`);
      if (name === 'switchTab' && !tabPages.has(path)) throw new Error('switchTab:fail can not switch to no-tabBar page');
      if ((name === 'navigateTo' || name === 'redirectTo') && tabPages.has(path)) throw new Error(`${name}:fail can not ${name} a tabbar page`);
      if (name === 'switchTab' && String(o.url).includes('?')) throw new Error('switchTab:fail url can not contain query');
      return {};
    });

  const net = {
    routes: new Map([[new URL(opts.apiBase).origin, opts.gatewayUrl]]),
    realFile: (p: string) => files.existing(p),
    readFile: (real: string) => readFileSync(real),
    log: network,
    uploadChunkBytes: 16 * 1024,
    uploadChunkDelayMs: 15,
    inflight: new Set<() => void>(),
  };
  const request = createRequest(net);
  const uploadFile = createUploadFile(net);

  /** A media API's source file, or WeChat's failure when the phone no longer has it. */
  const readSource = (name: string, src: string): Buffer => {
    if (!files.existing(src)) throw new Error(`${name}:fail file not found`);
    return files.read(src);
  };
  const fsManager = () => createFileSystemManager(files, async, unhandled);
  const privacy = new PrivacyCheck(opts.device.dataDir, () => opts.currentPage()?.route ?? '');

  const api: Record<string, any> = {
    env: { USER_DATA_PATH },

    // --- network ---
    request,
    uploadFile,

    // --- storage ---
    getStorageSync: (key: string) => storage.get(key),
    setStorageSync: (key: string, data: unknown) => storage.set(key, data),
    removeStorageSync: (key: string) => storage.remove(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: storage.keys(), currentSize: storage.sizeKb(), limitSize: 10240 }),
    getStorage: async<Opts>('getStorage', (o) => {
      if (!storage.has(o.key)) throw new Error('getStorage:fail data not found');
      return { data: storage.get(o.key) };
    }),
    setStorage: async<Opts>('setStorage', (o) => (storage.set(o.key, o.data), {})),
    removeStorage: async<Opts>('removeStorage', (o) => (storage.remove(o.key), {})),
    clearStorage: async<Opts>('clearStorage', () => (storage.clear(), {})),
    getStorageInfo: async<Opts>('getStorageInfo', () => ({ keys: storage.keys(), currentSize: storage.sizeKb(), limitSize: 10240 })),

    // --- files and media ---
    getFileSystemManager: fsManager,
    saveFile: async<Opts>('saveFile', (o) => ({ savedFilePath: files.save(o.tempFilePath) })),
    getSavedFileList: async<Opts>('getSavedFileList', () => ({ fileList: files.savedList() })),
    removeSavedFile: async<Opts>('removeSavedFile', (o) => removeFile(files, o.filePath, 'removeSavedFile')),
    chooseMedia: async<Opts>('chooseMedia', async (o) => {
      record('chooseMedia', o);
      await privacy.gate('chooseMedia');
      const next = opts.script.picks.shift();
      if (next === undefined) throw new Error('chooseMedia:fail the test scripted no pick for this chooseMedia');
      if (next === 'cancel') throw new Error('chooseMedia:fail cancel');
      const allowed: string[] = o.mediaType ?? ['image', 'video'];
      const chosen = next.slice(0, o.count ?? 9);
      const tempFiles = [];
      for (const p of chosen) {
        if (!allowed.includes(p.kind) && !allowed.includes('mix')) throw new Error(`chooseMedia:fail the picker offered ${allowed.join('/')}, the test picked a ${p.kind}`);
        const tempFilePath = files.newTemp(extname(p.file) || (p.kind === 'image' ? '.jpg' : '.mp4'), { copyOf: p.file });
        const size = files.read(tempFilePath).length;
        if (p.kind === 'image') {
          const meta = await sharp(files.read(tempFilePath)).metadata();
          tempFiles.push({ tempFilePath, size, fileType: 'image', width: meta.width, height: meta.height });
        } else {
          const thumbTempFilePath = p.thumb ? files.newTemp('.jpg', { copyOf: p.thumb }) : undefined;
          tempFiles.push({ tempFilePath, size, fileType: 'video', duration: p.duration ?? 1, width: p.width ?? 64, height: p.height ?? 64, thumbTempFilePath });
        }
      }
      const kinds = new Set(tempFiles.map((f) => f.fileType));
      return { tempFiles, type: kinds.size > 1 ? 'mix' : [...kinds][0] ?? 'image' };
    }),
    compressImage: async<Opts>('compressImage', async (o) => {
      record('compressImage', o);
      const input = readSource('compressImage', o.src);
      const meta = await sharp(input).metadata();
      let img = sharp(input);
      const width = o.compressedWidth as number | undefined;
      const height = o.compressHeight as number | undefined;
      if ((width && (meta.width ?? 0) > width) || (height && (meta.height ?? 0) > height)) img = img.resize({ width, height, fit: 'inside', withoutEnlargement: true });
      const out = await img.jpeg({ quality: Math.max(1, Math.min(100, o.quality ?? 80)) }).toBuffer();
      return { tempFilePath: files.newTemp('.jpg', out, 'http') };
    }),
    compressVideo: async<Opts>('compressVideo', (o) => {
      record('compressVideo', o);
      // Transcoding needs ffmpeg; the copy keeps the file real and the answer's shape right.
      const tempFilePath = files.newTemp('.mp4', readSource('compressVideo', o.src), 'http');
      return { tempFilePath, size: Math.ceil(files.read(tempFilePath).length / 1024) };
    }),
    getImageInfo: async<Opts>('getImageInfo', async (o) => {
      const meta = await sharp(readSource('getImageInfo', o.src)).metadata();
      return { width: meta.width, height: meta.height, path: o.src, orientation: 'up', type: meta.format === 'jpeg' ? 'jpeg' : meta.format };
    }),
    previewImage: async<Opts>('previewImage', (o) => (record('previewImage', o), {})),
    previewMedia: async<Opts>('previewMedia', (o) => (record('previewMedia', o), {})),

    // --- login, subscriptions, phone ---
    login: async<Opts>('login', () => {
      const code = `wxcode-${randomBytes(8).toString('hex')}`;
      opts.wechat.codes.set(code, { openid: opts.script.openid });
      loginCodes.push(code);
      record('login', {});
      return { code };
    }),
    checkSession: async<Opts>('checkSession', () => ({})),
    requestSubscribeMessage: async<Opts>('requestSubscribeMessage', (o) => {
      record('requestSubscribeMessage', o);
      if (!calls.at(-1)!.gesture) throw new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
      const out: Record<string, unknown> = {};
      for (const id of o.tmplIds ?? []) out[id] = opts.script.subscribe[id] ?? 'reject';
      return out;
    }),
    makePhoneCall: async<Opts>('makePhoneCall', (o) => (record('makePhoneCall', o), {})),

    // --- interface ---
    showModal: async<Opts>('showModal', (o) => {
      record('showModal', o);
      const answer = opts.script.modal(o as Parameters<WxScript['modal']>[0]);
      if (answer === 'confirm') gesture();
      return { confirm: answer === 'confirm', cancel: answer === 'cancel' };
    }),
    showToast: async<Opts>('showToast', (o) => (record('showToast', o), {})),
    hideToast: async<Opts>('hideToast', () => ({})),
    showLoading: async<Opts>('showLoading', (o) => (record('showLoading', o), {})),
    hideLoading: async<Opts>('hideLoading', () => ({})),
    showActionSheet: async<Opts>('showActionSheet', (o) => {
      record('showActionSheet', o);
      throw new Error('showActionSheet:fail cancel');
    }),
    setNavigationBarTitle: async<Opts>('setNavigationBarTitle', (o) => (record('setNavigationBarTitle', o), {})),
    setNavigationBarColor: async<Opts>('setNavigationBarColor', (o) => (record('setNavigationBarColor', o), {})),
    stopPullDownRefresh: async<Opts>('stopPullDownRefresh', () => (record('stopPullDownRefresh', {}), {})),
    startPullDownRefresh: async<Opts>('startPullDownRefresh', () => (record('startPullDownRefresh', {}), {})),
    pageScrollTo: async<Opts>('pageScrollTo', (o) => (record('pageScrollTo', o), {})),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: async<Opts>('navigateBack', (o) => (record('navigateBack', o), {})),

    // --- location ---
    chooseLocation: async<Opts>('chooseLocation', async (o) => {
      record('chooseLocation', o);
      await privacy.gate('chooseLocation');
      if (opts.script.location === 'cancel') throw new Error('chooseLocation:fail cancel');
      return { ...opts.script.location };
    }),
    getLocation: async<Opts>('getLocation', async (o) => {
      record('getLocation', o);
      await privacy.gate('getLocation');
      const p = o.type === 'gcj02' ? opts.script.position.gcj02 : opts.script.position.wgs84;
      return { ...p, speed: -1, accuracy: 35, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 35 };
    }),

    // --- privacy (base library ≥ 2.32.3) ---
    onNeedPrivacyAuthorization: (fn: Parameters<PrivacyCheck['onNeed']>[0]) => {
      record('onNeedPrivacyAuthorization', { listener: typeof fn });
      privacy.onNeed(fn);
    },
    requirePrivacyAuthorize: async<Opts>('requirePrivacyAuthorize', async () => {
      record('requirePrivacyAuthorize', {});
      await privacy.gate('requirePrivacyAuthorize');
      return {};
    }),
    openPrivacyContract: async<Opts>('openPrivacyContract', () => (record('openPrivacyContract', {}), {})),
    getPrivacySetting: async<Opts>('getPrivacySetting', () => ({ needAuthorization: !privacy.agreed(), privacyContractName: '《民呼小程序隐私保护指引》' })),

    // --- layout: queries run on the current page as the simulator rendered it (jsdom has no layout: sizes are 0) ---
    createSelectorQuery: () => {
      const page = opts.currentPage();
      if (!page) throw new Error('wx.createSelectorQuery: no page is open');
      return page.createSelectorQuery();
    },
    createIntersectionObserver: (component: any, options?: unknown) => (component ?? opts.currentPage()).createIntersectionObserver(options),

    // --- device ---
    getSystemInfoSync: () => ({ ...SYSTEM }),
    getSystemInfo: async<Opts>('getSystemInfo', () => ({ ...SYSTEM })),
    getWindowInfo: () => ({ pixelRatio: SYSTEM.pixelRatio, screenWidth: SYSTEM.screenWidth, screenHeight: SYSTEM.screenHeight, windowWidth: SYSTEM.windowWidth, windowHeight: SYSTEM.windowHeight, statusBarHeight: SYSTEM.statusBarHeight, safeArea: SYSTEM.safeArea, screenTop: 0 }),
    getAppBaseInfo: () => ({ SDKVersion: SYSTEM.SDKVersion, language: SYSTEM.language, version: SYSTEM.version, theme: SYSTEM.theme, enableDebug: false, host: { env: 'WeChat' } }),
    getDeviceInfo: () => ({ brand: SYSTEM.brand, model: SYSTEM.model, system: SYSTEM.system, platform: SYSTEM.platform, benchmarkLevel: 30 }),
    canIUse: () => true,
  };

  async function openType(type: string, button: { id: string }): Promise<{ event: string; detail: Record<string, unknown> } | null> {
    record(`button:${type}`, { id: button.id });
    if (type === 'agreePrivacyAuthorization') {
      privacy.agreeButtonTapped(button.id);
      return { event: 'agreeprivacyauthorization', detail: {} };
    }
    if (type === 'getPhoneNumber') {
      try {
        await privacy.gate('getPhoneNumber');
      } catch (e) {
        const fail = e as { message: string; errno?: number };
        return { event: 'getphonenumber', detail: { errMsg: fail.message, errno: fail.errno } };
      }
      const answer = opts.script.phoneNumber;
      if (answer === null) {
        unhandled.push('getPhoneNumber (the test scripted no answer)');
        return { event: 'getphonenumber', detail: { errMsg: 'getPhoneNumber:fail the test scripted no answer' } };
      }
      if (answer === 'deny') return { event: 'getphonenumber', detail: { errMsg: 'getPhoneNumber:fail user deny' } };
      const code = `phonecode-${randomBytes(8).toString('hex')}`;
      opts.wechat.phoneCodes.set(code, { purePhoneNumber: answer });
      return { event: 'getphonenumber', detail: { errMsg: 'getPhoneNumber:ok', code } };
    }
    unhandled.push(`button open-type ${type}`);
    return null;
  }

  // A fresh object per launch (Taro keeps the `wx` it found at start): every API the simulator
  // knows that is not stood in here is loud, so a new dependency of the app shows up in the test log.
  const target: Record<string, any> = {};
  for (const [key, value] of Object.entries(opts.simulatorApis)) target[key] = typeof value === 'function' ? loudStub(key, unhandled) : value;
  Object.assign(target, api);
  const deadCalls: string[] = [];

  return {
    api: target,
    calls,
    callsOf: (name) => calls.filter((c) => c.api === name),
    network,
    unhandled,
    failures,
    loginCodes,
    script: opts.script,
    gesture,
    deadCalls,
    privacy,
    openType,
    setUploadPace(chunkBytes, delayMs) {
      net.uploadChunkBytes = chunkBytes;
      net.uploadChunkDelayMs = delayMs;
    },
    shutdown() {
      // The process is gone: transfers stop without callbacks, and later calls from leftover timers do nothing.
      net.inflight.forEach((cut) => cut());
      for (const key of Object.keys(target)) if (typeof target[key] === 'function') target[key] = () => void deadCalls.push(key);
    },
  };
}
