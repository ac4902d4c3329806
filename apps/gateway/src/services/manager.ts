// The service manager: gives the gateway a MongoDB URI and S3 settings, either the servers named
// in the environment or SecantusDB and MinIO installed into the cache and started on loopback.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureMinio, startMinio } from './minio.js';
import { ensureSecantusDb, startSecantusDb } from './secantusdb.js';
import { freePort } from './toolbox.js';

export interface S3Settings {
  /** Base URL of the S3 API, e.g. http://127.0.0.1:9000. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

export interface Services {
  mongoUri: string;
  s3: S3Settings;
  /** Which servers are in use, for the start-up banner. */
  describe: { mongo: string; s3: string };
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Where embedded services keep their data. */
  dataDir: string;
  /** MONGODB_URI, when set: use it, start nothing. */
  mongoUri?: string;
  /** S3 settings, when S3_ENDPOINT is set: use them, start nothing. */
  s3?: S3Settings;
  /** Bucket for embedded MinIO. */
  bucket: string;
  log: (line: string) => void;
}

/** Keys of the embedded MinIO: generated once per data dir, never in the repo. */
async function embeddedMinioKeys(dataDir: string): Promise<{ accessKey: string; secretKey: string }> {
  const file = join(dataDir, 'minio-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  const keys = { accessKey: `minhu-${randomBytes(6).toString('hex')}`, secretKey: randomBytes(24).toString('base64url') };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export async function startServices(opts: ServiceOptions): Promise<Services> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    await Promise.allSettled(stops.reverse().map((s) => s()));
  };
  try {
    // Install both first (in parallel: pip and go use different resources), then start.
    await Promise.all([
      opts.mongoUri ? null : ensureSecantusDb(opts.log),
      opts.s3 ? null : ensureMinio(opts.log),
    ]);

    let mongoUri = opts.mongoUri;
    let mongoDescription = 'MONGODB_URI';
    if (!mongoUri) {
      const port = await freePort();
      const mongo = await startSecantusDb({ dataDir: join(opts.dataDir, 'mongo'), port, dbName: 'minhu', log: opts.log });
      stops.push(mongo.stop);
      mongoUri = mongo.uri;
      mongoDescription = `SecantusDB (embedded) at ${mongo.uri}`;
    }

    let s3 = opts.s3;
    let s3Description = 'S3_ENDPOINT';
    if (!s3) {
      const keys = await embeddedMinioKeys(opts.dataDir);
      const minio = await startMinio({
        dataDir: join(opts.dataDir, 'minio'),
        port: await freePort(),
        consolePort: await freePort(),
        ...keys,
        log: opts.log,
      });
      stops.push(minio.stop);
      s3 = { endpoint: minio.endpoint, ...keys, bucket: opts.bucket, region: 'us-east-1' };
      s3Description = `MinIO (embedded) at ${minio.endpoint}`;
    }
    return { mongoUri, s3, describe: { mongo: mongoDescription, s3: s3Description }, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
