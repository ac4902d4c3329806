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

/**
 * The environment of a gateway process that delivers to a local hotline stand-in (webhook mode) on a fast outbox —
 * short backoff, frequent polls, attempts enough never to park an event — and lets one citizen file all a test needs.
 * `timing` sets how long a delivery may take and a lease may last; `extra` adds or overrides anything else.
 */
export function webhookGatewayEnv(
  hotline: { url: string; secret: string },
  timing: { hotlineTimeoutMs: number; outboxMaxDelayMs: number; outboxLeaseMs: number },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    LOG_LEVEL: 'fatal',
    HOTLINE_MODE: 'webhook',
    HOTLINE_WEBHOOK_URL: hotline.url,
    HOTLINE_WEBHOOK_SECRET: hotline.secret,
    HOTLINE_TIMEOUT_MS: String(timing.hotlineTimeoutMs),
    OUTBOX_BASE_DELAY_MS: '100',
    OUTBOX_MAX_DELAY_MS: String(timing.outboxMaxDelayMs),
    OUTBOX_MAX_ATTEMPTS: '1000',
    OUTBOX_LEASE_MS: String(timing.outboxLeaseMs),
    OUTBOX_POLL_MS: '100',
    OTP_IP_PER_HOUR: '1000',
    QUOTA_TICKETS_PER_DAY: '100000',
    ...extra,
  };
}

/**
 * Waits until the gateway at `url` answers /api/health and returns the answering process's pid. A process builds its
 * chat engine before it listens: seconds alone, a minute or more on a machine busy with other test projects.
 */
export async function waitGatewayHealthy(url: string, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/health`).catch(() => null);
    if (res?.ok) return (await res.json()).pid;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gateway at ${url} did not become healthy`);
}
