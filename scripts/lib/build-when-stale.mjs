// Runs a build when its output is missing, older than its sources, or MINHU_REBUILD=1. A lock directory makes
// concurrent callers (test files running in parallel) wait for one build instead of racing; a lock older than ten
// minutes was left by a killed build and is taken over. Node built-ins only (it runs before anything is installed
// beyond the front ends' own dependencies).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a path, skipping node_modules, dist and dot-files. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist' && !entry.startsWith('.')) t = Math.max(t, newest(join(path, entry)));
  return t;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * @param {{ marker: string, sources: string[], lock: string, build: () => void }} job
 *   marker: a file the build writes; sources: files and folders it reads (missing ones are ignored);
 *   lock: the lock directory; build: runs the build synchronously.
 */
export function buildWhenStale({ marker, sources, lock, build }) {
  const present = sources.filter(existsSync);
  const stale = () => process.env.MINHU_REBUILD === '1' || !existsSync(marker) || Math.max(...present.map(newest)) > statSync(marker).mtimeMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    if (stale()) build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
