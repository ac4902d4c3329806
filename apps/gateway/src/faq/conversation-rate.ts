// The per-conversation chat limit, kept in the conversation document itself: every turn already writes that
// document conditionally on its turn counter, so counting there is exact across processes and machines and
// costs no extra database write (the per-IP limit is a separate counter, see deps.ts).

/** Messages counted in the current fixed window of one conversation. */
export interface ConversationRate {
  /** When the window began. */
  start: Date;
  /** Messages accepted in it. */
  n: number;
}

export type RateDecision = { ok: true; next: ConversationRate } | { ok: false; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

/**
 * Whether one more message fits the conversation's window, and the window to store with it. Decided on the
 * state the conditional write will match, so two processes cannot both spend the last point.
 */
export function spendConversationRate(current: ConversationRate | null | undefined, perMinute: number, now: Date): RateDecision {
  const start = current?.start ? new Date(current.start) : null;
  if (!start || now.getTime() - start.getTime() >= WINDOW_MS || now.getTime() < start.getTime()) {
    return { ok: true, next: { start: now, n: 1 } };
  }
  if (current!.n >= perMinute) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + WINDOW_MS - now.getTime()) / 1000)) };
  }
  return { ok: true, next: { start, n: current!.n + 1 } };
}
