// The WeChat official-account channel as WeChat's servers drive it: server verification, signed
// XML messages answered with a passive XML reply by the same bot, subscribe greetings, bad input.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
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
  gw = await startTestGateway({ WECHAT_OA_TOKEN: TOKEN });
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

  it('answers WeChat’s retry of the same message with the same reply, once', async () => {
    const xml = textMessage('社保卡丢了怎么补办', 'oRetry', '777000111');
    const a = await post(xml);
    const b = await post(xml);
    expect(b.xml.Content).toBe(a.xml.Content);
    const conv = await gw.deps.models.Conversation.findOne({ channel: 'official-account', 'messages.text': '社保卡丢了怎么补办' }).lean();
    expect(conv?.messages.filter((m) => m.role === 'user')).toHaveLength(1);
  });
});
