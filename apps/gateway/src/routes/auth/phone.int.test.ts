// A callback number for every WeChat citizen, and one citizen per verified phone: WeChat's
// 手机号快速验证 through the WeChat stand-in's getuserphonenumber, SMS verification of a signed-in
// citizen, and the merge of two accounts that meet on one phone — with its tickets, uploads and
// conversations, under concurrent requests, atomically.
import { randomUUID } from 'node:crypto';
import { LoginResponseSchema } from '@minhu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWechatStandin, type WechatStandin } from '../../../../../tests/standins/wechat.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { makeJpeg, postToStorage } from '../../../../../tests/support/media.js';

let gw: TestGateway;
let wechat: WechatStandin;
let seq = 0;

beforeAll(async () => {
  wechat = await startWechatStandin('wx-phone-app', 'wx-phone-secret-123456');
  gw = await startTestGateway({
    WECHAT_APP_ID: 'wx-phone-app',
    WECHAT_APP_SECRET: 'wx-phone-secret-123456',
    WECHAT_API_BASE: wechat.base,
    // These tests sign one phone in several times a minute.
    OTP_PHONE_PER_MINUTE: '100',
    OTP_PHONE_PER_DAY: '100',
  });
});
afterAll(async () => {
  await gw?.close();
  await wechat?.close();
});

/** Signs in through the mini-program login (wx.login code → code2Session). */
async function wechatLogin(openid: string) {
  const code = `login-${++seq}-${randomUUID()}`;
  wechat.codes.set(code, { openid });
  const res = await gw.api('POST', '/api/auth/wechat', { body: { code } });
  expect(res.status).toBe(200);
  return res.body as { token: string; citizen: { id: string; phoneMasked: string | null } };
}

/** A getPhoneNumber code WeChat will exchange (once) for this number. */
function phoneCode(number: string, countryCode = '86') {
  const code = `phone${++seq}${randomUUID().replace(/-/g, '')}`;
  wechat.phoneCodes.set(code, { purePhoneNumber: number, countryCode });
  return code;
}

const verifyByWechat = (token: string, code: string) => gw.api('POST', '/api/auth/wechat/phone', { token, body: { code } });

async function fileTicket(token: string, extra: Record<string, unknown> = {}, key: string = randomUUID()) {
  const res = await gw.api('POST', '/api/tickets', {
    token,
    headers: { 'idempotency-key': key },
    body: { kind: 'complaint', categoryId: 'noise', description: '楼上每天夜里十二点以后还在装修，电钻声音很大。', contactPhone: '13600001111', ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id as string;
}

async function upload(token: string) {
  const jpeg = await makeJpeg();
  const res = await gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } });
  expect(res.status).toBe(201);
  expect((await postToStorage(res.body, jpeg, 'image/jpeg')).status).toBeLessThan(300);
  return res.body.uploadId as string;
}

async function chat(token: string) {
  const res = await gw.api('POST', '/api/chat/messages', { token, headers: { 'x-minhu-channel': 'miniprogram' }, body: { text: '公积金怎么提取？' } });
  expect(res.status).toBe(200);
  return res.body.conversationId as string;
}

async function listedIds(token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await gw.api('GET', `/api/tickets?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((t: { id: string }) => t.id));
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('POST /api/auth/wechat/phone (手机号快速验证)', () => {
  it('gives a WeChat citizen a verified callback number that tickets use', async () => {
    const me = await wechatLogin('openid-verify-1');
    expect(me.citizen.phoneMasked).toBeNull();
    const phone = freshPhone();
    const res = await verifyByWechat(me.token, phoneCode(phone));
    expect(res.status).toBe(200);
    const body = LoginResponseSchema.parse(res.body);
    expect(body.citizen).toEqual({ id: me.citizen.id, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    expect(wechat.requests.some((r) => r.path === '/wxa/business/getuserphonenumber' && r.query.get('access_token')?.startsWith('token-'))).toBe(true);
    const stored = await gw.deps.models.Citizen.findById(me.citizen.id).lean();
    expect(stored).toMatchObject({ phone, phoneVerifiedBy: 'wechat' });
    const id = await fileTicket(body.token, { contactPhone: undefined });
    expect((await gw.deps.models.Ticket.findById(id).lean())?.contactPhone).toBe(phone);
  });

  it('refuses malformed, forged, reused and foreign codes with a 4xx and changes nothing', async () => {
    const me = await wechatLogin('openid-verify-bad');
    const used = phoneCode(freshPhone());
    expect((await verifyByWechat(me.token, used)).status).toBe(200);
    const before = JSON.stringify(await gw.deps.models.Citizen.find().sort({ _id: 1 }).lean());
    const cases: Array<[string, unknown, number, string]> = [
      ['malformed', { code: 'x' }, 400, 'validation_failed'],
      ['operator', { code: { $ne: '' } }, 400, 'validation_failed'],
      ['extra field', { code: phoneCode(freshPhone()), phone: '13800000000' }, 400, 'validation_failed'],
      ['forged', { code: 'forgedcode0123456789' }, 401, 'invalid_phone_code'],
      ['reused', { code: used }, 401, 'invalid_phone_code'],
      ['foreign number', { code: phoneCode('2025550123', '1') }, 422, 'phone_not_mainland'],
    ];
    for (const [name, body, status, code] of cases) {
      const res = await gw.api('POST', '/api/auth/wechat/phone', { token: me.token, body });
      expect(res.status, name).toBe(status);
      expect(res.body.error.code, name).toBe(code);
    }
    expect((await gw.api('POST', '/api/auth/wechat/phone', { body: { code: phoneCode(freshPhone()) } })).status).toBe(401);
    expect(JSON.stringify(await gw.deps.models.Citizen.find().sort({ _id: 1 }).lean())).toBe(before);
  });

  it('refuses a number another WeChat account already verified', async () => {
    const phone = freshPhone();
    const first = await wechatLogin('openid-owner-a');
    expect((await verifyByWechat(first.token, phoneCode(phone))).status).toBe(200);
    const second = await wechatLogin('openid-owner-b');
    const res = await verifyByWechat(second.token, phoneCode(phone));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('phone_bound_to_other_wechat');
    expect((await gw.deps.models.Citizen.findById(second.citizen.id).lean())?.phone).toBeUndefined();
  });
});

describe('one citizen per verified phone', () => {
  it('merges a WeChat account into the H5 account holding the phone: tickets, uploads, conversations and the WeChat login move over', async () => {
    const phone = freshPhone();
    const h5 = await gw.login(phone);
    const h5Tickets = [await fileTicket(h5.token), await fileTicket(h5.token)];
    const h5Chat = await chat(h5.token);

    const wx = await wechatLogin('openid-merge-1');
    const wxTickets = [await fileTicket(wx.token), await fileTicket(wx.token)];
    const wxUpload = await upload(wx.token); // not filed yet: it must stay usable after the merge
    const wxChat = await chat(wx.token);
    await gw.deps.models.Citizen.updateOne({ _id: wx.citizen.id }, { $set: { subscriptionGrants: { tmplMerged0001: 2 } } });

    const res = await verifyByWechat(wx.token, phoneCode(phone));
    expect(res.status).toBe(200);
    expect(res.body.citizen.id).toBe(h5.citizenId);
    const merged = res.body.token as string;

    expect((await listedIds(merged)).sort()).toEqual([...h5Tickets, ...wxTickets].sort());
    expect((await gw.api('GET', `/api/tickets/${wxTickets[0]}`, { token: merged })).status).toBe(200);
    // The upload made before the merge is filed from the merged account.
    await fileTicket(merged, { media: [wxUpload] });
    const conversations = await gw.deps.models.Conversation.find({ _id: { $in: [h5Chat, wxChat] } }).lean();
    expect(conversations.map((c) => String(c.citizenId))).toEqual([h5.citizenId, h5.citizenId]);

    const survivor = await gw.deps.models.Citizen.findById(h5.citizenId).lean();
    expect(survivor).toMatchObject({ phone, wechatOpenId: 'openid-merge-1', phoneVerifiedBy: 'wechat', subscriptionGrants: { tmplMerged0001: 2 } });
    const folded = await gw.deps.models.Citizen.findById(wx.citizen.id).lean();
    expect(String(folded?.mergedInto)).toBe(h5.citizenId);
    expect(folded?.wechatOpenId).toBeUndefined();

    // The old WeChat token ends with the merge; WeChat login and SMS login both reach the merged citizen.
    const stale = await gw.api('GET', '/api/tickets', { token: wx.token });
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('account_merged');
    expect((await wechatLogin('openid-merge-1')).citizen.id).toBe(h5.citizenId);
    expect((await gw.login(phone)).citizenId).toBe(h5.citizenId);
  });

  it('lets a signed-in WeChat citizen verify by SMS instead, merging the same way', async () => {
    const phone = freshPhone();
    const h5 = await gw.login(phone);
    const h5Ticket = await fileTicket(h5.token);
    const wx = await wechatLogin('openid-merge-sms');
    const wxTicket = await fileTicket(wx.token);
    expect((await gw.api('POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(204);
    const code = await gw.lastSmsCode(phone);
    const wrong = await gw.api('POST', '/api/me/phone', { token: wx.token, body: { phone, code: code === '000000' ? '111111' : '000000' } });
    expect(wrong.status).toBe(401);
    expect((await gw.deps.models.Citizen.findById(wx.citizen.id).lean())?.mergedInto).toBeNull();
    const res = await gw.api('POST', '/api/me/phone', { token: wx.token, body: { phone, code } });
    expect(res.status).toBe(200);
    expect(res.body.citizen.id).toBe(h5.citizenId);
    expect((await listedIds(res.body.token)).sort()).toEqual([h5Ticket, wxTicket].sort());
  });

  it('an SMS sign-in on H5 finds the WeChat citizen who verified that phone', async () => {
    const wx = await wechatLogin('openid-first');
    const phone = freshPhone();
    expect((await verifyByWechat(wx.token, phoneCode(phone))).status).toBe(200);
    const ticket = await fileTicket(wx.token);
    const h5 = await gw.login(phone);
    expect(h5.citizenId).toBe(wx.citizen.id);
    expect(await listedIds(h5.token)).toEqual([ticket]);
  });

  it('stays one account with no ticket lost or listed twice under concurrent verifications and sign-ins', async () => {
    const phone = freshPhone();
    const h5 = await gw.login(phone);
    const h5Tickets = await Promise.all(Array.from({ length: 4 }, () => fileTicket(h5.token)));
    const wx = await wechatLogin('openid-race');
    const wxTickets = await Promise.all(Array.from({ length: 6 }, () => fileTicket(wx.token)));

    // The same merge asked for three times at once (a double tap and a retry), next to SMS and WeChat sign-ins.
    const results = await Promise.all([
      verifyByWechat(wx.token, phoneCode(phone)),
      verifyByWechat(wx.token, phoneCode(phone)),
      verifyByWechat(wx.token, phoneCode(phone)),
      gw.login(phone).then((r) => ({ status: 200, body: { citizen: { id: r.citizenId } } })),
      wechatLogin('openid-race').then((r) => ({ status: 200, body: r })),
    ]);
    for (const r of results.slice(0, 3)) {
      expect([200, 401]).toContain(r.status); // a request that started before the merge may find its token already folded
      if (r.status === 200) expect(r.body.citizen.id).toBe(h5.citizenId);
    }
    expect(results.slice(0, 3).some((r) => r.status === 200)).toBe(true);
    expect(results[3]!.body.citizen.id).toBe(h5.citizenId);

    const all = await gw.deps.models.Ticket.find({ _id: { $in: [...h5Tickets, ...wxTickets] } }).lean();
    expect(all).toHaveLength(10);
    expect(new Set(all.map((t) => String(t.citizenId)))).toEqual(new Set([h5.citizenId]));
    const fresh = await gw.login(phone);
    expect((await listedIds(fresh.token)).sort()).toEqual([...h5Tickets, ...wxTickets].sort());
    expect(await gw.deps.models.Citizen.countDocuments({ phone })).toBe(1);
    expect(await gw.deps.models.Citizen.countDocuments({ wechatOpenId: 'openid-race' })).toBe(1);
  });

  it('two fresh WeChat accounts verifying one new number at once: one holds it, the other is told', async () => {
    const phone = freshPhone();
    const a = await wechatLogin('openid-same-time-a');
    const b = await wechatLogin('openid-same-time-b');
    const results = await Promise.all([verifyByWechat(a.token, phoneCode(phone)), verifyByWechat(b.token, phoneCode(phone))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await gw.deps.models.Citizen.countDocuments({ phone })).toBe(1);
  });

  it('rolls the whole merge back when one ticket cannot move, leaving both accounts as they were', async () => {
    const phone = freshPhone();
    const h5 = await gw.login(phone);
    const shared = `shared-key-${randomUUID()}`;
    await fileTicket(h5.token, {}, shared);
    const wx = await wechatLogin('openid-rollback');
    // Tickets move in _id order: the first moves, the second collides with the H5 account's key.
    const wxTickets = [await fileTicket(wx.token), await fileTicket(wx.token, {}, shared)];
    const before = await gw.deps.models.Ticket.find({ _id: { $in: wxTickets } }).lean();
    const res = await verifyByWechat(wx.token, phoneCode(phone));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('merge_conflict');
    expect(await gw.deps.models.Ticket.find({ _id: { $in: wxTickets } }).lean()).toEqual(before);
    expect((await gw.deps.models.Citizen.findById(wx.citizen.id).lean())).toMatchObject({ wechatOpenId: 'openid-rollback', mergedInto: null });
    expect((await gw.deps.models.Citizen.findById(h5.citizenId).lean())?.wechatOpenId).toBeUndefined();
    expect((await gw.api('GET', '/api/tickets', { token: wx.token })).body.items).toHaveLength(2);
  });
});

describe('GET /api/me and WeChat subscription grants', () => {
  it('needs a signed-in citizen and validates the template ids', async () => {
    const wx = await wechatLogin('openid-me');
    expect((await gw.api('GET', '/api/me')).status).toBe(401);
    const me = await gw.api('GET', '/api/me', { token: wx.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ citizen: { id: wx.citizen.id }, wechatLinked: true, subscriptions: { templates: [] } });
    for (const body of [{}, { templateIds: [] }, { templateIds: ['a.b'] }, { templateIds: ['tmpl-aaaa-1', 'tmpl-aaaa-1'] }, { templateIds: ['x', 'y', 'z', 'w'] }]) {
      expect((await gw.api('POST', '/api/me/wechat-subscriptions', { token: wx.token, body })).status).toBe(400);
    }
    // This gateway sends no template: any id is unknown to it.
    const unknown = await gw.api('POST', '/api/me/wechat-subscriptions', { token: wx.token, body: { templateIds: ['tmpl-aaaa-1'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_template');
  });
});
