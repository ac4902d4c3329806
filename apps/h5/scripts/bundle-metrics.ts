// Measures the two builds the way the budgets are stated: the mini-program's main package in bytes
// (everything outside the subpackage roots) and the JavaScript a first H5 visit loads, gzipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEAPP_DIST = path.join(REPO_ROOT, 'apps/miniprogram/dist');
export const H5_DIST = path.join(REPO_ROOT, 'apps/h5/dist');

/** Budgets from issue 5. */
export const WEAPP_MAIN_PACKAGE_BUDGET = 1024 * 1024;
export const H5_FIRST_SCREEN_GZIP_BUDGET = 250 * 1024;

export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> };
}

export function readAppJson(dist = WEAPP_DIST): AppJson {
  return JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson;
}

export function weappSizes(dist = WEAPP_DIST) {
  const app = readAppJson(dist);
  const subs = app.subPackages ?? app.subpackages ?? [];
  const roots = subs.map((s) => s.root.replace(/\/?$/, '/'));
  const bytes = (f: string) => statSync(path.join(dist, f)).size;
  let main = 0;
  const sub: Record<string, number> = Object.fromEntries(subs.map((s) => [s.root, 0]));
  for (const f of listFiles(dist)) {
    const root = roots.find((r) => f.startsWith(r));
    if (root) sub[root.slice(0, -1)]! += bytes(f);
    else main += bytes(f);
  }
  return { mainPackageBytes: main, subpackageBytes: sub, totalBytes: main + Object.values(sub).reduce((a, b) => a + b, 0) };
}

/** Script and stylesheet URLs in index.html, in order. */
export function indexHtmlAssets(dist = H5_DIST): { scripts: string[]; styles: string[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]).filter((s): s is string => !!s);
  return { scripts, styles };
}

const gz = (dist: string, url: string) => gzipSync(readFileSync(path.join(dist, url.replace(/^\//, ''))), { level: 9 }).length;

export function h5Sizes(dist = H5_DIST) {
  const { scripts } = indexHtmlAssets(dist);
  const entryJsGzipBytes = scripts.reduce((s, u) => s + gz(dist, u), 0);
  // first-screen.json (written by apps/h5/config/first-screen-plugin.cjs) adds the home page's lazy chunks.
  const manifestPath = path.join(dist, 'first-screen.json');
  const home = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { home: string[] }).home.filter((f) => f.endsWith('.js')) : [];
  const homeJsGzipBytes = home.filter((f) => !scripts.some((s) => s.endsWith(f))).reduce((s, f) => s + gz(dist, f), 0);
  const allJs = listFiles(dist).filter((f) => f.endsWith('.js'));
  return {
    entryScripts: scripts,
    homeChunks: home,
    /** What index.html's script tags load, gzipped. */
    entryJsGzipBytes,
    /** Plus the home page's own chunks: everything a first visit to / runs. */
    firstScreenJsGzipBytes: entryJsGzipBytes + homeJsGzipBytes,
    totalJsBytes: allJs.reduce((s, f) => s + statSync(path.join(dist, f)).size, 0),
    jsFiles: allJs.length,
  };
}

/** Builds a target when its dist is missing (or always, with MINHU_REBUILD=1). */
/** Builds the target when missing or older than its sources (one build at a time: scripts/ensure-build.mjs). */
export function ensureBuilt(target: 'weapp' | 'h5'): void {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/ensure-build.mjs'), target], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MINHU_BUILD_QUIET: '1' },
  });
}
