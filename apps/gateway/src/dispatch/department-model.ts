// Why: an operator picks one of ~20 departments by hand for every ticket. A softmax regression over the
// work order's reading (text n-grams, category, the dispatcher's cue hits and their pairs) ranks the
// departments; it is trained on the labelled work orders shipped in training/ and on the city's own
// history (every ticket its operators or its hotline dispatched), so it learns the city's local rules.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CategoryId } from '@minhu/shared';
import { softmaxFromState, trainSoftmax, type SoftmaxModel, type SoftmaxState } from '../learning/softmax.js';
import { readWorkOrder, type WorkOrder } from './reading.js';

export interface LabelledWorkOrder extends WorkOrder {
  department: string;
}

export interface DepartmentSuggestion {
  department: string;
  /** Probability, 0–1. */
  score: number;
}

export interface DepartmentModel {
  /** The departments ranked, best first (all of them, scores summing to 1). */
  suggest(order: WorkOrder): DepartmentSuggestion[];
  /** Examples it was trained on. */
  readonly trainedOn: number;
  /** Plain data to rebuild it elsewhere (the training thread sends it back; the model cache keeps it). */
  state(): DepartmentModelState;
}

export interface DepartmentModelState {
  departments: string[];
  trainedOn: number;
  bag: SoftmaxState<string>[];
}

export const TRAINING_DIR = join(dirname(fileURLToPath(import.meta.url)), 'training', 'departments');

/** Chosen by leaving one author out (top-1 95.7 %, top-3 98.7 % over five authors; 0.3/14/1e-4 gave 92.1/96.6). */
const OPTIONS = { rate: 0.15, epochs: 24, l2: 3e-5 } as const;
/** Models trained on different shuffles and averaged: a few hundred examples per author make one model's ranking jumpy. */
const BAG = 5;

/** The labelled work orders shipped with Minhu (training/*.jsonl). */
export function readLabelledWorkOrders(dir = TRAINING_DIR): LabelledWorkOrder[] {
  const out: LabelledWorkOrder[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text?: unknown; categoryId?: unknown; address?: unknown; department?: unknown };
      if (typeof row.text !== 'string' || typeof row.department !== 'string') continue;
      out.push({ text: row.text, categoryId: (row.categoryId as CategoryId | null) ?? null, address: typeof row.address === 'string' ? row.address : '', department: row.department });
    }
  }
  return out;
}

/**
 * Trains on `examples` for the city's `departments` (examples of other departments are left out, so a
 * city's own list is all the model ever suggests).
 */
export function trainDepartmentModel(departments: readonly string[], examples: readonly LabelledWorkOrder[]): DepartmentModel {
  const known = new Set(departments);
  const rows = examples.filter((e) => known.has(e.department)).map((e) => ({ features: readWorkOrder(e).features, label: e.department }));
  const models: SoftmaxModel<string>[] = Array.from({ length: BAG }, (_, i) => trainSoftmax(departments, rows, { ...OPTIONS, seed: 7 + i }));
  return bagged(departments, rows.length, models);
}

export function departmentModelFromState(state: DepartmentModelState): DepartmentModel {
  return bagged(state.departments, state.trainedOn, state.bag.map((s) => softmaxFromState(s)));
}

function bagged(departments: readonly string[], trainedOn: number, models: SoftmaxModel<string>[]): DepartmentModel {
  return {
    trainedOn,
    state: () => ({ departments: [...departments], trainedOn, bag: models.map((m) => m.state()) }),
    suggest(order) {
      const features = readWorkOrder(order).features;
      const score = new Map<string, number>();
      for (const m of models) for (const [d, p] of m.probabilities(features)) score.set(d, (score.get(d) ?? 0) + p / models.length);
      const ranked = departments.map((department) => ({ department, score: score.get(department) ?? 0 }));
      return ranked.sort((a, b) => b.score - a.score);
    },
  };
}
