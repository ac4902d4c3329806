// Starts bench/gateway-process.ts (the gateway under benchmark and its bare Koa reference) as a child
// process on the bench's services, with rate limits lifted, and waits for its ports.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';

export async function forkBenchGateway(
  env: { mongoUri: string; s3: S3Settings; dataDir: string },
  dbName: string,
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number; barePort: number }> {
  const child = fork(join(import.meta.dirname, 'gateway-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_MONGO_URI: env.mongoUri,
      BENCH_S3: JSON.stringify(env.s3),
      BENCH_DB: dbName,
      MINHU_DATA_DIR: env.dataDir,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      OTP_IP_PER_HOUR: '100000',
      // The benchmark files thousands of tickets as a few citizens.
      QUOTA_TICKETS_PER_DAY: '100000000',
      QUOTA_UPLOADS_PER_HOUR: '100000000',
      CHAT_IP_PER_MINUTE: '100000000',
      CHAT_CONVERSATION_PER_MINUTE: '100000000',
      ...extra,
    },
  });
  const ready = await new Promise<{ port: number; barePort: number }>((resolve) => child.once('message', (m) => resolve(m as never)));
  return { child, ...ready };
}
