import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for npm start', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('.data');
    expect(c.sms.outboxFile).toBe('.data/sms-outbox.jsonl');
    expect(c.otp).toEqual({ ttlSeconds: 300, maxAttempts: 5, perPhonePerMinute: 1, perPhonePerDay: 10, perIpPerHour: 30 });
    expect(c.mongoUri).toBeUndefined();
    expect(c.s3).toBeUndefined();
    expect(c.webConcurrency).toBe(1);
    expect(c.metricsToken).toBeUndefined();
  });

  it('reads WEB_CONCURRENCY as a count or auto (one per core)', async () => {
    const { availableParallelism } = await import('node:os');
    expect(loadConfig({ WEB_CONCURRENCY: '3' }).webConcurrency).toBe(3);
    expect(loadConfig({ WEB_CONCURRENCY: 'auto' }).webConcurrency).toBe(availableParallelism());
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', OTP_PHONE_PER_DAY: '0', S3_BUCKET: 'Bad_Bucket' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', OTP_PHONE_PER_DAY: '0' });
    } catch (err) {
      expect((err as Error).message).toContain('PORT');
      expect((err as Error).message).toContain('OTP_PHONE_PER_DAY');
    }
  });

  it('needs S3 keys with S3_ENDPOINT and a secret in production', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_ACCESS_KEY/);
    expect(loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY: 'abc', S3_SECRET_KEY: 'secret123' }).s3?.bucket).toBe('minhu-media');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });

  it('asks production for the official account’s safe mode, and for both of its settings together', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      SMS_SENDER: 'aliyun',
      ALIYUN_ACCESS_KEY_ID: 'LTAIkey0001',
      ALIYUN_ACCESS_KEY_SECRET: 'secret-0001',
      ALIYUN_SMS_SIGN_NAME: '民呼',
      ALIYUN_SMS_TEMPLATE_CODE: 'SMS_1',
    };
    expect(loadConfig(production).officialAccount.token).toBeUndefined();
    expect(() => loadConfig({ ...production, WECHAT_OA_TOKEN: 'tok123' })).toThrow(/safe mode/);
    const aes = { WECHAT_OA_AES_KEY: 'a'.repeat(43), WECHAT_OA_APP_ID: 'wx0123456789abcdef' };
    expect(loadConfig({ ...production, WECHAT_OA_TOKEN: 'tok123', ...aes }).officialAccount.safeMode).toEqual({ aesKey: 'a'.repeat(43), appId: 'wx0123456789abcdef' });
    expect(() => loadConfig({ WECHAT_OA_AES_KEY: 'a'.repeat(43) })).toThrow(/set both or neither/);
    expect(() => loadConfig({ WECHAT_OA_AES_KEY: 'short', WECHAT_OA_APP_ID: 'wx0123456789abcdef' })).toThrow(/WECHAT_OA_AES_KEY/);
  });
});
