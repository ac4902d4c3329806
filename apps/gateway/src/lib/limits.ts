// Spends one point of a rate limit or quota; over the limit, a 429 with Retry-After and the
// citizen-facing message. Limits live in MongoDB (rate-limiter-flexible), shared by every process.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../http/errors.js';

export async function consume(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await limiter.consume(key);
      return;
    } catch (err) {
      if (err instanceof RateLimiterRes) throw tooManyRequests(err.msBeforeNext / 1000, message);
      // Two first consumes of one key at once race on the limit document's unique key. MongoDB answers
      // the loser with E11000, which rate-limiter-flexible retries itself; SecantusDB answers it with no
      // document, which the library cannot read (TypeError). The winner has created the document by
      // then, so trying again counts this request against it.
      if (err instanceof TypeError && attempt < 3) continue;
      throw err;
    }
  }
}

/** Gives back a point spent for something that did not happen after all (e.g. a replayed filing). */
export async function refund(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.reward(key, 1).catch(() => undefined);
}
