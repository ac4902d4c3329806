// The staff console's benchmark: what a browser downloads for the first screens (gzipped, from the
// Vite manifest of the real build), and the queue page and statistics over HTTP at 10,000 and
// 100,000 tickets on the database in use (SecantusDB when embedded) — with, for reference, what the
// database itself takes to count and group that many tickets.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp } from '../apps/gateway/src/app.js';
import { closeDeps, createDeps } from '../apps/gateway/src/bootstrap.js';
import { addStaff } from '../apps/gateway/src/commands/staff-accounts.js';
import { loadConfig } from '../apps/gateway/src/config.js';
import { TicketIndex } from '../apps/gateway/src/read-model/ticket-index.js';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { BENCH_DEPARTMENTS, seedTickets } from './console-data.js';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'apps/console/dist');
export const CONSOLE_BUDGET_KB = 600;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  src?: string;
}

/** Gzipped bytes of a chunk and everything it imports statically (what the browser must fetch). */
function closure(manifest: Record<string, ManifestChunk>, keys: string[], seen = new Set<string>()): number {
  let bytes = 0;
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key]!;
    for (const file of [chunk.file, ...(chunk.css ?? [])]) {
      if (seen.has(file)) continue;
      seen.add(file);
      bytes += gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    }
    bytes += closure(manifest, chunk.imports ?? [], seen);
  }
  return bytes;
}

export interface BundleFigures {
  /** The sign-in screen: index.html and the entry with its static imports. */
  signInGzipBytes: number;
  /** The first screen after sign-in (工单队列): plus its lazy chunk and what it imports. */
  queueGzipBytes: number;
  /** The 统计 screen with its charts, loaded when opened. */
  statsGzipBytes: number;
  /** Every file of the build, gzipped. */
  totalGzipBytes: number;
}

export function consoleBundle(): BundleFigures {
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-console-build.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, MINHU_REBUILD: '1', MINHU_BUILD_QUIET: '1' } });
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const keyOf = (src: string) => Object.keys(manifest).find((k) => k.endsWith(src))!;
  const html = gzipSync(readFileSync(join(DIST, 'index.html')), { level: 9 }).length;
  const seen = new Set<string>();
  const signIn = html + closure(manifest, [entry], seen);
  const queue = signIn + closure(manifest, [keyOf('src/pages/QueuePage.tsx')], seen);
  const stats = closure(manifest, [entry, keyOf('src/pages/StatsPage.tsx'), keyOf('src/pages/stats/StatsCharts.tsx')]) + html;
  const all = new Set(Object.values(manifest).map((c) => c.file));
  const total = [...all].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, html);
  return { signInGzipBytes: signIn, queueGzipBytes: queue, statsGzipBytes: stats, totalGzipBytes: total };
}

export interface LatencyFigures {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ScaleFigures {
  tickets: number;
  seedSeconds: number;
  /** First request after start without a saved index: the ticket index reads every ticket once. */
  indexLoadMs: number;
  /** Saving a copy of the index (in the background, after that first load). */
  snapshotSaveMs: number;
  /** A process starting from that copy: its first look. */
  snapshotStartMs: number;
  queue: LatencyFigures;
  queueWorst: LatencyFigures;
  stats30: LatencyFigures;
  stats365: LatencyFigures;
  supervision: LatencyFigures;
  /** For reference: the database alone, counting one status and grouping every ticket by status. */
  dbCountClosedMs: number;
  dbGroupByStatusMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summarise(name: string, ms: number[]): LatencyFigures {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, requests: ms.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!) };
}

async function timed(url: string, token: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

const chinaDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

/** The queue views an operator uses: tabs, filters, search, paging, both orders. */
function queueViews(now: number): string[] {
  return [
    'open=true&limit=20',
    'limit=20',
    'status=closed&page=5&limit=20',
    'status=dispatched&limit=20',
    'categoryId=noise&open=true&limit=20',
    `department=${encodeURIComponent(BENCH_DEPARTMENTS[0]!)}&limit=20`,
    'overdue=true&limit=20',
    'needsReview=true&limit=20',
    'urgent=true&channel=h5&limit=20',
    `from=${chinaDay(now - 29 * 86_400_000)}&to=${chinaDay(now)}&limit=20`,
    `q=${encodeURIComponent('幸福路')}&limit=20`,
    `q=${encodeURIComponent('拖欠 工资')}&open=true&limit=20`,
    'q=MH2026&limit=20',
    'sort=newest&limit=20&page=3',
  ];
}

export async function benchConsoleAt(env: { mongoUri: string; s3: S3Settings; dataDir: string }, tickets: number, rounds: number): Promise<ScaleFigures> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', MINHU_DATA_DIR: env.dataDir, AUTH_SECRET: randomBytes(32).toString('hex'), DEPARTMENTS: BENCH_DEPARTMENTS.join(',') });
  const deps = await createDeps({ config, mongoUri: env.mongoUri, s3: env.s3, dbName: `minhu_console_${tickets}_${randomBytes(3).toString('hex')}` });
  let server: Server | null = null;
  let writer: NodeJS.Timeout | undefined;
  try {
    console.log(`[bench] console: seeding ${tickets} tickets …`);
    const seedMs = await seedTickets(deps.db, tickets);
    const t0 = performance.now();
    await deps.models.Ticket.countDocuments({ status: 'closed' });
    const dbCountClosedMs = performance.now() - t0;
    const t1 = performance.now();
    await deps.models.Ticket.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }]);
    const dbGroupByStatusMs = performance.now() - t1;

    const app = createApp(deps);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { password } = await addStaff(deps, { username: 'bench.op', role: 'operator' });
    const token = (await (await fetch(`${url}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.op', password }) })).json()).token as string;

    const indexLoadMs = await timed(`${url}/api/operator/tickets?limit=20`, token);
    const t2 = performance.now();
    await deps.ticketIndex.saveIfChanged(); // the copy the first load queued
    const snapshotSaveMs = performance.now() - t2;
    const t3 = performance.now();
    const restarted = new TicketIndex(deps.models, deps.logger);
    await restarted.current();
    const snapshotStartMs = performance.now() - t3;
    if (restarted.loadedFrom !== 'snapshot') throw new Error('the restarted index did not start from the saved copy');
    // Meanwhile the hotline keeps working: a ticket changes every 5 s (a year of 100,000 tickets averages
    // one write a minute), so each look of the index has recent changes to read.
    const open = await deps.models.Ticket.find({ status: { $in: ['accepted', 'dispatched'] } }, { _id: 1 }).limit(200).lean<Array<{ _id: unknown }>>();
    let writes = 0;
    writer = setInterval(() => {
      const target = open[writes++ % Math.max(1, open.length)];
      if (target) deps.models.Ticket.collection.updateOne({ _id: target._id as never }, { $set: { needsReview: writes % 2 === 0, updatedAt: new Date() } }).catch(() => undefined);
    }, 5000);
    const now = Date.now();
    const views = queueViews(now);
    const perView = new Map<string, number[]>(views.map((v) => [v, []]));
    const stats30: number[] = [];
    const stats365: number[] = [];
    const supervision: number[] = [];
    console.log(`[bench] console: ${rounds} rounds of ${views.length} queue views, 2 statistics periods and the 督办 board …`);
    for (let r = 0; r < rounds; r++) {
      for (const v of views) perView.get(v)!.push(await timed(`${url}/api/operator/tickets?${v}`, token));
      stats30.push(await timed(`${url}/api/operator/stats?from=${chinaDay(now - 29 * 86_400_000)}&to=${chinaDay(now)}`, token));
      stats365.push(await timed(`${url}/api/operator/stats?from=${chinaDay(now - 364 * 86_400_000)}&to=${chinaDay(now)}`, token));
      supervision.push(await timed(`${url}/api/operator/supervision`, token));
    }
    clearInterval(writer);
    const byView = [...perView].map(([v, ms]) => summarise(v, ms));
    return {
      tickets,
      seedSeconds: Math.round(seedMs / 100) / 10,
      indexLoadMs: Math.round(indexLoadMs),
      snapshotSaveMs: Math.round(snapshotSaveMs),
      snapshotStartMs: Math.round(snapshotStartMs),
      queue: summarise('all queue views', [...perView.values()].flat()),
      queueWorst: byView.sort((a, b) => b.p95 - a.p95)[0]!,
      stats30: summarise('stats, 30 days', stats30),
      stats365: summarise('stats, 365 days', stats365),
      supervision: summarise('督办 board', supervision),
      dbCountClosedMs: Math.round(dbCountClosedMs),
      dbGroupByStatusMs: Math.round(dbGroupByStatusMs),
    };
  } finally {
    clearInterval(writer);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await deps.db.dropDatabase().catch(() => undefined);
    await closeDeps(deps);
  }
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

export function consoleSection(bundle: BundleFigures | null, scales: ScaleFigures[], when: string, machine: string): string {
  const rows = scales
    .map(
      (s) =>
        `| ${s.tickets.toLocaleString('en')} | ${s.seedSeconds} s | ${s.indexLoadMs} ms / ${s.snapshotStartMs} ms (saving it: ${s.snapshotSaveMs} ms) | ${s.queue.p50} / **${s.queue.p95}** ms | ${s.queueWorst.p95} ms (\`${decodeURIComponent(s.queueWorst.name)}\`) | ${s.stats30.p50} / **${s.stats30.p95}** ms | ${s.stats365.p50} / **${s.stats365.p95}** ms | ${s.supervision.p95} ms | ${s.dbCountClosedMs} ms / ${s.dbGroupByStatusMs} ms |`,
    )
    .join('\n');
  const at100k = scales.find((s) => s.tickets >= 100_000);
  const met = at100k && Math.max(at100k.queue.p95, at100k.stats30.p95, at100k.stats365.p95) <= 500;
  return `
## Staff console (\`bench/console.ts\`)
Measured ${when.slice(0, 10)} (${when}) on ${machine}.

${
  bundle
    ? `Bundle (the real Vite build, gzipped, from its manifest): sign-in screen **${kb(bundle.signInGzipBytes)}**, first screen after
sign-in (工单队列) **${kb(bundle.queueGzipBytes)}** — budget ${CONSOLE_BUDGET_KB} KB: **${bundle.queueGzipBytes <= CONSOLE_BUDGET_KB * 1024 ? 'met' : 'NOT met'}**; 统计 with its charts (loaded when
opened) ${kb(bundle.statsGzipBytes)}; every file of the build ${kb(bundle.totalGzipBytes)}.`
    : 'Bundle: the build failed in this run; see the console.'
}

Over HTTP, one operator at a time, a year of tickets (\`bench/console-data.ts\`), one ticket changing every 5 s meanwhile; each
round asks ${queueViews(0).length} queue views (tabs, every filter, free text, numbered pages, both orders), statistics for 30 and 365 days
and the 督办 board. p50 / p95:

| tickets | seeding | start: reading every ticket / from the saved index | queue page | slowest queue view, p95 | stats 30 days | stats 365 days | 督办 p95 | database alone: count one status / group all by status |
|---|---|---|---|---|---|---|---|---|
${rows}

Target ≤ 500 ms p95 at 100,000 for the queue page and the statistics: **${at100k ? (met ? 'met' : 'NOT met') : 'not measured'}**. The last column is why
the console does not ask the database: on SecantusDB a count or a \`$group\` costs about 0.05–0.1 ms per ticket it touches, so
counts per status and statistics computed in the database took seconds at 100,000. The gateway instead keeps every ticket's
facts in memory (\`read-model/ticket-index.ts\`): a process starts from the saved copy of the index plus what changed since
(or, with none yet, reads every ticket once and saves a copy), then before each answer reads only what changed, by
\`updatedAt\`. The page's own tickets are read from the database each time.
`;
}

type WithServices = <T>(fn: (env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }, describe: { mongo: string; s3: string }) => Promise<T>) => Promise<T>;

/** The whole console section: the bundle, then 10,000 and 100,000 tickets, each on fresh services. */
export async function consoleBenchSection(withServices: WithServices, machine: string): Promise<string> {
  const when = new Date().toISOString();
  console.log('[bench] console bundle …');
  let bundle: BundleFigures | null = null;
  try {
    bundle = consoleBundle();
  } catch (err) {
    console.error('[bench] console build failed:', (err as Error).message);
  }
  const scales: ScaleFigures[] = [];
  let database = '';
  for (const [tickets, rounds] of [
    [10_000, 20],
    [100_000, 20],
  ] as const) {
    scales.push(
      await withServices(async (env, describe) => {
        database = describe.mongo.replace(/ at .*/, '');
        return benchConsoleAt(env, tickets, rounds);
      }),
    );
    console.log(JSON.stringify(scales.at(-1)));
  }
  return consoleSection(bundle, scales, when, `${machine}; database ${database}`);
}

/** Puts the console section into BENCHMARKS.md in place of the previous one, leaving the others as they are. */
export function spliceSection(markdown: string, section: string, heading = '## Staff console'): string {
  const start = markdown.indexOf(`\n${heading}`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section.trimStart()}`;
  const next = markdown.indexOf('\n## ', start + 1);
  return `${markdown.slice(0, start).trimEnd()}\n\n${section.trimStart()}${next < 0 ? '' : `\n${markdown.slice(next + 1)}`}`;
}
