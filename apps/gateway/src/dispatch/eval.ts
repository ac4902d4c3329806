// Why: measures dispatch on labelled sets the models never saw — department top-1/top-3 and incident
// pairwise precision/recall — trained exactly as a gateway trains them (shipped work orders, shipped
// incident sets). `npm run eval:dispatch [dir]` (default tests/dispatch/blind): blind-dept-*.jsonl
// lines {text, categoryId, address, department}; blind-incidents-*.jsonl lines {id, text, categoryId,
// address, lat, lng, at, incident}.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEPARTMENTS } from '../config.js';
import { readLabelledWorkOrders, trainDepartmentModel, type DepartmentModel, type LabelledWorkOrder } from './department-model.js';
import { evaluateIncidents, parseIncidentSet } from './incident-eval.js';
import { fitIncidentModel, JOIN_THRESHOLD, readLabelledIncidents } from './incident-fit.js';
import type { DenseLogistic } from '../learning/dense-logistic.js';

export const DEFAULT_EVAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../tests/dispatch/blind');
export const TARGETS = { top1: 0.9, top3: 0.97, precision: 0.9, recall: 0.8 };

export interface DepartmentScore {
  file: string;
  total: number;
  top1: number;
  top3: number;
}

export function scoreDepartments(model: DepartmentModel, file: string, items: LabelledWorkOrder[]): DepartmentScore {
  let top1 = 0;
  let top3 = 0;
  for (const item of items) {
    const ranked = model.suggest(item).map((s) => s.department);
    if (ranked[0] === item.department) top1++;
    if (ranked.slice(0, 3).includes(item.department)) top3++;
  }
  return { file, total: items.length, top1: top1 / items.length, top3: top3 / items.length };
}

export interface DispatchEval {
  departments: DepartmentScore[];
  departmentsAll: { total: number; top1: number; top3: number };
  incidents: Array<{ file: string; reports: number; precision: number; recall: number; truePairs: number }>;
  incidentsAll: { precision: number; recall: number };
}

export function evaluateDispatch(dir = DEFAULT_EVAL_DIR, trained?: { departments: DepartmentModel; incidents: DenseLogistic }): DispatchEval {
  const departments = trained?.departments ?? trainDepartmentModel(DEFAULT_DEPARTMENTS, readLabelledWorkOrders());
  const pairModel = trained?.incidents ?? fitIncidentModel(readLabelledIncidents(), departments);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');

  const deptScores = files
    .filter((f) => f.startsWith('blind-dept'))
    .map((f) => scoreDepartments(departments, f, read(f).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledWorkOrder)));
  const total = deptScores.reduce((s, d) => s + d.total, 0);
  const departmentsAll = {
    total,
    top1: deptScores.reduce((s, d) => s + d.top1 * d.total, 0) / total,
    top3: deptScores.reduce((s, d) => s + d.top3 * d.total, 0) / total,
  };

  let tp = 0;
  let predicted = 0;
  let truePairs = 0;
  const incidents = files
    .filter((f) => f.startsWith('blind-incidents'))
    .map((f) => {
      const reports = parseIncidentSet(read(f));
      const r = evaluateIncidents(reports, departments, pairModel, JOIN_THRESHOLD);
      tp += r.precision * r.predictedPairs;
      predicted += r.predictedPairs;
      truePairs += r.truePairs;
      return { file: f, reports: reports.length, precision: r.precision, recall: r.recall, truePairs: r.truePairs };
    });
  return { departments: deptScores, departmentsAll, incidents, incidentsAll: { precision: predicted ? tp / predicted : 1, recall: truePairs ? tp / truePairs : 1 } };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_EVAL_DIR;
  const started = Date.now();
  const r = evaluateDispatch(dir);
  console.log(`Dispatch on ${basename(dir)} (trained in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const d of r.departments) console.log(`  ${d.file}: ${d.total} work orders, top-1 ${pct(d.top1)}, top-3 ${pct(d.top3)}`);
  console.log(`  departments: top-1 ${pct(r.departmentsAll.top1)} (target ≥ ${pct(TARGETS.top1)}), top-3 ${pct(r.departmentsAll.top3)} (target ≥ ${pct(TARGETS.top3)})`);
  for (const i of r.incidents) console.log(`  ${i.file}: ${i.reports} reports, ${i.truePairs} true pairs, precision ${pct(i.precision)}, recall ${pct(i.recall)}`);
  console.log(`  incidents: pairwise precision ${pct(r.incidentsAll.precision)} (target ≥ ${pct(TARGETS.precision)}), recall ${pct(r.incidentsAll.recall)} (target ≥ ${pct(TARGETS.recall)})`);
  const met = r.departmentsAll.top1 >= TARGETS.top1 && r.departmentsAll.top3 >= TARGETS.top3 && r.incidentsAll.precision >= TARGETS.precision && r.incidentsAll.recall >= TARGETS.recall;
  console.log(met ? 'All targets met.' : 'Some targets NOT met.');
  process.exitCode = met ? 0 : 1;
}
