// Environment → zod → typed config. Fails fast with a message naming every bad variable.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** HTTP port of the gateway. */
  PORT: int(3000),
  /** Interface to listen on. */
  HOST: z.string().default('127.0.0.1'),
  /** Public base URL (printed at start). */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Data of embedded services and the development SMS outbox. */
  MINHU_DATA_DIR: z.string().default('.data'),
  /** Use an existing MongoDB (4.4+; a replica set in production) instead of the embedded SecantusDB. */
  MONGODB_URI: z.string().startsWith('mongodb').optional(),
  /** Use an existing S3 service instead of the embedded MinIO (then the three below are required). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_ACCESS_KEY: z.string().min(3).optional(),
  S3_SECRET_KEY: z.string().min(8).optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/).default('minhu-media'),
  S3_REGION: z.string().default('us-east-1'),
  /** URL browsers use to reach storage, if it differs from S3_ENDPOINT (e.g. behind a CDN or proxy). */
  S3_PUBLIC_ENDPOINT: z.string().url().optional(),
  /** Secret that signs tokens and hashes one-time codes; at least 32 characters. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Citizen token lifetime in seconds (default 7 days). */
  TOKEN_TTL_SECONDS: int(7 * 24 * 3600, 60),
  /** Comma-separated origins allowed by CORS. */
  CORS_ORIGINS: csv.default(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:10086']),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().default('64kb'),
  /** Trust X-Forwarded-For (only behind a proxy you control). */
  TRUST_PROXY: bool.default(false),
  /**
   * How many proxies of yours sit in front of the gateway: the client address is taken this many entries
   * from the RIGHT of X-Forwarded-For (entries further left are whatever the client sent).
   */
  TRUST_PROXY_HOPS: int(1, 1),
  /** Gateway worker processes on this machine (node:cluster, one port): a number, or `auto` for one per core. */
  WEB_CONCURRENCY: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(256)]).default(1),
  /** Bearer token that opens GET /metrics to hosts other than loopback (16+ characters); without it, loopback only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  OTP_TTL_SECONDS: int(300, 30),
  OTP_MAX_ATTEMPTS: int(5, 1),
  OTP_PHONE_PER_MINUTE: int(1, 1),
  OTP_PHONE_PER_DAY: int(10, 1),
  OTP_IP_PER_HOUR: int(30, 1),
  /** How SMS leave: `file` appends JSON lines to SMS_OUTBOX_FILE (development only); `aliyun` sends through Alibaba Cloud SMS. */
  SMS_SENDER: z.enum(['file', 'aliyun']).default('file'),
  SMS_OUTBOX_FILE: z.string().optional(),
  ALIYUN_ACCESS_KEY_ID: z.string().min(8).optional(),
  ALIYUN_ACCESS_KEY_SECRET: z.string().min(8).optional(),
  /** The approved SMS signature (短信签名), e.g. 民呼. */
  ALIYUN_SMS_SIGN_NAME: z.string().min(2).max(20).optional(),
  /** Template of the login code; its one parameter is `code`. */
  ALIYUN_SMS_TEMPLATE_CODE: z.string().regex(/^SMS_\d+$/, 'an Alibaba Cloud template code such as SMS_123456789').optional(),
  /** Template of status notifications; parameters `number` (工单号), `status` (状态) and `note` (备注). */
  ALIYUN_SMS_STATUS_TEMPLATE_CODE: z.string().regex(/^SMS_\d+$/, 'an Alibaba Cloud template code such as SMS_123456789').optional(),
  /** The SMS API host or URL (a local stand-in in tests). */
  ALIYUN_SMS_ENDPOINT: z.string().min(3).default('dysmsapi.aliyuncs.com'),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  /** Base of WeChat's API; a local stand-in in tests. */
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  /** How long a presigned upload policy stays valid. */
  UPLOAD_POLICY_TTL_SECONDS: int(600, 60),
  /** How long a presigned media link in a ticket stays valid. */
  MEDIA_URL_TTL_SECONDS: int(300, 30),
  /** Uploads that no ticket references are deleted after this many hours. */
  ORPHAN_UPLOAD_TTL_HOURS: z.coerce.number().positive().default(24),
  /** How often the orphan sweep runs. */
  SWEEP_INTERVAL_SECONDS: int(3600, 1),
  /** `builtin`: Minhu is the back office (operator API). `webhook`: events are POSTed to the city's system. */
  HOTLINE_MODE: z.enum(['builtin', 'webhook']).default('builtin'),
  HOTLINE_WEBHOOK_URL: z.string().url().optional(),
  /** Shared HMAC secret for outgoing webhooks and incoming status events (16+ characters). */
  HOTLINE_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Lifetime of the media links in a webhook body (at most an hour). */
  HOTLINE_MEDIA_URL_TTL_SECONDS: int(3600, 60).pipe(z.number().max(3600, 'at most 3600 (an hour)')),
  /** Timeout of one webhook delivery. */
  HOTLINE_TIMEOUT_MS: int(5000, 100),
  /** Deliveries of one event before it is parked as failed. */
  OUTBOX_MAX_ATTEMPTS: int(12, 1),
  /** First retry delay; doubles each attempt (with jitter) up to OUTBOX_MAX_DELAY_MS. */
  OUTBOX_BASE_DELAY_MS: int(1000, 10),
  OUTBOX_MAX_DELAY_MS: int(300_000, 10),
  /** How long a worker holds a claimed event before another process may take it over. */
  OUTBOX_LEASE_MS: int(30_000, 100),
  /** How often idle workers look for due events. */
  OUTBOX_POLL_MS: int(500, 10),
  /** Parallel deliveries per process. */
  OUTBOX_CONCURRENCY: int(4, 1),
  /** Attempts of one citizen notification before it is parked as failed. */
  NOTIFY_MAX_ATTEMPTS: int(8, 1),
  /** Days after the callback (or reply) during which the citizen may rate. */
  RATING_WINDOW_DAYS: int(7, 1),
  /** Allow rating once the department replied, without waiting for the callback call. */
  RATING_WITHOUT_CALLBACK: bool.default(false),
  /** Departments the built-in back office dispatches to (comma-separated). */
  DEPARTMENTS: csv.optional(),
  /** How often each process checks for newly dispatched tickets to retrain the department model with. */
  DISPATCH_RETRAIN_MINUTES: int(60, 1),
  /** City overrides of the official calendar: extra days off / extra working days (YYYY-MM-DD, comma-separated). */
  CALENDAR_HOLIDAYS: csv.pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))).optional(),
  CALENDAR_WORKDAYS: csv.pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))).optional(),
  /** Staff login attempts per username and IP per 15 minutes. */
  STAFF_LOGIN_PER_15MIN: int(10, 1),
  /** Staff login attempts per username (from any address) per 15 minutes. */
  STAFF_LOGIN_PER_USER_15MIN: int(20, 1),
  /** Upload policies one citizen may ask for per hour. */
  QUOTA_UPLOADS_PER_HOUR: int(60, 1),
  /** Bytes of uploads not yet filed in a ticket one citizen may hold (default 400 MB: one full ticket's media). */
  QUOTA_UNFILED_UPLOAD_BYTES: int(400 * 1024 * 1024, 1),
  /** Tickets one citizen may file per day. */
  QUOTA_TICKETS_PER_DAY: int(20, 1),
  /** Staff token lifetime in seconds (default 12 hours). */
  STAFF_TOKEN_TTL_SECONDS: int(12 * 3600, 60),
  /** Built H5 site served at / (skipped when it has no index.html). */
  H5_DIST_DIR: z.string().default('apps/h5/dist'),
  CONSOLE_DIST_DIR: z.string().default('apps/console/dist'),
  /** Chat messages per client IP per minute (counted in MongoDB, across every gateway process). */
  CHAT_IP_PER_MINUTE: int(30, 1),
  /** Chat messages per conversation per minute (counted in the conversation document, across every process). */
  CHAT_CONVERSATION_PER_MINUTE: int(20, 1),
  /** Token of the WeChat official account's server configuration; enables /wechat/official-account. */
  WECHAT_OA_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/).optional(),
  /** EncodingAESKey (43 characters) of the account's safe mode (安全模式); with WECHAT_OA_APP_ID it switches safe mode on. */
  WECHAT_OA_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, '43 letters and digits (the EncodingAESKey)').optional(),
  /** The official account's AppID, which every safe-mode message must name. */
  WECHAT_OA_APP_ID: z.string().regex(/^wx[0-9a-f]{16}$/, 'an AppID such as wx0123456789abcdef').optional(),
  /** Subscribe-message template for ticket status changes (mini-program). */
  WECHAT_TEMPLATE_STATUS: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a WeChat template id').optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  mongoUri?: string;
  s3?: { endpoint: string; accessKey: string; secretKey: string; bucket: string; region: string };
  s3Bucket: string;
  s3PublicEndpoint?: string;
  authSecret?: string;
  tokenTtlSeconds: number;
  corsOrigins: string[];
  bodyLimit: string;
  trustProxy: boolean;
  trustProxyHops: number;
  /** Worker processes to run (WEB_CONCURRENCY, `auto` resolved to the cores). */
  webConcurrency: number;
  /** Opens /metrics beyond loopback to requests bearing it. */
  metricsToken?: string;
  otp: { ttlSeconds: number; maxAttempts: number; perPhonePerMinute: number; perPhonePerDay: number; perIpPerHour: number };
  sms: {
    sender: 'file' | 'aliyun';
    outboxFile: string;
    aliyun?: { accessKeyId: string; accessKeySecret: string; signName: string; codeTemplate: string; statusTemplate?: string; endpoint: string };
  };
  wechat: { appId?: string; appSecret?: string; apiBase: string };
  uploads: { policyTtlSeconds: number; mediaUrlTtlSeconds: number; orphanTtlHours: number; sweepIntervalSeconds: number };
  hotline: { mode: 'builtin' | 'webhook'; webhookUrl?: string; secret?: string; timeoutMs: number; mediaUrlTtlSeconds: number };
  outbox: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; leaseMs: number; pollMs: number; concurrency: number };
  notify: { maxAttempts: number; templateStatus?: string };
  rating: { windowDays: number; withoutCallback: boolean };
  departments: string[];
  dispatch: { retrainMinutes: number };
  calendar: { holidays: string[]; workdays: string[] };
  staff: { loginPer15Min: number; loginPerUserPer15Min: number; tokenTtlSeconds: number };
  quotas: { uploadsPerHour: number; unfiledUploadBytes: number; ticketsPerDay: number };
  chat: { perIpPerMinute: number; perConversationPerMinute: number };
  officialAccount: { token?: string; safeMode?: { aesKey: string; appId: string } };
  h5DistDir: string;
  /** The built staff console, served at /console/. */
  consoleDistDir: string;
}

/** Default departments of the built-in back office; a city sets its own with DEPARTMENTS. */
export const DEFAULT_DEPARTMENTS = [
  '区住房和城乡建设局',
  '区城市管理和综合执法局',
  '区人力资源和社会保障局',
  '区医疗保障局',
  '区市场监督管理局',
  '区生态环境分局',
  '区教育局',
  '区民政局',
  '区卫生健康局',
  '区公安分局',
  '区交通运输局',
  '区水务局',
  '区应急管理局',
  '区不动产登记中心',
  '住房公积金管理中心',
  '供水企业',
  '供电企业',
  '燃气企业',
  '供热企业',
  '街道办事处',
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let s3: Config['s3'];
  if (e.S3_ENDPOINT) {
    if (!e.S3_ACCESS_KEY || !e.S3_SECRET_KEY) {
      throw new ConfigError('Invalid configuration:\n  S3_ENDPOINT is set, so S3_ACCESS_KEY and S3_SECRET_KEY are required too');
    }
    s3 = { endpoint: e.S3_ENDPOINT, accessKey: e.S3_ACCESS_KEY, secretKey: e.S3_SECRET_KEY, bucket: e.S3_BUCKET, region: e.S3_REGION };
  }
  if (Boolean(e.WECHAT_OA_AES_KEY) !== Boolean(e.WECHAT_OA_APP_ID)) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_OA_AES_KEY and WECHAT_OA_APP_ID switch safe mode on together: set both or neither');
  }
  if (e.HOTLINE_MODE === 'webhook' && (!e.HOTLINE_WEBHOOK_URL || !e.HOTLINE_WEBHOOK_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  HOTLINE_MODE=webhook needs HOTLINE_WEBHOOK_URL and HOTLINE_WEBHOOK_SECRET');
  }
  let aliyun: Config['sms']['aliyun'];
  if (e.SMS_SENDER === 'aliyun') {
    const missing = (['ALIYUN_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE'] as const).filter((k) => !e[k]);
    if (missing.length) throw new ConfigError(`Invalid configuration:\n  SMS_SENDER=aliyun needs ${missing.join(', ')}`);
    aliyun = {
      accessKeyId: e.ALIYUN_ACCESS_KEY_ID!,
      accessKeySecret: e.ALIYUN_ACCESS_KEY_SECRET!,
      signName: e.ALIYUN_SMS_SIGN_NAME!,
      codeTemplate: e.ALIYUN_SMS_TEMPLATE_CODE!,
      statusTemplate: e.ALIYUN_SMS_STATUS_TEMPLATE_CODE,
      endpoint: e.ALIYUN_SMS_ENDPOINT,
    };
  }
  // Production refuses what is only fit for a developer's machine, naming every such setting at once.
  if (e.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!e.AUTH_SECRET) problems.push('AUTH_SECRET is required in production (32+ random characters)');
    if (e.SMS_SENDER === 'file') {
      problems.push(
        `SMS_SENDER is ${source.SMS_SENDER ? `"${source.SMS_SENDER}"` : 'unset'} in production: the file sender writes codes and phone numbers to disk and sends no SMS; set SMS_SENDER=aliyun and the ALIYUN_* settings`,
      );
    }
    if (e.WECHAT_OA_TOKEN && !(e.WECHAT_OA_AES_KEY && e.WECHAT_OA_APP_ID)) {
      problems.push('WECHAT_OA_TOKEN is set in production without WECHAT_OA_AES_KEY and WECHAT_OA_APP_ID: the official account must run in safe mode (安全模式)');
    }
    if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    dataDir: e.MINHU_DATA_DIR,
    mongoUri: e.MONGODB_URI,
    s3,
    s3Bucket: e.S3_BUCKET,
    s3PublicEndpoint: e.S3_PUBLIC_ENDPOINT,
    authSecret: e.AUTH_SECRET,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    corsOrigins: e.CORS_ORIGINS,
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    webConcurrency: e.WEB_CONCURRENCY === 'auto' ? availableParallelism() : e.WEB_CONCURRENCY,
    metricsToken: e.METRICS_TOKEN,
    otp: {
      ttlSeconds: e.OTP_TTL_SECONDS,
      maxAttempts: e.OTP_MAX_ATTEMPTS,
      perPhonePerMinute: e.OTP_PHONE_PER_MINUTE,
      perPhonePerDay: e.OTP_PHONE_PER_DAY,
      perIpPerHour: e.OTP_IP_PER_HOUR,
    },
    sms: { sender: e.SMS_SENDER, outboxFile: e.SMS_OUTBOX_FILE ?? `${e.MINHU_DATA_DIR}/sms-outbox.jsonl`, aliyun },
    wechat: { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE },
    uploads: {
      policyTtlSeconds: e.UPLOAD_POLICY_TTL_SECONDS,
      mediaUrlTtlSeconds: e.MEDIA_URL_TTL_SECONDS,
      orphanTtlHours: e.ORPHAN_UPLOAD_TTL_HOURS,
      sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    },
    hotline: {
      mode: e.HOTLINE_MODE,
      webhookUrl: e.HOTLINE_WEBHOOK_URL,
      secret: e.HOTLINE_WEBHOOK_SECRET,
      timeoutMs: e.HOTLINE_TIMEOUT_MS,
      mediaUrlTtlSeconds: e.HOTLINE_MEDIA_URL_TTL_SECONDS,
    },
    outbox: {
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      baseDelayMs: e.OUTBOX_BASE_DELAY_MS,
      maxDelayMs: e.OUTBOX_MAX_DELAY_MS,
      leaseMs: e.OUTBOX_LEASE_MS,
      pollMs: e.OUTBOX_POLL_MS,
      concurrency: e.OUTBOX_CONCURRENCY,
    },
    notify: { maxAttempts: e.NOTIFY_MAX_ATTEMPTS, templateStatus: e.WECHAT_TEMPLATE_STATUS },
    rating: { windowDays: e.RATING_WINDOW_DAYS, withoutCallback: e.RATING_WITHOUT_CALLBACK },
    departments: e.DEPARTMENTS?.length ? e.DEPARTMENTS : DEFAULT_DEPARTMENTS,
    dispatch: { retrainMinutes: e.DISPATCH_RETRAIN_MINUTES },
    calendar: { holidays: e.CALENDAR_HOLIDAYS ?? [], workdays: e.CALENDAR_WORKDAYS ?? [] },
    staff: { loginPer15Min: e.STAFF_LOGIN_PER_15MIN, loginPerUserPer15Min: e.STAFF_LOGIN_PER_USER_15MIN, tokenTtlSeconds: e.STAFF_TOKEN_TTL_SECONDS },
    quotas: { uploadsPerHour: e.QUOTA_UPLOADS_PER_HOUR, unfiledUploadBytes: e.QUOTA_UNFILED_UPLOAD_BYTES, ticketsPerDay: e.QUOTA_TICKETS_PER_DAY },
    chat: { perIpPerMinute: e.CHAT_IP_PER_MINUTE, perConversationPerMinute: e.CHAT_CONVERSATION_PER_MINUTE },
    officialAccount: {
      token: e.WECHAT_OA_TOKEN,
      safeMode: e.WECHAT_OA_AES_KEY && e.WECHAT_OA_APP_ID ? { aesKey: e.WECHAT_OA_AES_KEY, appId: e.WECHAT_OA_APP_ID } : undefined,
    },
    h5DistDir: e.H5_DIST_DIR,
    consoleDistDir: e.CONSOLE_DIST_DIR,
  };
}
