// Runs the real entry point (apps/gateway/src/main.ts, what `npm start` runs) as a child process on
// this test run's MongoDB and S3, for tests that need a whole gateway process (shutdown, kill -9).
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { inject } from 'vitest';

export function spawnGatewayProcess(opts: { port: number; dataDir: string; dbName: string; env?: Record<string, string>; stdio?: StdioOptions }): ChildProcess {
  const s3 = inject('s3');
  return spawn(process.execPath, ['--import', 'tsx', 'apps/gateway/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      MINHU_DATA_DIR: opts.dataDir,
      MONGODB_URI: inject('mongoUri').replace('/minhu?', `/${opts.dbName}?`),
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: s3.bucket,
      ...opts.env,
    },
    stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
}
