// HTTP chat throughput against a bare Koa route doing the same conversation write, in the same
// gateway process, and the gateway's CPU time per chat message.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { forkBenchGateway } from './fork-gateway.js';
import { scenario, type ScenarioResult } from './lifecycle.js';

const CONVERSATIONS = 200;
/** Each path's measured time is split into this many alternating slices. */
const SLICES = 5;

/** One result from a path's slices: totals, throughput over the whole time, median p50, worst p99, CPU per request. */
function combine(parts: ScenarioResult[], seconds: number): ScenarioResult {
  const requests = parts.reduce((n, p) => n + p.requests, 0);
  const p50s = parts.map((p) => p.p50).sort((a, b) => a - b);
  return {
    name: parts[0]!.name,
    requests,
    errors: parts.reduce((n, p) => n + p.errors, 0),
    non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
    rps: Math.round((requests / seconds) * 10) / 10,
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...parts.map((p) => p.p99)),
    cpuMsPerRequest: requests ? Math.round((parts.reduce((ms, p) => ms + p.cpuMsPerRequest * p.requests, 0) / requests) * 1000) / 1000 : 0,
  };
}

export async function benchChatHttp(env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }) {
  const texts = readFileSync(join(import.meta.dirname, '..', 'tests', 'chat', 'devset.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).text as string);
  const { child, ...ready } = await forkBenchGateway(env, `minhu_chatbench_${randomBytes(4).toString('hex')}`);
  const ids = Array.from({ length: CONVERSATIONS }, (_, i) => `benchconv${String(i).padStart(6, '0')}`);

  function run(name: string, url: string, seconds = env.seconds): Promise<ScenarioResult> {
    let n = 0;
    return scenario(child, name, {
      url,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = n++;
            return {
              ...req,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ text: texts[i % texts.length], conversationId: ids[i % ids.length] }),
            };
          },
        },
      ],
    });
  }

  // Warm both paths up first (JIT, connection pools, caches), so the measured runs compare steady states.
  await run('warm-up', `http://127.0.0.1:${ready.barePort}/chat`, 2);
  await run('warm-up', `http://127.0.0.1:${ready.port}/api/chat/messages`, 2);
  // Interleaved slices: on a shared VM the machine's speed drifts within a run, so both paths are measured in
  // alternating slices and see the same machine.
  const bareParts: ScenarioResult[] = [];
  const chatParts: ScenarioResult[] = [];
  const slice = Math.max(1, Math.round(env.seconds / SLICES));
  for (let i = 0; i < SLICES; i++) {
    bareParts.push(await run('bare Koa route: the same conversation write (reference)', `http://127.0.0.1:${ready.barePort}/chat`, slice));
    chatParts.push(await run('POST /api/chat/messages (answer + conversation write)', `http://127.0.0.1:${ready.port}/api/chat/messages`, slice));
  }
  const bare = combine(bareParts, slice * SLICES);
  const chat = combine(chatParts, slice * SLICES);
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ cmd: 'stop' });
  await exited;
  return { bare, chat, ratio: Math.round((chat.rps / bare.rps) * 100) };
}
