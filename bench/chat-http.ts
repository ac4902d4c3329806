// HTTP chat throughput against a bare Koa route doing the same conversation write, in the same
// gateway process, and the gateway's CPU time per chat message.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { forkBenchGateway } from './fork-gateway.js';
import { scenario, type ScenarioResult } from './lifecycle.js';

const CONVERSATIONS = 200;

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
  const bare = await run('bare Koa route: the same conversation write (reference)', `http://127.0.0.1:${ready.barePort}/chat`);
  const chat = await run('POST /api/chat/messages (answer + conversation write)', `http://127.0.0.1:${ready.port}/api/chat/messages`);
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ cmd: 'stop' });
  await exited;
  return { bare, chat, ratio: Math.round((chat.rps / bare.rps) * 100) };
}
