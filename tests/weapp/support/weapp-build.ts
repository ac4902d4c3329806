// The compiled mini-program under test: built by scripts/ensure-build.mjs in the weapp project's
// global setup (only when sources changed), then copied per launch so each launch loads fresh module
// state, as a new process would.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const WEAPP_DIST = join(REPO_ROOT, 'apps', 'miniprogram', 'dist');

/** The origin the build baked in (MINHU_API_BASE, default http://localhost:3000): what the app calls. */
export function bakedApiBase(): string {
  return (process.env.MINHU_API_BASE ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** Builds dist/ when it is missing or older than its sources (about a minute), else does nothing. */
export function ensureWeappBuilt(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-build.mjs'), 'weapp'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, MINHU_BUILD_QUIET: '1' } });
}

/** A private copy of dist/ (CommonJS: no "type": "module" package.json above it). */
export function copyDist(): string {
  if (!existsSync(join(WEAPP_DIST, 'app.json'))) throw new Error(`${WEAPP_DIST} is not built: run node scripts/ensure-build.mjs weapp`);
  const dir = mkdtempSync(join(tmpdir(), 'minhu-weapp-code-'));
  cpSync(WEAPP_DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n');
  return dir;
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; text: string }> };
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
}
