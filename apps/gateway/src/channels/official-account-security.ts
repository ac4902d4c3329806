// What makes an official-account request trustworthy: the plain signature (sha1 of token, timestamp,
// nonce), a timestamp within 300 s, a (timestamp, nonce) never seen before, and — in WeChat's safe mode —
// the message signature over the ciphertext, which is AES-256-CBC (EncodingAESKey) and must name our
// AppID. Replies in safe mode are encrypted and signed the same way (@wecom/crypto: WeChat's scheme).
import { createHash, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import type { Deps } from '../deps.js';
import { AppError, badRequest } from '../http/errors.js';
import { randomId } from '../lib/ids.js';
import { securityEvent } from '../lib/security-log.js';

export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export interface SafeMode {
  aesKey: string;
  appId: string;
}

export function officialAccountSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** 401 for a bad signature or a timestamp outside the window; logged as a security event. */
export function checkSignedQuery(deps: Deps, ip: string, token: string, q: { signature: string; timestamp: string; nonce: string }): void {
  const fail = (reason: string, message: string) => {
    securityEvent(deps, 'official_account_signature_invalid', { ip, reason });
    return new AppError(401, 'invalid_signature', message);
  };
  if (!sameText(officialAccountSignature(token, q.timestamp, q.nonce), q.signature)) throw fail('signature', '签名无效');
  const skew = Math.abs(Math.floor(deps.now().getTime() / 1000) - Number(q.timestamp));
  if (skew > TIMESTAMP_TOLERANCE_SECONDS) throw fail('stale', '时间戳偏差超过 5 分钟');
}

export type NonceVerdict = 'fresh' | 'retry';

/**
 * Takes the request's (timestamp, nonce) once. The same pair with the same body is WeChat retrying a
 * request it got no answer to in time ('retry': answer it again); with another body it is a replay (401).
 */
export async function takeNonce(deps: Deps, ip: string, q: { timestamp: string; nonce: string }, rawBody: string): Promise<NonceVerdict> {
  const _id = `${q.timestamp}:${q.nonce}`;
  const bodyHash = createHash('sha256').update(rawBody).digest('hex');
  const expireAt = new Date(deps.now().getTime() + 2 * TIMESTAMP_TOLERANCE_SECONDS * 1000);
  try {
    await deps.models.OaNonce.collection.insertOne({ _id: _id as never, bodyHash, expireAt });
    return 'fresh';
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  const seen = await deps.models.OaNonce.findById(_id).lean<{ bodyHash: string }>();
  if (seen?.bodyHash === bodyHash) return 'retry';
  securityEvent(deps, 'official_account_replay', { ip, reason: 'nonce_reused' });
  throw new AppError(401, 'replayed_request', '请求已被使用');
}

const ENCRYPT = /<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]{1,20000})\]\]><\/Encrypt>/;

/** Safe mode: checks msg_signature over the ciphertext and decrypts; answers the inner XML. */
export function openEnvelope(deps: Deps, ip: string, token: string, mode: SafeMode, q: { timestamp: string; nonce: string; msg_signature?: string }, rawBody: string): string {
  const cipher = ENCRYPT.exec(rawBody)?.[1];
  if (!cipher || !q.msg_signature) throw badRequest('安全模式消息缺少密文或签名');
  if (!sameText(getSignature(token, q.timestamp, q.nonce, cipher), q.msg_signature)) {
    securityEvent(deps, 'official_account_signature_invalid', { ip, reason: 'msg_signature' });
    throw new AppError(401, 'invalid_signature', '消息签名无效');
  }
  let opened: { message: string; id: string };
  try {
    opened = decrypt(mode.aesKey, cipher);
  } catch {
    throw badRequest('无法解密的消息');
  }
  if (opened.id !== mode.appId) {
    securityEvent(deps, 'official_account_signature_invalid', { ip, reason: 'appid' });
    throw new AppError(401, 'invalid_signature', '消息不属于本公众号');
  }
  return opened.message;
}

/** Safe mode: the reply XML encrypted and signed, in WeChat's envelope. */
export function sealReply(token: string, mode: SafeMode, replyXml: string, now: Date): string {
  const cipher = encrypt(mode.aesKey, replyXml, mode.appId);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomId(8).replace(/[^A-Za-z0-9]/g, '0');
  const signature = getSignature(token, timestamp, nonce, cipher);
  return `<xml><Encrypt><![CDATA[${cipher}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`;
}
