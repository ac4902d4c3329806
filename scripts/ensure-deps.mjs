// Installs npm dependencies when node_modules is missing or older than package-lock.json, so
// `npm start` and `npm test` work on a fresh clone. Node built-ins only: it runs before any install.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const manifests = ['package.json', 'packages/shared/package.json', 'apps/gateway/package.json', 'apps/miniprogram/package.json', 'apps/h5/package.json', 'apps/console/package.json']
  .map((p) => join(root, p))
  .filter((p) => existsSync(p));

const stale = !existsSync(marker) || [lock, ...manifests].some((f) => existsSync(f) && statSync(f).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  console.log('[minhu] Installing npm dependencies …');
  const cmd = existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
  execSync(cmd, { cwd: root, stdio: 'inherit' });
}
