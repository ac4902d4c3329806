// Random ids made on the device: Idempotency-Keys for ticket drafts and local ids for attachments.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  // Older mini-program engines have neither globalThis nor crypto.
  const g = typeof globalThis !== 'undefined' ? (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }) : undefined;
  const c = g?.crypto;
  if (c?.getRandomValues) return c.getRandomValues(out);
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
  return out;
}

export function randomId(length = 20): string {
  let s = '';
  for (const b of randomBytes(length)) s += ALPHABET[b % ALPHABET.length];
  return s;
}

/** Matches the gateway's Idempotency-Key rule: 8–100 of [A-Za-z0-9_.:-]. */
export function newIdempotencyKey(now: number = Date.now()): string {
  return `draft-${now.toString(36)}-${randomId(20)}`;
}
