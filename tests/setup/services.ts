// Vitest global setup of the integration project: starts SecantusDB and MinIO once per run in a
// temp dir (installing them into the cache on a fresh machine), or uses MONGODB_URI / S3_* when set.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../apps/gateway/src/config.js';
import { startServices, type S3Settings } from '../../apps/gateway/src/services/manager.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    s3: S3Settings;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig(process.env);
  const dataDir = await mkdtemp(join(tmpdir(), 'minhu-test-'));
  const started = Date.now();
  const services = await startServices({
    dataDir,
    mongoUri: config.mongoUri,
    s3: config.s3,
    bucket: 'minhu-test',
    log: (line) => console.log(`[services] ${line}`),
  });
  console.log(`[services] ready in ${Date.now() - started} ms — ${services.describe.mongo}; ${services.describe.s3}`);
  project.provide('mongoUri', services.mongoUri);
  project.provide('s3', services.s3);
  return async () => {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
