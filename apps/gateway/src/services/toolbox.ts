// Small process helpers the service manager needs: cache paths, free ports, waiting, child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where installed services live, outside the clone so CI and later runs reuse them. */
export function cacheDir(): string {
  return process.env.MINHU_CACHE_DIR ?? join(homedir(), '.cache', 'minhu');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it resolves true or the deadline passes. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${what} exited with code ${child.exitCode} before it became healthy`);
    }
    if (await check().catch(() => false)) return;
    await sleep(150);
  }
  throw new Error(`${what} was not healthy within ${timeoutMs} ms`);
}

/** Runs a command to completion, streaming its output through `onLine`; rejects on a non-zero exit. */
export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; onLine?: (line: string) => void; cwd?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const onData = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        opts.onLine?.(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed with code ${code}:\n${tail.join('\n')}`)),
    );
  });
}

/** Stops a child: SIGTERM, then SIGKILL if it lingers. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Checks that a command exists and prints a version; returns its output or null. */
export async function probe(cmd: string, args: string[]): Promise<string | null> {
  let out = '';
  try {
    await run(cmd, args, { onLine: (l) => (out += l + '\n') });
    return out.trim();
  } catch {
    return null;
  }
}

/** Error for a machine that lacks what a service needs; the message says how to proceed. */
export class MissingPrerequisiteError extends Error {
  override name = 'MissingPrerequisiteError';
}

export const USE_EXISTING_SERVERS_HINT =
  'Or point Minhu at existing servers instead: set MONGODB_URI (e.g. mongodb://127.0.0.1:27017/minhu) ' +
  'and S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET (e.g. a MinIO at http://127.0.0.1:9000).';
