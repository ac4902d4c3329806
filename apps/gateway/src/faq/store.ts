// The knowledge base in MongoDB and the engine built from it. Seeds chat/kb/*.json once per seed
// version without ever duplicating or overwriting an admin's edit, and rebuilds the in-process engine
// whenever the KB revision changes — in this process at once, in other processes on their next check.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { createChatEngine, type ChatEngine } from '../chat/engine.js';
import { loadSeedKb, type KbEntry } from '../chat/kb.js';
import type { Models } from '../models/index.js';
import type { FaqEntryDoc } from '../models/faq-entry.js';

const META_ID = 'kb';

export function toKbEntry(doc: FaqEntryDoc): KbEntry {
  return {
    id: doc._id,
    categoryId: doc.categoryId as KbEntry['categoryId'],
    question: doc.question,
    paraphrases: doc.paraphrases ?? [],
    answer: doc.answer,
    localDetails: doc.localDetails ?? '',
    localValue: doc.localValue ?? null,
    enabled: doc.enabled !== false,
  };
}

export class FaqStore {
  private engine: ChatEngine | null = null;
  private revision = -1;
  private lastCheck = 0;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly models: Models,
    private readonly logger: Logger,
    /** How often answers check whether another process changed the KB. */
    private readonly checkEveryMs = 2000,
  ) {}

  /** Loads the seed files into MongoDB when their version changed. Returns entries written. */
  async seed(entries: KbEntry[] = loadSeedKb()): Promise<number> {
    const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
    const meta = await this.models.KbMeta.findById(META_ID).lean<{ seedVersion?: string }>();
    if (meta?.seedVersion === version) return 0;
    let written = 0;
    for (const e of entries) {
      try {
        // Only seed-owned entries follow the files; an admin-edited one no longer matches the
        // filter, so the upsert's insert hits the _id and is skipped.
        const res = await this.models.FaqEntry.updateOne(
          { _id: e.id, source: 'seed' },
          {
            $set: { categoryId: e.categoryId, question: e.question, paraphrases: e.paraphrases, answer: e.answer, localDetails: e.localDetails },
            $setOnInsert: { source: 'seed', enabled: true, localValue: null },
          },
          { upsert: true },
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

  /** Records a change so every process rebuilds; rebuilds here at once. */
  async changed(): Promise<void> {
    await this.models.KbMeta.updateOne({ _id: META_ID }, { $inc: { revision: 1 } }, { upsert: true });
    await this.reload();
  }

  async reload(): Promise<void> {
    const meta = await this.models.KbMeta.findById(META_ID).lean<{ revision?: number }>();
    const docs = await this.models.FaqEntry.find({}).lean<FaqEntryDoc[]>();
    const entries = docs.map(toKbEntry);
    if (this.engine) this.engine.rebuild(entries);
    else this.engine = createChatEngine(entries);
    this.revision = meta?.revision ?? 0;
    this.lastCheck = Date.now();
  }

  /** The engine, rebuilt first if the KB revision moved (checked at most every `checkEveryMs`). */
  async current(): Promise<ChatEngine> {
    if (!this.engine) await this.reload();
    else if (Date.now() - this.lastCheck > this.checkEveryMs) {
      this.checking ??= this.checkRevision().finally(() => (this.checking = null));
      await this.checking;
    }
    return this.engine!;
  }

  private async checkRevision(): Promise<void> {
    this.lastCheck = Date.now();
    const meta = await this.models.KbMeta.findById(META_ID).lean<{ revision?: number }>();
    if ((meta?.revision ?? 0) !== this.revision) await this.reload();
  }
}
