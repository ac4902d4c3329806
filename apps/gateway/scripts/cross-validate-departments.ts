import { readFileSync, readdirSync } from 'node:fs';
import { DEFAULT_DEPARTMENTS } from '../src/config.js';
import { trainDepartmentModel, type LabelledWorkOrder } from '../src/dispatch/department-model.js';
const dir = 'src/dispatch/training/departments';
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LabelledWorkOrder);
// Leave one author out: train on the others, test on that author's work orders.
let t1 = 0, t3 = 0, n = 0;
for (const f of files) {
  const test = read(f);
  const train = files.filter((g) => g !== f).flatMap(read);
  const m = trainDepartmentModel(DEFAULT_DEPARTMENTS, train);
  let a = 0, b = 0;
  for (const t of test) { const s = m.suggest(t); if (s[0]!.department === t.department) a++; if (s.slice(0, 3).some((x) => x.department === t.department)) b++; }
  console.log(f, 'n', test.length, 'top1', (a / test.length * 100).toFixed(1), 'top3', (b / test.length * 100).toFixed(1));
  t1 += a; t3 += b; n += test.length;
}
console.log('ALL top1', (t1 / n * 100).toFixed(1), 'top3', (t3 / n * 100).toFixed(1));
