// A lease-based worker over one queue collection: claim a due item atomically, deliver it, then
// mark it delivered, or schedule a retry with exponential backoff and jitter, or park it as failed.
// Several processes may run workers on the same collection; a lease that expires (a process died
// mid-delivery) makes the item claimable again, with the same id.
import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { QueueItemDoc } from '../models/queue-item.js';

export interface QueuePolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  leaseMs: number;
  pollMs: number;
  concurrency: number;
}

/** What a delivery attempt came to. `skip` ends the item without delivering (nothing to send). */
export type DeliveryOutcome = { ok: true } | { ok: false; error: string; permanent?: boolean } | { skip: string };

/** How many of the oldest due items a worker picks from when it claims. */
const CLAIM_WINDOW = 16;

export function backoffDelay(attempt: number, policy: Pick<QueuePolicy, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  // Equal jitter: half fixed, half random, so retries of many items spread out.
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/** What became of one delivery attempt, for metrics. */
export type AttemptResult = 'delivered' | 'retry' | 'failed' | 'skipped';

export class QueueWorker {
  readonly owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  /** Told the result of every attempt this worker records (metrics). */
  onAttempt: ((queue: string, result: AttemptResult) => void) | null = null;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly name: string,
    private readonly model: Model<any>,
    private readonly policy: QueuePolicy,
    private readonly deliver: (item: QueueItemDoc) => Promise<DeliveryOutcome>,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Claims a due item for this worker, or null. A claim moves the item's nextAttemptAt to the end of its lease,
   * so "due" is one range on the {status, nextAttemptAt} index whether the item waits for its first attempt, for a
   * retry, or for a lease that ran out (its holder died): the query reads the few items it returns, never every
   * pending one (on SecantusDB each document a query touches costs ~0.1 ms, and with an `$or` on the lease every
   * claim read the whole backlog — the outbox drained at 5 events/s).
   * Each worker takes one of the oldest due items at random rather than all racing for the very oldest: on a
   * single-writer database the race turns into write conflicts and the queue crawls.
   */
  async claim(): Promise<QueueItemDoc | null> {
    const now = this.now();
    const due = { status: 'pending', nextAttemptAt: { $lte: now } };
    const candidates = await this.model.find(due, { _id: 1 }).sort({ nextAttemptAt: 1 }).limit(CLAIM_WINDOW).lean<{ _id: string }[]>();
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const leaseUntil = new Date(now.getTime() + this.policy.leaseMs);
    for (const { _id } of candidates) {
      try {
        const item = await this.model
          .findOneAndUpdate({ _id, ...due }, { $set: { leaseOwner: this.owner, leaseUntil, nextAttemptAt: leaseUntil }, $inc: { attempts: 1 } }, { returnDocument: 'after' })
          .lean<QueueItemDoc>();
        if (item) return item;
      } catch (err) {
        // Another worker took it in the same instant (a write conflict): try the next candidate.
        this.logger.debug({ err, queue: this.name, id: _id }, 'claim conflict');
      }
    }
    return null;
  }

  /** Delivers one claimed item and records the outcome; only the lease holder may record it. */
  async process(item: QueueItemDoc): Promise<void> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.deliver(item);
    } catch (err) {
      outcome = { ok: false, error: (err as Error).message ?? String(err) };
    }
    const now = this.now();
    const mine = { _id: item._id, leaseOwner: this.owner };
    if ('skip' in outcome) {
      await this.model.updateOne(mine, { $set: { status: 'skipped', lastError: outcome.skip, leaseUntil: null, leaseOwner: null } });
      this.onAttempt?.(this.name, 'skipped');
    } else if (outcome.ok) {
      await this.model.updateOne(mine, { $set: { status: 'delivered', deliveredAt: now, lastError: null, leaseUntil: null, leaseOwner: null } });
      this.onAttempt?.(this.name, 'delivered');
    } else {
      const parked = outcome.permanent || item.attempts >= this.policy.maxAttempts;
      await this.model.updateOne(mine, {
        $set: {
          status: parked ? 'failed' : 'pending',
          lastError: outcome.error.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffDelay(item.attempts, this.policy)),
          leaseUntil: null,
          leaseOwner: null,
        },
      });
      this.onAttempt?.(this.name, parked ? 'failed' : 'retry');
      this.logger[parked ? 'error' : 'warn']({ queue: this.name, id: item._id, attempts: item.attempts, error: outcome.error }, parked ? 'delivery parked as failed' : 'delivery failed, will retry');
    }
  }

  /** Claims and processes until nothing is due; returns how many were processed. */
  async drain(): Promise<number> {
    let n = 0;
    for (;;) {
      const item = await this.claim();
      if (!item) return n;
      await this.process(item);
      n++;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (let i = 0; i < this.policy.concurrency; i++) this.loops.push(this.loop());
  }

  /** Wakes idle loops now (after new items were queued). */
  poke(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.policy.pollMs);
      this.sleepers.add(wake);
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let item: QueueItemDoc | null = null;
      try {
        item = await this.claim();
        if (item) await this.process(item);
      } catch (err) {
        this.logger.error({ err, queue: this.name }, 'queue loop error');
      }
      if (!item && this.running) await this.idle();
    }
  }

  /** Stops claiming; waits for deliveries in flight to finish and be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await Promise.allSettled(this.loops);
    this.loops = [];
  }
}
