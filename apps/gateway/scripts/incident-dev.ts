// Cross-set check of the incident pair model on the shipped dev sets: fit on one author, cluster the other.
import { DEFAULT_DEPARTMENTS } from '../src/config.js';
import { readLabelledWorkOrders, trainDepartmentModel } from '../src/dispatch/department-model.js';
import { evaluateIncidents } from '../src/dispatch/incident-eval.js';
import { fitIncidentModel, readLabelledIncidents } from '../src/dispatch/incident-fit.js';
const dm = trainDepartmentModel(DEFAULT_DEPARTMENTS, readLabelledWorkOrders());
const sets = readLabelledIncidents();
for (let i = 0; i < sets.length; i++) {
  const model = fitIncidentModel(sets.filter((_, j) => j !== i), dm);
  console.log('weights', model.weights.map((w) => w.toFixed(2)).join(' '), 'bias', model.bias.toFixed(2));
  for (const th of [0.45, 0.5, 0.55, 0.6, 0.7]) {
    const r = evaluateIncidents(sets[i]!, dm, model, th);
    console.log(`set ${i} th ${th}: P ${(r.precision * 100).toFixed(1)} R ${(r.recall * 100).toFixed(1)}`);
  }
}
