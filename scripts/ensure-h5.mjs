// Builds the H5 site before `npm start` when apps/h5/dist is missing or older than its sources, so the
// gateway serves the current app at http://localhost:3000/. Node built-ins only.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'apps/h5/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = ['apps/miniprogram/src', 'apps/miniprogram/config', 'apps/h5/config', 'apps/h5/src', 'packages/shared/src'].map((d) => join(root, d)).filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log('[minhu] Building the H5 site (about a minute) …');
  execSync('npm run -s build:h5', { cwd: root, stdio: 'inherit' });
}
