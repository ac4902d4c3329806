// Builds a front end (`h5` or `weapp`) when its output is missing, older than its sources, or
// MINHU_REBUILD=1 — for `npm start` (h5), the build checks and the browser tests. Concurrent callers wait
// for one build (scripts/lib/build-when-stale.mjs). Node built-ins only. Usage: node scripts/ensure-build.mjs h5|weapp
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWhenStale } from './lib/build-when-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
if (target !== 'h5' && target !== 'weapp') {
  console.error('usage: node scripts/ensure-build.mjs h5|weapp');
  process.exit(2);
}

buildWhenStale({
  marker: join(root, target === 'h5' ? 'apps/h5/dist/index.html' : 'apps/miniprogram/dist/app.json'),
  sources: ['apps/miniprogram/src', 'apps/miniprogram/config', 'apps/miniprogram/babel.config.cjs', 'apps/h5/config', 'apps/h5/src', 'packages/shared/src'].map((d) => join(root, d)),
  lock: join(root, `apps/h5/.build-${target}.lock`),
  build() {
    console.log(`[minhu] Building the ${target === 'h5' ? 'H5 site' : 'mini-program'} (about a minute) …`);
    execFileSync('npx', ['taro', 'build', '--type', target], {
      cwd: join(root, 'apps/miniprogram'),
      stdio: ['ignore', process.env.MINHU_BUILD_QUIET ? 'ignore' : 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
  },
});
