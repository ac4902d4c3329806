// Measuring incident matching the way it runs: reports are filed one by one in time order and each joins
// the incident it most probably belongs to when that probability clears the join threshold (otherwise it
// starts its own). Pairwise precision and recall against the labelled incidents: of the pairs put
// together, how many are truly one incident; of the true pairs, how many were put together.
import type { DenseLogistic } from '../learning/dense-logistic.js';
import type { DepartmentModel } from './department-model.js';
import { readReport, sameIncidentProbability, type Report, type ReportReading } from './incident-match.js';

export interface LabelledReport extends Report {
  id: string;
  incident: string;
}

/** One cluster id per report, assigned online in time order. */
export function clusterOnline(readings: ReportReading[], model: DenseLogistic, joinThreshold: number): number[] {
  const order = readings.map((_, i) => i).sort((a, b) => readings[a]!.report.at.getTime() - readings[b]!.report.at.getTime());
  const cluster = new Array<number>(readings.length).fill(-1);
  let next = 0;
  for (const i of order) {
    let best = -1;
    let bestP = 0;
    for (const j of order) {
      if (cluster[j] === -1 || j === i) continue;
      const p = sameIncidentProbability(model, readings[i]!, readings[j]!);
      if (p > bestP) {
        bestP = p;
        best = j;
      }
    }
    cluster[i] = best >= 0 && bestP >= joinThreshold ? cluster[best]! : next++;
  }
  return cluster;
}

export function pairwise(gold: string[], predicted: number[]): { precision: number; recall: number; truePairs: number; predictedPairs: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const same = gold[i] === gold[j];
      const together = predicted[i] === predicted[j];
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, truePairs: tp + fn, predictedPairs: tp + fp };
}

export function evaluateIncidents(reports: LabelledReport[], departments: DepartmentModel, model: DenseLogistic, joinThreshold: number) {
  const readings = reports.map((r) => readReport(r, departments));
  return pairwise(
    reports.map((r) => r.incident),
    clusterOnline(readings, model, joinThreshold),
  );
}

/** Parses an incident set (tests/dispatch/*incidents*.jsonl). */
export function parseIncidentSet(text: string): LabelledReport[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as Omit<LabelledReport, 'at'> & { at: string };
      return { ...r, at: new Date(r.at) };
    });
}
