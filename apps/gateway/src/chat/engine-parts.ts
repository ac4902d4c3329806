// Why: building an engine for 10,000 entries takes seconds of CPU (tokenizing and indexing every entry, training
// the learned layers). That work is done where it blocks nobody (a worker thread) and returns as plain data —
// closures and Maps do not cross threads — from which engineFromParts reassembles the engine in small steps.
import type { CategoryId } from '@minhu/shared';
import { categoryModelFromState, loadCategoryTraining, trainCategoryModel } from './category-model.js';
import { createChatEngine, type ChatEngine, type ChatEngineOptions } from './engine.js';
import { emergencyModelFromState, loadEmergencyTraining, trainEmergencyModel } from './emergency-model.js';
import { buildIndexState, indexFromState, type FaqIndexState } from './index-build.js';
import { intentModelFromState, loadIntentTraining, trainIntentModel } from './intent-model.js';
import type { KbEntry } from './kb.js';
import type { LogisticState } from './logistic.js';
import type { SoftmaxState } from '../learning/softmax.js';

/** The learned layers as plain data. */
export interface LearnedParts {
  emergency: LogisticState | null;
  category: SoftmaxState<CategoryId>;
  intent: LogisticState | null;
}

/** Everything heavy an engine needs, as plain data (structured-cloneable). */
export interface EngineParts {
  index: FaqIndexState;
  /** Absent when the caller already has learned layers for this KB's texts (see learnedKey). */
  learned: LearnedParts | null;
}

export interface BuildRequest {
  entries: KbEntry[];
  /** Train the learned layers too (false when only answers, flags or local values changed). */
  learn: boolean;
  /** Train the KB-independent intent layer too (false once a process has it). */
  learnIntent: boolean;
}

/** The heavy part: index the entries and, when asked, train the learned layers. */
export function buildEngineParts(req: BuildRequest): EngineParts {
  const index = buildIndexState(req.entries);
  if (!req.learn) return { index, learned: null };
  return {
    index,
    learned: {
      emergency: trainEmergencyModel(loadEmergencyTraining(req.entries)).state(),
      category: trainCategoryModel(loadCategoryTraining(req.entries)).state(),
      intent: req.learnIntent ? trainIntentModel(loadIntentTraining()).state() : null,
    },
  };
}

export type LearnedLayers = Required<Pick<ChatEngineOptions, 'emergencyModel' | 'categoryModel' | 'intentModel'>>;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The learned layers a state describes, one at a time with a turn of the event loop between them. */
export async function learnedFromParts(parts: LearnedParts, intentModel?: LearnedLayers['intentModel']): Promise<LearnedLayers> {
  const emergencyModel = emergencyModelFromState(parts.emergency);
  await yieldToEvents();
  const categoryModel = categoryModelFromState(parts.category);
  await yieldToEvents();
  return { emergencyModel, categoryModel, intentModel: intentModel ?? intentModelFromState(parts.intent) };
}

/** The engine for these entries from parts built elsewhere; cheap, and it yields to the event loop as it goes. */
export async function engineFromParts(entries: KbEntry[], index: FaqIndexState, learned: LearnedLayers): Promise<ChatEngine> {
  return createChatEngine(entries, { ...learned, index: await indexFromState(entries, index) });
}
