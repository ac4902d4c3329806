// SMS through Alibaba Cloud's official SDK against a stand-in that checks the real request signature:
// login codes and status notifications go out as templates; a business error is not "sent"; the
// access key secret never reaches a log line or a stored error; production refuses the file sender.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { loadConfig } from '../../apps/gateway/src/config.js';
import { startAliyunSmsStandin, type AliyunSmsStandin } from '../standins/aliyun-sms.js';
import { freshPhone, startTestGateway, type TestGateway } from '../support/gateway.js';
import { until } from '../support/wait.js';

const KEY_ID = 'LTAI5tMinhuTestKey';
const KEY_SECRET = 'aliyun-secret-0f9e8d7c6b5a4';
let sms: AliyunSmsStandin;
let gw: TestGateway;
let op: string;

const aliyunEnv = (endpoint: string, secret = KEY_SECRET) => ({
  SMS_SENDER: 'aliyun',
  ALIYUN_ACCESS_KEY_ID: KEY_ID,
  ALIYUN_ACCESS_KEY_SECRET: secret,
  ALIYUN_SMS_SIGN_NAME: '民呼',
  ALIYUN_SMS_TEMPLATE_CODE: 'SMS_100000001',
  ALIYUN_SMS_STATUS_TEMPLATE_CODE: 'SMS_100000002',
  ALIYUN_SMS_ENDPOINT: endpoint,
});

beforeAll(async () => {
  sms = await startAliyunSmsStandin(KEY_ID, KEY_SECRET);
  gw = await startTestGateway({ ...aliyunEnv(sms.url), OUTBOX_POLL_MS: '50', OUTBOX_BASE_DELAY_MS: '50', NOTIFY_MAX_ATTEMPTS: '2' }, { background: true, captureLogs: true });
  const { password } = await addStaff(gw.deps, { username: 'sms-op', role: 'operator' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'sms-op', password } })).body.token;
});
afterAll(async () => {
  await gw?.close();
  await sms?.close();
});

async function signIn(phone: string): Promise<string> {
  expect((await gw.api('POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(204);
  const message = sms.sent.filter((m) => m.phone === phone).at(-1)!;
  const res = await gw.api('POST', '/api/auth/otp/verify', { body: { phone, code: message.params.code } });
  expect(res.status).toBe(200);
  return res.body.token;
}

describe('SMS through Alibaba Cloud (SMS_SENDER=aliyun)', () => {
  it('sends the login code as the code template, signed so the service accepts it, and nothing to disk', async () => {
    const phone = freshPhone();
    await signIn(phone);
    const message = sms.sent.find((m) => m.phone === phone)!;
    expect(message).toMatchObject({ signName: '民呼', templateCode: 'SMS_100000001', params: { code: expect.stringMatching(/^\d{6}$/) } });
    expect(sms.refused).toEqual([]);
    expect(existsSync(gw.smsOutbox)).toBe(false);
  });

  it('counts a business error as not sent: the citizen is told, and the stored code is gone', async () => {
    const phone = freshPhone();
    sms.businessError = { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发号码天级流控', times: 1 };
    const res = await gw.api('POST', '/api/auth/otp/request', { body: { phone } });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('sms_rate_limited');
    expect(await gw.deps.models.OtpCode.countDocuments({ phone })).toBe(0);
    sms.businessError = { code: 'isv.AMOUNT_NOT_ENOUGH', message: '账户余额不足', times: 1 };
    const other = await gw.api('POST', '/api/auth/otp/request', { body: { phone: freshPhone() } });
    expect(other.status).toBe(502);
    expect(other.body.error.code).toBe('sms_unavailable');
  });

  it('carries status notifications as the status template, with the ticket number, status and note', async () => {
    const phone = freshPhone();
    const token = await signIn(phone);
    const filed = await gw.api('POST', '/api/tickets', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { kind: 'complaint', categoryId: 'noise', description: '楼下酒吧每晚放音乐到凌晨三点，噪音很大。' },
    });
    expect(filed.status).toBe(201);
    expect((await gw.api('POST', `/api/operator/tickets/${filed.body.ticket.id}/events`, { token: op, body: { type: 'accepted' } })).status).toBe(200);
    const note = await until('status SMS', () => sms.sent.find((m) => m.phone === phone && m.templateCode === 'SMS_100000002'));
    expect(note.params).toEqual({ number: filed.body.ticket.number, status: '已受理', note: '您的诉求已受理' });
  });

  it('never puts the access key secret into a log line or a stored error when the service refuses the signature', async () => {
    const wrong = await startTestGateway({ ...aliyunEnv(sms.url, 'not-the-secret-5566778899'), OUTBOX_POLL_MS: '50' }, { captureLogs: true });
    try {
      const res = await wrong.api('POST', '/api/auth/otp/request', { body: { phone: freshPhone() } });
      expect(res.status).toBe(502);
      expect(sms.refused.at(-1)?.code).toBe('SignatureDoesNotMatch');
      const logs = wrong.logs.join('\n');
      expect(logs).toContain('SMS not sent');
      expect(logs).not.toContain('not-the-secret-5566778899');
      expect(JSON.stringify(await wrong.deps.db.collection('notifications').find().toArray())).not.toContain('not-the-secret-5566778899');
    } finally {
      await wrong.close();
    }
  });
});

describe('SMS configuration', () => {
  const base = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) };
  it('refuses to start in production with the file sender, naming SMS_SENDER', () => {
    expect(() => loadConfig(base)).toThrow(/SMS_SENDER is unset in production/);
    expect(() => loadConfig({ ...base, SMS_SENDER: 'file' })).toThrow(/SMS_SENDER is "file" in production/);
  });

  it('names the Alibaba Cloud settings that are missing', () => {
    expect(() => loadConfig({ ...base, SMS_SENDER: 'aliyun', ALIYUN_ACCESS_KEY_ID: KEY_ID })).toThrow(/ALIYUN_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME, ALIYUN_SMS_TEMPLATE_CODE/);
    expect(loadConfig({ ...base, ...aliyunEnv('dysmsapi.aliyuncs.com') }).sms.aliyun).toMatchObject({ signName: '民呼', endpoint: 'dysmsapi.aliyuncs.com' });
  });
});
