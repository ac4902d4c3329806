// Headless Chromium for the browser end-to-end tests — phone-sized for the citizen app, desktop-sized
// for the staff console: Debian's chromium driven by playwright-core (which never downloads a browser),
// plus a helper that saves screenshots as test artifacts under tests/artifacts/ (gitignored).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'artifacts');

/** A mid-range phone in China: 375×812 CSS pixels at 2×, touch, Chinese, Beijing time. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

/** An office desktop for the staff console: 1280×800, Chinese, Beijing time. */
export const DESKTOP = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

/** A weak mobile signal (≈ 3G), for the moments a test wants to watch progress happen. */
export const WEAK_SIGNAL = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (3e6 / 8) | 0 };

/** Throttles the page's network through the DevTools protocol until the returned function is called. */
export async function throttle(page: Page, conditions: typeof WEAK_SIGNAL = WEAK_SIGNAL): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  };
}

/** Debian's fonts with Chinese glyphs: without them every Chinese character in a screenshot is a box. */
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

/**
 * Installs Debian's chromium and CJK fonts on a fresh machine (we run as root); never downloads a
 * browser build. Both are checked separately: a machine may have chromium from elsewhere.
 */
export function ensureChromium(): void {
  const missing = [
    ...(existsSync(CHROMIUM_PATH) ? [] : ['chromium']),
    ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ];
  if (!missing.length) return;
  console.log(`[browser] installing Debian's ${missing.join(' and ')} (apt-get) …`);
  execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`, { stdio: 'inherit' });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get finished but ${CHROMIUM_PATH} is still missing`);
  if (!hasCjkFont()) throw new Error('apt-get finished but no Noto CJK font is installed');
  console.log('[browser] installed');
}

function hasCjkFont(): boolean {
  return existsSync(CJK_FONT_DIR) && readdirSync(CJK_FONT_DIR).some((f) => /NotoSansCJK|NotoSerifCJK/.test(f));
}

export interface Phone {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launches chromium and opens one page in a fresh phone-sized context. */
export async function launchPhone(opts: { baseURL?: string } = {}): Promise<Phone> {
  return launch(PHONE, opts);
}

/** Launches chromium and opens one page in a fresh desktop-sized context (the staff console). */
export async function launchDesktop(opts: { baseURL?: string } = {}): Promise<Phone> {
  return launch(DESKTOP, opts);
}

async function launch(device: typeof PHONE | typeof DESKTOP, opts: { baseURL?: string }): Promise<Phone> {
  ensureChromium();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ ...device, baseURL: opts.baseURL });
    const page = await context.newPage();
    return {
      browser,
      context,
      page,
      async close() {
        await context.close().catch(() => undefined);
        await browser.close();
      },
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Saves a full-page screenshot to tests/artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/**
 * Collects every Content-Security-Policy violation the page reports — its `securitypolicyviolation`
 * events (from an init script, which the policy itself does not block) and Chromium's console messages
 * about the policy — so a browser journey can assert the gateway's CSP blocked nothing it needs.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__minhuCspViolation', (v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __minhuCspViolation?: (v: string) => void }).__minhuCspViolation;
      report?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  return violations;
}
