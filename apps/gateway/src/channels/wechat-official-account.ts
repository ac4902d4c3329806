// The WeChat official-account channel: an adapter in front of the same chat turn as the app.
// GET answers WeChat's server verification; POST takes XML messages — in plaintext mode or WeChat's safe
// mode (AES, WECHAT_OA_AES_KEY) — after the checks in official-account-security.ts (signature, 300 s
// window, a nonce never seen before), and answers text with a passive XML reply (encrypted and signed in
// safe mode) inside WeChat's 5-second window. XML is parsed with entity expansion off and a size limit.
import { createHmac } from 'node:crypto';
import Router from '@koa/router';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { answerChatMessage } from '../commands/answer-chat-message.js';
import type { Deps } from '../deps.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { checkSignedQuery, officialAccountSignature, openEnvelope, sealReply, takeNonce } from './official-account-security.js';

const SignatureQuerySchema = z.object({
  signature: z.string().regex(/^[0-9a-f]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().regex(/^[A-Za-z0-9]{1,64}$/),
  echostr: z.string().max(200).optional(),
  openid: z.string().max(64).optional(),
  /** Safe mode: `aes`, with the signature over the ciphertext. */
  encrypt_type: z.enum(['aes', 'raw']).optional(),
  msg_signature: z.string().regex(/^[0-9a-f]{40}$/).optional(),
});

/** The fields Minhu reads from an incoming message. */
const IncomingSchema = z.object({
  ToUserName: z.string().min(1).max(64),
  FromUserName: z.string().min(1).max(64),
  CreateTime: z.string().regex(/^\d+$/),
  MsgType: z.string().min(1).max(32),
  Content: z.string().max(2000).optional(),
  Event: z.string().max(64).optional(),
  MsgId: z.string().max(64).optional(),
});

const GREETING =
  '您好，欢迎关注！我是 12345 政务服务智能助手“民呼”。您可以直接发文字问我办事问题，比如“社保卡丢了怎么补办”“公积金怎么提取”；' +
  '需要反映问题、投诉举报的，也可以告诉我。遇到火灾、治安、急病等紧急情况，请立即拨打 119、110、120。';
const NOT_TEXT = '目前只能识别文字消息，请用文字描述您的问题。如需上传照片或视频，请使用“民呼”小程序或网站的「我要反映」。';
const TICKET_HINT = '\n如需提交工单，请打开“民呼”小程序或网站，在「我要反映」中填写并上传照片，也可拨打 12345 热线。';
/** After two unhelpful turns in a row (the app shows 拨打12345 / 留言给人工). */
const HANDOFF_HINT = '\n没能帮到您，抱歉。如需人工帮助，请拨打 12345 热线，或打开“民呼”小程序或网站，在「我要反映」中留言。';
/** Passive replies are limited in size; keep well inside it. */
const MAX_REPLY_CHARS = 600;

export { officialAccountSignature };

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

export function textReplyXml(to: string, from: string, content: string, now: Date): string {
  return `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${Math.floor(now.getTime() / 1000)}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content></xml>`;
}

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
});

function parseMessage(xml: string): z.infer<typeof IncomingSchema> {
  // A DOCTYPE can only bring entity tricks: WeChat never sends one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw badRequest('不支持的 XML');
  let doc: { xml?: unknown };
  try {
    doc = parser.parse(xml, true) as { xml?: unknown };
  } catch {
    throw badRequest('XML 格式错误');
  }
  const parsed = IncomingSchema.safeParse(doc?.xml);
  if (!parsed.success) throw badRequest('消息内容不完整');
  return parsed.data;
}

/**
 * The follower's conversation id: an HMAC of the openid under AUTH_SECRET, so knowing an openid does not
 * give anyone the id (and the conversation answers on this channel only, see answer-chat-message.ts).
 */
export function officialAccountConversationId(secret: string, openid: string): string {
  return `oa_${createHmac('sha256', secret).update(`oa-conversation:${openid}`).digest('base64url').slice(0, 30)}`;
}

export function officialAccountRouter(deps: Deps) {
  const router = new Router({ prefix: '/wechat/official-account' });
  const { safeMode } = deps.config.officialAccount;
  const token = deps.config.officialAccount.token ?? '';
  // WeChat retries a message it got no answer for within 5 s: answer retries from this short memory.
  const recent = new Map<string, { xml: string; at: number }>();

  router.use(async (ctx, next) => {
    if (!token) throw notFound('公众号渠道未启用');
    const q = parseInput(SignatureQuerySchema, ctx.query);
    checkSignedQuery(deps, ctx.ip, token, q);
    ctx.state.oaQuery = q;
    await next();
  });

  router.get('/', async (ctx) => {
    const q = ctx.state.oaQuery as z.infer<typeof SignatureQuerySchema>;
    await takeNonce(deps, ctx.ip, q, q.echostr ?? '');
    ctx.type = 'text/plain';
    ctx.body = q.echostr ?? '';
  });

  router.post('/', async (ctx) => {
    if (!ctx.is(['text/xml', 'application/xml'])) throw new AppError(415, 'unsupported_media_type', '仅支持 XML 消息');
    const q = ctx.state.oaQuery as z.infer<typeof SignatureQuerySchema>;
    const raw = typeof ctx.request.body === 'string' ? ctx.request.body : '';
    // A repeat of the same signed request is WeChat retrying: its reply comes from `recent` below.
    await takeNonce(deps, ctx.ip, q, raw);
    if (safeMode && q.encrypt_type !== 'aes') throw new AppError(401, 'safe_mode_required', '公众号已启用安全模式，明文消息不予处理');
    const msg = parseMessage(safeMode ? openEnvelope(deps, ctx.ip, token, safeMode, q, raw) : raw);
    const now = deps.now();
    const reply = (text: string) => {
      const xml = textReplyXml(msg.FromUserName, msg.ToUserName, text.length > MAX_REPLY_CHARS ? `${text.slice(0, MAX_REPLY_CHARS - 1)}…` : text, now);
      ctx.type = 'application/xml';
      ctx.body = safeMode ? sealReply(token, safeMode, xml, now) : xml;
    };

    if (msg.MsgType === 'event') {
      if (msg.Event === 'subscribe') return reply(GREETING);
      ctx.type = 'text/plain';
      ctx.body = 'success'; // acknowledged, nothing to say
      return;
    }
    if (msg.MsgType !== 'text' || !msg.Content?.trim()) return reply(NOT_TEXT);

    const dedupKey = msg.MsgId ?? `${msg.FromUserName}:${msg.CreateTime}`;
    const seen = recent.get(dedupKey);
    if (seen) {
      ctx.type = 'application/xml';
      ctx.body = seen.xml;
      return;
    }
    let text: string;
    try {
      const answer = await answerChatMessage(deps, {
        text: msg.Content.trim().slice(0, 500),
        conversationId: officialAccountConversationId(deps.secret, msg.FromUserName),
        channel: 'official-account',
        rateKey: `oa:${msg.FromUserName}`,
      });
      text = answer.reply.text;
      if (answer.intent === 'consult' && answer.reply.suggestions.length) {
        text += '\n\n您可能还想问：\n' + answer.reply.suggestions.map((s, i) => `${i + 1}. ${s.question}`).join('\n');
      }
      if (answer.intent === 'clarify' && answer.reply.suggestions.length) {
        text += '\n' + answer.reply.suggestions.map((s, i) => `${i + 1}. ${s.question}`).join('\n');
      }
      if (answer.intent === 'complaint') text += TICKET_HINT;
      else if (answer.handoff) text += HANDOFF_HINT;
    } catch (err) {
      if (err instanceof AppError && err.status === 429) text = '您发送得太快了，请稍等一会儿再问。';
      else throw err;
    }
    reply(text);
    recent.set(dedupKey, { xml: ctx.body as string, at: Date.now() });
    for (const [k, v] of recent) if (Date.now() - v.at > 30_000) recent.delete(k);
  });

  return router;
}
