// Builds a front end (`h5` or `weapp`) when its output is missing, older than its sources, or
// MINHU_REBUILD=1 — for `npm start` (h5), the build checks and the browser tests. A lock directory
// makes concurrent callers (test files running in parallel) wait for one build instead of racing.
// Node built-ins only. Usage: node scripts/ensure-build.mjs h5|weapp
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
if (target !== 'h5' && target !== 'weapp') {
  console.error('usage: node scripts/ensure-build.mjs h5|weapp');
  process.exit(2);
}
const marker = join(root, target === 'h5' ? 'apps/h5/dist/index.html' : 'apps/miniprogram/dist/app.json');
const sources = ['apps/miniprogram/src', 'apps/miniprogram/config', 'apps/miniprogram/babel.config.cjs', 'apps/h5/config', 'apps/h5/src', 'packages/shared/src']
  .map((d) => join(root, d))
  .filter(existsSync);

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist' && !entry.startsWith('.')) t = Math.max(t, newest(join(path, entry)));
  return t;
}

const stale = () => process.env.MINHU_REBUILD === '1' || !existsSync(marker) || Math.max(...sources.map(newest)) > statSync(marker).mtimeMs;

const lock = join(root, `apps/h5/.build-${target}.lock`);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
for (let waited = 0; ; waited += 500) {
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
    console.log(`[minhu] Building the ${target === 'h5' ? 'H5 site' : 'mini-program'} (about a minute) …`);
    execFileSync('npx', ['taro', 'build', '--type', target], {
      cwd: join(root, 'apps/miniprogram'),
      stdio: ['ignore', process.env.MINHU_BUILD_QUIET ? 'ignore' : 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
