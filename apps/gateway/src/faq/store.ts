// The knowledge base in MongoDB and the engine built from it. Seeds chat/kb/*.json once per seed
// version without ever duplicating or overwriting an admin's edit, and rebuilds the engine whenever the
// KB revision changes — in this process at once, in other processes on their next check (every second).
// A rebuild runs in a worker thread and is swapped in when ready: answers never wait for it.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChatEngine } from '../chat/engine.js';
import { categoryDepartment, loadSeedKb, type KbEntry } from '../chat/kb.js';
import type { Models } from '../models/index.js';
import type { FaqEntryDoc } from '../models/faq-entry.js';
import { buildEngineOffThread, type BuildReport } from './engine-builder.js';

const META_ID = 'kb';

export function toKbEntry(doc: FaqEntryDoc & { updatedAt?: Date | null; createdAt?: Date | null }): KbEntry {
  const categoryId = doc.categoryId as KbEntry['categoryId'];
  const changed = doc.updatedAt ?? doc.createdAt;
  return {
    id: doc._id,
    categoryId,
    question: doc.question,
    paraphrases: doc.paraphrases ?? [],
    answer: doc.answer,
    localDetails: doc.localDetails ?? '',
    localValue: doc.localValue ?? null,
    enabled: doc.enabled !== false,
    department: doc.department || categoryDepartment(categoryId),
    updatedAt: changed ? new Date(changed).toISOString() : null,
  };
}

/** What a seed entry says, in the order compared (the provenance fields apart). */
const seedContent = (e: Pick<KbEntry, 'categoryId' | 'question' | 'paraphrases' | 'answer' | 'localDetails'>) =>
  JSON.stringify([e.categoryId, e.question, e.paraphrases ?? [], e.answer, e.localDetails ?? '']);

export class FaqStore {
  private engine: ChatEngine | null = null;
  private revision = -1;
  private lastCheck = 0;
  private checking: Promise<void> | null = null;
  private building: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly rebuiltListeners = new Set<(report: BuildReport) => void>();

  constructor(
    private readonly models: Models,
    private readonly logger: Logger,
    /** How often answers check whether another process changed the KB (background.ts also polls). */
    private readonly checkEveryMs = 1000,
  ) {}

  /** Called after each rebuild with its duration (metrics). */
  onRebuilt(listener: (report: BuildReport) => void): () => void {
    this.rebuiltListeners.add(listener);
    return () => this.rebuiltListeners.delete(listener);
  }

  /**
   * Loads the seed files into MongoDB when their version changed. Returns entries written. Only entries whose
   * words changed get a new `updatedAt` (citizens see it as 更新于): a new department alone keeps the date.
   */
  async seed(entries: KbEntry[] = loadSeedKb()): Promise<number> {
    const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
    const meta = await this.models.KbMeta.findById(META_ID).lean<{ seedVersion?: string }>();
    if (meta?.seedVersion === version) return 0;
    const stored = await this.models.FaqEntry.find({ _id: { $in: entries.map((e) => e.id) } }).lean<FaqEntryDoc[]>();
    const existing = new Map(stored.map((d) => [d._id, d]));
    let written = 0;
    for (const e of entries) {
      const doc = existing.get(e.id);
      if (doc && doc.source !== 'seed') continue; // the city's own since an admin edited it
      const wordsChanged = !doc || seedContent(toKbEntry(doc)) !== seedContent(e);
      if (!wordsChanged && doc.department === e.department) continue;
      try {
        // Only seed-owned entries follow the files; one an admin edited meanwhile no longer matches the
        // filter, so the upsert's insert hits the _id and is skipped.
        const res = await this.models.FaqEntry.updateOne(
          { _id: e.id, source: 'seed' },
          {
            $set: wordsChanged
              ? { categoryId: e.categoryId, question: e.question, paraphrases: e.paraphrases, answer: e.answer, localDetails: e.localDetails, department: e.department }
              : { department: e.department },
            $setOnInsert: { source: 'seed', enabled: true, localValue: null },
          },
          { upsert: true, timestamps: wordsChanged },
        );
        written += res.upsertedCount + res.modifiedCount;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    await this.models.KbMeta.updateOne({ _id: META_ID }, { $set: { seedVersion: version }, $inc: { revision: 1 } }, { upsert: true });
    this.logger.info({ version, written, entries: entries.length }, 'knowledge base seeded');
    return written;
  }

  /** Records a change so every process rebuilds; rebuilds here at once (resolves when the new engine answers). */
  async changed(): Promise<void> {
    await this.models.KbMeta.updateOne({ _id: META_ID }, { $inc: { revision: 1 } }, { upsert: true });
    await this.reload();
  }

  /**
   * Rebuilds the engine from the database, off the event loop, and swaps it in. Calls during a rebuild are
   * folded into one more rebuild after it, so the last change always wins.
   */
  reload(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.building) {
      this.building = this.rebuild().finally(() => (this.building = null));
      return this.building;
    }
    this.queued = this.building
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.reload();
      });
    return this.queued;
  }

  private async rebuild(): Promise<void> {
    const meta = await this.models.KbMeta.findById(META_ID).lean<{ revision?: number }>();
    // In batches, so decoding 10,000 entries never holds the event loop in one piece.
    const docs = await this.models.FaqEntry.find({}).batchSize(500).lean<FaqEntryDoc[]>();
    const entries = docs.map(toKbEntry);
    // An edit answers within a second or two: first the new index with the learned layers in use, then — when the
    // questions they learn from changed — those layers retrained (seconds) and swapped in too.
    let report = await buildEngineOffThread(entries, { reuseLearned: this.engine !== null });
    this.engine = report.engine;
    this.revision = meta?.revision ?? 0;
    this.lastCheck = Date.now();
    if (report.learnedStale) {
      const quick = report.seconds;
      report = await buildEngineOffThread(entries);
      report = { ...report, seconds: report.seconds + quick };
      this.engine = report.engine;
    }
    this.logger.info({ revision: this.revision, entries: docs.length, seconds: Math.round(report.seconds * 1000) / 1000, retrained: report.retrained }, 'chat engine rebuilt');
    for (const listener of this.rebuiltListeners) listener(report);
  }

  /** The engine answering now. A KB change seen meanwhile starts a rebuild; this engine answers until it is done. */
  async current(): Promise<ChatEngine> {
    if (!this.engine) await this.reload();
    else if (Date.now() - this.lastCheck > this.checkEveryMs) void this.poll();
    return this.engine!;
  }

  /** Checks the KB revision and starts a rebuild when another process changed it (background.ts calls it every second). */
  poll(): Promise<void> {
    this.checking ??= this.checkRevision()
      .catch((err) => this.logger.error({ err }, 'knowledge base check failed'))
      .finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkRevision(): Promise<void> {
    this.lastCheck = Date.now();
    const meta = await this.models.KbMeta.findById(META_ID).lean<{ revision?: number }>();
    if ((meta?.revision ?? 0) !== this.revision && !this.building) void this.reload().catch((err) => this.logger.error({ err }, 'chat engine rebuild failed'));
  }
}
