// HMAC-SHA256 signatures of both webhook directions:
// X-Minhu-Signature: sha256=<hex HMAC(secret, direction + "." + timestamp + "." + raw body)>, X-Minhu-Timestamp in
// unix seconds. The direction label ("minhu-to-hotline" for our webhooks, "hotline-to-minhu" for status events)
// means a webhook Minhu sent can never be replayed to Minhu as a status event, even with one shared secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureDirection = 'minhu-to-hotline' | 'hotline-to-minhu';

export function sign(secret: string, direction: SignatureDirection, timestamp: number | string, rawBody: string | Buffer): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${direction}.${timestamp}.`).update(rawBody).digest('hex');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export function verifySignature(
  secret: string,
  direction: SignatureDirection,
  headers: { timestamp?: string; signature?: string },
  rawBody: string | Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!headers.timestamp || !headers.signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'stale' };
  if (Math.abs(nowSeconds - Number(headers.timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(sign(secret, direction, headers.timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
