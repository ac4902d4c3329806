// Sections of BENCHMARKS.md beyond the ticket lifecycle: the chatbot (in-process and over HTTP) and
// the front-end bundles.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { benchChatHttp } from './chat-http.js';
import { benchChatInProcess } from './chat-inprocess.js';

const root = join(import.meta.dirname, '..');

function bundleReport(): Record<string, unknown> | null {
  try {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'ignore' });
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'apps/h5/scripts/bundle-report.ts')], { cwd: root });
    return JSON.parse(out.toString());
  } catch (err) {
    console.error('[bench] bundle report failed:', (err as Error).message);
    return null;
  }
}

type WithServices = <T>(fn: (env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }) => Promise<T>) => Promise<T>;

/** The chatbot's section: in-process at the seed KB and 10,000 entries, and over HTTP against the bare route. */
export async function chatBenchSection(withServices: WithServices, machineLine: string): Promise<string> {
  console.log('[bench] chat in-process …');
  const inproc = await benchChatInProcess();
  console.log('[bench] chat over HTTP …');
  const http = await withServices((env) => benchChatHttp(env));
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);

  const when = new Date().toISOString();
  return `## FAQ chatbot
Measured ${when.slice(0, 10)} (${when}) on ${machineLine}.

In-process (\`bench/chat-inprocess.ts\`, ${inproc.queries} messages as 3-message conversations with context):

| knowledge base | entries | index build | answer p50 | answer p99 | CPU per message |
|---|---|---|---|---|---|
| seed | ${inproc.seed.entries} | ${inproc.seed.buildMs} ms | ${inproc.seed.p50Ms} ms | ${inproc.seed.p99Ms} ms | ${inproc.seed.cpuMsPerMessage} ms |
| synthetic | ${inproc.synthetic.entries} | ${inproc.synthetic.buildMs} ms | ${inproc.synthetic.p50Ms} ms | ${inproc.synthetic.p99Ms} ms | ${inproc.synthetic.cpuMsPerMessage} ms |

Heap at ${inproc.synthetic.entries} entries: ${inproc.synthetic.heapUsedMB} MB used (${inproc.synthetic.heapDeltaMB >= 0 ? '+' : ''}${inproc.synthetic.heapDeltaMB} MB for the index${inproc.synthetic.gcExposed ? '' : '; run without --expose-gc, so approximate'}).
Target p99 < 5 ms at 10,000 entries: **${inproc.synthetic.p99Ms < 5 ? 'met' : 'NOT met'}**.

Over HTTP (${seconds} s each, 20 connections, 200 conversations, dev-set texts; the two paths alternate in five slices
so both see the same machine; p50 is the median slice's, p99 the worst slice's):

| scenario | requests | req/s | p50 ms | p99 ms | errors | non-2xx | gateway CPU ms/message |
|---|---|---|---|---|---|---|---|
| ${http.bare.name} | ${http.bare.requests} | ${http.bare.rps} | ${http.bare.p50} | ${http.bare.p99} | ${http.bare.errors} | ${http.bare.non2xx} | ${http.bare.cpuMsPerRequest} |
| ${http.chat.name} | ${http.chat.requests} | ${http.chat.rps} | ${http.chat.p50} | ${http.chat.p99} | ${http.chat.errors} | ${http.chat.non2xx} | ${http.chat.cpuMsPerRequest} |

HTTP chat reaches **${http.ratio}%** of the bare route (target ≥ 50%); gateway CPU per chat message
**${http.chat.cpuMsPerRequest} ms** (target ≤ 2 ms), ${Math.round((http.chat.cpuMsPerRequest / http.bare.cpuMsPerRequest) * 10) / 10}× the bare route's CPU per request — the bare
route is the yardstick for this machine's speed, which varies between runs on a shared VM.
`;
}

export async function extraSections(withServices: WithServices, machineLine: string): Promise<string> {
  const chat = await chatBenchSection(withServices, machineLine);
  console.log('[bench] front-end bundles …');
  const bundles = bundleReport();
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;

  return `
${chat}
${
  bundles
    ? `
## Front-end bundles (\`npm run build\`, then \`apps/h5/scripts/bundle-report.ts\`)
| | measured | budget |
|---|---|---|
| mini-program main package | ${kb(bundles.weappMainPackageBytes as number)} | ${kb(bundles.weappMainPackageBudgetBytes as number)} |
| mini-program total (with subpackages) | ${kb(bundles.weappTotalBytes as number)} | 2 MB per package (WeChat) |
| H5 JavaScript for the first screen, gzipped | ${kb(bundles.h5FirstScreenJsGzipBytes as number)} | ${kb(bundles.h5FirstScreenJsGzipBudgetBytes as number)} |
`
    : '\n## Front-end bundles\nThe build failed in this run; see the console.\n'
}`;
}
