// Builds (once, with `go install`) and runs MinIO (AGPL-3.0) as a separate S3 process for
// development and tests. Production uses MinIO or any S3 service through S3_* settings.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir, MissingPrerequisiteError, probe, run, stopChild, USE_EXISTING_SERVERS_HINT, waitUntil } from './toolbox.js';

/** Pinned pseudo-version of github.com/minio/minio, tried on this kind of machine. */
export const MINIO_VERSION = 'v0.0.0-20260212201848-7aac2a2c5b7c';

export function minioBinary(): string {
  return join(cacheDir(), `minio-${MINIO_VERSION}`, 'minio');
}

/** Builds MinIO from source once (about 5 minutes on 2 cores), printing progress as it goes. */
export async function ensureMinio(log: (line: string) => void): Promise<void> {
  if (existsSync(minioBinary())) return;
  if (!(await probe('go', ['version']))) {
    throw new MissingPrerequisiteError(
      `MinIO is built from source with the Go toolchain, and \`go\` was not found on PATH. ` +
        `Install Go 1.24+ (Debian: apt-get install golang). ${USE_EXISTING_SERVERS_HINT}`,
    );
  }
  const finalDir = join(cacheDir(), `minio-${MINIO_VERSION}`);
  const tmp = `${finalDir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  log(`Building MinIO ${MINIO_VERSION} with go install — once per machine, about 5 minutes on 2 cores …`);
  const started = Date.now();
  let lines = 0;
  const ticker = setInterval(() => log(`  … still building MinIO (${Math.round((Date.now() - started) / 1000)} s, ${lines} packages fetched)`), 20_000);
  try {
    await run('go', ['install', `github.com/minio/minio@${MINIO_VERSION}`], {
      env: { ...process.env, GOBIN: tmp, GOFLAGS: process.env.GOFLAGS ?? '-mod=mod' },
      onLine: () => lines++,
    });
  } finally {
    clearInterval(ticker);
  }
  try {
    await rename(tmp, finalDir);
  } catch {
    await rm(tmp, { recursive: true, force: true });
  }
  log(`MinIO built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

export interface RunningMinio {
  endpoint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts MinIO on loopback and waits for /minio/health/live. */
export async function startMinio(opts: {
  dataDir: string;
  port: number;
  consolePort: number;
  accessKey: string;
  secretKey: string;
  log: (l: string) => void;
}): Promise<RunningMinio> {
  await mkdir(opts.dataDir, { recursive: true });
  const child = spawn(
    minioBinary(),
    ['server', opts.dataDir, '--quiet', '--address', `127.0.0.1:${opts.port}`, '--console-address', `127.0.0.1:${opts.consolePort}`],
    {
      env: {
        ...process.env,
        MINIO_ROOT_USER: opts.accessKey,
        MINIO_ROOT_PASSWORD: opts.secretKey,
        MINIO_BROWSER: 'off',
        MINIO_UPDATE: 'off',
        MINIO_CALLHOME_ENABLE: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (b: Buffer) => opts.log(`minio: ${b.toString().trim()}`));
  child.stdout?.resume();
  const endpoint = `http://127.0.0.1:${opts.port}`;
  await waitUntil('MinIO', async () => (await fetch(`${endpoint}/minio/health/live`)).status === 200, 60_000, child);
  return { endpoint, child, stop: () => stopChild(child) };
}
