// Everything a request handler may touch, built once per process and passed to createApp(deps):
// no module-level singletons, so tests build their own.
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { RateLimiterMongo } from 'rate-limiter-flexible';
import { createWorkCalendar, type WorkCalendar } from '@minhu/shared/deadlines';
import type { Config } from './config.js';
import type { ConversationCache } from './faq/conversation-cache.js';
import type { FaqStore } from './faq/store.js';
import type { EventRelay } from './hotline/relay.js';
import type { TicketNumbers } from './commands/ticket-number.js';
import { LeasedLimit } from './lib/leased-limit.js';
import type { Storage } from './lib/storage.js';
import type { SmsSender } from './lib/sms.js';
import type { TokenService } from './lib/tokens.js';
import type { WechatClient } from './lib/wechat.js';
import type { Models } from './models/index.js';
import type { DispatchEngine } from './dispatch/engine.js';
import type { TicketIndex } from './read-model/ticket-index.js';
import type { GatewayMetrics } from './metrics/registry.js';

export interface Limiters {
  otpPerPhoneMinute: RateLimiterMongo;
  otpPerPhoneDay: RateLimiterMongo;
  otpPerIpHour: RateLimiterMongo;
  staffLogin: RateLimiterMongo;
  /** Per username from any address: a botnet guessing one account is slowed too. */
  staffLoginPerUser: RateLimiterMongo;
  uploadsPerCitizenHour: RateLimiterMongo;
  /**
   * Chat per client IP, in MongoDB like the others (one small upsert per message). The per-conversation
   * limit needs no limiter: it is counted in the conversation's own conditional write (faq/conversation-rate.ts).
   */
  /** Leased: a process takes a few points at once (lib/leased-limit.ts). */
  chatPerIp: LeasedLimit;
}

export interface Deps {
  config: Config;
  logger: Logger;
  db: Connection;
  models: Models;
  storage: Storage;
  tokens: TokenService;
  sms: SmsSender;
  wechat: WechatClient;
  limiters: Limiters;
  calendar: WorkCalendar;
  /** Moves events written into tickets onto their queues. */
  relay: EventRelay;
  /** Hands out the daily ticket numbers (MH20261122000123). */
  ticketNumbers: TicketNumbers;
  /** The knowledge base and the chat engine built from it. */
  faq: FaqStore;
  /** Contexts of recent conversations in this process. */
  chatCache: ConversationCache;
  /** Every ticket's facts in memory, for the staff console's queue, counts, 督办 board and statistics. */
  ticketIndex: TicketIndex;
  /** Department suggestions and incident matching (models trained off the event loop). */
  dispatch: DispatchEngine;
  /** This process's Prometheus metrics. */
  metrics: GatewayMetrics;
  /** What GET /metrics serves: this process's registry, or (a cluster worker) every worker's, from the primary. */
  metricsSource(): Promise<{ text: string; contentType: string }>;
  /** Set while the process drains before exiting: /api/health/ready answers 503 so balancers move on. */
  lifecycle: { draining: boolean };
  /** Secret for HMACs of one-time codes. */
  secret: string;
  now(): Date;
}

/** Rate limits live in MongoDB so every gateway process counts against the same budget. */
export function createLimiters(db: Connection, config: Config): Limiters {
  const make = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterMongo({ storeClient: db.getClient(), dbName: db.db!.databaseName, tableName: 'rate_limits', keyPrefix, points, duration });
  return {
    otpPerPhoneMinute: make('otp-phone-min', config.otp.perPhonePerMinute, 60),
    otpPerPhoneDay: make('otp-phone-day', config.otp.perPhonePerDay, 24 * 3600),
    otpPerIpHour: make('otp-ip-hour', config.otp.perIpPerHour, 3600),
    staffLogin: make('staff-login', config.staff.loginPer15Min, 15 * 60),
    staffLoginPerUser: make('staff-login-user', config.staff.loginPerUserPer15Min, 15 * 60),
    uploadsPerCitizenHour: make('uploads-citizen', config.quotas.uploadsPerHour, 3600),
    chatPerIp: new LeasedLimit(make('chat-ip', config.chat.perIpPerMinute, 60)),
  };
}

export { createWorkCalendar };
