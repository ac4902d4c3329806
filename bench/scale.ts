// `npm run bench -- scale`: what scale-out costs and what it fixed. (1) HTTP chat against the bare route now that
// the per-IP limit is an upsert in the shared database, and that upsert's own cost; (2) chat latency in a real
// gateway process while its engine is rebuilt for a 10,000-entry knowledge base (the rebuild runs in a worker thread;
// before, the process answered nothing for about 10 s).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { RateLimiterMongo } from 'rate-limiter-flexible';
import { loadSeedKb } from '../apps/gateway/src/chat/kb.js';
import { buildEngineOffThread } from '../apps/gateway/src/faq/engine-builder.js';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { benchChatHttp } from './chat-http.js';
import { syntheticKb } from './chat-inprocess.js';
import { benchOutbox } from './outbox.js';
import { benchProcesses, type ProcessRow } from './processes.js';

type Env = { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** The per-IP limit's cost alone: consumes against the shared database, 20 at a time, as a gateway does them. */
async function limiterCost(env: Env) {
  const conn = mongoose.createConnection(env.mongoUri, { dbName: `minhu_limitbench_${randomBytes(4).toString('hex')}`, writeConcern: { w: 1, j: true } });
  await conn.asPromise();
  const limiter = new RateLimiterMongo({ storeClient: conn.getClient(), dbName: conn.db!.databaseName, tableName: 'rate_limits', keyPrefix: 'chat-ip', points: 1e9, duration: 60 });
  await limiter.consume('warm');
  const n = 2000;
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      // 200 client addresses, as 200 citizens.
      while (next < n) await limiter.consume(`10.0.${next % 200 >> 8}.${next++ % 200}`);
    }),
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await conn.dropDatabase();
  await conn.close();
  return { consumes: n, perSecond: round((n / ms) * 1000), cpuMsPerConsume: round((cpu.user + cpu.system) / 1000 / n, 3) };
}

/**
 * Chat answers while the engine is rebuilt for a 10,000-entry KB, in this process: the old engine answers a message
 * every 10 ms while buildEngineOffThread (what FaqStore runs on a KB change) builds the new one in a worker thread and
 * reassembles it here. A message's latency is from when it was due to when its answer was ready, so any stretch the
 * event loop spends on the rebuild shows up in it. (The database read of the entries, in batches of 500, is not part
 * of this: SecantusDB takes minutes to take 10,000 entries in, which would measure SecantusDB.)
 */
async function latencyDuringRebuild() {
  const seed = loadSeedKb();
  const kb = syntheticKb(seed, 10_000);
  const edited = kb.map((e, i) => (i === 0 ? { ...e, question: `${e.question}（已修订）` } : e));
  const texts = readFileSync(join(import.meta.dirname, '..', 'tests', 'chat', 'devset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
  const first = await buildEngineOffThread(kb);
  let engine = first.engine;
  const samples: { at: number; ms: number }[] = [];
  let running = true;
  let n = 0;
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      due += 10;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else await new Promise((r) => setImmediate(r));
      engine.answer(texts[n++ % texts.length]!);
      const now = performance.now();
      samples.push({ at: due, ms: Math.max(0, now - due) });
      if (now - due > 10) due = now; // a stall: start the schedule again from here rather than fire a burst
    }
  })();
  await new Promise((r) => setTimeout(r, 3000));
  const changedAt = performance.now();
  const rebuilt = await buildEngineOffThread(edited);
  engine = rebuilt.engine;
  const swappedAt = performance.now();
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await loop;
  const stats = (xs: typeof samples) => {
    const ms = xs.map((s) => s.ms).sort((a, b) => a - b);
    return { answers: xs.length, p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)), max: round(ms.at(-1) ?? 0) };
  };
  return {
    entries: kb.length,
    firstBuildSeconds: round(first.seconds),
    baseline: stats(samples.filter((s) => s.at < changedAt)),
    during: stats(samples.filter((s) => s.at >= changedAt && s.at <= swappedAt)),
    rebuildSeconds: round(rebuilt.seconds),
    retrained: rebuilt.retrained,
  };
}

export async function scaleBenchSection(withServices: <T>(fn: (env: Env) => Promise<T>) => Promise<T>, machine: string): Promise<string> {
  console.log('[bench] chat latency during a rebuild at 10,000 entries (in-process) …');
  const rebuild = await latencyDuringRebuild();
  console.log(JSON.stringify(rebuild));
  console.log('[bench] chat over HTTP with the shared per-IP limit …');
  const http = await withServices((env) => benchChatHttp(env));
  console.log(JSON.stringify(http));
  console.log('[bench] the per-IP limit alone …');
  const limit = await withServices((env) => limiterCost(env));
  console.log('[bench] filing, listing, chat and hotline events at 1 and 3 processes …');
  const rows: ProcessRow[] = [];
  for (const n of [1, 3]) rows.push(...(await withServices((env) => benchProcesses(env, n))));
  console.log(JSON.stringify(rows));
  console.log('[bench] the outbox through 3 processes …');
  const live = await withServices((env) => benchOutbox(env, 150, 3));
  const backlog = await withServices((env) => benchOutbox(env, 600, 3, true));
  console.log(JSON.stringify({ live, backlog }));
  const r = rebuild;
  const bareOf = (n: number) => rows.find((x) => x.processes === n && x.scenario.startsWith('bare'))!;
  const filing = rows.find((x) => x.processes === 1 && x.scenario.startsWith('POST /api/tickets'))!;
  return `
## Scale-out (\`npm run bench -- scale\`)
${machine}

**Chat limits in the shared database.** The per-conversation limit is counted in the conversation's own conditional
write (no extra write); the per-IP limit is a rate-limiter-flexible counter in MongoDB spent through per-process leases
(\`lib/leased-limit.ts\`: one upsert takes an eighth of the limit, at most 8 points). One upsert alone, against this
database, 20 at a time: **${limit.perSecond} upserts/s**, **${limit.cpuMsPerConsume} ms** of client CPU each.
HTTP chat with it (${process.env.BENCH_SECONDS ?? 10} s per path, 20 connections, 200 conversations, the two paths alternating in five slices):

| scenario | requests | req/s | p50 ms | p99 ms | errors | non-2xx | gateway CPU ms/message |
|---|---|---|---|---|---|---|---|
| ${http.bare.name} | ${http.bare.requests} | ${http.bare.rps} | ${http.bare.p50} | ${http.bare.p99} | ${http.bare.errors} | ${http.bare.non2xx} | ${http.bare.cpuMsPerRequest} |
| ${http.chat.name} | ${http.chat.requests} | ${http.chat.rps} | ${http.chat.p50} | ${http.chat.p99} | ${http.chat.errors} | ${http.chat.non2xx} | ${http.chat.cpuMsPerRequest} |

HTTP chat reaches **${http.ratio}%** of the bare route (target ≥ 50%: **${http.ratio >= 50 ? 'met' : 'NOT met'}**).

**Filing, listing, chat and hotline events at 1 and 3 processes** (\`bench/processes.ts\`: ${process.env.BENCH_SECONDS ?? 10} s each, 20
connections spread over the processes, one database; CPU per request is every process's CPU over every request):

| scenario | processes | requests | req/s | p50 ms | p99 ms | non-2xx | gateway CPU ms/request | throughput vs the bare route |
|---|---|---|---|---|---|---|---|---|
${rows.map((x) => `| ${x.scenario} | ${x.processes} | ${x.requests} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.non2xx} | ${x.cpuMsPerRequest} | ${Math.round((x.rps / bareOf(x.processes).rps) * 100)}% |`).join('\n')}

Filing costs **${filing.cpuMsPerRequest} ms** of gateway CPU at one process, ${Math.round((filing.cpuMsPerRequest / bareOf(1).cpuMsPerRequest) * 10) / 10}× the bare route's
${bareOf(1).cpuMsPerRequest} ms on the same run (target ≤ 3 ms: **${filing.cpuMsPerRequest <= 3 ? 'met' : 'NOT met'}**). The machine's speed varies between runs on this shared VM;
the bare route is the yardstick (0.68 ms when filing first measured 7.1 ms, 10.5× it).
SecantusDB is one Python process, so three gateway processes do not raise throughput here — they would on a MongoDB
replica set, where the gateway's CPU per request is what sizing needs (docs/deploy.md).

**The outbox across processes** (\`bench/outbox.ts\`, default outbox settings, a local hotline stand-in): ${live.tickets} tickets
filed through ${live.processes} processes in ${live.filingSeconds} s, every \`ticket.created\` delivered **${live.lastDeliveryAfterLastFiling} s** after the
last filing (target ≤ 10 s), ${live.duplicates} duplicate deliveries. A backlog of ${backlog.tickets} events (filed while the
workers were stopped) drained through ${backlog.processes} processes in ${backlog.lastDeliveryAfterLastFiling} s =
**${Math.round((backlog.tickets / backlog.lastDeliveryAfterLastFiling) * 10) / 10} events/s** (before this change: 5.2 events/s from one process, every claim reading the whole backlog).

**No stall on a knowledge-base change.** A ${r.entries}-entry knowledge base (\`syntheticKb\`); the engine in use
answers a message every 10 ms while the engine for an edited KB (one question changed, so the learned layers retrain
too) is built the way every gateway process now builds it — index and learned layers in a worker thread, then
reassembled in small steps and swapped in (\`faq/engine-builder.ts\`). Latency is from when a message was due to when its
answer was ready. The rebuild took ${r.rebuildSeconds} s of wall time (retrained: ${r.retrained}); the first build ${r.firstBuildSeconds} s.

| window | answers | p50 ms | p99 ms | max ms |
|---|---|---|---|---|
| before the edit (3 s) | ${r.baseline.answers} | ${r.baseline.p50} | ${r.baseline.p99} | ${r.baseline.max} |
| during the rebuild (${r.rebuildSeconds} s) | ${r.during.answers} | ${r.during.p50} | ${r.during.p99} | ${r.during.max} |

Target: no answer waits more than 100 ms behind a rebuild at 10,000 entries — **${r.during.max <= 100 ? 'met' : 'NOT met'}** (the
slowest answer during the rebuild waited ${r.during.max} ms; before this change the process answered nothing for the
whole synchronous rebuild, about 10 s, see "FAQ chatbot"). Not included: reading the 10,000 entries from the database,
which the gateway does in batches of 500 before the worker starts. Every process picks an edit up on its next
revision check (each second) plus this rebuild; at the seed KB's size that is within 5 s
(\`tests/scale/three-gateways.int.test.ts\`).
`;
}
