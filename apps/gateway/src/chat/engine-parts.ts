// Why: building an engine for 10,000 entries takes seconds of CPU (tokenizing and indexing every entry, training
// the learned layers). That work is done where it blocks nobody (a worker thread) and returns as plain data —
// closures and Maps do not cross threads — from which engineFromParts reassembles the engine in small steps.
import type { CategoryId } from '@minhu/shared';
import { categoryModelFromState, loadCategoryTraining, trainCategoryModel } from './category-model.js';
import { createHash } from 'node:crypto';
import { createChatEngine, learnedKey, type ChatEngine, type ChatEngineOptions } from './engine.js';
import { emergencyModelFromState, loadEmergencyTraining, trainEmergencyModel } from './emergency-model.js';
import { buildIndexState, indexFromState, type FaqIndexState } from './index-build.js';
import { intentModelFromState, loadIntentTraining, trainIntentModel } from './intent-model.js';
import type { KbEntry } from './kb.js';
import type { LogisticState } from './logistic.js';
import type { SoftmaxState } from '../learning/softmax.js';

/** The learned layers as plain data, their feature names packed into one string each (one string crosses a thread as a copy of bytes; a hundred thousand strings take far longer to decode). */
export interface LearnedParts {
  emergency: Packed<LogisticState> | null;
  category: Packed<SoftmaxState<CategoryId>>;
  intent: Packed<LogisticState> | null;
}

type Packed<S extends { features: string[] }> = Omit<S, 'features'> & { features: string };

const SEP = '\u0000';
const pack = <S extends { features: string[] }>(state: S): Packed<S> => ({ ...state, features: state.features.join(SEP) });
const unpack = <S extends { features: string[] }>(packed: Packed<S>): S => ({ ...packed, features: packed.features ? packed.features.split(SEP) : [] }) as unknown as S;

/** Everything heavy an engine needs, as plain data (structured-cloneable). */
export interface EngineParts {
  /** Identifies what the index was built from; the index is null when the caller already has this one. */
  indexKey: string;
  index: FaqIndexState | null;
  /** Identifies what the learned layers read (learnedKey); they are null when the caller already has these. */
  learnedKey: string;
  learned: LearnedParts | null;
}

export interface BuildRequest {
  entries: KbEntry[];
  /** The keys of the parts the caller already holds: those are not built again. */
  knownIndexKey: string | null;
  knownLearnedKey: string | null;
  /** Train the KB-independent intent layer too (false once a process has it). */
  learnIntent: boolean;
}

const packOrNull = (state: LogisticState | null) => (state ? pack(state) : null);

/** What the index reads of the entries, hashed. */
export function indexKey(entries: KbEntry[]): string {
  return createHash('sha256')
    .update(JSON.stringify(entries.map((e) => [e.id, e.enabled, e.categoryId, e.question, e.paraphrases, e.answer])))
    .digest('hex');
}

/** The heavy part, in a worker thread: hash the entries (10,000 of them take a while too), then index and train what changed. */
export function buildEngineParts(req: BuildRequest): EngineParts {
  const iKey = indexKey(req.entries);
  const lKey = learnedKey(req.entries);
  const index = iKey === req.knownIndexKey ? null : buildIndexState(req.entries);
  const learned =
    lKey === req.knownLearnedKey
      ? null
      : {
          emergency: packOrNull(trainEmergencyModel(loadEmergencyTraining(req.entries)).state()),
          category: pack(trainCategoryModel(loadCategoryTraining(req.entries)).state()),
          intent: req.learnIntent ? packOrNull(trainIntentModel(loadIntentTraining()).state()) : null,
        };
  return { indexKey: iKey, index, learnedKey: lKey, learned };
}

export type LearnedLayers = Required<Pick<ChatEngineOptions, 'emergencyModel' | 'categoryModel' | 'intentModel'>>;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The learned layers a state describes, one at a time with a turn of the event loop between them. */
export async function learnedFromParts(parts: LearnedParts, intentModel?: LearnedLayers['intentModel']): Promise<LearnedLayers> {
  const emergencyModel = emergencyModelFromState(parts.emergency ? unpack<LogisticState>(parts.emergency) : null);
  await yieldToEvents();
  const categoryModel = categoryModelFromState(unpack<SoftmaxState<CategoryId>>(parts.category));
  await yieldToEvents();
  return { emergencyModel, categoryModel, intentModel: intentModel ?? intentModelFromState(parts.intent ? unpack<LogisticState>(parts.intent) : null) };
}

/** The engine for these entries from parts built elsewhere; cheap, and it yields to the event loop as it goes. */
export async function engineFromParts(entries: KbEntry[], index: FaqIndexState, learned: LearnedLayers): Promise<ChatEngine> {
  return createChatEngine(entries, { ...learned, index: await indexFromState(entries, index) });
}
