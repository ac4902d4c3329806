// Turns config + running services into Deps: connects MongoDB, prepares the bucket and indexes.
// Shared by main.ts, the integration tests and the benchmark.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { createLimiters, createWorkCalendar, type Deps } from './deps.js';
import { ConversationCache } from './faq/conversation-cache.js';
import { FaqStore } from './faq/store.js';
import { EventRelay } from './hotline/relay.js';
import { TicketNumbers } from './commands/ticket-number.js';
import { createSmsSender } from './lib/sms.js';
import { Storage } from './lib/storage.js';
import { TokenService } from './lib/tokens.js';
import { createWechatClient } from './lib/wechat.js';
import { createModels, syncIndexes } from './models/index.js';
import { DispatchEngine } from './dispatch/engine.js';
import { TicketIndex } from './read-model/ticket-index.js';
import { createMetrics } from './metrics/registry.js';
import type { S3Settings } from './services/manager.js';

/** Development only: a random secret kept in the data dir, so tokens survive restarts. */
async function developmentSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'dev-auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export interface BootstrapOptions {
  config: Config;
  mongoUri: string;
  s3: S3Settings;
  /** Database name override (tests use one per file). */
  dbName?: string;
  logger?: Logger;
  now?: () => Date;
}

export async function createDeps(opts: BootstrapOptions): Promise<Deps> {
  const { config } = opts;
  const logger = opts.logger ?? pino({ level: config.logLevel, base: { service: 'minhu-gateway' } });
  const db = mongoose.createConnection(opts.mongoUri, {
    dbName: opts.dbName,
    serverSelectionTimeoutMS: 10_000,
    // Acknowledged and journaled: a filed ticket survives a crash. A replica set in production names its own
    // (`?replicaSet=rs0&w=majority` in MONGODB_URI, docs/deploy.md): then the URI decides.
    writeConcern: /[?&]w=/.test(opts.mongoUri) ? undefined : { w: 1, j: true },
    autoIndex: false,
  });
  await db.asPromise();
  const models = createModels(db);
  await syncIndexes(models);
  const storage = new Storage(opts.s3, config.s3PublicEndpoint);
  await storage.ensureBucket();
  const secret = config.authSecret ?? (await developmentSecret(config.dataDir));
  const metrics = createMetrics(models);
  const faq = new FaqStore(models, logger);
  faq.onRebuilt((r) => metrics.engineRebuild.observe({ retrained: String(r.retrained) }, r.seconds));
  await faq.seed();
  await faq.reload();
  return {
    config,
    logger,
    db,
    models,
    storage,
    tokens: new TokenService(secret, config.tokenTtlSeconds),
    sms: createSmsSender(config),
    wechat: createWechatClient({ ...config.wechat, db }),
    limiters: createLimiters(db, config),
    calendar: createWorkCalendar(config.calendar),
    relay: new EventRelay(models, logger),
    ticketNumbers: new TicketNumbers(models.Counter),
    faq,
    chatCache: new ConversationCache(),
    ticketIndex: new TicketIndex(models, logger),
    dispatch: new DispatchEngine(models, config.departments, logger),
    metrics,
    metricsSource: async () => ({ text: await metrics.registry.metrics(), contentType: metrics.registry.contentType }),
    lifecycle: { draining: false },
    secret,
    now: opts.now ?? (() => new Date()),
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  await deps.db.close();
}
