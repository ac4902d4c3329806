// `npm run bench`: runs every benchmark on the real services and writes BENCHMARKS.md with the
// machine and date. BENCH_SECONDS sets the length of each HTTP scenario (default 10).
import { execSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir, release } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/gateway/src/config.js';
import { startServices } from '../apps/gateway/src/services/manager.js';
import { benchLifecycle, type ScenarioResult } from './lifecycle.js';
import { extraSections } from './sections.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

function machine(): string {
  const cpu = cpus();
  const lines = [
    `- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    `- Memory: ${Math.round(totalmem() / 1024 ** 3)} GiB`,
    `- OS: Linux ${release()}; Node ${process.version}`,
  ];
  try {
    lines.push(`- Python (SecantusDB): ${execSync('python3 --version').toString().trim()}`);
  } catch {
    /* not needed when MONGODB_URI is set */
  }
  return lines.join('\n');
}

function table(rows: ScenarioResult[]): string {
  const head = '| scenario | requests | req/s | p50 ms | p99 ms | errors | non-2xx | gateway CPU ms/request |\n|---|---|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.cpuMsPerRequest} |`)].join('\n');
}

async function main() {
  const config = loadConfig(process.env);
  const dataDir = await mkdtemp(join(tmpdir(), 'minhu-bench-'));
  const services = await startServices({ dataDir, mongoUri: config.mongoUri, s3: config.s3, bucket: 'minhu-bench', log: (l) => console.log(`[services] ${l}`) });
  const when = new Date().toISOString();
  try {
    console.log(`[bench] lifecycle scenarios, ${seconds} s each …`);
    const life = await benchLifecycle({ mongoUri: services.mongoUri, s3: services.s3, dataDir, seconds });
    const bare = life.results[0]!;
    const create = life.results[1]!;
    const ratio = Math.round((create.rps / bare.rps) * 100);
    console.log(table(life.results));

    const sections = await extraSections({ mongoUri: services.mongoUri, s3: services.s3, dataDir, seconds });
    const md = `# Benchmarks

Written by \`npm run bench\` on ${when.slice(0, 10)} (${when}). Every figure below was measured in that run.

## Machine
${machine()}
- Database: ${services.describe.mongo.replace(/ at .*/, '')}; storage: ${services.describe.s3.replace(/ at .*/, '')}

SecantusDB is a single Python process: with it, throughput is the database's, not the gateway's.
What the gateway itself costs is the CPU time per request of the gateway process
(\`process.cpuUsage()\` over each scenario), and the ratio to a bare Koa route doing the same insert.

## Tickets and the hotline connector (${seconds} s per HTTP scenario, 20 connections)
${table(life.results)}

- Filing a ticket reaches **${ratio}%** of the bare route's throughput (${create.rps} vs ${bare.rps} req/s). Filing does more
  than one insert: idempotency lookup, the daily ticket-number counter, the ticket insert with its queued hotline event,
  the relay into the outbox, and the presenter.
- Outbox drain: ${life.drain.events} queued \`ticket.created\` events delivered to a local hotline stand-in in ${life.drain.seconds} s
  = **${life.drain.perSecond} events/s** (${life.drain.delivered} distinct events received).
${sections}`;
    await writeFile(join(import.meta.dirname, '..', 'BENCHMARKS.md'), md);
    console.log('[bench] wrote BENCHMARKS.md');
  } finally {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
