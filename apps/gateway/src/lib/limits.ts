// Spends one point of a rate limit or quota; over the limit, a 429 with Retry-After and the
// citizen-facing message. Limits live in MongoDB (rate-limiter-flexible), shared by every process.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../http/errors.js';
import { LeasedLimit } from './leased-limit.js';
import { consumeShared } from './shared-limit.js';

export async function consume(limiter: RateLimiterAbstract | LeasedLimit, key: string, message: string): Promise<void> {
  try {
    await (limiter instanceof LeasedLimit ? limiter.consume(key) : consumeShared(limiter, key));
  } catch (err) {
    if (err instanceof RateLimiterRes) throw tooManyRequests(err.msBeforeNext / 1000, message);
    throw err;
  }
}
