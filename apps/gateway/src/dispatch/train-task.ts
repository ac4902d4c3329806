// The worker-thread task that trains dispatch's models (runInWorker): seconds of CPU that must never run
// on the event loop answering requests. The department model learns from the shipped work orders plus
// the city's own dispatched tickets; the incident pair model is fitted with it (it reads its suggestions).
import type { DenseLogistic } from '../learning/dense-logistic.js';
import { trainDepartmentModel, type DepartmentModelState, type LabelledWorkOrder } from './department-model.js';
import { fitIncidentModel, readLabelledIncidents } from './incident-fit.js';

export interface TrainedDispatch {
  departments: DepartmentModelState;
  incidents: DenseLogistic;
}

export function run(input: { departments: string[]; examples: LabelledWorkOrder[] }): TrainedDispatch {
  const model = trainDepartmentModel(input.departments, input.examples);
  return { departments: model.state(), incidents: fitIncidentModel(readLabelledIncidents(), model) };
}
