// One spend of a limit kept in MongoDB by rate-limiter-flexible, with the retry SecantusDB needs.
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** Spends `points` of `key` in the shared store; rejects with RateLimiterRes over the limit. */
export async function consumeShared(limiter: RateLimiterAbstract, key: string, points = 1): Promise<RateLimiterRes> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await limiter.consume(key, points);
    } catch (err) {
      // Two first consumes of one key at once race on the limit document's unique key. MongoDB answers
      // the loser with E11000, which rate-limiter-flexible retries itself; SecantusDB answers it with no
      // document, which the library cannot read (TypeError). The winner has created the document by
      // then, so trying again counts this request against it.
      if (err instanceof TypeError && attempt < 3) continue;
      throw err;
    }
  }
}
