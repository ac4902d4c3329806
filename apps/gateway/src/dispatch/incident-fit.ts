// Fits the incident pair model on the labelled incident sets shipped in training/incidents: every pair
// of reports close enough in place and time to be compared is an example, labelled by whether the two
// belong to one incident.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainDenseLogistic, type DenseExample, type DenseLogistic } from '../learning/dense-logistic.js';
import type { DepartmentModel } from './department-model.js';
import { parseIncidentSet, type LabelledReport } from './incident-eval.js';
import { pairFeatures, readReport } from './incident-match.js';

export const INCIDENT_TRAINING_DIR = join(dirname(fileURLToPath(import.meta.url)), 'training', 'incidents');

/** A new report joins an incident by itself at this probability or above (chosen on the dev sets: precision first). */
export const JOIN_THRESHOLD = 0.55;
/** Below JOIN_THRESHOLD but at least this: shown to staff as a possible incident. */
export const SUGGEST_THRESHOLD = 0.25;

export function readLabelledIncidents(dir = INCIDENT_TRAINING_DIR): LabelledReport[][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => parseIncidentSet(readFileSync(join(dir, f), 'utf8')));
}

export function fitIncidentModel(sets: readonly LabelledReport[][], departments: DepartmentModel): DenseLogistic {
  const examples: DenseExample[] = [];
  for (const set of sets) {
    const readings = set.map((r) => readReport(r, departments));
    for (let i = 0; i < readings.length; i++) {
      for (let j = i + 1; j < readings.length; j++) {
        const x = pairFeatures(readings[i]!, readings[j]!);
        if (x) examples.push({ x, y: set[i]!.incident === set[j]!.incident ? 1 : 0 });
      }
    }
  }
  return trainDenseLogistic(examples, { nonNegative: true });
}
