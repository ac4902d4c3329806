// Citizen login over HTTP on the real services: SMS codes with their limits, WeChat code2Session
// against a local WeChat stand-in, and token checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { startWechatStandin, type WechatStandin } from '../../../../../tests/standins/wechat.js';

let gw: TestGateway;
let wechat: WechatStandin;

beforeAll(async () => {
  wechat = await startWechatStandin('wx-test-app', 'wx-test-secret');
  gw = await startTestGateway({
    WECHAT_APP_ID: 'wx-test-app',
    WECHAT_APP_SECRET: 'wx-test-secret',
    WECHAT_API_BASE: wechat.base,
    OTP_IP_PER_HOUR: '1000',
  });
});
afterAll(async () => {
  await gw?.close();
  await wechat?.close();
});

describe('SMS one-time codes', () => {
  it('sends a 6-digit code to the outbox and signs in with it', async () => {
    const phone = freshPhone();
    const req = await gw.api('POST', '/api/auth/otp/request', { body: { phone } });
    expect(req.status).toBe(204);
    const code = await gw.lastSmsCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await gw.deps.models.OtpCode.findOne({ phone }).lean();
    expect(stored?.codeHash).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain(code); // stored hashed only

    const res = await gw.api('POST', '/api/auth/otp/verify', { body: { phone, code } });
    expect(res.status).toBe(200);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body.citizen.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);

    // A code works once.
    const again = await gw.api('POST', '/api/auth/otp/verify', { body: { phone, code } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_code');
  });

  it('gives the same citizen on a second login', async () => {
    const phone = freshPhone();
    const a = await gw.login(phone);
    await gw.deps.db.collection('rate_limits').deleteMany({});
    const b = await gw.login(phone);
    expect(b.citizenId).toBe(a.citizenId);
  });

  it('rejects non-mainland numbers and bad codes with 400, changing nothing', async () => {
    for (const phone of ['12345678901', '1380013800', '+8613800138000', '23800138000', 13800138000]) {
      const res = await gw.api('POST', '/api/auth/otp/request', { body: { phone } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const res = await gw.api('POST', '/api/auth/otp/verify', { body: { phone: freshPhone(), code: '12ab56' } });
    expect(res.status).toBe(400);
    expect(await gw.deps.models.OtpCode.countDocuments({ phone: '12345678901' })).toBe(0);
  });

  it('allows one code a minute per phone (429 with Retry-After)', async () => {
    const phone = freshPhone();
    expect((await gw.api('POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(204);
    const second = await gw.api('POST', '/api/auth/otp/request', { body: { phone } });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(second.body.error.code).toBe('rate_limited');
  });

  it('voids a code after 5 wrong tries', async () => {
    const phone = freshPhone();
    await gw.api('POST', '/api/auth/otp/request', { body: { phone } });
    const code = await gw.lastSmsCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expect((await gw.api('POST', '/api/auth/otp/verify', { body: { phone, code: wrong } })).status).toBe(401);
    }
    const right = await gw.api('POST', '/api/auth/otp/verify', { body: { phone, code } });
    expect(right.status).toBe(401);
  });

  it('rejects an expired code', async () => {
    const phone = freshPhone();
    await gw.api('POST', '/api/auth/otp/request', { body: { phone } });
    const code = await gw.lastSmsCode(phone);
    await gw.deps.models.OtpCode.updateOne({ phone }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await gw.api('POST', '/api/auth/otp/verify', { body: { phone, code } })).status).toBe(401);
  });
});

describe('OTP limits from the environment', () => {
  let limited: TestGateway;
  beforeAll(async () => {
    limited = await startTestGateway({ OTP_PHONE_PER_DAY: '2', OTP_PHONE_PER_MINUTE: '5', OTP_IP_PER_HOUR: '3' });
  });
  afterAll(() => limited?.close());

  it('caps codes per phone per day and per IP', async () => {
    const phone = freshPhone();
    expect((await limited.api('POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(204);
    expect((await limited.api('POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(204);
    const third = await limited.api('POST', '/api/auth/otp/request', { body: { phone } });
    expect(third.status).toBe(429);
    expect(third.body.error.message).toContain('今日');
    // IP budget of 3 is now spent (3 requests above); another phone from the same IP is refused.
    const other = await limited.api('POST', '/api/auth/otp/request', { body: { phone: freshPhone() } });
    expect(other.status).toBe(429);
    expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(60);
  });
});

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  let proxied: TestGateway;
  beforeAll(async () => {
    proxied = await startTestGateway({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '1', OTP_IP_PER_HOUR: '2', STAFF_LOGIN_PER_15MIN: '100', STAFF_LOGIN_PER_USER_15MIN: '3' });
  });
  afterAll(() => proxied?.close());

  const otp = (xff: string) => proxied.api('POST', '/api/auth/otp/request', { body: { phone: freshPhone() }, headers: { 'x-forwarded-for': xff } });

  it('counts the address our proxy saw, not the left-most one a client can forge', async () => {
    // Each request forges a new left-most address; our proxy appended the real one (198.51.100.7).
    expect((await otp('10.0.0.1, 198.51.100.7')).status).toBe(204);
    expect((await otp('10.0.0.2, 198.51.100.7')).status).toBe(204);
    const third = await otp(`${Math.random()}, 198.51.100.7`);
    expect(third.status).toBe(429);
    // Another real client is counted on its own.
    expect((await otp('10.0.0.1, 203.0.113.9')).status).toBe(204);
  });

  it('limits staff sign-in per username, whatever the address', async () => {
    const tries = [];
    for (let i = 0; i < 4; i++) {
      tries.push(await proxied.api('POST', '/api/staff/session', { body: { username: 'target', password: `guess-${i}` }, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } }));
    }
    expect(tries.map((r) => r.status)).toEqual([401, 401, 401, 429]);
  });
});

describe('WeChat mini-program login', () => {
  it('exchanges the code with code2Session and signs the citizen in', async () => {
    wechat.codes.set('good-code-1', { openid: 'openid-alice' });
    const res = await gw.api('POST', '/api/auth/wechat', { body: { code: 'good-code-1' } });
    expect(res.status).toBe(200);
    expect(res.body.citizen.phoneMasked).toBeNull();
    const call = wechat.requests.find((r) => r.path === '/sns/jscode2session');
    expect(call?.query.get('js_code')).toBe('good-code-1');
    expect(call?.query.get('appid')).toBe('wx-test-app');

    wechat.codes.set('good-code-2', { openid: 'openid-alice' });
    const again = await gw.api('POST', '/api/auth/wechat', { body: { code: 'good-code-2' } });
    expect(again.body.citizen.id).toBe(res.body.citizen.id);
  });

  it('creates one citizen when two first logins race', async () => {
    wechat.codes.set('race-1', { openid: 'openid-race' });
    wechat.codes.set('race-2', { openid: 'openid-race' });
    const [a, b] = await Promise.all([
      gw.api('POST', '/api/auth/wechat', { body: { code: 'race-1' } }),
      gw.api('POST', '/api/auth/wechat', { body: { code: 'race-2' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.citizen.id).toBe(b.body.citizen.id);
    expect(await gw.deps.models.Citizen.countDocuments({ wechatOpenId: 'openid-race' })).toBe(1);
  });

  it('answers 401 for a code WeChat refuses and 502 when WeChat is down', async () => {
    const bad = await gw.api('POST', '/api/auth/wechat', { body: { code: 'never-issued' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_wechat_code');
    wechat.codes.set('good-code-3', { openid: 'openid-bob' });
    wechat.failNext = 10;
    const down = await gw.api('POST', '/api/auth/wechat', { body: { code: 'good-code-3' } });
    wechat.failNext = 0;
    expect(down.status).toBe(502);
  });

  it('validates the body', async () => {
    expect((await gw.api('POST', '/api/auth/wechat', { body: { code: '' } })).status).toBe(400);
    expect((await gw.api('POST', '/api/auth/wechat', { body: { code: { $gt: '' } } })).status).toBe(400);
  });
});

describe('tokens', () => {
  it('refuses missing, forged, expired and staff-audience tokens with 401', async () => {
    const { citizenId } = await gw.login(freshPhone());
    expect((await gw.api('GET', '/api/tickets')).status).toBe(401);
    expect((await gw.api('GET', '/api/tickets', { token: 'not.a.jwt' })).status).toBe(401);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(citizenId).setAudience('citizen').setIssuer('minhu').setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(40)));
    expect((await gw.api('GET', '/api/tickets', { token: forged })).status).toBe(401);
    const expired = await gw.deps.tokens.issue(citizenId, 'citizen', {}, -10);
    expect((await gw.api('GET', '/api/tickets', { token: expired })).status).toBe(401);
    const staff = await gw.deps.tokens.issue(citizenId, 'staff');
    expect((await gw.api('GET', '/api/tickets', { token: staff })).status).toBe(401);
    const good = await gw.deps.tokens.issue(citizenId, 'citizen');
    expect((await gw.api('GET', '/api/tickets', { token: good })).status).toBe(200);
  });
});
