// Starts a real gateway (createApp on real MongoDB and S3) on a loopback port for one test file,
// with its own database, SMS outbox and secret, and gives tests a small HTTP client.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../apps/gateway/src/app.js';
import { startBackgroundWork, type BackgroundWork } from '../../apps/gateway/src/background.js';
import { closeDeps, createDeps } from '../../apps/gateway/src/bootstrap.js';
import { loadConfig } from '../../apps/gateway/src/config.js';
import type { Deps } from '../../apps/gateway/src/deps.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestGateway {
  url: string;
  deps: Deps;
  /** Every log line the gateway wrote (JSON), when started with `captureLogs: true`. */
  logs: string[];
  /** Relay, queue workers and sweep, when started with `background: true`. */
  background: BackgroundWork | null;
  smsOutbox: string;
  api<T = any>(method: string, path: string, opts?: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** Logs a phone in through the real SMS flow and returns its token. */
  login(phone: string): Promise<{ token: string; citizenId: string }>;
  lastSmsCode(phone: string): Promise<string>;
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

export async function startTestGateway(
  env: Record<string, string> = {},
  opts: { now?: () => Date; background?: boolean; dbName?: string; captureLogs?: boolean } = {},
): Promise<TestGateway> {
  const dir = await mkdtemp(join(tmpdir(), 'minhu-gw-'));
  const smsOutbox = join(dir, 'sms-outbox.jsonl');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    MINHU_DATA_DIR: dir,
    SMS_OUTBOX_FILE: smsOutbox,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    // Generous by default so unrelated tests never trip them; limit and quota tests set their own.
    OTP_IP_PER_HOUR: '1000',
    QUOTA_TICKETS_PER_DAY: '10000',
    QUOTA_UPLOADS_PER_HOUR: '10000',
    ...env,
  });
  const logs: string[] = [];
  const logger = opts.captureLogs ? pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) }) : undefined;
  const deps = await createDeps({
    config,
    logger,
    mongoUri: inject('mongoUri'),
    s3: inject('s3'),
    dbName: opts.dbName ?? `minhu_t_${randomBytes(5).toString('hex')}`,
    now: opts.now,
  });
  const background: BackgroundWork | null = opts.background ? startBackgroundWork(deps) : null;
  const app = createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api: TestGateway['api'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed as any };
  };

  const lastSmsCode = async (phone: string) => {
    const lines = (await readFile(smsOutbox, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const mine = lines.filter((l) => l.to === phone);
    if (!mine.length) throw new Error(`no SMS to ${phone}`);
    return mine.at(-1).code as string;
  };

  return {
    url,
    deps,
    logs,
    background,
    smsOutbox,
    api,
    lastSmsCode,
    async login(phone) {
      const req = await api('POST', '/api/auth/otp/request', { body: { phone } });
      if (req.status !== 204) throw new Error(`otp request failed: ${req.status} ${JSON.stringify(req.body)}`);
      const res = await api('POST', '/api/auth/otp/verify', { body: { phone, code: await lastSmsCode(phone) } });
      if (res.status !== 200) throw new Error(`otp verify failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { token: res.body.token, citizenId: res.body.citizen.id };
    },
    async close(opts: { keepDatabase?: boolean } = {}) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await background?.stop();
      if (!opts.keepDatabase) await deps.db.dropDatabase().catch(() => undefined);
      await closeDeps(deps);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let phoneSeq = 0;
/** A fresh valid mainland mobile number per call, unique across files in one run. */
export function freshPhone(): string {
  phoneSeq++;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}
