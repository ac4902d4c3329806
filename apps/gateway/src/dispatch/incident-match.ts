// Why: twenty citizens reporting one burst water main should make one incident, not twenty unrelated
// tickets — but two potholes 300 m apart, or a pothole and a broken light at one gate, are separate.
// Two reports are compared by place (metres apart, or the same address when a point is missing), time,
// and what they say: text similarity, shared topics and category, and whether the department model sends
// both to the same department. A logistic regression over those (weights fitted on the labelled dev sets
// in training/incidents by incident-fit.ts) gives the probability they are one incident.
import { distinctFeatures } from '../chat/ngram-features.js';
import { normalizeText } from '../chat/normalize.js';
import { predict, type DenseLogistic } from '../learning/dense-logistic.js';
import type { DepartmentModel } from './department-model.js';
import { distanceMetres } from './geo.js';
import { topicFeatures } from './topics.js';

/** Reports further apart than this are never one incident. */
export const MAX_METRES = 150;
/** Reports further apart in time than this are a recurrence, a new incident. */
export const MAX_HOURS = 7 * 24;

export interface Report {
  text: string;
  categoryId?: string | null;
  address?: string;
  lat?: number;
  lng?: number;
  at: Date;
}

/** What matching reads of a report, computed once per report. */
export interface ReportReading {
  report: Report;
  bigrams: Map<string, number>;
  addressBigrams: Set<string>;
  topics: Set<string>;
  departments: Map<string, number>;
}

export function readReport(report: Report, departments: DepartmentModel | null): ReportReading {
  const normalized = normalizeText(report.text);
  const bigrams = new Map<string, number>();
  for (const f of distinctFeatures(normalized)) if (f.length === 3 || f.startsWith('w')) bigrams.set(f, 1);
  const addressBigrams = new Set(distinctFeatures(normalizeText(report.address ?? '')).filter((f) => f.length === 3));
  const suggestion = departments?.suggest({ text: report.text, categoryId: (report.categoryId as never) ?? null, address: report.address }) ?? [];
  return {
    report,
    bigrams,
    addressBigrams,
    topics: new Set(topicFeatures(`${normalized} ${report.text.toLowerCase()}`)),
    departments: new Map(suggestion.map((s) => [s.department, s.score])),
  };
}

const hasPoint = (r: Report) => typeof r.lat === 'number' && typeof r.lng === 'number';

/** Dice overlap of two sets. */
function dice(a: ReadonlySet<string> | ReadonlyMap<string, number>, b: ReadonlySet<string> | ReadonlyMap<string, number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const k of a.keys()) if (b.has(k)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Whether two reports could be one incident at all (close enough in place and time); the feature vector
 * of the pair when they could, or null.
 */
export function pairFeatures(a: ReportReading, b: ReportReading): number[] | null {
  const hours = Math.abs(a.report.at.getTime() - b.report.at.getTime()) / 3_600_000;
  if (hours > MAX_HOURS) return null;
  let place: number;
  if (hasPoint(a.report) && hasPoint(b.report)) {
    const metres = distanceMetres(a.report as { lat: number; lng: number }, b.report as { lat: number; lng: number });
    if (metres > MAX_METRES) return null;
    place = 1 - metres / MAX_METRES;
  } else {
    // Without a point, only the address can say it is the same place.
    const same = dice(a.addressBigrams, b.addressBigrams);
    if (same < 0.35) return null;
    place = same;
  }
  let deptAgreement = 0;
  for (const [d, p] of a.departments) deptAgreement += p * (b.departments.get(d) ?? 0);
  const sameCategory = a.report.categoryId && b.report.categoryId ? (a.report.categoryId === b.report.categoryId ? 1 : -1) : 0;
  return [dice(a.bigrams, b.bigrams), dice(a.topics, b.topics), sameCategory, deptAgreement, place, 1 - hours / MAX_HOURS];
}

/** Probability that two reports are one incident (0 when they cannot be). */
export function sameIncidentProbability(model: DenseLogistic, a: ReportReading, b: ReportReading): number {
  const x = pairFeatures(a, b);
  return x ? predict(model, x) : 0;
}
