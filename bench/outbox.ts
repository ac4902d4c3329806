// The outbox across processes: tickets filed through three gateway processes (default outbox settings, webhook
// mode, every process running its background work), and how long after the last filing the last `ticket.created`
// reaches a local hotline stand-in — issue 15's "150 tickets through 3 processes within 10 s". Also counts what
// arrived twice (the stand-in dedupes by eventId; a duplicate delivery is allowed only after a lost lease).
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { startHotlineStandin } from '../tests/standins/hotline.js';
import { forkBenchGateway } from './fork-gateway.js';

const SECRET = 'bench-outbox-secret-0123456789';

function ask(child: ChildProcess, cmd: string): Promise<unknown> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send({ cmd });
  });
}

export interface OutboxFigures {
  tickets: number;
  processes: number;
  /** Seconds from the first filing to the last one's answer. */
  filingSeconds: number;
  /** Seconds from the last filing's answer (backlog: from the workers' start) until every ticket.created had arrived. */
  lastDeliveryAfterLastFiling: number;
  /** Deliveries beyond one per event. */
  duplicates: number;
}

/**
 * `backlog`: file every ticket first with the processes' workers stopped (the hotline was unreachable, say), then
 * start them and time the drain from then; otherwise the workers run while tickets are filed.
 */
export async function benchOutbox(env: { mongoUri: string; s3: S3Settings; dataDir: string }, tickets = 150, processes = 3, backlog = false): Promise<OutboxFigures> {
  const hotline = await startHotlineStandin(SECRET);
  const dbName = `minhu_outboxbench_${randomBytes(4).toString('hex')}`;
  // One city's processes: the same secrets (a token signed by one is good at the others).
  const webhook = { HOTLINE_MODE: 'webhook', HOTLINE_WEBHOOK_URL: hotline.url, HOTLINE_WEBHOOK_SECRET: SECRET, AUTH_SECRET: randomBytes(32).toString('hex') };
  const gateways = [];
  for (let i = 0; i < processes; i++) gateways.push(await forkBenchGateway(env, dbName, webhook));
  try {
    if (!backlog) for (const g of gateways) await ask(g.child, 'startWorkers');
    const urls = gateways.map((g) => `http://127.0.0.1:${g.port}`);
    const json = { 'content-type': 'application/json' };
    const phone = '13600000009';
    await fetch(`${urls[0]}/api/auth/otp/request`, { method: 'POST', headers: json, body: JSON.stringify({ phone }) });
    const code = JSON.parse((await readFile(join(env.dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n').at(-1)!).code;
    const token = (await (await fetch(`${urls[0]}/api/auth/otp/verify`, { method: 'POST', headers: json, body: JSON.stringify({ phone, code }) })).json()).token;

    const ids = new Set<string>();
    let next = 0;
    const started = performance.now();
    // Ten citizens' apps at a time, spread over the processes as a balancer would.
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < tickets) {
          const i = next++;
          const res = await fetch(`${urls[i % processes]}/api/tickets`, {
            method: 'POST',
            headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
            body: JSON.stringify({ kind: 'complaint', categoryId: 'noise', description: `外发队列基准第 ${i} 张工单：夜间施工噪音扰民。` }),
          });
          if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${await res.text()}`);
          ids.add((await res.json()).ticket.id);
        }
      }),
    );
    let filed = performance.now();
    if (backlog) {
      for (const g of gateways) await ask(g.child, 'startWorkers');
      filed = performance.now();
    }
    const arrived = () => [...hotline.events.values()].filter((e) => e.type === 'ticket.created' && ids.has(e.ticket.id)).length;
    const deadline = filed + 120_000;
    while (arrived() < tickets && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const done = performance.now();
    if (arrived() < tickets) throw new Error(`only ${arrived()} of ${tickets} events arrived within 120 s`);
    const round = (ms: number) => Math.round(ms / 100) / 10;
    if (process.env.BENCH_COMMANDS) for (const g of gateways) console.log(JSON.stringify(await ask(g.child, 'commands')));
    return {
      tickets,
      processes,
      filingSeconds: round(filed - started),
      lastDeliveryAfterLastFiling: round(done - filed),
      duplicates: hotline.deliveries - hotline.events.size,
    };
  } finally {
    for (const g of gateways) {
      const exited = new Promise((r) => g.child.once('exit', r));
      g.child.send({ cmd: 'stop' });
      await exited;
    }
    await hotline.close();
  }
}
