// The WeChat official-account channel as WeChat's servers drive it: server verification, signed
// XML messages answered with a passive XML reply by the same bot (pointing to a person after two unhelpful
// answers), subscribe greetings, bad input.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { officialAccountConversationId, officialAccountSignature } from '../../apps/gateway/src/channels/wechat-official-account.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const TOKEN = 'minhuOaToken2026';
let gw: TestGateway;
const parser = new XMLParser({ parseTagValue: false });

function signedQuery(extra: Record<string, string> = {}, token = TOKEN) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  return new URLSearchParams({ signature: officialAccountSignature(token, timestamp, nonce), timestamp, nonce, ...extra }).toString();
}

const textMessage = (content: string, from = 'oUser123', msgId = String(Date.now() + Math.random())) =>
  `<xml><ToUserName><![CDATA[gh_minhu]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId.replace('.', '')}</MsgId></xml>`;

async function post(xml: string, query = signedQuery()) {
  const res = await fetch(`${gw.url}/wechat/official-account?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });
  const text = await res.text();
  return { status: res.status, text, xml: res.headers.get('content-type')?.includes('xml') ? parser.parse(text).xml : null };
}

beforeAll(async () => {
  gw = await startTestGateway({ WECHAT_OA_TOKEN: TOKEN }, { captureLogs: true });
});
afterAll(() => gw?.close());

describe('WeChat official account', () => {
  it('answers server verification with echostr, and 401 to a bad signature', async () => {
    const ok = await fetch(`${gw.url}/wechat/official-account?${signedQuery({ echostr: 'hello-echo-123' })}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('hello-echo-123');
    const bad = await fetch(`${gw.url}/wechat/official-account?${signedQuery({ echostr: 'x' }, 'wrongToken')}`);
    expect(bad.status).toBe(401);
    expect((await fetch(`${gw.url}/wechat/official-account?echostr=x`)).status).toBe(400);
  });

  it('answers a text message with the same bot, as a passive XML reply', async () => {
    const res = await post(textMessage('公积金怎么提取'));
    expect(res.status).toBe(200);
    expect(res.xml).toMatchObject({ ToUserName: 'oUser123', FromUserName: 'gh_minhu', MsgType: 'text' });
    const engine = await gw.deps.faq.current();
    const direct = engine.answer('公积金怎么提取');
    expect(res.xml.Content).toContain(direct.reply.text.slice(0, 30));
    // Kept as a conversation of its own, so the next message has context.
    const conversations = await gw.deps.models.Conversation.find({ channel: 'official-account' }).lean();
    expect(conversations).toHaveLength(1);
    // Its id is keyed by AUTH_SECRET: knowing the follower's openid does not give it away …
    const id = conversations[0]!._id;
    expect(id).toBe(officialAccountConversationId(gw.deps.secret, 'oUser123'));
    expect(id).not.toContain(createHash('sha256').update('oUser123').digest('base64url').slice(0, 30));
    // … and the app API cannot continue it (nor read its draft back) even with the id.
    const viaApp = await gw.api('POST', '/api/chat/messages', { body: { text: '把刚才的投诉内容发给我', conversationId: id } });
    expect(viaApp.status).toBe(409);
    expect(viaApp.body.error.code).toBe('conversation_channel');
  });

  it('sends emergencies straight to the number to call', async () => {
    const res = await post(textMessage('家里煤气味很浓，我妈晕倒了', 'oUser456'));
    expect(res.xml.Content).toMatch(/119|120/);
  });

  it('after two answers in a row that found nothing, points to a person: 12345 or a message in the app', async () => {
    const first = await post(textMessage('明天股票会涨吗', 'oUser789'));
    expect(first.xml.Content).not.toContain('如需人工帮助');
    const second = await post(textMessage('帮我写一首关于春天的诗', 'oUser789'));
    expect(second.xml.Content).toContain('如需人工帮助，请拨打 12345 热线');
  });

  it('greets on subscribe, acknowledges other events, and asks for text for other messages', async () => {
    const subscribe = await post(`<xml><ToUserName><![CDATA[gh_minhu]]></ToUserName><FromUserName><![CDATA[oNew]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`);
    expect(subscribe.xml.Content).toContain('欢迎关注');
    const click = await post(`<xml><ToUserName><![CDATA[gh_minhu]]></ToUserName><FromUserName><![CDATA[oNew]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[VIEW]]></Event></xml>`);
    expect(click.status).toBe(200);
    expect(click.text).toBe('success');
    const image = await post(`<xml><ToUserName><![CDATA[gh_minhu]]></ToUserName><FromUserName><![CDATA[oNew]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl><MsgId>99</MsgId></xml>`);
    expect(image.xml.Content).toContain('文字');
  });

  it('refuses forged, oversized, entity-laden and malformed XML without touching anything', async () => {
    const before = await gw.deps.models.Conversation.countDocuments();
    expect((await post(textMessage('你好'), signedQuery({}, 'forgedToken'))).status).toBe(401);
    expect((await post(textMessage('很'.repeat(20_000)))).status).toBe(413);
    const entity = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&b;</Content></xml>`;
    expect((await post(entity)).status).toBe(400);
    expect((await post('<xml><ToUserName>gh')).status).toBe(400);
    expect((await post('<xml><MsgType>text</MsgType></xml>')).status).toBe(400);
    const json = await fetch(`${gw.url}/wechat/official-account?${signedQuery()}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(await gw.deps.models.Conversation.countDocuments()).toBe(before);
  });

  it('refuses a stale timestamp, and a signed URL replayed with another body; the same request again is answered as a retry', async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    const staleQuery = new URLSearchParams({ signature: officialAccountSignature(TOKEN, stale, '12345'), timestamp: stale, nonce: '12345' }).toString();
    expect((await post(textMessage('你好'), staleQuery)).status).toBe(401);

    const query = signedQuery();
    // One body for the first try and the retry: textMessage stamps the current second, which may tick between them.
    const sent = textMessage('公积金怎么提取', 'oReplay', '880001');
    const first = await post(sent, query);
    expect(first.status).toBe(200);
    // The same signed URL (from a proxy log, say) with another body: a replay.
    const replay = await post(textMessage('把我的投诉内容发给我', 'oReplay', '880002'), query);
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('replayed_request');
    // The very same request again (WeChat retrying): the same answer, nothing processed twice.
    const retry = await post(sent, query);
    expect(retry.xml.Content).toBe(first.xml.Content);
    expect(gw.logs.join('\n')).toContain('"security":"official_account_replay"');
  });

  it('answers WeChat’s retry of the same message with the same reply, once', async () => {
    const xml = textMessage('社保卡丢了怎么补办', 'oRetry', '777000111');
    const a = await post(xml);
    const b = await post(xml);
    expect(b.xml.Content).toBe(a.xml.Content);
    const conv = await gw.deps.models.Conversation.findOne({ channel: 'official-account', 'messages.text': '社保卡丢了怎么补办' }).lean();
    expect(conv?.messages.filter((m) => m.role === 'user')).toHaveLength(1);
  });
});

describe('WeChat official account in safe mode (安全模式)', () => {
  const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  const APP_ID = 'wx0123456789abcdef';
  let safe: TestGateway;
  beforeAll(async () => {
    safe = await startTestGateway({ WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_AES_KEY: AES_KEY, WECHAT_OA_APP_ID: APP_ID }, { captureLogs: true });
  });
  afterAll(() => safe?.close());

  /** What WeChat's servers send in safe mode: the message encrypted, signed over the ciphertext. */
  function sealed(inner: string, opts: { appId?: string; msgSignature?: string } = {}) {
    const cipher = encrypt(AES_KEY, inner, opts.appId ?? APP_ID);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const query = new URLSearchParams({
      signature: officialAccountSignature(TOKEN, timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: opts.msgSignature ?? getSignature(TOKEN, timestamp, nonce, cipher),
    }).toString();
    return { query, body: `<xml><ToUserName><![CDATA[gh_minhu]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt></xml>` };
  }

  async function send(env: { query: string; body: string }) {
    const res = await fetch(`${safe.url}/wechat/official-account?${env.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: env.body });
    return { status: res.status, text: await res.text() };
  }

  it('decrypts the message and answers with an encrypted, signed reply WeChat can open', async () => {
    const res = await send(sealed(textMessage('社保卡丢了怎么补办', 'oSafe1')));
    expect(res.status).toBe(200);
    const outer = parser.parse(res.text).xml;
    expect(getSignature(TOKEN, outer.TimeStamp, outer.Nonce, outer.Encrypt)).toBe(outer.MsgSignature);
    const opened = decrypt(AES_KEY, outer.Encrypt);
    expect(opened.id).toBe(APP_ID);
    const inner = parser.parse(opened.message).xml;
    expect(inner).toMatchObject({ ToUserName: 'oSafe1', FromUserName: 'gh_minhu', MsgType: 'text' });
    expect(inner.Content).toMatch(/补/);
  });

  it('refuses plaintext, a wrong message signature, another account’s AppID and garbage, changing nothing', async () => {
    const before = await safe.deps.models.Conversation.countDocuments();
    const plain = await fetch(`${safe.url}/wechat/official-account?${signedQuery()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textMessage('你好') });
    expect(plain.status).toBe(401);
    expect((await send(sealed(textMessage('你好'), { msgSignature: 'f'.repeat(40) }))).status).toBe(401);
    expect((await send(sealed(textMessage('你好'), { appId: 'wxffffffffffffffff' }))).status).toBe(401);
    const garbage = sealed(textMessage('你好'));
    const broken = { query: garbage.query, body: garbage.body.replace(/<Encrypt><!\[CDATA\[[^\]]+/, '<Encrypt><![CDATA[AAAA') };
    expect((await send(broken)).status).toBeGreaterThanOrEqual(400);
    expect(await safe.deps.models.Conversation.countDocuments()).toBe(before);
    expect(safe.logs.join('\n')).toContain('"security":"official_account_signature_invalid"');
  });
});
