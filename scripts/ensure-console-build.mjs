// Builds the staff console (apps/console → apps/console/dist, served by the gateway at /console/) when
// its output is missing, older than its sources or the shared contract, or MINHU_REBUILD=1 — for
// `npm start`, the bench and the browser tests. Same approach as ensure-build.mjs (the Taro front
// ends): a lock directory makes concurrent callers wait for one build. Node built-ins only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'apps/console');
const marker = join(app, 'dist/index.html');
const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', '../../packages/shared/src'].map((p) => join(app, p)).filter(existsSync);

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist' && !entry.startsWith('.')) t = Math.max(t, newest(join(path, entry)));
  return t;
}

const stale = () => process.env.MINHU_REBUILD === '1' || !existsSync(marker) || Math.max(...sources.map(newest)) > statSync(marker).mtimeMs;

const lock = join(app, '.build.lock');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // Someone else is building; a lock older than 10 minutes was left by a killed build.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
    sleep(500);
  }
}
try {
  if (stale()) {
    console.log('[minhu] Building the staff console (about 10 s) …');
    // The console's own Vite (the workspace may also hold another version, for vitest).
    const vite = join(dirname(createRequire(join(app, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--logLevel', process.env.MINHU_BUILD_QUIET ? 'error' : 'warn'], {
      cwd: app,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
