// Installs and runs SecantusDB, a single-node MongoDB-wire server on WiredTiger (PyPI, GPL-2.0),
// as a separate process for development and tests. Production uses a MongoDB replica set instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { cacheDir, MissingPrerequisiteError, probe, run, stopChild, USE_EXISTING_SERVERS_HINT, waitUntil } from './toolbox.js';

/** Pinned exactly: a pre-release tried on this kind of machine. */
export const SECANTUSDB_VERSION = '0.7.0b3';

function installDir(): string {
  return join(cacheDir(), `secantusdb-${SECANTUSDB_VERSION}`);
}

export function secantusPython(): string {
  return join(installDir(), 'bin', 'python');
}

async function findPython(): Promise<string> {
  for (const candidate of [process.env.MINHU_PYTHON, 'python3', 'python'].filter(Boolean) as string[]) {
    const version = await probe(candidate, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])']);
    if (!version) continue;
    const [major, minor] = version.split('.').map(Number);
    if (major === 3 && (minor ?? 0) >= 10) return candidate;
  }
  throw new MissingPrerequisiteError(
    `SecantusDB needs Python 3.10+ with the venv module, and none was found (tried MINHU_PYTHON, python3, python). ` +
      `Install it (Debian: apt-get install python3 python3-venv). ${USE_EXISTING_SERVERS_HINT}`,
  );
}

/**
 * Installs SecantusDB into a venv under the cache once. The venv is built in a private temp dir and
 * renamed into place, so two runs installing at once never see a half-built one.
 */
export async function ensureSecantusDb(log: (line: string) => void): Promise<void> {
  if (existsSync(join(installDir(), '.installed'))) return;
  const python = await findPython();
  const tmp = `${installDir()}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(cacheDir(), { recursive: true });
  log(`Installing SecantusDB ${SECANTUSDB_VERSION} into ${installDir()} (once; about a minute) …`);
  await run(python, ['-m', 'venv', tmp]);
  await run(join(tmp, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', `SecantusDB==${SECANTUSDB_VERSION}`], {
    onLine: (l) => log(`  pip: ${l}`),
  });
  await writeFile(join(tmp, '.installed'), new Date().toISOString());
  try {
    await rename(tmp, installDir());
  } catch {
    // Another process finished first; keep theirs.
    await rm(tmp, { recursive: true, force: true });
  }
  log('SecantusDB installed.');
}

export interface RunningMongo {
  uri: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts SecantusDB on loopback with its data in `dataDir` and waits until it answers a ping. */
export async function startSecantusDb(opts: { dataDir: string; port: number; dbName: string; log: (l: string) => void }): Promise<RunningMongo> {
  await mkdir(opts.dataDir, { recursive: true });
  const child = spawn(
    secantusPython(),
    [
      '-c',
      'import sys; from secantus.cli import main; sys.exit(main())',
      '--host', '127.0.0.1',
      '--port', String(opts.port),
      '--storage-path', opts.dataDir,
      '--log-level', 'WARNING',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (b: Buffer) => opts.log(`secantusdb: ${b.toString().trim()}`));
  child.stderr?.on('data', (b: Buffer) => opts.log(`secantusdb: ${b.toString().trim()}`));
  const base = `mongodb://127.0.0.1:${opts.port}`;
  await waitUntil(
    'SecantusDB',
    async () => {
      const client = new mongoose.mongo.MongoClient(base, { serverSelectionTimeoutMS: 500, directConnection: true });
      try {
        await client.db('admin').command({ ping: 1 });
        return true;
      } finally {
        await client.close();
      }
    },
    30_000,
    child,
  );
  return { uri: `${base}/${opts.dbName}?directConnection=true`, child, stop: () => stopChild(child) };
}
