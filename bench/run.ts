// `npm run bench`: runs every benchmark on the real services and writes BENCHMARKS.md with the
// machine and date. BENCH_SECONDS sets the length of each HTTP scenario (default 10).
// `npm run bench -- console` runs only the staff console's section and replaces just that section; so do
// `-- chat`, `-- dispatch`, `-- scale` and `-- filing` for theirs (SINGLE_SECTIONS).
import { execSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir, release } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/gateway/src/config.js';
import { startServices, type S3Settings } from '../apps/gateway/src/services/manager.js';
import { consoleBenchSection, spliceSection } from './console.js';
import { dispatchBenchSection } from './dispatch.js';
import { filingBenchSection } from './filing.js';
import { benchLifecycle, type ScenarioResult } from './lifecycle.js';
import { chatBenchSection, extraSections } from './sections.js';

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

export interface BenchEnv {
  mongoUri: string;
  s3: S3Settings;
  dataDir: string;
  seconds: number;
}

/**
 * Runs one benchmark section on its own freshly started services (or on MONGODB_URI / S3_* when set):
 * a single-process database slows down as earlier sections fill it, which would skew later figures.
 */
export async function withServices<T>(fn: (env: BenchEnv, describe: { mongo: string; s3: string }) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const dataDir = await mkdtemp(join(tmpdir(), 'minhu-bench-'));
  const services = await startServices({ dataDir, mongoUri: config.mongoUri, s3: config.s3, bucket: 'minhu-bench', log: (l) => console.log(`[services] ${l}`) });
  try {
    return await fn({ mongoUri: services.mongoUri, s3: services.s3, dataDir, seconds }, services.describe);
  } finally {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One line about the machine, for a section measured on its own. */
function machineLine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Linux ${release()}, Node ${process.version}`;
}

/** The sections `npm run bench -- <name>` runs on their own: the heading each replaces, and how to measure it. */
const SINGLE_SECTIONS: Record<string, { heading: string; run: () => Promise<string> }> = {
  chat: { heading: '## FAQ chatbot', run: () => chatBenchSection(withServices, machineLine()) },
  dispatch: { heading: '## Dispatch', run: () => dispatchBenchSection(withServices, machineLine()) },
  scale: { heading: '## Scale-out', run: async () => (await import('./scale.js')).scaleBenchSection(withServices, machineLine()) },
  filing: { heading: '## Filing cost', run: () => filingBenchSection(withServices, machineLine()) },
  console: { heading: '## Staff console', run: () => consoleBenchSection(withServices, machineLine()) },
};

async function main() {
  const when = new Date().toISOString();
  // `npm run bench -- <section>`: only that section, written in place of the previous one.
  const only = Object.entries(SINGLE_SECTIONS).find(([arg]) => process.argv.includes(arg));
  if (only) {
    const [arg, { heading, run }] = only;
    const file = join(import.meta.dirname, '..', 'BENCHMARKS.md');
    const section = await run();
    await writeFile(file, spliceSection(await readFile(file, 'utf8'), section, heading));
    console.log(section);
    console.log(`[bench] wrote the ${arg} section of BENCHMARKS.md`);
    return;
  }
  {
    console.log(`[bench] lifecycle scenarios, ${seconds} s each …`);
    const { life, describe: services } = await withServices(async (env, describe) => ({ life: await benchLifecycle(env), describe }));
    const bare = life.results[0]!;
    const create = life.results[1]!;
    const ratio = Math.round((create.rps / bare.rps) * 100);
    console.log(table(life.results));

    const sections =
      (await extraSections(withServices, machineLine())) +
      (await consoleBenchSection(withServices, machineLine())) +
      (await dispatchBenchSection(withServices, machineLine())) +
      '\n' +
      (await filingBenchSection(withServices, machineLine()));
    const md = `# Benchmarks

Written by \`npm run bench\` on ${when.slice(0, 10)} (${when}). Every figure below was measured in that run.

## Machine
${machine()}
- Database: ${services.mongo.replace(/ at .*/, '')}; storage: ${services.s3.replace(/ at .*/, '')} — started afresh for each section

SecantusDB is a single Python process: with it, throughput is the database's, not the gateway's.
What the gateway itself costs is the CPU time per request of the gateway process
(\`process.cpuUsage()\` over each scenario), and the ratio to a bare Koa route doing the same insert.

## Tickets and the hotline connector (${seconds} s per HTTP scenario, 20 connections)
${table(life.results)}

- Filing a ticket reaches **${ratio}%** of the bare route's throughput (${create.rps} vs ${bare.rps} req/s). Filing does more
  than one insert: the daily ticket-number counter, the login phone as callback number, the ticket insert with its queued
  hotline event, and (webhook mode, as here) the relay that moves that event into the outbox.
- Outbox drain: ${life.drain.events} queued \`ticket.created\` events delivered to a local hotline stand-in in ${life.drain.seconds} s
  = **${life.drain.perSecond} events/s** (${life.drain.delivered} distinct events received).
${sections}`;
    await writeFile(join(import.meta.dirname, '..', 'BENCHMARKS.md'), md);
    console.log('[bench] wrote BENCHMARKS.md');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
