// Gateway benchmarks on the real services: ticket filing and listing against a bare Koa insert,
// hotline status-event ingestion, and outbox drain rate. CPU per request is the gateway process's own.
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { sign } from '../apps/gateway/src/hotline/signature.js';
import { startHotlineStandin } from '../tests/standins/hotline.js';
import { forkBenchGateway } from './fork-gateway.js';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';

export interface ScenarioResult {
  name: string;
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
}

const SECRET = 'bench-hotline-secret-0123456789';

function ask<T>(child: ChildProcess, cmd: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send({ cmd });
  });
}

async function cpuMs(child: ChildProcess): Promise<number> {
  const { cpu } = await ask<{ cpu: NodeJS.CpuUsage }>(child, 'cpu');
  return (cpu.user + cpu.system) / 1000;
}

export async function scenario(child: ChildProcess, name: string, opts: autocannon.Options): Promise<ScenarioResult> {
  const before = await cpuMs(child);
  const result = await autocannon({ connections: 20, ...opts });
  const after = await cpuMs(child);
  const requests = result.requests.total;
  return {
    name,
    requests,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: requests ? Math.round(((after - before) / requests) * 1000) / 1000 : 0,
  };
}

export async function benchLifecycle(env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }) {
  const hotline = await startHotlineStandin(SECRET);
  const dbName = `minhu_bench_${randomBytes(4).toString('hex')}`;
  const { child, ...ready } = await forkBenchGateway(env, dbName, {
    HOTLINE_MODE: 'webhook',
    HOTLINE_WEBHOOK_URL: hotline.url,
    HOTLINE_WEBHOOK_SECRET: SECRET,
    OUTBOX_POLL_MS: '20',
    OUTBOX_CONCURRENCY: '8',
  });
  const url = `http://127.0.0.1:${ready.port}`;
  const json = { 'content-type': 'application/json' };

  // Citizens through the real SMS flow.
  async function login(phone: string): Promise<string> {
    await fetch(`${url}/api/auth/otp/request`, { method: 'POST', headers: json, body: JSON.stringify({ phone }) });
    const code = JSON.parse((await readFile(join(env.dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n').at(-1)!).code;
    return (await (await fetch(`${url}/api/auth/otp/verify`, { method: 'POST', headers: json, body: JSON.stringify({ phone, code }) })).json()).token;
  }
  const token = await login('13600000001');
  const ticketBody = JSON.stringify({ kind: 'complaint', categoryId: 'noise', description: '基准测试：夜间施工噪音扰民，请相关部门处理。' });
  // The listing citizen has 40 tickets, as a frequent caller might; the filing citizen ends with thousands.
  const reader = await login('13600000002');
  for (let i = 0; i < 40; i++) {
    await fetch(`${url}/api/tickets`, { method: 'POST', headers: { ...json, authorization: `Bearer ${reader}`, 'idempotency-key': `reader-${i}-0000` }, body: ticketBody });
  }

  // Warm both paths up first (JIT, connection pools), so the measured runs compare steady states.
  await autocannon({ url: `http://127.0.0.1:${ready.barePort}/`, method: 'POST', headers: json, body: ticketBody, duration: 2, connections: 20 });
  await autocannon({
    url: `${url}/api/tickets`,
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': 'warm-[<id>]' },
    idReplacement: true,
    body: ticketBody,
    duration: 2,
    connections: 20,
  });

  const results: ScenarioResult[] = [];
  results.push(await scenario(child, 'bare Koa route: one insert (reference)', {
    url: `http://127.0.0.1:${ready.barePort}/`,
    method: 'POST',
    headers: json,
    body: ticketBody,
    duration: env.seconds,
  }));
  results.push(await scenario(child, 'POST /api/tickets (file a ticket)', {
    url: `${url}/api/tickets`,
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': 'bench-[<id>]' },
    idReplacement: true,
    body: ticketBody,
    duration: env.seconds,
  }));
  results.push(await scenario(child, 'GET /api/tickets (list, 20 per page, citizen with 40 tickets)', {
    url: `${url}/api/tickets?limit=20`,
    headers: { authorization: `Bearer ${reader}` },
    duration: env.seconds,
  }));

  // Hotline ingestion: one signed `accepted` event per filed ticket.
  const db = await mongoose.createConnection(env.mongoUri, { dbName }).asPromise();
  const ids = (await db.collection('tickets').find({ status: 'submitted' }, { projection: { _id: 1 } }).toArray()).map((t) => t._id.toString());
  let next = 0;
  results.push(await scenario(child, 'POST /api/hotline/events (signed status events)', {
    url: `${url}/api/hotline/events`,
    amount: ids.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const body = JSON.stringify({ eventId: `bench-${randomUUID()}`, ticketId: ids[next++ % ids.length], type: 'accepted', at: new Date().toISOString() });
          const ts = Math.floor(Date.now() / 1000);
          return {
            ...req,
            headers: { ...json, 'x-minhu-timestamp': String(ts), 'x-minhu-signature': sign(SECRET, 'hotline-to-minhu', ts, body) },
            body,
          };
        },
      },
    ],
  }));

  // Outbox drain: the filings above queued one ticket.created each; start the workers and time them.
  const pending = await db.collection('outbox').countDocuments({ status: 'pending' });
  const drainStart = Date.now();
  await ask(child, 'startWorkers');
  while ((await db.collection('outbox').countDocuments({ status: 'pending' })) > 0) await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = (Date.now() - drainStart) / 1000;
  const drain = { events: pending, seconds: Math.round(drainSeconds * 10) / 10, perSecond: Math.round((pending / drainSeconds) * 10) / 10, delivered: hotline.events.size };

  await db.close();
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ cmd: 'stop' });
  await exited;
  await hotline.close();
  return { results, drain, ticketsFiled: ids.length };
}
