// HTTP chat throughput against a bare Koa route doing the same conversation write, in the same
// gateway process, and the gateway's CPU time per chat message.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import type { ScenarioResult } from './lifecycle.js';

const CONVERSATIONS = 200;

export async function benchChatHttp(env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }) {
  const texts = readFileSync(join(import.meta.dirname, '..', 'tests', 'chat', 'devset.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).text as string);
  const child = fork(join(import.meta.dirname, 'gateway-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_MONGO_URI: env.mongoUri,
      BENCH_S3: JSON.stringify(env.s3),
      BENCH_DB: `minhu_chatbench_${randomBytes(4).toString('hex')}`,
      MINHU_DATA_DIR: env.dataDir,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      CHAT_IP_PER_MINUTE: '100000000',
      CHAT_CONVERSATION_PER_MINUTE: '100000000',
    },
  });
  const ready = await new Promise<{ port: number; barePort: number }>((resolve) => child.once('message', (m) => resolve(m as never)));
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => {
        const { cpu } = m as { cpu: NodeJS.CpuUsage };
        resolve((cpu.user + cpu.system) / 1000);
      });
      child.send({ cmd: 'cpu' });
    });
  const ids = Array.from({ length: CONVERSATIONS }, (_, i) => `benchconv${String(i).padStart(6, '0')}`);

  async function run(name: string, url: string, seconds = env.seconds): Promise<ScenarioResult> {
    let n = 0;
    const before = await cpu();
    const result = await autocannon({
      url,
      connections: 20,
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
    const after = await cpu();
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

  // Warm both paths up first (JIT, connection pools, caches), so the measured runs compare steady states.
  await run('warm-up', `http://127.0.0.1:${ready.barePort}/chat`, 2);
  await run('warm-up', `http://127.0.0.1:${ready.port}/api/chat/messages`, 2);
  const bare = await run('bare Koa route: the same conversation write (reference)', `http://127.0.0.1:${ready.barePort}/chat`);
  const chat = await run('POST /api/chat/messages (answer + conversation write)', `http://127.0.0.1:${ready.port}/api/chat/messages`);
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ cmd: 'stop' });
  await exited;
  return { bare, chat, ratio: Math.round((chat.rps / bare.rps) * 100) };
}
