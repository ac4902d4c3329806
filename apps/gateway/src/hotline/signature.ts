// HMAC-SHA256 signatures shared by outgoing webhooks and incoming hotline events:
// X-Minhu-Signature: sha256=<hex HMAC(secret, timestamp + "." + raw body)>, X-Minhu-Timestamp in unix seconds.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function sign(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export function verifySignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: string | Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!headers.timestamp || !headers.signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'stale' };
  if (Math.abs(nowSeconds - Number(headers.timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(sign(secret, headers.timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
