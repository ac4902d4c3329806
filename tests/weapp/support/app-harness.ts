// Runs the compiled mini-program in Node: loads dist/app.js like WeChat would (App, Page), then renders
// a page with miniprogram-simulate (WeChat's wcc compiles the real WXML) and drives it as a citizen:
// read what is on screen, tap, type. The `wx` it calls is the stand-in in wx.ts.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { WechatStandin } from '../../standins/wechat.js';
import { DeviceFiles } from './device-files.js';
import { DeviceStorage } from './storage.js';
import { loadBundle, type TaroNode, type TaroRuntime } from './taro-runtime.js';
import { bakedApiBase, copyDist, readAppJson } from './weapp-build.js';
import { createWx, defaultScript, type WxScript, type WxStandin } from './wx.js';

const nodeRequire = createRequire(import.meta.url);
type Simulate = typeof import('miniprogram-simulate');
let simulatorApis: Record<string, unknown> | null = null;
/** miniprogram-simulate, plus the `wx` mock it installed, kept pristine as the list of known APIs. */
function simulate(): Simulate {
  const sim = nodeRequire('miniprogram-simulate') as Simulate;
  simulatorApis ??= { ...(g.wx as Record<string, unknown>) };
  return sim;
}
const exparser = () => createRequire(nodeRequire.resolve('j-component'))('miniprogram-exparser') as any;

const g = globalThis as Record<string, any>;

/**
 * Promise rejections nobody handled while a mini-program ran. WeChat reports these to
 * wx.onUnhandledRejection and its console without stopping the app; the tests read them here.
 * (vitest.config.ts keeps the WeChat-style ones, `{ errMsg: 'x:fail …' }`, out of the run's errors.)
 */
export const unhandledRejections: unknown[] = [];
process.on('unhandledRejection', (reason) => void unhandledRejections.push(reason));

/**
 * Elements React rendered that WeChat's template has no `tmpl_0_<tag>` for (WXML's runtime logs
 * "Template `tmpl_0_div` not found." and draws nothing there, on a phone as here). Logged once per tag.
 */
export const missingTemplates = new Set<string>();
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const m = typeof args[0] === 'string' ? /Template `tmpl_\d+_(\w+)` not found/.exec(args[0]) : null;
    if (!m) return original(...args);
    if (!missingTemplates.has(m[1]!)) original(`[weapp] WeChat's template has no <${m[1]}>: it renders nothing (${args[0]})`);
    missingTemplates.add(m[1]!);
  };
}

export interface LaunchOptions {
  /** The phone's data folder: storage, saved files and temp files live here across launches. */
  dataDir: string;
  gatewayUrl: string;
  wechat: WechatStandin;
  openid: string;
  script?: Partial<WxScript>;
}

export interface MiniApp {
  wx: WxStandin;
  /** The phone's files (temp, saved) behind WeChat's virtual paths. */
  files: DeviceFiles;
  codeDir: string;
  runtime(): TaroRuntime;
  openPage(path: string, query?: Record<string, string>): Promise<PageDriver>;
  /**
   * Goes where the app last navigated (switchTab, navigateTo, redirectTo, reLaunch, as recorded by
   * the stand-in): the page it leaves is hidden (or unloaded on redirect), the target page opened.
   */
  follow(from: PageDriver): Promise<PageDriver>;
  /** The user leaves the app (onHide on page and app); WeChat then drops the process. */
  kill(): void;
}

export async function launchApp(o: LaunchOptions): Promise<MiniApp> {
  const codeDir = copyDist();
  const appJson = readAppJson(codeDir);
  const sim = simulate();
  const files = new DeviceFiles(o.dataDir);
  files.wipeTemp(); // WeChat does not keep temp files for a new process
  const storage = new DeviceStorage(o.dataDir);
  /** Open pages, oldest first (getCurrentPages). */
  const pages: any[] = [];
  const wx = createWx({
    device: { dataDir: o.dataDir, files, storage },
    gatewayUrl: o.gatewayUrl,
    apiBase: bakedApiBase(),
    wechat: o.wechat,
    appJson,
    script: { ...defaultScript(o.openid), ...o.script },
    simulatorApis: simulatorApis!,
    currentPage: () => pages.at(-1),
  });
  g.wx = wx.api;

  let appConfig: any = null;
  g.App = (cfg: unknown) => (appConfig = cfg);
  g.getApp = () => appConfig;
  g.getCurrentPages = () => [...pages];
  let currentPath = '';
  let currentQuery: Record<string, string> = {};
  // The simulator has Component but no Page: a page becomes a component whose lifetimes call the page hooks.
  g.Page = (cfg: Record<string, any>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v;
    g.Component({
      data: cfg.data,
      methods,
      lifetimes: {
        attached(this: any) {
          for (const [k, v] of Object.entries(cfg)) if (typeof v !== 'function' && k !== 'data' && !(k in this)) this[k] = v;
          this.route = this.__route__ = currentPath;
          this.options = { ...currentQuery };
          pages.push(this);
          cfg.onLoad?.call(this, { ...currentQuery });
          cfg.onShow?.call(this);
        },
        ready(this: any) {
          cfg.onReady?.call(this);
        },
        detached(this: any) {
          cfg.onUnload?.call(this);
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };

  const bundle = loadBundle(codeDir, g.wx);
  if (!appConfig) throw new Error('dist/app.js did not call App()');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
  appConfig.onLaunch?.call(appConfig, launch);
  appConfig.onShow?.call(appConfig, launch);

  const opened: PageDriver[] = [];
  /** Simulator component ids of the pages loaded in this launch. */
  const loaded = new Map<string, string>();
  const app: MiniApp = {
    wx,
    files,
    codeDir,
    runtime: bundle.runtime,
    async openPage(path, query = {}) {
      currentPath = path.replace(/^\/+/, '');
      currentQuery = query;
      // A page's chunk runs once per process (webpack keeps it), so a second instance of a page (two
      // tickets opened one after the other) renders again from the definition the first load made.
      const id = loaded.get(currentPath) ?? sim.load(join(codeDir, currentPath), { rootPath: codeDir });
      loaded.set(currentPath, id);
      const comp = sim.render(id);
      const parent = document.createElement('div');
      document.body.appendChild(parent);
      comp.attach(parent);
      const driver = new PageDriver(comp, pages.at(-1), bundle.runtime, wx);
      opened.push(driver);
      await driver.waitFor(() => driver.text().trim().length > 0, 10_000, `page ${path} to render`);
      return driver;
    },
    async follow(from) {
      const nav = wx.calls.filter((c) => ['switchTab', 'navigateTo', 'redirectTo', 'reLaunch'].includes(c.api)).at(-1);
      if (!nav) throw new Error('the app did not navigate');
      const [path, qs] = String(nav.args.url).split('?');
      if (nav.api === 'redirectTo' || nav.api === 'reLaunch') from.detach();
      else from.hide();
      return app.openPage(path!, Object.fromEntries(new URLSearchParams(qs ?? '')));
    },
    kill() {
      // Leaving the app hides it; WeChat later ends the process (no onUnload).
      for (const p of opened) p.hide();
      appConfig.onHide?.call(appConfig);
      wx.shutdown();
      for (const p of opened) p.detach();
      opened.length = 0;
      rmSync(codeDir, { recursive: true, force: true });
    },
  };
  return app;
}

export class PageDriver {
  constructor(
    readonly component: any,
    readonly instance: any,
    private readonly runtime: () => TaroRuntime,
    readonly wx: WxStandin,
  ) {}

  /** What the citizen sees: the text the simulator rendered from the compiled WXML. */
  text(): string {
    return this.component.dom.textContent ?? '';
  }

  private root(): TaroNode {
    const el = this.runtime().document.getElementById(this.instance.$taroPath);
    if (!el) throw new Error(`Taro root of ${this.instance.$taroPath} not found`);
    return el;
  }

  /** Elements with this data-testid that the simulator has rendered, in document order. */
  findAll(testId: string, within?: TaroNode): Element[] {
    return this.findWhere((n) => n.props?.['data-testid'] === testId, within);
  }

  /** Rendered elements whose Taro node matches (e.g. by class, for parts of NutUI without test ids). */
  findWhere(match: (n: TaroNode) => boolean, within?: TaroNode): Element[] {
    const out: Element[] = [];
    walk(within ?? this.root(), (n) => {
      if (match(n) && this.renderedOrNull(n)) out.push(this.wrap(n));
    });
    return out;
  }

  find(testId: string): Element {
    const all = this.findAll(testId);
    if (!all.length) throw new Error(`no element with data-testid="${testId}" on the page. Text: ${this.text().slice(0, 400)}`);
    return all[0]!;
  }

  has(testId: string): boolean {
    return this.findAll(testId).length > 0;
  }

  wrap(node: TaroNode): Element {
    return new Element(node, this);
  }

  /** The node the simulator rendered for a Taro element (Taro's tree runs ahead of setData). */
  renderedOrNull(node: TaroNode): HTMLElement | null {
    const dom: HTMLElement = this.component.dom;
    // Compared by hand: jsdom matches attribute selectors case-insensitively, and sids differ by case.
    return [...dom.querySelectorAll<HTMLElement>('[data-sid]')].find((e) => e.getAttribute('data-sid') === node.sid) ?? null;
  }

  rendered(node: TaroNode): HTMLElement {
    const hit = this.renderedOrNull(node);
    if (!hit) throw new Error(`the simulator did not render ${node.nodeName}#${node.sid}`);
    return hit;
  }

  /** Taps like a finger: on the element with this test id, or on the one element showing exactly this text. */
  tap(target: string | Element): Promise<void> {
    return this.tapDom(typeof target !== 'string' ? this.rendered(target.node) : this.has(target) ? this.rendered(this.find(target).node) : this.byText(target));
  }

  async tapDom(dom: HTMLElement): Promise<void> {
    this.wx.gesture();
    dispatch(dom, 'tap', { x: 0, y: 0 });
    const button = this.openTypeButton(dom);
    // WeChat answers an open-type button on its own time (it may first wait for the privacy pop-up).
    if (button) this.openTypes.push(this.fireOpenType(button.dom, button.node));
    await settle();
  }

  /** What WeChat did after taps on open-type buttons (each resolves once its event was fired). */
  readonly openTypes: Array<Promise<void>> = [];

  /** The `<button open-type>` a tap on `dom` lands on, if it is enabled (WeChat ignores disabled ones). */
  private openTypeButton(dom: HTMLElement): { dom: HTMLElement; node: TaroNode } | null {
    for (let el: HTMLElement | null = dom; el && el !== this.component.dom; el = el.parentElement) {
      if (el.tagName.toLowerCase() !== 'wx-button') continue;
      const sid = el.getAttribute('data-sid');
      const node = sid ? this.nodeBySid(sid) : null;
      if (!node?.props.openType || node.props.disabled) return null;
      return { dom: el, node };
    }
    return null;
  }

  private async fireOpenType(dom: HTMLElement, node: TaroNode): Promise<void> {
    const id = String((node as TaroNode & { id?: string }).id || node.uid || node.sid);
    const answer = await this.wx.openType(String(node.props.openType), { id });
    if (answer) dispatch(dom, answer.event, answer.detail);
    await settle();
  }

  nodeBySid(sid: string): TaroNode | null {
    let hit: TaroNode | null = null;
    walk(this.root(), (n) => {
      if (!hit && n.sid === sid) hit = n;
    });
    return hit;
  }

  /** Types into the input or textarea carrying (or inside the element carrying) this test id. */
  async input(testId: string | Element, value: string): Promise<void> {
    const el = typeof testId === 'string' ? this.find(testId) : testId;
    const node = this.rendered(el.field());
    dispatch(node, 'focus', { value: '', height: 0 });
    dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 });
    await settle();
    dispatch(node, 'blur', { value });
    await settle();
  }

  /** The rendered element whose own text is `text` (innermost; exactly one, or it throws). */
  byText(text: string, within?: HTMLElement): HTMLElement {
    const scope = within ?? (this.component.dom as HTMLElement);
    const hits = [...scope.querySelectorAll<HTMLElement>('*')].filter((e) => e.textContent?.trim() === text && ![...e.children].some((c) => c.textContent?.trim() === text));
    if (hits.length !== 1) throw new Error(`${hits.length} elements show "${text}" (want exactly one). Text: ${this.text().slice(0, 600)}`);
    return hits[0]!;
  }

  /** True while Taro has changes that are not yet drawn (its setData runs on a timer after React commits). */
  screenBehind(): boolean {
    const root = this.root() as TaroNode & { pendingUpdate?: boolean; updatePayloads?: unknown[] };
    return Boolean(root.pendingUpdate || root.updatePayloads?.length);
  }

  /** Polls `fn` until it holds, judging only moments when the screen shows all of Taro's tree. */
  async waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastErr: unknown;
    for (;;) {
      try {
        if (!this.screenBehind()) {
          const v = fn();
          if (v) return v;
        }
      } catch (e) {
        lastErr = e;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (${String(lastErr)})` : ''}. Text: ${this.text().slice(0, 600)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Samples `fn` until `done` holds, keeping each distinct value (e.g. a tile's text while it uploads). */
  async watch(fn: () => string, done: () => boolean, timeoutMs = 30_000): Promise<string[]> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = fn();
      if (seen.at(-1) !== v) seen.push(v);
      if (done()) return seen;
      if (Date.now() > deadline) throw new Error(`timed out watching; seen: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  waitForText(text: string | RegExp, timeoutMs = 15_000): Promise<true> {
    return this.waitFor(() => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text())), timeoutMs, `text ${String(text)}`);
  }

  /** The citizen pulls the page down to refresh it (the page's onPullDownRefresh). */
  async pullDown(): Promise<void> {
    this.instance.onPullDownRefresh.call(this.instance);
    await settle();
  }

  hide(): void {
    this.instance?.onHide?.call(this.instance);
  }

  show(): void {
    this.instance?.onShow?.call(this.instance);
  }

  detach(): void {
    this.component.detach();
  }
}

export class Element {
  constructor(
    readonly node: TaroNode,
    private readonly page: PageDriver,
  ) {}

  /** Rendered text of this element. */
  text(): string {
    return this.page.rendered(this.node).textContent ?? '';
  }

  attr(name: string): unknown {
    return this.node.props[name];
  }

  findAll(testId: string): Element[] {
    return this.page.findAll(testId, this.node);
  }

  /** Taps this element, or the one element inside it showing exactly `text`. */
  tap(text?: string): Promise<void> {
    return text === undefined ? this.page.tap(this) : this.page.tapDom(this.page.byText(text, this.page.rendered(this.node)));
  }

  find(testId: string): Element {
    const all = this.findAll(testId);
    if (!all.length) throw new Error(`no data-testid="${testId}" inside ${this.node.nodeName}#${this.node.sid}`);
    return all[0]!;
  }

  /** The input or textarea this element is or wraps. */
  field(): TaroNode {
    let hit: TaroNode | null = null;
    walk(this.node, (n) => {
      if (!hit && (n.nodeName === 'input' || n.nodeName === 'textarea')) hit = n;
    });
    if (!hit) throw new Error(`no input or textarea inside ${this.node.nodeName}#${this.node.sid}`);
    return hit;
  }

  /** The sources of the images inside this element (what the phone would load to draw them). */
  imageSources(): string[] {
    const out: string[] = [];
    walk(this.node, (n) => {
      if (n.nodeName === 'image') out.push(String(n.props.src ?? ''));
    });
    return out;
  }

  /**
   * The attributes the compiled template gave the rendered node (what j-component's toJSON reports:
   * e.g. aria-label, as WeChat's screen reader would read it), not Taro's own element data.
   */
  renderedAttrs(): Record<string, unknown> {
    const vt = (this.page.rendered(this.node) as HTMLElement & { __wxElement?: { _vt?: { attrs?: Array<{ name: string; value: unknown }> } } }).__wxElement?._vt;
    // WeChat's compiler hands attribute names over camel-cased (ariaLabel): named here as written in WXML.
    return Object.fromEntries((vt?.attrs ?? []).map((a) => [a.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), a.value]));
  }

  /** The value of the field as the rendered input holds it. */
  value(): string {
    return String(this.field().props.value ?? '');
  }
}

function walk(n: TaroNode, fn: (n: TaroNode) => void): void {
  fn(n);
  for (const c of n.childNodes ?? []) walk(c, fn);
}

/** Dispatches a WeChat event on a rendered node, bubbling through components like a real touch. */
function dispatch(dom: HTMLElement, name: string, detail: Record<string, unknown>): void {
  const ex = exparser();
  const target = (dom as any).__wxElement;
  if (!target) throw new Error(`rendered node ${dom.tagName} has no exparser element`);
  ex.Event.dispatchEvent(
    target,
    ex.Event.create(name, detail, {
      originalEvent: new CustomEvent(name),
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: [], changedTouches: [] },
    }),
  );
}

/** Lets the app react: microtasks, Taro's batched setData, React's scheduler. */
export async function settle(ms = 30): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
