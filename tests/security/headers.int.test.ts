// The security headers of the pages the gateway serves, on the real builds: the H5 site at / and the
// staff console at /console/ carry the Content-Security-Policy (scripts from our own origin only; images,
// media and uploads also from the storage origin the gateway signs links for; inline styles for Taro and
// antd, data: fonts for Taro's icon fonts), nosniff and no referrer — and neither index.html has an
// inline script the policy would block.
// The browser journeys (tests/e2e) run both front ends under this policy and check nothing was blocked.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let gw: TestGateway;
let storageOrigin: string;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs'), 'h5'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-console-build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  gw = await startTestGateway({ H5_DIST_DIR: join(ROOT, 'apps/h5/dist'), CONSOLE_DIST_DIR: join(ROOT, 'apps/console/dist') });
  storageOrigin = new URL(inject('s3').endpoint).origin;
}, 300_000);
afterAll(() => gw?.close());

/** The policy as a map of directive → sources. */
function parsePolicy(header: string | null): Record<string, string[]> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Content-Security-Policy and friends', () => {
  it('uses the storage origin browsers are sent to (S3_PUBLIC_ENDPOINT, else the endpoint)', () => {
    expect(gw.deps.storage.publicOrigin).toBe(storageOrigin);
  });

  for (const [name, path] of [
    ['the H5 index', '/'],
    ['an H5 page path (index.html fallback)', '/pages/tickets/index'],
    ['the console', '/console/'],
    ['a console screen', '/console/audit'],
  ] as const) {
    it(`${name} (${path}) carries the policy, nosniff and no referrer`, async () => {
      const res = await fetch(gw.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(parsePolicy(res.headers.get('content-security-policy'))).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:', 'blob:', storageOrigin],
        'media-src': ["'self'", 'blob:', storageOrigin],
        'connect-src': ["'self'", storageOrigin],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
      });
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });
  }

  it('serves static assets and API answers with the same headers', async () => {
    const html = await (await fetch(`${gw.url}/console/`)).text();
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    for (const path of [asset, '/api/health']) {
      const res = await fetch(gw.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  for (const [name, path] of [
    ['H5', '/'],
    ['console', '/console/'],
  ] as const) {
    it(`the ${name} build has no inline script or event handler, only same-origin script files`, async () => {
      const html = await (await fetch(gw.url + path)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [tag, attrs, body] of scripts) {
        const src = /\bsrc="([^"]+)"/.exec(attrs!)?.[1];
        expect(src, tag).toBeTruthy();
        expect(body!.trim(), tag).toBe('');
        expect(new URL(src!, gw.url).origin, tag).toBe(gw.url);
        expect((await fetch(new URL(src!, gw.url))).status, src).toBe(200);
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    });
  }
});
