// Why: building an engine for 10,000 entries takes seconds of CPU (tokenizing and indexing every entry, training
// the learned layers). That work is done where it blocks nobody (a worker thread) and returns as plain data —
// closures and Maps do not cross threads — from which engineFromParts reassembles the engine in small steps.
import type { CategoryId } from '@minhu/shared';
import { categoryModelFromState, loadCategoryTraining, trainCategoryModel } from './category-model.js';
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
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
  /** The knowledge base as encodeEntries wrote it. */
  entries: Uint8Array[];
  /** The keys of the parts the caller already holds: those are not built again. */
  knownIndexKey: string | null;
  knownLearnedKey: string | null;
  /** Train the KB-independent intent layer too (false once a process has it). */
  learnIntent: boolean;
  /** Build the index only, even when the learned layers' texts changed (the caller answers with the layers it has meanwhile). */
  skipLearned?: boolean;
}

/** Entries per encoded slice: each slice is stringified and encoded in a few milliseconds. */
const ENTRY_SLICE = 500;

/**
 * The entries as UTF-8 JSON, a slice at a time with a turn of the event loop between slices: bytes cross to a
 * worker thread without being copied, while 10,000 entries as objects took ~140 ms of this thread to copy.
 */
export async function encodeEntries(entries: KbEntry[]): Promise<Uint8Array[]> {
  const encoder = new TextEncoder();
  const slices: Uint8Array[] = [];
  for (let i = 0; i < entries.length; i += ENTRY_SLICE) {
    slices.push(encoder.encode(JSON.stringify(entries.slice(i, i + ENTRY_SLICE))));
    await yieldToEvents();
  }
  return slices;
}

function decodeEntries(slices: Uint8Array[]): KbEntry[] {
  const decoder = new TextDecoder();
  return slices.flatMap((slice) => JSON.parse(decoder.decode(slice)) as KbEntry[]);
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
  const entries = decodeEntries(req.entries);
  const iKey = indexKey(entries);
  const lKey = learnedKey(entries);
  const index = iKey === req.knownIndexKey ? null : buildIndexState(entries);
  const learned =
    lKey === req.knownLearnedKey || req.skipLearned
      ? null
      : {
          emergency: packOrNull(trainEmergencyModel(loadEmergencyTraining(entries)).state()),
          category: pack(trainCategoryModel(loadCategoryTraining(entries)).state()),
          intent: req.learnIntent ? packOrNull(trainIntentModel(loadIntentTraining()).state()) : null,
        };
  return { indexKey: iKey, index, learnedKey: lKey, learned };
}

export type LearnedLayers = Required<Pick<ChatEngineOptions, 'emergencyModel' | 'categoryModel' | 'intentModel'>>;

/**
 * A packed state made whole again, with its feature-name index (what a model built from the state would make in
 * one go: ~75,000 names take tens of milliseconds) built a few thousand names at a time between turns of the loop.
 */
async function unpackInSteps<S extends { features: string[] }>(packed: Packed<S>): Promise<S & { ids: Map<string, number> }> {
  const state = unpack<S>(packed);
  const ids = new Map<string, number>();
  for (let i = 0; i < state.features.length; i++) {
    ids.set(state.features[i]!, i);
    if (i % 5_000 === 4_999) await yieldToEvents();
  }
  await yieldToEvents();
  return { ...state, ids };
}

/** The learned layers a state describes, a piece at a time with turns of the event loop between pieces. */
export async function learnedFromParts(parts: LearnedParts, intentModel?: LearnedLayers['intentModel']): Promise<LearnedLayers> {
  const emergencyModel = emergencyModelFromState(parts.emergency ? await unpackInSteps<LogisticState>(parts.emergency) : null);
  await yieldToEvents();
  const categoryModel = categoryModelFromState(await unpackInSteps<SoftmaxState<CategoryId>>(parts.category));
  await yieldToEvents();
  return { emergencyModel, categoryModel, intentModel: intentModel ?? intentModelFromState(parts.intent ? await unpackInSteps<LogisticState>(parts.intent) : null) };
}

/** The engine for these entries from parts built elsewhere; cheap, and it yields to the event loop as it goes. */
export async function engineFromParts(entries: KbEntry[], index: FaqIndexState, learned: LearnedLayers): Promise<ChatEngine> {
  return createChatEngine(entries, { ...learned, index: await indexFromState(entries, index) });
}
