// Fault test of webhook forwarding: 300 tickets are filed while the hotline stand-in fails half its
// requests and is down for 10 seconds, and the gateway process is killed (SIGKILL) midway and started
// again. Every ticket must reach the stand-in, exactly once by eventId. Real gateway processes
// (main.ts) on the run's real MongoDB-wire server and MinIO.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../apps/gateway/src/services/toolbox.js';
import { spawnGatewayProcess, waitGatewayHealthy, webhookGatewayEnv } from '../support/entry-point.js';
import { startHotlineStandin, type HotlineStandin } from '../standins/hotline.js';

const SECRET = 'fault-test-secret-0123456789';
const TICKETS = 300;
let hotline: HotlineStandin;
let dataDir: string;
const dbName = `minhu_fault_${randomBytes(4).toString('hex')}`;
const authSecret = randomBytes(32).toString('hex');

function startGateway(port: number): ChildProcess {
  return spawnGatewayProcess({
    port,
    dataDir,
    dbName,
    stdio: ['ignore', 'ignore', 'inherit'],
    // One citizen files all 300.
    env: webhookGatewayEnv({ url: hotline.url, secret: SECRET }, { hotlineTimeoutMs: 2000, outboxMaxDelayMs: 2000, outboxLeaseMs: 3000 }, { AUTH_SECRET: authSecret }),
  });
}

const waitHealthy = (url: string) => waitGatewayHealthy(url, 90_000);

beforeAll(async () => {
  hotline = await startHotlineStandin(SECRET);
  dataDir = await mkdtemp(join(tmpdir(), 'minhu-fault-'));
});
afterAll(async () => {
  await hotline?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('forwarding under faults', () => {
  it('delivers every ticket exactly once by eventId through failures, an outage and a killed gateway', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let gateway = startGateway(port);
    await waitHealthy(url);

    // Log in through the real SMS flow (code read from the development outbox).
    const phone = '13700000001';
    await fetch(`${url}/api/auth/otp/request`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) });
    const { readFile } = await import('node:fs/promises');
    const code = JSON.parse((await readFile(join(dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n').at(-1)!).code;
    const token = (await (await fetch(`${url}/api/auth/otp/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, code }) })).json()).token;

    hotline.failRate = 0.5;
    let restarts = 0;
    let clientRetries = 0;
    const ticketIds = new Set<string>();

    // A client that retries with the same Idempotency-Key until it gets an answer, as the app does.
    async function fileOne(i: number) {
      const key = randomUUID();
      for (;;) {
        try {
          const res = await fetch(`${url}/api/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body: JSON.stringify({ kind: 'complaint', categoryId: 'noise', description: `故障测试第 ${i} 张工单：夜间施工噪音扰民。` }),
          });
          if (res.status === 200 || res.status === 201) {
            ticketIds.add((await res.json()).ticket.id);
            return;
          }
        } catch {
          /* gateway down: retry below */
        }
        clientRetries++;
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    const started = Date.now();
    for (let i = 0; i < TICKETS; i += 10) {
      if (i === 100) {
        hotline.down = true;
        setTimeout(() => (hotline.down = false), 10_000);
      }
      if (i === 150) {
        // Kill the gateway without warning, mid-delivery, and start a new process.
        gateway.kill('SIGKILL');
        await new Promise((r) => gateway.once('exit', r));
        gateway = startGateway(port);
        restarts++;
        await waitHealthy(url);
      }
      await Promise.all(Array.from({ length: 10 }, (_, k) => fileOne(i + k)));
    }
    expect(ticketIds.size).toBe(TICKETS);

    // Everything must arrive, within a bound.
    const deadline = Date.now() + 150_000;
    const createdFor = () => {
      const byTicket = new Map<string, Set<string>>();
      for (const e of hotline.events.values()) {
        if (e.type !== 'ticket.created') continue;
        if (!byTicket.has(e.ticket.id)) byTicket.set(e.ticket.id, new Set());
        byTicket.get(e.ticket.id)!.add(e.eventId);
      }
      return byTicket;
    };
    while (createdFor().size < TICKETS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const byTicket = createdFor();
    gateway.kill('SIGTERM');
    await new Promise((r) => gateway.once('exit', r));

    const db = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
    const stored = await db.collection('tickets').countDocuments();
    const outboxStates = await db.collection('outbox').aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }]).toArray();
    await db.dropDatabase();
    await db.close();

    const counts = {
      ticketsFiled: ticketIds.size,
      ticketsStored: stored,
      ticketsReceivedByHotline: byTicket.size,
      distinctEventIds: hotline.events.size,
      acceptedDeliveries: hotline.deliveries,
      duplicateDeliveries: hotline.deliveries - hotline.events.size,
      failedOnPurpose: hotline.failed,
      badSignatures: hotline.badSignatures,
      gatewayRestarts: restarts,
      clientRetries,
      outbox: Object.fromEntries(outboxStates.map((s) => [s._id, s.n])),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.log('[fault test]', JSON.stringify(counts));

    expect(stored).toBe(TICKETS); // retried filings never duplicated a ticket
    expect(byTicket.size).toBe(TICKETS);
    expect([...byTicket.keys()].sort()).toEqual([...ticketIds].sort());
    for (const [, eventIds] of byTicket) expect(eventIds.size).toBe(1); // one eventId per ticket, whatever the retries
    expect(hotline.failed).toBeGreaterThan(0);
    expect(hotline.badSignatures).toBe(0);
  });
});
