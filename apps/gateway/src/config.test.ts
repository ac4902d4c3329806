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
});
