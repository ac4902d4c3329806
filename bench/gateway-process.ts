// The gateway under benchmark, in its own process so its CPU time is its own: the real app on one
// port and, as the reference, a bare Koa route doing the same single insert on another. The parent
// asks for process.cpuUsage() over IPC between scenarios.
import Koa from 'koa';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../apps/gateway/src/app.js';
import { startBackgroundWork, type BackgroundWork } from '../apps/gateway/src/background.js';
import { createDeps } from '../apps/gateway/src/bootstrap.js';
import { loadConfig } from '../apps/gateway/src/config.js';

const config = loadConfig(process.env);
const deps = await createDeps({
  config,
  mongoUri: process.env.BENCH_MONGO_URI!,
  s3: JSON.parse(process.env.BENCH_S3!),
  dbName: process.env.BENCH_DB!,
});
// Measured in steady state: the chat engine built and the dispatch models loaded (or trained, in a worker
// thread whose CPU time would otherwise be counted against the first scenario's requests).
await deps.faq.current();
await deps.dispatch.ready();
const app = createApp(deps);
const server = app.listen(0, '127.0.0.1');

// References: the least a Koa route can do — parse JSON, one write, answer.
//   POST /        "file a ticket": one insert
//   POST /chat    "a chat turn": the same conversation write the chat route makes, with a fixed reply
const bare = new Koa();
const bareCollection = deps.db.collection('bench_bare');
const bareConversations = deps.db.collection<{ _id: string }>('bench_bare_conversations');
bare.use(async (ctx) => {
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  const body = JSON.parse(raw || '{}');
  if (ctx.path === '/chat') {
    const now = new Date();
    const messages = [
      { id: 'u', role: 'user', text: body.text, at: now },
      { id: 'b', role: 'bot', text: '固定回复', intent: 'consult', at: now },
    ];
    await bareConversations.updateOne(
      { _id: body.conversationId },
      { $set: { context: { lastCategoryId: null }, updatedAt: now }, $inc: { turn: 1 }, $push: { messages: { $each: messages, $slice: -40 } } as never },
      { upsert: true, writeConcern: { w: 1, j: true } },
    );
    ctx.body = { conversationId: body.conversationId, reply: { text: '固定回复' } };
    return;
  }
  const res = await bareCollection.insertOne({ ...body, createdAt: new Date() }, { writeConcern: { w: 1, j: true } });
  ctx.status = 201;
  ctx.body = { id: res.insertedId };
});
const bareServer = bare.listen(0, '127.0.0.1');
await new Promise((r) => setTimeout(r, 50));

let background: BackgroundWork | null = null;
// Database commands by name and collection, when the URI asks for monitorCommands=true (probing a scenario).
const commands = new Map<string, { n: number; ms: number }>();
const started = new Map<number, string>();
deps.db.getClient().on('commandStarted', (e) => started.set(e.requestId, `${e.commandName} ${String(e.command[e.commandName])}`));
deps.db.getClient().on('commandSucceeded', (e) => {
  const key = started.get(e.requestId) ?? e.commandName;
  started.delete(e.requestId);
  const c = commands.get(key) ?? commands.set(key, { n: 0, ms: 0 }).get(key)!;
  c.n++;
  c.ms += e.duration;
});
const profiler = new Session();
process.on('message', async (msg: { cmd: string }) => {
  if (msg.cmd === 'cpu') process.send!({ cpu: process.cpuUsage(), mem: process.memoryUsage().rss });
  // A CPU profile of a stretch of the run (BENCH_PROFILE_DIR): where a scenario's time goes.
  if (msg.cmd === 'commands') {
    process.send!({ commands: Object.fromEntries(commands) });
    commands.clear();
  }
  if (msg.cmd === 'profile-start') {
    profiler.connect();
    await new Promise((r) => profiler.post('Profiler.enable', () => profiler.post('Profiler.start', r)));
    process.send!({ ok: true });
  }
  if (msg.cmd === 'profile-stop') {
    const { profile } = await new Promise<{ profile: object }>((r) => profiler.post('Profiler.stop', (_err, res) => r(res as never)));
    profiler.disconnect();
    const file = join(process.env.BENCH_PROFILE_DIR ?? tmpdir(), `gateway-${Date.now()}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    process.send!({ file });
  }
  if (msg.cmd === 'startWorkers') {
    background = startBackgroundWork(deps);
    process.send!({ ok: true });
  }
  if (msg.cmd === 'stop') {
    await background?.stop();
    server.close();
    bareServer.close();
    await deps.db.dropDatabase();
    await deps.db.close();
    process.exit(0);
  }
});
process.send!({
  ready: true,
  port: (server.address() as AddressInfo).port,
  barePort: (bareServer.address() as AddressInfo).port,
});
