// Filing, listing, chat and hotline events at 1 and 3 gateway processes over one database (issue 15): each
// process gets its share of 20 connections (as a balancer would spread them), throughput is the sum, CPU per
// request is every process's CPU time over every request, and the bare Koa insert of the same processes is the
// yardstick on the same run. With SecantusDB — one Python process — throughput is the database's; what more
// processes change is how the gateway's own CPU per request holds up.
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { sign } from '../apps/gateway/src/hotline/signature.js';
import { startHotlineStandin } from '../tests/standins/hotline.js';
import { forkBenchGateway } from './fork-gateway.js';

const SECRET = 'bench-processes-secret-0123456789';
const CONNECTIONS = 20;

export interface ProcessRow {
  scenario: string;
  processes: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  cpuMsPerRequest: number;
}

function ask<T>(child: ChildProcess, cmd: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send({ cmd });
  });
}

const cpuMs = async (child: ChildProcess) => {
  const { cpu } = await ask<{ cpu: NodeJS.CpuUsage }>(child, 'cpu');
  return (cpu.user + cpu.system) / 1000;
};

type Gateway = Awaited<ReturnType<typeof forkBenchGateway>>;

/** One scenario on every process at once: `options(i)` is process i's autocannon options. */
async function across(gateways: Gateway[], scenario: string, seconds: number, options: (i: number, g: Gateway) => autocannon.Options): Promise<ProcessRow> {
  const before = await Promise.all(gateways.map((g) => cpuMs(g.child)));
  const results = await Promise.all(gateways.map((g, i) => autocannon({ connections: Math.max(1, Math.round(CONNECTIONS / gateways.length)), duration: seconds, ...options(i, g) })));
  const after = await Promise.all(gateways.map((g) => cpuMs(g.child)));
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const cpu = after.reduce((s, a, i) => s + a - before[i]!, 0);
  return {
    scenario,
    processes: gateways.length,
    requests,
    rps: Math.round(results.reduce((n, r) => n + r.requests.average, 0) * 10) / 10,
    // Weighted by each process's requests; the worst p99.
    p50: Math.round(results.reduce((n, r) => n + r.latency.p50 * r.requests.total, 0) / Math.max(1, requests)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    cpuMsPerRequest: requests ? Math.round((cpu / requests) * 1000) / 1000 : 0,
  };
}

export async function benchProcesses(env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }, processes: number): Promise<ProcessRow[]> {
  const hotline = await startHotlineStandin(SECRET);
  const dbName = `minhu_procbench_${randomBytes(4).toString('hex')}`;
  const shared = { HOTLINE_MODE: 'webhook', HOTLINE_WEBHOOK_URL: hotline.url, HOTLINE_WEBHOOK_SECRET: SECRET, AUTH_SECRET: randomBytes(32).toString('hex') };
  const gateways: Gateway[] = [];
  for (let i = 0; i < processes; i++) gateways.push(await forkBenchGateway(env, dbName, shared));
  const url = (g: Gateway) => `http://127.0.0.1:${g.port}`;
  const json = { 'content-type': 'application/json' };
  const db = await mongoose.createConnection(env.mongoUri, { dbName }).asPromise();
  try {
    async function login(phone: string): Promise<string> {
      await fetch(`${url(gateways[0]!)}/api/auth/otp/request`, { method: 'POST', headers: json, body: JSON.stringify({ phone }) });
      const code = JSON.parse((await readFile(join(env.dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n').at(-1)!).code;
      return (await (await fetch(`${url(gateways[0]!)}/api/auth/otp/verify`, { method: 'POST', headers: json, body: JSON.stringify({ phone, code }) })).json()).token;
    }
    const filer = await login('13600000011');
    const reader = await login('13600000012');
    const ticketBody = JSON.stringify({ kind: 'complaint', categoryId: 'noise', description: '基准测试：夜间施工噪音扰民，请相关部门处理。' });
    for (let i = 0; i < 40; i++) {
      await fetch(`${url(gateways[i % processes]!)}/api/tickets`, { method: 'POST', headers: { ...json, authorization: `Bearer ${reader}`, 'idempotency-key': `reader-${i}-0000` }, body: ticketBody });
    }
    const texts = readFileSync(join(import.meta.dirname, '..', 'tests', 'chat', 'devset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
    const file = (i: number, g: Gateway): autocannon.Options => ({
      url: `${url(g)}/api/tickets`,
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${filer}`, 'idempotency-key': `p${processes}-${i}-[<id>]` },
      idReplacement: true,
      body: ticketBody,
    });
    // Warm every process up first (JIT, pools).
    await across(gateways, 'warm-up', 2, file);

    const rows: ProcessRow[] = [];
    rows.push(await across(gateways, 'bare Koa route: one insert (reference)', env.seconds, (_i, g) => ({ url: `http://127.0.0.1:${g.barePort}/`, method: 'POST', headers: json, body: ticketBody })));
    rows.push(await across(gateways, 'POST /api/tickets (file a ticket)', env.seconds, file));
    rows.push(await across(gateways, 'GET /api/tickets (list, 20 per page, citizen with 40 tickets)', env.seconds, (_i, g) => ({ url: `${url(g)}/api/tickets?limit=20`, headers: { authorization: `Bearer ${reader}` } })));
    let n = 0;
    rows.push(
      await across(gateways, 'POST /api/chat/messages (200 conversations)', env.seconds, (_i, g) => ({
        url: `${url(g)}/api/chat/messages`,
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, headers: json, body: JSON.stringify({ text: texts[n % texts.length], conversationId: `p${processes}conv${String(n++ % 200).padStart(6, '0')}` }) }) }],
      })),
    );
    const ids = (await db.collection('tickets').find({ status: 'submitted' }, { projection: { _id: 1 } }).toArray()).map((t) => t._id.toString());
    let next = 0;
    rows.push(
      await across(gateways, 'POST /api/hotline/events (signed status events)', env.seconds, (_i, g) => ({
        url: `${url(g)}/api/hotline/events`,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const body = JSON.stringify({ eventId: `bench-${randomUUID()}`, ticketId: ids[next++ % ids.length], type: 'accepted', at: new Date().toISOString() });
              const ts = Math.floor(Date.now() / 1000);
              return { ...req, headers: { ...json, 'x-minhu-timestamp': String(ts), 'x-minhu-signature': sign(SECRET, 'hotline-to-minhu', ts, body) }, body };
            },
          },
        ],
      })),
    );
    return rows;
  } finally {
    await db.close();
    for (const g of gateways) {
      const exited = new Promise((r) => g.child.once('exit', r));
      g.child.send({ cmd: 'stop' });
      await exited;
    }
    await hotline.close();
  }
}
