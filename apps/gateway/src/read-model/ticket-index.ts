// The staff console's ticket index: every ticket as a TicketFact, held in this process's memory and
// kept current by reading only the tickets changed since the last look (by `updatedAt`, indexed).
//
// Why: SecantusDB, the embedded development database, is a Python server whose every query costs about
// 0.1 ms per document it touches — it has no index-only count and applies `limit` after fetching — so
// counting statuses or aggregating statistics over 100,000 tickets took seconds (BENCHMARKS.md). Here
// a queue page, its status counts, the 督办 board and the statistics are computed in memory in
// milliseconds, from data at most one read old.
//
// Start: from the latest saved copy of the index (index-snapshot.ts) plus the tickets changed since,
// or, without one, by reading every ticket once (half a minute at 100,000 on SecantusDB) and then
// saving a copy. A copy is saved again every few minutes when tickets changed (background.ts).
//
// Correctness: every ticket write sets `updatedAt` in the same atomic update (the commands do it
// explicitly, mongoose does it on model updates). Each look re-reads from the previous look's start
// minus a margin, so a write whose `updatedAt` was taken a little before it committed is still seen;
// facts are replaced by id, so seeing a ticket twice is harmless. This assumes gateway clocks agree
// within the margin (NTP) — a ticket written by a process whose clock runs more than two minutes
// behind would be missed until it changes again.
import type { Logger } from 'pino';
import type { Models } from '../models/index.js';
import { loadSnapshot, saveSnapshot } from './index-snapshot.js';
import { FACT_PROJECTION, factOf, type FactSource, type TicketFact } from './ticket-facts.js';

export interface TicketIndexOptions {
  /** How far back each look re-reads, to cover writes in flight (default 2 minutes). */
  marginMs?: number;
  /** Wall clock (tests may pass their own). */
  clock?: () => number;
  /** Save copies of the index only from this many tickets on (smaller ones load quickly anyway; default 2000). */
  snapshotMinTickets?: number;
}

export class TicketIndex {
  private readonly facts = new Map<string, TicketFact>();
  private loading: Promise<void> | null = null;
  /** Start of the last completed look, in wall-clock ms. */
  private lookedAt = 0;
  private requested = 0;
  private completed = 0;
  private running: Promise<void> | null = null;
  private readonly marginMs: number;
  private readonly clock: () => number;
  private readonly snapshotMinTickets: number;
  /** Tickets put since the last saved copy. */
  private changedSinceSave = 0;
  private saving: Promise<boolean> | null = null;
  /** How the index started: from a saved copy or by reading every ticket. */
  loadedFrom: 'snapshot' | 'tickets' | null = null;

  constructor(
    private readonly models: Models,
    private readonly logger: Logger,
    opts: TicketIndexOptions = {},
  ) {
    this.marginMs = opts.marginMs ?? 120_000;
    this.clock = opts.clock ?? Date.now;
    this.snapshotMinTickets = opts.snapshotMinTickets ?? 2000;
  }

  /**
   * Every ticket as of this call: loads them all on first use, then reads what changed since the last
   * look. A caller never gets data older than its own call (a look already under way when it arrives
   * does not count for it).
   */
  async current(): Promise<ReadonlyMap<string, TicketFact>> {
    this.loading ??= this.loadAll().catch((err) => {
      this.loading = null;
      throw err;
    });
    await this.loading;
    const mine = ++this.requested;
    while (this.completed < mine) {
      this.running ??= this.look().finally(() => (this.running = null));
      await this.running;
    }
    return this.facts;
  }

  /** Starts the first load in the background (at process start), so the first request does not wait for it. */
  warmUp(): void {
    this.current().catch((err) => this.logger.warn({ err }, 'ticket index warm-up failed; the first console request retries'));
  }

  get size(): number {
    return this.facts.size;
  }

  private async loadAll(): Promise<void> {
    const t0 = performance.now();
    const copy = await loadSnapshot(this.models).catch((err) => {
      this.logger.warn({ err }, 'saved ticket index unreadable; reading every ticket');
      return null;
    });
    if (copy) {
      for (const fact of copy.facts) this.facts.set(fact.id, fact);
      // The first look reads what changed after the copy was taken.
      this.lookedAt = copy.takenAt.getTime();
      this.loadedFrom = 'snapshot';
    } else {
      const started = this.clock();
      const cursor = this.models.Ticket.find({}, FACT_PROJECTION).lean<FactSource>().cursor({ batchSize: 2000 });
      for await (const doc of cursor) this.put(doc as FactSource);
      this.lookedAt = started;
      this.loadedFrom = 'tickets';
      this.changedSinceSave = this.facts.size;
      void this.saveIfChanged();
    }
    this.logger.info({ tickets: this.facts.size, from: this.loadedFrom, ms: Math.round(performance.now() - t0) }, 'ticket index loaded');
  }

  /**
   * Saves a copy of the index when tickets changed since the last one (and it is big enough to be
   * worth it). Safe to call from every process; resolves true when this copy became the current one.
   */
  saveIfChanged(): Promise<boolean> {
    if (!this.loadedFrom || this.saving || this.changedSinceSave === 0 || this.facts.size < this.snapshotMinTickets) return this.saving ?? Promise.resolve(false);
    // What the copy holds and the look it reflects are taken together, before anything awaits.
    const facts = [...this.facts.values()];
    const takenAt = new Date(this.lookedAt);
    const changed = this.changedSinceSave;
    this.saving = saveSnapshot(this.models, facts, takenAt)
      .then((switched) => {
        this.changedSinceSave -= changed;
        return switched;
      })
      .catch((err) => {
        this.logger.warn({ err }, 'saving the ticket index failed; the next try is in a few minutes');
        return false;
      })
      .finally(() => (this.saving = null));
    return this.saving;
  }

  private async look(): Promise<void> {
    const upTo = this.requested;
    const started = this.clock();
    const since = new Date(this.lookedAt - this.marginMs);
    const docs = await this.models.Ticket.find({ updatedAt: { $gte: since } }, FACT_PROJECTION).lean<FactSource[]>();
    for (const doc of docs) this.put(doc);
    this.lookedAt = started;
    this.completed = upTo;
  }

  private put(doc: FactSource): void {
    const fact = factOf(doc);
    const known = this.facts.get(fact.id);
    // Deadlines depend only on kind, urgency and filing time, which never change: keep them.
    if (known?.deadlines) fact.deadlines = known.deadlines;
    this.facts.set(fact.id, fact);
    // Re-reads within the margin are not changes.
    if (known?.updatedAt !== fact.updatedAt) this.changedSinceSave++;
  }
}
