// What one filed ticket costs the gateway, split where the work happens: the request (sign-in check, quota,
// ticket number, insert, relay into the outbox) with the hotline workers stopped, then the delivery of the
// queued ticket.created events to a local hotline stand-in. CPU per filing and per event, the database commands
// each needs (command monitoring), against the bare insert route of the same process and run.
// `npm run bench -- filing` writes only this section; PROFILE=1 also writes a CPU profile of the filing stretch.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHotlineStandin } from '../tests/standins/hotline.js';
import type { BenchEnv } from './run.js';
import { forkBenchGateway } from './fork-gateway.js';

const SECRET = 'filing-bench-secret-0123456789';
/** About what the embedded database takes here: the filing stretch lasts about BENCH_SECONDS. */
const FILINGS_PER_SECOND = 50;

interface Round {
  bareMs: number;
  fileMs: number;
  filings: number;
  fileP50: number;
  fileCommands: Record<string, number>;
  deliverMs: number;
  events: number;
  deliverSeconds: number;
  deliverCommands: Record<string, number>;
}

const perUnit = (commands: Record<string, { n: number }>, n: number) => Object.fromEntries(Object.entries(commands).map(([k, v]) => [k, v.n / n]));

type BenchGateway = Awaited<ReturnType<typeof forkBenchGateway>>;

/** The gateway's side of the bench: its CPU time, its command counts (when monitored), its background workers. */
function control(g: BenchGateway) {
  const ask = <T>(cmd: string) =>
    new Promise<T>((r) => {
      g.child.once('message', (m) => r(m as T));
      g.child.send({ cmd });
    });
  return {
    ask,
    cpu: async () => {
      const { cpu } = await ask<{ cpu: NodeJS.CpuUsage }>('cpu');
      return (cpu.user + cpu.system) / 1000;
    },
    commands: async () => (await ask<{ commands: Record<string, { n: number }> }>('commands')).commands,
    stop: () =>
      new Promise((r) => {
        g.child.once('exit', r);
        g.child.send({ cmd: 'stop' });
      }),
  };
}

/** A gateway on its own database, one citizen signed in: files tickets for a while, then delivers them. */
async function filingGateway(env: BenchEnv, hotline: { url: string; events: Map<string, unknown> }, monitored: boolean) {
  // Command monitoring re-reads every reply into a plain object, a cost production does not pay: the CPU
  // figures come from a gateway without it, the command counts from a second one with it.
  const uri = monitored ? env.mongoUri + (env.mongoUri.includes('?') ? '&' : '?') + 'monitorCommands=true' : env.mongoUri;
  const g = await forkBenchGateway({ ...env, mongoUri: uri }, `filing_${randomBytes(3).toString('hex')}`, {
    HOTLINE_MODE: 'webhook',
    HOTLINE_WEBHOOK_URL: hotline.url,
    HOTLINE_WEBHOOK_SECRET: SECRET,
  });
  const json = { 'content-type': 'application/json' };
  const base = `http://127.0.0.1:${g.port}`;
  await fetch(`${base}/api/auth/otp/request`, { method: 'POST', headers: json, body: JSON.stringify({ phone: '13600000011' }) });
  const code = JSON.parse((await readFile(join(env.dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n').at(-1)!).code;
  const token = (await (await fetch(`${base}/api/auth/otp/verify`, { method: 'POST', headers: json, body: JSON.stringify({ phone: '13600000011', code }) })).json()).token;
  const body = JSON.stringify({ kind: 'complaint', categoryId: 'noise', description: '基准测试：夜间施工噪音扰民，请相关部门处理。' });
  const tag = randomBytes(3).toString('hex');
  let filed = 0;
  const gateway = control(g);
  return {
    ...gateway,
    bare: (seconds: number) => autocannon({ url: `http://127.0.0.1:${g.barePort}/`, method: 'POST', connections: 20, duration: seconds, headers: json, body }),
    /**
     * Files `amount` tickets over 20 connections. A fixed amount, not a duration: autocannon then waits for every
     * answer, so no request is still running in the gateway when its CPU time or commands are read.
     */
    file: async (amount: number) => {
      const run = await autocannon({ url: `${base}/api/tickets`, method: 'POST', connections: 20, amount, idReplacement: true, body, headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': `${tag}-${filed}-[<id>]` } });
      filed += run.requests.total - run.non2xx;
      return { filings: run.requests.total - run.non2xx, p50: run.latency.p50 };
    },
    /** Starts the hotline workers and waits until every ticket filed so far has reached the stand-in. */
    deliverAll: async () => {
      const t0 = Date.now();
      const before = hotline.events.size;
      await gateway.ask('startWorkers');
      while (hotline.events.size - before < filed && Date.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 50));
      if (hotline.events.size - before < filed) throw new Error(`only ${hotline.events.size - before} of ${filed} events delivered`);
      return { events: filed, seconds: (Date.now() - t0) / 1000 };
    },
  };
}

async function round(env: BenchEnv): Promise<Round> {
  const hotline = await startHotlineStandin(SECRET);
  try {
    const g = await filingGateway(env, hotline, false);
    let bareMs, fileMs, run, deliverMs, delivered;
    try {
      await g.file(100); // warm-up
      let c0 = await g.cpu();
      const bare = await g.bare(env.seconds);
      bareMs = ((await g.cpu()) - c0) / bare.requests.total;

      c0 = await g.cpu();
      if (process.env.PROFILE) await g.ask('profile-start');
      run = await g.file(FILINGS_PER_SECOND * env.seconds);
      if (process.env.PROFILE) console.log('[bench] filing profile:', (await g.ask<{ file: string }>('profile-stop')).file);
      fileMs = ((await g.cpu()) - c0) / run.filings;

      // The hotline workers start now and deliver every queued event, the warm-up's too.
      c0 = await g.cpu();
      delivered = await g.deliverAll();
      deliverMs = ((await g.cpu()) - c0) / delivered.events;
    } finally {
      await g.stop();
    }

    // The same journey, shorter, on a monitored gateway: the database commands of a filing and of a delivery.
    const m = await filingGateway(env, hotline, true);
    let fileCommands, deliverCommands;
    try {
      await m.file(50);
      await m.commands();
      const probe = await m.file(150);
      fileCommands = perUnit(await m.commands(), probe.filings);
      const d = await m.deliverAll();
      deliverCommands = perUnit(await m.commands(), d.events);
    } finally {
      await m.stop();
    }
    return { bareMs, fileMs, filings: run.filings, fileP50: run.p50, fileCommands, deliverMs, events: delivered.events, deliverSeconds: delivered.seconds, deliverCommands };
  } finally {
    await hotline.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => x.toFixed(2);

function commandList(rows: Record<string, number>[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !k.includes('bench_bare') && !k.includes('kb_meta'));
  const avg = keys.map((k) => [k, rows.reduce((s, r) => s + (r[k] ?? 0), 0) / rows.length] as const).filter(([, v]) => v >= 0.01);
  avg.sort((a, b) => b[1] - a[1]);
  return `${avg.map(([k, v]) => `\`${k}\` ${fmt(v)}`).join(', ')} — ${fmt(avg.reduce((s, [, v]) => s + v, 0))} in all`;
}

export async function filingBenchSection(withServices: <T>(fn: (env: BenchEnv) => Promise<T>) => Promise<T>, machine: string, rounds = 3): Promise<string> {
  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    console.log(`[bench] filing cost, round ${i + 1} of ${rounds} …`);
    results.push(await withServices((env) => round(env)));
  }
  const when = new Date().toISOString();
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const bare = median(results.map((r) => r.bareMs));
  const fileMs = median(results.map((r) => r.fileMs));
  const ratios = results.map((r) => r.fileMs / r.bareMs);
  const deliver = median(results.map((r) => r.deliverMs));
  const rows = results
    .map((r, i) => `| ${i + 1} | ${fmt(r.bareMs)} | ${r.filings} | ${r.fileP50} | ${fmt(r.fileMs)} | ${fmt(r.fileMs / r.bareMs)}× | ${r.events} in ${r.deliverSeconds.toFixed(1)} s | ${fmt(r.deliverMs)} |`)
    .join('\n');
  return `## Filing cost (\`npm run bench -- filing\`)

Measured ${when.slice(0, 10)} (${when}) on ${machine}; SecantusDB and MinIO embedded, one gateway process in webhook
mode, 20 connections filing ${FILINGS_PER_SECOND * seconds} tickets as one citizen, ${rounds} rounds on fresh services.
The request is measured with the hotline workers stopped; then they start and deliver every queued \`ticket.created\`.
CPU is measured on a gateway without command monitoring (the driver re-reads every reply for it, which production
does not pay); the commands are counted on a second, monitored gateway filing 150 tickets and delivering them.

| round | bare insert CPU ms | filings | filing p50 ms | filing CPU ms | ratio to bare | delivered | delivery CPU ms/event |
|---|---|---|---|---|---|---|---|
${rows}

- **Filing request: ${fmt(fileMs)} ms** of gateway CPU (median), **${fmt(median(ratios))}×** the bare insert route of the same run
  (${fmt(bare)} ms). On the core of the first measurement (bare 0.679 ms) that is about ${fmt(median(ratios) * 0.679)} ms.
- Database commands per filing: ${commandList(results.map((r) => r.fileCommands))}.
- **Delivery: ${fmt(deliver)} ms** of gateway CPU per event (claim, read the ticket, present it with the department
  suggestion, sign and POST it, record the result). Commands per event: ${commandList(results.map((r) => r.deliverCommands))}.
`;
}
