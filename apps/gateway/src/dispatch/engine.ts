// Dispatch's models in a gateway process: the department model and the incident pair model, loaded from
// the on-disk cache (keyed by the shipped training data and the city's departments) or trained in a
// worker thread, then retrained in the worker from the city's own dispatched tickets when they grow.
// Until a model is loaded, suggestions are empty and incident matching waits briefly, then skips.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { SUGGESTED_DEPARTMENTS_SHOWN, type CategoryId, type DepartmentSuggestion } from '@minhu/shared';
import type { Logger } from 'pino';
import type { DenseLogistic } from '../learning/dense-logistic.js';
import { runInWorker } from '../lib/worker-task.js';
import type { Models } from '../models/index.js';
import type { TicketDoc } from '../models/ticket.js';
import { cacheDir } from '../services/toolbox.js';
import { departmentModelFromState, readLabelledWorkOrders, TRAINING_DIR, type DepartmentModel, type LabelledWorkOrder } from './department-model.js';
import { INCIDENT_TRAINING_DIR } from './incident-fit.js';
import { readReport, type Report, type ReportReading } from './incident-match.js';
import type { TrainedDispatch } from './train-task.js';

/** Bumped when the models' features or training change, so older cached models are not loaded. */
const MODEL_VERSION = 'dispatch-4';
const TRAIN_TASK = join(import.meta.dirname, 'train-task.ts');
const SOURCE_DIRS = ['.', '../learning', '../chat'].map((d) => join(import.meta.dirname, d));
/** Most recent dispatched tickets the city's model learns from. */
const HISTORY_LIMIT = 20_000;
/**
 * The city's tickets count once each, like a shipped example. Repeating them to weigh them up was tried:
 * AdaGrad then memorises their rare n-grams, and a new ticket worded differently was suggested the
 * generic department more often (12 city tickets: 0.89 for the city's department at weight 1, 0.62 at 2,
 * 0.48 at 3). A city's practice wins as its dispatched tickets accumulate.
 */
const HISTORY_WEIGHT = 1;
/** Readings of recent tickets kept for incident matching (each costs a department suggestion to make). */
const READING_CACHE = 5_000;

export interface DispatchStatus {
  loaded: boolean;
  trainedOn: number;
  historyExamples: number;
  source: 'none' | 'cache' | 'trained' | 'history';
}

/** A ticket as the department model reads it. */
export function workOrderOf(ticket: Pick<TicketDoc, 'description' | 'categoryId' | 'location'>) {
  return { text: ticket.description, categoryId: (ticket.categoryId as CategoryId | null) ?? null, address: ticket.location?.address ?? undefined };
}

export class DispatchEngine {
  private departments: DepartmentModel | null = null;
  private incidents: DenseLogistic | null = null;
  private loading: Promise<void> | null = null;
  private retraining: Promise<void> | null = null;
  private historySeen = -1;
  private readings = new Map<string, ReportReading>();
  readonly status: DispatchStatus = { loaded: false, trainedOn: 0, historyExamples: 0, source: 'none' };

  constructor(
    private readonly models: Models,
    private readonly departmentList: readonly string[],
    private readonly logger: Logger,
  ) {}

  /** Loads or trains the models once, then learns from the city's history; resolves when suggestions work. */
  ready(): Promise<void> {
    this.loading ??= this.load().catch((err) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  /** Like ready(), but gives up after `ms` (false): filing never waits long for a model. */
  async readyWithin(ms: number): Promise<boolean> {
    if (this.departments) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([this.ready().then(() => true), timeout]);
    } catch (err) {
      this.logger.error({ err }, 'dispatch models failed to load');
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ranked departments for a ticket (empty until the model has loaded). */
  suggest(ticket: Pick<TicketDoc, 'description' | 'categoryId' | 'location'>): DepartmentSuggestion[] {
    if (!this.departments) return [];
    return this.departments
      .suggest(workOrderOf(ticket))
      .filter((s) => s.score > 0) // a city's department the model has no example of yet
      .slice(0, SUGGESTED_DEPARTMENTS_SHOWN)
      .map((s) => ({ department: s.department, score: Math.round(s.score * 1000) / 1000 }));
  }

  /** The pair model, once loaded. */
  incidentModel(): DenseLogistic | null {
    return this.incidents;
  }

  /** What incident matching reads of a ticket, cached per ticket id (tickets' texts do not change). */
  reading(id: string, report: Report): ReportReading {
    const hit = this.readings.get(id);
    if (hit) return hit;
    const reading = readReport(report, this.departments);
    if (this.readings.size >= READING_CACHE) this.readings.delete(this.readings.keys().next().value!);
    this.readings.set(id, reading);
    return reading;
  }

  /**
   * Retrains with the city's dispatched tickets when there are more than when it last did (in the
   * worker; the current models keep answering meanwhile). Resolves when done; concurrent calls share one run.
   */
  retrainFromHistory(): Promise<void> {
    this.retraining ??= this.retrain().finally(() => (this.retraining = null));
    return this.retraining;
  }

  private async load(): Promise<void> {
    const base = readLabelledWorkOrders();
    const file = join(cacheDir(), 'dispatch', `${this.cacheKey()}.bin`);
    let trained: TrainedDispatch | null = null;
    try {
      trained = deserialize(await readFile(file)) as TrainedDispatch;
      this.status.source = 'cache';
    } catch {
      const started = Date.now();
      trained = await runInWorker<unknown, TrainedDispatch>(TRAIN_TASK, { departments: [...this.departmentList], examples: base });
      this.status.source = 'trained';
      this.logger.info({ ms: Date.now() - started, examples: base.length }, 'dispatch models trained');
      await mkdir(join(cacheDir(), 'dispatch'), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, serialize(trained));
      await rename(tmp, file); // whole or absent, whichever process writes it
    }
    this.install(trained, 0);
    await this.retrainFromHistory();
  }

  private async retrain(): Promise<void> {
    const known = [...this.departmentList];
    const count = await this.models.Ticket.countDocuments({ ownerDepartment: { $in: known } });
    if (count === this.historySeen) return;
    this.historySeen = count;
    if (count === 0) return;
    const history = await this.models.Ticket.find({ ownerDepartment: { $in: known } }, { description: 1, categoryId: 1, location: 1, ownerDepartment: 1 })
      .sort({ _id: -1 })
      .limit(HISTORY_LIMIT)
      .lean<TicketDoc[]>();
    const own: LabelledWorkOrder[] = history.map((t) => ({ ...workOrderOf(t), department: t.ownerDepartment! }));
    const examples = [...readLabelledWorkOrders(), ...Array.from({ length: HISTORY_WEIGHT }, () => own).flat()];
    const started = Date.now();
    const trained = await runInWorker<unknown, TrainedDispatch>(TRAIN_TASK, { departments: known, examples });
    this.install(trained, own.length);
    this.status.source = 'history';
    this.logger.info({ ms: Date.now() - started, history: own.length }, 'dispatch models retrained from the city’s tickets');
  }

  private install(trained: TrainedDispatch, historyExamples: number): void {
    this.departments = departmentModelFromState(trained.departments);
    this.incidents = trained.incidents;
    this.readings.clear();
    Object.assign(this.status, { loaded: true, trainedOn: this.departments.trainedOn, historyExamples });
  }

  private cacheKey(): string {
    const hash = createHash('sha256').update(MODEL_VERSION).update(JSON.stringify(this.departmentList));
    for (const dir of [TRAINING_DIR, INCIDENT_TRAINING_DIR]) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) hash.update(f).update(readFileSync(join(dir, f)));
    }
    // The code that reads and learns too: a change to features or training never loads an older model.
    for (const dir of SOURCE_DIRS) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.includes('.test.')).sort()) hash.update(f).update(readFileSync(join(dir, f)));
    }
    return hash.digest('hex').slice(0, 24);
  }
}
