// A rate limit shared by every gateway process (in MongoDB), spent through small per-process leases: a
// process takes a few points of a key at once and hands them out from memory until they run out or the
// window ends, so a busy key costs one database write per few requests instead of one per request.
//
// It never admits more than the limit: every lease is taken from the shared counter, and a lease that
// overshoots the limit gives the excess straight back (`reward`), keeping only what was left below it.
// It may admit a little less: points another process leased and has not used yet are not available
// here — at most (processes − 1) × batch per key and window, and batch is an eighth of the limit.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeShared } from './shared-limit.js';

interface Lease {
  left: number;
  /** The shared counter had nothing left: refused here, without asking the database, until the window ends. */
  exhausted?: boolean;
  /** When the shared window ends (epoch ms): leased points are void after it. */
  until: number;
}

/** A lease this process holds per key is dropped once its window has ended; the map is swept at this size. */
const SWEEP_AT = 10_000;

export class LeasedLimit {
  /** Points taken from the shared counter at once. */
  readonly batch: number;
  private readonly leases = new Map<string, Lease>();
  private readonly refills = new Map<string, Promise<void>>();

  constructor(
    readonly limiter: RateLimiterAbstract,
    options: { maxBatch?: number; now?: () => number } = {},
  ) {
    this.batch = Math.max(1, Math.min(options.maxBatch ?? 8, Math.floor(limiter.points / 8)));
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  /** Spends one point of `key`; rejects with the limiter's RateLimiterRes when none is left. */
  async consume(key: string): Promise<void> {
    for (;;) {
      const lease = this.leases.get(key);
      if (lease?.exhausted && lease.until > this.now()) throw new RateLimiterRes(0, lease.until - this.now(), this.limiter.points, false);
      if (this.take(key)) return;
      // Requests of one key that find the lease empty wait for one refill together.
      let refill = this.refills.get(key);
      if (!refill) {
        refill = this.refill(key).finally(() => this.refills.delete(key));
        this.refills.set(key, refill);
      }
      await refill;
    }
  }

  /** Gives one point back (something counted did not happen after all): to the lease, which is spent first. */
  async reward(key: string): Promise<void> {
    const lease = this.leases.get(key);
    if (lease && lease.until > this.now()) {
      lease.left++;
      lease.exhausted = false;
    } else await this.limiter.reward(key, 1);
  }

  private take(key: string): boolean {
    const lease = this.leases.get(key);
    if (!lease || lease.left === 0 || lease.until <= this.now()) return false;
    lease.left--;
    return true;
  }

  private async refill(key: string): Promise<void> {
    const batch = this.batch;
    const started = this.now();
    try {
      const res = await consumeShared(this.limiter, key, batch);
      this.keep(key, batch, started + res.msBeforeNext);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      // The counter stood at `before` when this lease was added: what was below the limit is ours, the rest goes back.
      const before = err.consumedPoints - batch;
      const ours = Math.max(0, Math.min(batch, this.limiter.points - before));
      if (batch - ours > 0) await this.limiter.reward(key, batch - ours).catch(() => undefined);
      if (ours === 0) {
        this.leases.set(key, { left: 0, until: started + err.msBeforeNext, exhausted: true });
        throw err;
      }
      this.keep(key, ours, started + err.msBeforeNext);
    }
  }

  private keep(key: string, points: number, until: number): void {
    if (this.leases.size >= SWEEP_AT) {
      const now = this.now();
      for (const [k, lease] of this.leases) if (lease.until <= now) this.leases.delete(k);
    }
    this.leases.set(key, { left: points, until });
  }
}
