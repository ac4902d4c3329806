// The targets on the project's blind sets (tests/dispatch/blind), trained as a gateway trains:
// department top-1 ≥ 90 % and top-3 ≥ 97 %, incident pairwise precision ≥ 90 % and recall ≥ 80 %.
// The first-contact figures are in FIRST-CONTACT.txt; this keeps them from sliding back.
import { describe, expect, it } from 'vitest';
import { evaluateDispatch, TARGETS } from './eval.js';

describe('dispatch on the blind sets', () => {
  it('meets the department and incident targets', () => {
    const r = evaluateDispatch();
    expect(r.departmentsAll.total).toBeGreaterThanOrEqual(200);
    expect(r.departmentsAll.top1).toBeGreaterThanOrEqual(TARGETS.top1);
    expect(r.departmentsAll.top3).toBeGreaterThanOrEqual(TARGETS.top3);
    expect(r.incidents.length).toBeGreaterThanOrEqual(2);
    expect(r.incidentsAll.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.incidentsAll.recall).toBeGreaterThanOrEqual(TARGETS.recall);
  }, 240_000);
});
