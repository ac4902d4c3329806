// The worker-thread task that trains the department model (runInWorker): a few seconds of CPU that must
// never run on the event loop that answers requests.
import { trainDepartmentModel, type DepartmentModelState, type LabelledWorkOrder } from './department-model.js';

export function run(input: { departments: string[]; examples: LabelledWorkOrder[] }): DepartmentModelState {
  return trainDepartmentModel(input.departments, input.examples).state();
}
