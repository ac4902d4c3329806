// @vitest-environment node
// Checks the H5 build (npm run build:h5; built here if dist/ is missing): index.html and its assets,
// hashed names, no inline script (the gateway's CSP allows scripts from 'self' only), same-origin API,
// and the first-screen JavaScript budget (≤ 250 KB gzipped).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, H5_DIST, H5_FIRST_SCREEN_GZIP_BUDGET, h5Sizes, indexHtmlAssets, listFiles } from '../scripts/bundle-metrics';

describe('H5 build', () => {
  beforeAll(() => ensureBuilt('h5'));

  it('has index.html whose scripts and styles all exist, with content hashes', () => {
    const { scripts, styles } = indexHtmlAssets();
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of [...scripts, ...styles]) {
      expect(url.startsWith('/'), url).toBe(true);
      expect(existsSync(path.join(H5_DIST, url)), url).toBe(true);
      expect(url, url).toMatch(/\.[0-9a-f]{8}\.(js|css)$/);
    }
    const html = readFileSync(path.join(H5_DIST, 'index.html'), 'utf8');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('<div id="app">');
  });

  it('has no inline script: Taro’s root-font-size script is a file of its own, loaded first', () => {
    const html = readFileSync(path.join(H5_DIST, 'index.html'), 'utf8');
    const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(tags.length).toBeGreaterThan(0);
    for (const [tag, attrs, body] of tags) {
      expect(attrs, tag).toMatch(/\bsrc="\/[^"]+"/);
      expect(body!.trim(), tag).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    const first = indexHtmlAssets().scripts[0]!;
    expect(first).toMatch(/^\/js\/root-font\.[0-9a-f]{8}\.js$/);
    expect(readFileSync(path.join(H5_DIST, first), 'utf8')).toContain('fontSize');
  });

  it('keeps the first screen’s JavaScript within 250 KB gzipped', () => {
    const sizes = h5Sizes();
    expect(sizes.homeChunks.length).toBeGreaterThan(0);
    expect(sizes.entryJsGzipBytes).toBeLessThanOrEqual(H5_FIRST_SCREEN_GZIP_BUDGET);
    expect(sizes.firstScreenJsGzipBytes).toBeLessThanOrEqual(H5_FIRST_SCREEN_GZIP_BUDGET);
  });

  it('calls the API on its own origin (no absolute gateway URL baked in)', () => {
    const js = listFiles(H5_DIST).filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(H5_DIST, f), 'utf8')).join('\n');
    expect(js).toContain('/api/tickets');
    expect(js).not.toContain('http://localhost:3000');
  });
});
