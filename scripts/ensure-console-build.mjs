// Builds the staff console (apps/console → apps/console/dist, served by the gateway at /console/) when
// its output is missing, older than its sources or the shared contract, or MINHU_REBUILD=1 — for
// `npm start`, the bench and the browser tests. Concurrent callers wait for one build
// (scripts/lib/build-when-stale.mjs). Node built-ins only.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWhenStale } from './lib/build-when-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'apps/console');

buildWhenStale({
  marker: join(app, 'dist/index.html'),
  sources: ['src', 'index.html', 'vite.config.ts', 'package.json', '../../packages/shared/src'].map((p) => join(app, p)),
  lock: join(app, '.build.lock'),
  build() {
    console.log('[minhu] Building the staff console (about 10 s) …');
    // The console's own Vite (the workspace may also hold another version, for vitest).
    const vite = join(dirname(createRequire(join(app, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--logLevel', process.env.MINHU_BUILD_QUIET ? 'error' : 'warn'], {
      cwd: app,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  },
});
