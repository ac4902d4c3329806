// Scale-out: three gateway processes (the real entry point, as on three machines) over one database and one
// storage. Concurrent retries of one Idempotency-Key file one ticket; every ticket's events reach the hotline
// exactly once by eventId while one process is killed mid-delivery; the chat limits hold across the three;
// an FAQ edit reaches all three within 5 s while they keep answering.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { createModels, type Models } from '../../apps/gateway/src/models/index.js';
import { freePort } from '../../apps/gateway/src/services/toolbox.js';
import { spawnGatewayProcess, waitGatewayHealthy, webhookGatewayEnv } from '../support/entry-point.js';
import { startHotlineStandin, type HotlineStandin } from '../standins/hotline.js';

const SECRET = 'scale-test-secret-0123456789';
const dbName = `minhu_scale_${randomBytes(4).toString('hex')}`;
const authSecret = randomBytes(32).toString('hex');
const CHAT_IP = 12;
const CHAT_CONVERSATION = 4;

interface Gateway {
  url: string;
  port: number;
  child: ChildProcess;
}

let hotline: HotlineStandin;
let dataDir: string;
let gateways: Gateway[] = [];
let conn: mongoose.Connection;
let models: Models;

function spawn(port: number): ChildProcess {
  return spawnGatewayProcess({
    port,
    dataDir,
    dbName,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: webhookGatewayEnv(
      { url: hotline.url, secret: SECRET },
      { hotlineTimeoutMs: 5000, outboxMaxDelayMs: 1000, outboxLeaseMs: 10000 },
      {
        AUTH_SECRET: authSecret,
        // Client addresses come from X-Forwarded-For, so each part of the test is its own client.
        TRUST_PROXY: 'true',
        CHAT_IP_PER_MINUTE: String(CHAT_IP),
        CHAT_CONVERSATION_PER_MINUTE: String(CHAT_CONVERSATION),
      },
    ),
  });
}

const waitHealthy = (url: string) => waitGatewayHealthy(url, 240_000);

async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  hotline = await startHotlineStandin(SECRET);
  dataDir = await mkdtemp(join(tmpdir(), 'minhu-scale-'));
  // The first process seeds the knowledge base; the other two then start beside it.
  const ports = [await freePort(), await freePort(), await freePort()];
  gateways = ports.map((port) => ({ port, url: `http://127.0.0.1:${port}`, child: spawn(port) }));
  const pids = await Promise.all(gateways.map((g) => waitHealthy(g.url)));
  expect(new Set(pids).size).toBe(3);
  conn = mongoose.createConnection(inject('mongoUri'), { dbName });
  await conn.asPromise();
  models = createModels(conn);
}, 600_000);

afterAll(async () => {
  for (const g of gateways) g.child.kill('SIGTERM');
  await Promise.all(gateways.map((g) => (g.child.exitCode !== null || g.child.signalCode ? null : new Promise((r) => g.child.once('exit', r)))));
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
  await hotline?.close();
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

async function citizenToken(url: string, phone: string): Promise<string> {
  expect((await call(url, 'POST', '/api/auth/otp/request', { phone })).status).toBe(204);
  const lines = (await readFile(join(dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  const code = lines.filter((l) => l.to === phone).at(-1).code;
  const res = await call(url, 'POST', '/api/auth/otp/verify', { phone, code });
  expect(res.status).toBe(200);
  return res.body.token;
}

describe('three gateway processes over one database and storage', () => {
  it('files one ticket for concurrent retries of one Idempotency-Key sent to all three', async () => {
    const token = await citizenToken(gateways[0]!.url, '13700000301');
    const key = randomUUID();
    const body = { kind: 'complaint', categoryId: 'noise', description: '三个进程同时重试：夜间施工噪音扰民，请尽快处理。' };
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => call(gateways[i % 3]!.url, 'POST', '/api/tickets', body, { authorization: `Bearer ${token}`, 'idempotency-key': key })),
    );
    for (const a of answers) expect([200, 201], JSON.stringify(a.body)).toContain(a.status);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.ticket.id)).size).toBe(1);
    expect(await models.Ticket.countDocuments({ idempotencyKey: key })).toBe(1);
  }, 120_000);

  it('delivers every ticket’s events exactly once by eventId while one process is killed mid-delivery', async () => {
    const token = await citizenToken(gateways[1]!.url, '13700000302');
    // A slow receiver keeps deliveries in flight, so the kill lands in the middle of some. Tickets are filed through
    // the first two processes; the third only delivers, and is killed without warning while it holds a lease.
    hotline.delayMs = 1500;
    const victim = gateways[2]!;
    const victimPid = victim.child.pid!;
    const ids: string[] = [];
    let heldByVictim = 0;
    const killer = (async () => {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        heldByVictim = await models.Outbox.countDocuments({ leaseOwner: new RegExp(`^${victimPid}-`), status: 'pending' });
        if (heldByVictim > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      victim.child.kill('SIGKILL');
      await new Promise((r) => victim.child.once('exit', r));
    })();
    for (let i = 0; i < 24; i += 4) {
      const batch = await Promise.all(
        Array.from({ length: 4 }, (_, k) =>
          call(gateways[(i + k) % 2]!.url, 'POST', '/api/tickets', { kind: 'complaint', categoryId: 'noise', description: `扩容测试第 ${i + k} 张工单：夜间施工噪音扰民。` }, {
            authorization: `Bearer ${token}`,
            'idempotency-key': randomUUID(),
          }),
        ),
      );
      for (const res of batch) {
        expect(res.status).toBe(201);
        ids.push(res.body.ticket.id);
      }
    }
    await killer;
    expect(heldByVictim).toBeGreaterThan(0);

    // The two others take over once the victim's leases expire.
    const createdFor = () => {
      const byTicket = new Map<string, Set<string>>();
      for (const e of hotline.events.values()) if (e.type === 'ticket.created' && ids.includes(e.ticket.id)) (byTicket.get(e.ticket.id) ?? byTicket.set(e.ticket.id, new Set()).get(e.ticket.id)!).add(e.eventId);
      return byTicket;
    };
    const until = Date.now() + 120_000;
    while (createdFor().size < ids.length && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    const byTicket = createdFor();
    expect(byTicket.size).toBe(ids.length);
    for (const [ticket, events] of byTicket) expect(events.size, ticket).toBe(1);
    // Every queued event of these tickets ends delivered, once: its outbox row is unique by eventId.
    const mine = { ticketId: { $in: ids.map((id) => new mongoose.Types.ObjectId(id)) } };
    const rows = await models.Outbox.find(mine, { _id: 1 }).lean<{ _id: string }[]>();
    expect(rows.length).toBeGreaterThanOrEqual(ids.length);
    const undelivered = () => models.Outbox.countDocuments({ ...mine, status: { $ne: 'delivered' } });
    const waitDelivered = Date.now() + 30_000;
    while ((await undelivered()) > 0 && Date.now() < waitDelivered) await new Promise((r) => setTimeout(r, 200));
    expect(await undelivered()).toBe(0);
    // Only what the victim held when it died was sent twice (same eventId, which the receiver dedupes).
    expect(hotline.deliveries - hotline.events.size).toBeLessThanOrEqual(heldByVictim + 4);
    hotline.delayMs = 0;

    // A replacement process joins (as a restarted machine would).
    victim.child = spawn(victim.port);
    await waitHealthy(victim.url);
  }, 400_000);

  it('holds the chat limits across the three processes', async () => {
    const client = { 'x-forwarded-for': '203.0.113.77' };
    // One conversation, messages spread over the three processes: exactly CHAT_CONVERSATION answered.
    const first = await call(gateways[0]!.url, 'POST', '/api/chat/messages', { text: '社保卡怎么补办' }, client);
    expect(first.status).toBe(200);
    const id = first.body.conversationId;
    const statuses = [200];
    for (let i = 1; i < CHAT_CONVERSATION + 2; i++) statuses.push((await call(gateways[i % 3]!.url, 'POST', '/api/chat/messages', { text: '要带什么材料', conversationId: id }, client)).status);
    expect(statuses).toEqual([...Array(CHAT_CONVERSATION).fill(200), 429, 429]);
    // New conversations from the same address: the per-IP budget is shared too (6 points spent above).
    const more: number[] = [];
    for (let i = 0; i < CHAT_IP - 6 + 3; i++) more.push((await call(gateways[i % 3]!.url, 'POST', '/api/chat/messages', { text: '公积金怎么提取' }, client)).status);
    expect(more).toEqual([...Array(CHAT_IP - 6).fill(200), 429, 429, 429]);
    // Per process, as before, three processes would have allowed three times as many.
    const other = await call(gateways[1]!.url, 'POST', '/api/chat/messages', { text: '公积金怎么提取' }, { 'x-forwarded-for': '203.0.113.78' });
    expect(other.status).toBe(200);
  }, 120_000);

  it('brings an FAQ edit to all three within 5 s while they keep answering', async () => {
    const { password } = await addStaff({ models }, { username: 'scale-admin', role: 'admin' });
    const admin = (await call(gateways[0]!.url, 'POST', '/api/staff/session', { username: 'scale-admin', password })).body.token;
    const question = '扩容测试专用问题：月球车停车证在哪里办理？';
    let clientNo = 0;
    const ask = (g: Gateway) => call(g.url, 'POST', '/api/chat/messages', { text: question }, { 'x-forwarded-for': `198.51.100.${++clientNo % 250}` });
    const created = await call(gateways[0]!.url, 'POST', '/api/admin/faq', { categoryId: 'traffic-parking', question, paraphrases: ['月球车停车证怎么办'], answer: '月球车停车证请到所在区交通管理部门办理。' }, { authorization: `Bearer ${admin}` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const editedAt = Date.now();
    const reachedAfter: (number | null)[] = [null, null, null];
    let answered = 0;
    // Asked for at least 3 s, past every process's pickup: the learned layers' retraining follows the index's swap-in,
    // and the processes must answer through it too.
    while ((reachedAfter.some((t) => t === null) || Date.now() - editedAt < 3000) && Date.now() - editedAt < 5000) {
      const replies = await Promise.all(gateways.map(ask));
      replies.forEach((r, i) => {
        expect(r.status).toBe(200);
        answered++;
        if (r.body.faqId === created.body.entry.id && reachedAfter[i] === null) reachedAfter[i] = Date.now() - editedAt;
      });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(reachedAfter.every((t) => t !== null && t <= 5000), JSON.stringify(reachedAfter)).toBe(true);
    expect(answered).toBeGreaterThan(3);
  }, 120_000);
});
