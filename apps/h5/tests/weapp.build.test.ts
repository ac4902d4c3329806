// @vitest-environment node
// Checks the mini-program build (npm run build:weapp; built here if dist/ is missing): every page is
// listed and complete, the main package is under budget, and WeChat's own compilers accept the output.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_PAGES } from '../../gateway/src/notifications/pages';
import { ensureBuilt, listFiles, readAppJson, REPO_ROOT, WEAPP_DIST, WEAPP_MAIN_PACKAGE_BUDGET, weappSizes } from '../scripts/bundle-metrics';

const require = createRequire(import.meta.url);
const SRC = path.join(REPO_ROOT, 'apps/miniprogram/src');

/** Pages in the source tree: every directory under pages/ or sub/ with an index.tsx. */
function sourcePages(): string[] {
  const out: string[] = [];
  for (const top of ['pages', 'sub']) {
    for (const dir of readdirSync(path.join(SRC, top))) {
      if (existsSync(path.join(SRC, top, dir, 'index.tsx'))) out.push(`${top}/${dir}/index`);
    }
  }
  return out.sort();
}

describe('mini-program build', () => {
  beforeAll(() => ensureBuilt('weapp'));

  const app = () => readAppJson();
  const allPages = () => [...app().pages, ...(app().subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

  it('app.json lists every page of the source, tabs in the main package', () => {
    expect(allPages().sort()).toEqual(sourcePages());
    for (const tab of app().tabBar!.list) expect(app().pages).toContain(tab.pagePath);
  });

  it('has every page the gateway links notifications to', () => {
    for (const page of NOTIFICATION_PAGES) expect(allPages(), page).toContain(page);
  });

  it('asks WeChat to check privacy consent, and declares the location API it uses', () => {
    const json = app() as unknown as { __usePrivacyCheck__?: boolean; requiredPrivateInfos?: string[] };
    expect(json.__usePrivacyCheck__).toBe(true);
    expect(json.requiredPrivateInfos).toEqual(['chooseLocation']);
  });

  it('carries aria-label and aria-role into the templates of View, Text, Image and Button (config/a11y-plugin.cjs)', () => {
    const base = readFileSync(path.join(WEAPP_DIST, 'base.wxml'), 'utf8');
    // Taro's pure and static views (elements with no attribute but class, style and id) take no props at all;
    // every view template that takes props must take the aria ones.
    const views = (base.match(/<view [^>]*>/g) ?? []).filter((tag) => tag.includes('{{i.p'));
    expect(views.length).toBeGreaterThan(0);
    for (const tag of views) expect(tag).toMatch(/aria-label="\{\{i\.p\d+\|\|''\}\}" aria-role=/);
    expect(base).toMatch(/<text [^>]*aria-label=/);
    expect(base).toMatch(/<image [^>]*aria-label=/);
    expect(base).toMatch(/<button [^>]*aria-label=/);
  });

  it('every page has its .wxml, .js, .json and .wxss', () => {
    for (const page of allPages()) {
      for (const ext of ['wxml', 'js', 'json', 'wxss']) expect(existsSync(path.join(WEAPP_DIST, `${page}.${ext}`)), `${page}.${ext}`).toBe(true);
    }
  });

  it('ships the tab bar icons', () => {
    for (const tab of app().tabBar!.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) expect(icon && existsSync(path.join(WEAPP_DIST, icon)), icon).toBe(true);
    }
  });

  it('keeps the main package within 1 MB', () => {
    const { mainPackageBytes } = weappSizes();
    expect(mainPackageBytes).toBeGreaterThan(100 * 1024);
    expect(mainPackageBytes).toBeLessThanOrEqual(WEAPP_MAIN_PACKAGE_BUDGET);
  });

  it('talks to an absolute API origin baked in at build time, never to same-origin /api', () => {
    const js = listFiles(WEAPP_DIST).filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(WEAPP_DIST, f), 'utf8')).join('\n');
    const base = (process.env.MINHU_API_BASE ?? 'http://localhost:3000').replace(/\/+$/, '');
    expect(js).toContain(JSON.stringify(base));
  });

  it('compiles with WeChat’s wcc (WXML) and wcsc (WXSS)', () => {
    const compiler = require('miniprogram-compiler') as { wxmlToJs(dir: string, o?: object): string };
    const g = globalThis as Record<string, unknown>;
    const hadWindow = 'window' in g;
    if (!hadWindow) g.window = globalThis;
    try {
      // A broken template throws "编译 .wxml 文件错误：<file>:<line>:<col>: …" here.
      const gwx = new Function('global', compiler.wxmlToJs(WEAPP_DIST, { maxBuffer: 16 << 20 }))({}) as (p: string) => unknown;
      for (const page of allPages()) expect(typeof gwx(`${page}.wxml`), page).toBe('function');
    } finally {
      if (!hadWindow) delete g.window;
    }
    const wcsc = require('miniprogram-compiler/src/wcsc') as (dir: string, files: string[], o: object) => Record<string, string> | Error;
    const wxss = listFiles(WEAPP_DIST).filter((f) => f.endsWith('.wxss')).map((f) => f.slice(0, -5));
    const css = wcsc(WEAPP_DIST, wxss, { maxBuffer: 16 << 20 });
    if (css instanceof Error) throw css; // wcsc reports errors by value
    for (const page of allPages()) expect(Object.keys(css), page).toContain(`${page}.wxss`);
  });
});
